/** A position as [longitude, latitude] in WGS84 degrees (GeoJSON order). */
export type Position = [number, number];

/** A closed ring: the last position repeats the first. */
export type Ring = Position[];

/** One polygon: the outer ring first, then its holes. */
export type PolygonRings = Ring[];

/** One attribute of an exported feature, in output order. */
export interface FeatureAttribute {
  /** Full attribute name (GeoJSON property, KML ExtendedData name); shortened for DBF. */
  key: string;
  value: string | number | null;
}

/** A territory as an exported boundary: its dissolved polygons and its attributes. */
export interface BoundaryFeature {
  territoryId: number;
  name: string;
  /** `#rrggbb`. */
  color: string;
  attributes: FeatureAttribute[];
  /** The territory's dissolved shape: one polygon per connected piece, holes kept. */
  polygons: PolygonRings[];
}

/** A cell of a table written to CSV or XLSX: text stays text (ids keep leading zeros), numbers stay numbers. */
export type TableValue = string | number | null;

export interface TableSheet {
  /** Sheet name (XLSX) — at most 31 characters, none of []:*?/\ . */
  name: string;
  header: string[];
  rows: TableValue[][];
  /** Rows written above the header (title, scenario, date …), XLSX only. */
  preamble?: TableValue[][];
}
