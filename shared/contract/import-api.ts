import type { ScenarioId } from '../domain/model/ids';
import type { ImportIssue, ImportKind, ImportMapping, TableRow } from '../domain/import/types';

/** A file handed to the backend for import (chosen in a dialog, dropped, or named on the CLI). */
export interface StagedFile {
  sourceId: string;
  /** The file's own name (no folder). */
  name: string;
  bytes: number;
}

/** The first rows of a staged file and Tessera's reading of it, for the mapping wizard. */
export interface ImportPreview {
  sourceId: string;
  fileName: string;
  format: 'csv' | 'xlsx' | 'geojson';
  encoding: string | null;
  delimiter: string | null;
  /** Sheets of a workbook (empty for CSV) and the one previewed. */
  sheets: string[];
  sheet: string | null;
  header: string[];
  rows: TableRow[];
  /** The mapping to start from: the one saved for this layout, or Tessera's guess. */
  mapping: ImportMapping;
  /** Name of the saved mapping reused, or null when the mapping is a fresh guess. */
  savedMapping: string | null;
  /** The detected number rule in words ("decimal comma, thousands '.'"). */
  numberRule: string;
  /** Problems with the starting mapping (missing required columns …). */
  mappingProblems: string[];
}

export interface ImportRequest {
  sourceId: string;
  kind: ImportKind;
  sheet?: string | undefined;
  mapping: ImportMapping;
  /** Re-import: what happens to accounts (or reps) of the workspace absent from the file. */
  missingRecords?: 'keep' | 'remove' | undefined;
  /** Name the mapping is saved under (default: the file name without extension). */
  saveMappingAs?: string | undefined;
  /** Alignment: the scenario to create (must not exist). */
  scenarioName?: string | undefined;
  /** Alignment: give empty cells the territory of their nearest named cell (default true). */
  fillEmpty?: boolean | undefined;
}

/** What an import did. `issues` holds at most the first 1,000; `issueCount` counts them all. */
export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  rowsRead: number;
  /** Records added, updated (changed) and unchanged. */
  imported: number;
  updated: number;
  unchanged: number;
  /** Rows rejected (each with one issue or more). */
  rejected: number;
  /** Records of the workspace absent from the file, and how many of them were removed. */
  missing: number;
  removed: number;
  issues: ImportIssue[];
  issueCount: number;
  /** Cells the study area gained, and the countries/states whose land it took. */
  addedCells: number;
  places: string[];
  /** Alignment imports: the scenario created and what could not be matched. */
  alignment: {
    scenarioId: ScenarioId;
    scenarioName: string;
    territories: number;
    assignedCells: number;
    filledCells: number;
    overrides: number;
    conflicts: number;
    unmatchedKeys: number;
  } | null;
  mappingName: string;
  elapsedMs: number;
  /** Where the time went (ms): reading and checking rows, H3 cells, the study area, the transfer from the reading thread, the database write. */
  timings: { readMs: number; cellsMs: number; studyAreaMs: number; transferMs: number; writeMs: number };
}

export interface ImportJobState {
  jobId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  phase: 'reading' | 'locating' | 'writing' | 'finished';
  rows: number;
  bytes: number;
  totalBytes: number;
  error?: string;
  report?: ImportReport;
}

/** A saved column mapping. */
export interface SavedMapping {
  name: string;
  kind: ImportKind;
  signature: string;
  mapping: ImportMapping;
  updatedAt: string;
}
