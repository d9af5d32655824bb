import type { Csr } from '../../../shared/domain/h3/build-adjacency';
import type { ImportIssue, ImportKind, ImportMapping } from '../../../shared/domain/import/types';

/** What the import worker is asked to do: read one staged file against the workspace's grid. */
export interface PrepareRequest {
  path: string;
  fileName: string;
  kind: ImportKind;
  sheet?: string | undefined;
  mapping: ImportMapping;
  resolution: number;
  /** The study area's cells now (H3), in index order. */
  existingCells: string[];
}

/** Accounts or reps read from a file, as columns (row i is one record). */
export interface PreparedRecords {
  ids: string[];
  names: string[];
  lat: Float64Array;
  lon: Float64Array;
  /** The H3 cell (workspace resolution) of each record. */
  cells: string[];
  /** Postal code each record was located by (null when located by coordinates). */
  postal: (string | null)[];
  /** measure key → value per record; NaN = missing. Empty for reps. */
  measures: Record<string, Float64Array>;
  /** Attributes of each record as a JSON object text. */
  attributes: string[];
  /** Reps only: capacity per record. */
  capacity: Float64Array | null;
}

/** Cells the study area gains (appended after the current ones), with the new whole-area graph. */
export interface StudyAreaGrowth {
  h3: string[];
  lat: Float64Array;
  lon: Float64Array;
  areaKm2: Float64Array;
  /** Adjacency and island components of the whole grown study area. */
  graph: Csr;
  component: Int32Array;
  /** Countries / states whose land was taken. */
  places: string[];
}

/** Rows of an alignment table: a key (account id or postal code) and the territory it belongs to. */
export interface PreparedAlignmentRows {
  keyRole: 'id' | 'postalCode';
  rows: number[];
  keys: string[];
  territories: string[];
  reps: (string | null)[];
  regions: (string | null)[];
}

export interface Prepared {
  kind: ImportKind;
  rowsRead: number;
  rejected: number;
  issues: ImportIssue[];
  records: PreparedRecords | null;
  growth: StudyAreaGrowth | null;
  alignment: PreparedAlignmentRows | null;
  /** Alignment from a GeoJSON file: one labelled (multi)polygon per feature. */
  polygons: { label: string; polygons: number[][][][] }[] | null;
  /** Measures the mapping names, in column order. */
  measures: { key: string; label: string }[];
  /** Milliseconds spent reading and checking rows, placing records in cells, and growing the study area. */
  timings: { readMs: number; cellsMs: number; studyAreaMs: number };
}

/** Progress of the reading, for the progress bar. */
export interface PrepareProgress {
  phase: 'reading' | 'locating';
  rows: number;
  bytes: number;
  totalBytes: number;
}
