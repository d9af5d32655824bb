import type { ScenarioId } from '../domain/model/ids';
import type { TableSheet } from '../domain/export/types';

/** Files the backend writes from a scenario (maps and print pages are composed by the renderer). */
export const FILE_EXPORT_FORMATS = ['geojson', 'kml', 'shp', 'assignments', 'postal', 'metrics-csv', 'metrics-xlsx'] as const;
export type FileExportFormat = (typeof FILE_EXPORT_FORMATS)[number];

/** Every export the app offers: the backend's files plus the map image and the printable PDF. */
export type ExportFormat = FileExportFormat | 'png' | 'pdf';

/** An exported file, ready to save. */
export interface ExportFile {
  format: FileExportFormat;
  /** Suggested file name, from the scenario's name. */
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** Shapefile only: full attribute name → the DBF field name it was shortened to. */
  fields?: { key: string; dbfName: string }[];
  /** Rows or features written. */
  records: number;
  elapsedMs: number;
}

/** The per-territory metrics report: the table of the CSV, the workbook and the PDF's second page. */
export interface MetricsReport {
  scenario: { id: ScenarioId; name: string; revision: number };
  /** ISO-8601 time the report was made. */
  createdAt: string;
  /** The measures of the table, in column order. */
  measures: { key: string; label: string }[];
  /** Summary figures (balance, travel, contiguity), each with a label and a formatted value. */
  summary: { key: string; label: string; value: string }[];
  /** One row per territory. Numeric columns hold numbers. */
  table: TableSheet;
  /** `#rrggbb` per row (the territory's colour). */
  colors: string[];
}
