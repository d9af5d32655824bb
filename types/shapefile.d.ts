// Ambient types for `shapefile` (mbostock's streaming reader, a devDependency the export
// tests read shapefiles back with), which ships no declarations.
declare module 'shapefile' {
  import type { Feature, FeatureCollection, Geometry } from 'geojson';

  /** A DBF record: field name → string, number, boolean, Date or null (an object even without a .dbf). */
  type Properties = Record<string, unknown>;

  /** A path (Node), bytes, or a readable stream. */
  type Input = string | ArrayBuffer | Uint8Array | NodeJS.ReadableStream;

  interface Options {
    /** dBASE text encoding; defaults to windows-1252. */
    encoding?: string;
    highWaterMark?: number;
  }

  type ReadResult<T> = { done: false; value: T } | { done: true; value: undefined };

  interface Source<T> {
    /** [xmin, ymin, xmax, ymax] from the .shp header (not on DBF-only sources). */
    bbox: [number, number, number, number];
    read(): Promise<ReadResult<T>>;
    cancel(): Promise<void>;
  }

  export function open(shp: Input, dbf?: Input | null, options?: Options): Promise<Source<Feature<Geometry | null, Properties>>>;
  export function openShp(shp: Input, options?: Options): Promise<Source<Geometry | null>>;
  export function openDbf(dbf: Input, options?: Options): Promise<Source<Properties>>;
  export function read(
    shp: Input,
    dbf?: Input | null,
    options?: Options,
  ): Promise<FeatureCollection<Geometry | null, Properties> & { bbox: [number, number, number, number] }>;
}
