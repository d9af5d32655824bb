import { splitLongToH3Index } from 'h3-js';
import { CellTable } from '../../../shared/domain/h3/cell-bits';
import { DuplicateIds } from '../../../shared/domain/import/find-duplicates';
import { createAccountRowReader, createRepRowReader, type RowResult } from '../../../shared/domain/import/row-readers';
import type { ImportIssue, TableRow } from '../../../shared/domain/import/types';
import { columnIndex, measureKeyOf, validateMapping } from '../../../shared/domain/import/guess-mapping';
import { growStudyArea } from './grow-study-area';
import { PointPlacer, startPointPlacer, type PlacedPoints, type RunningPlacer } from './place-points';
import { createPostalLookup } from './postal-codes';
import type { PrepareProgress, PrepareRequest, Prepared, PreparedAlignmentRows, PreparedRecords } from './prepared';
import { openTable } from './read-table/open-table';
import { readGeojsonTerritories } from './read-geojson-territories';

/** Records read from this many on are placed in cells (and their land worked out) on a second thread while reading goes on. */
const PLACER_THREAD_ROWS = 50_000;
/** … as are those of a file this large (bytes), from the first rows, so the thread has started by the time many points arrive. */
const PLACER_THREAD_BYTES = 8_000_000;
/** Points go to that thread in batches of at least this many. */
const PLACER_BATCH = 16_384;

/** Thrown inside the reading loop when the user cancels. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
  }
}

export interface PrepareHooks {
  onProgress(progress: PrepareProgress): void;
  isCancelled(): boolean;
}

/**
 * Reads a staged file row by row (streamed: the file is never held whole), turns each
 * row into a record or into issues naming its row, column and value, drops repeated ids
 * (the first is kept), places the records in H3 cells and works out how the study area
 * must grow. Writes nothing: the backend commits the result in one transaction.
 * @throws Error naming the file when it cannot be read at all; ImportCancelled
 */
export async function prepareImport(request: PrepareRequest, hooks: PrepareHooks): Promise<Prepared> {
  if (request.kind === 'alignment' && isGeojsonName(request.fileName)) return prepareGeojson(request);
  const table = await openTable(request.path, request.sheet ? { sheet: request.sheet } : {});
  try {
    const problems = validateMapping(request.mapping, table.header);
    if (problems.length > 0) throw new Error(`${request.fileName}: ${problems.join(' ')}`);
    const measures = request.mapping.columns
      .filter((c) => c.role === 'measure')
      .map((c) => ({ key: measureKeyOf(c), label: c.label ?? c.column }));
    const started = performance.now();
    if (request.kind === 'alignment') {
      const { rowsRead, rejected, issues, alignment } = await readAlignmentRows(request, table, hooks);
      const timings = { readMs: Math.round(performance.now() - started), cellsMs: 0, studyAreaMs: 0 };
      return { kind: request.kind, rowsRead, rejected, issues, records: null, growth: null, alignment, polygons: null, measures, timings };
    }
    const { rowsRead, rejected, issues, records, cellsMs, land } = await readRecords(request, table, measures, hooks);
    const read = performance.now();
    hooks.onProgress({ phase: 'locating', rows: rowsRead, bytes: table.info.bytes, totalBytes: table.info.bytes });
    const growth = request.kind === 'accounts' ? growStudyArea(request.existingCells, records.cells, records.lat, records.lon, request.resolution, land) : null;
    const timings = { readMs: Math.round(read - started - cellsMs), cellsMs: Math.round(cellsMs), studyAreaMs: Math.round(performance.now() - read) };
    return { kind: request.kind, rowsRead, rejected, issues, records, growth, alignment: null, polygons: null, measures, timings };
  } finally {
    await table.close();
  }
}

/** GeoJSON territory boundaries are recognised by their file name (.geojson, .json). */
export function isGeojsonName(fileName: string): boolean {
  return /\.(geo)?json$/i.test(fileName);
}

function prepareGeojson(request: PrepareRequest): Prepared {
  const label = request.mapping.columns.find((c) => c.role === 'territory')?.column;
  const { features, issues } = readGeojsonTerritories(request.path, label);
  const rejected = new Set(issues.map((i) => i.row)).size;
  const timings = { readMs: 0, cellsMs: 0, studyAreaMs: 0 };
  return { kind: 'alignment', rowsRead: features.length + rejected, rejected, issues, records: null, growth: null, alignment: null, polygons: features, measures: [], timings };
}

type Table = Awaited<ReturnType<typeof openTable>>;

/** The table's row batches, with a cancel check and progress per batch (rows are looped over by the caller: a yield per row costs more than reading it). */
async function* batchesOf(table: Table, hooks: PrepareHooks): AsyncGenerator<TableRow[]> {
  let rows = 0;
  let lastReport = 0;
  for await (const batch of table.rows()) {
    if (hooks.isCancelled()) throw new ImportCancelled();
    yield batch;
    rows += batch.length;
    const now = Date.now();
    if (now - lastReport >= 100) {
      lastReport = now;
      hooks.onProgress({ phase: 'reading', rows, bytes: table.bytesRead(), totalBytes: table.info.bytes });
    }
  }
}

async function readRecords(request: PrepareRequest, table: Table, measures: { key: string }[], hooks: PrepareHooks) {
  const ctx = { header: table.header, mapping: request.mapping, lookupPostal: createPostalLookup() };
  const read: (row: TableRow) => RowResult<{ id: string; name: string; lat: number; lon: number; attributes: Record<string, string>; measures?: Record<string, number>; capacity?: number }> =
    request.kind === 'reps' ? createRepRowReader(ctx) : createAccountRowReader(ctx);
  const idColumn = request.mapping.columns.find((c) => c.role === 'id')?.column ?? '';
  const duplicates = new DuplicateIds(idColumn);
  const issues: ImportIssue[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const postal: (string | null)[] = [];
  const attributes: string[] = [];
  const capacity: number[] = [];
  const values = measures.map(() => [] as number[]);
  let rowsRead = 0;
  let rejected = 0;
  // A large file's points are placed in cells on a second thread while this one reads.
  // A first import of accounts takes the land of the region its points fall in: the
  // placer works that out too.
  const withLand = request.kind === 'accounts' && request.existingCells.length === 0;
  let placer: RunningPlacer | null = null;
  let sent = 0;
  const send = () => {
    const m = ids.length - sent;
    const batchLat = new Float64Array(m);
    const batchLon = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      batchLat[j] = lat[sent + j]!;
      batchLon[j] = lon[sent + j]!;
    }
    placer!.add(batchLat, batchLon);
    sent = ids.length;
  };
  try {
    for await (const batch of batchesOf(table, hooks)) {
      for (const row of batch) {
        rowsRead++;
        const result = read(row);
        if (!result.ok) {
          rejected++;
          for (const issue of result.issues) issues.push(issue);
          continue;
        }
        const record = result.value;
        const duplicate = duplicates.check(record.id, row.row);
        if (duplicate) {
          rejected++;
          issues.push(duplicate);
          continue;
        }
        ids.push(record.id);
        names.push(record.name);
        lat.push(record.lat);
        lon.push(record.lon);
        postal.push(result.postalCode);
        attributes.push(JSON.stringify(record.attributes));
        capacity.push(record.capacity ?? 1);
        for (let j = 0; j < measures.length; j++) values[j]!.push(record.measures?.[measures[j]!.key] ?? Number.NaN);
      }
      if (!placer && (ids.length >= PLACER_THREAD_ROWS || table.info.bytes >= PLACER_THREAD_BYTES)) placer = startPointPlacer(request.resolution, withLand);
      if (placer && ids.length - sent >= PLACER_BATCH) send();
    }
  } catch (error) {
    placer?.stop();
    throw error;
  }
  const n = ids.length;
  const latArray = Float64Array.from(lat);
  const lonArray = Float64Array.from(lon);
  const cellsStarted = performance.now();
  let placed: PlacedPoints;
  if (placer) {
    if (sent < n) send();
    placed = await placer.finish();
  } else {
    const here = new PointPlacer(request.resolution, withLand);
    here.add(latArray, lonArray);
    placed = here.finish();
  }
  const cells = new Array<string>(n);
  // One string per distinct cell, found by the cell's bits: later set and map lookups by
  // cell then find their key by identity.
  const distinct: string[] = [];
  const seen = new CellTable();
  const { hi, lo } = placed;
  for (let i = 0; i < n; i++) {
    let k = seen.get(hi[i]!, lo[i]!);
    if (k < 0) {
      k = distinct.length;
      distinct.push(splitLongToH3Index(lo[i]! >>> 0, hi[i]!));
      seen.set(hi[i]!, lo[i]!, k);
    }
    cells[i] = distinct[k]!;
  }
  const land = placed.land ?? undefined;
  const cellsMs = performance.now() - cellsStarted;
  const records: PreparedRecords = {
    ids,
    names,
    lat: latArray,
    lon: lonArray,
    cells,
    postal,
    measures: Object.fromEntries(measures.map((m, j) => [m.key, Float64Array.from(values[j]!)])),
    attributes,
    capacity: request.kind === 'reps' ? Float64Array.from(capacity) : null,
  };
  return { rowsRead, rejected, issues, records, cellsMs, land };
}

async function readAlignmentRows(request: PrepareRequest, table: Table, hooks: PrepareHooks) {
  const { mapping } = request;
  const indexOf = (role: string) => {
    const column = mapping.columns.find((c) => c.role === role)?.column;
    return column === undefined ? -1 : columnIndex(table.header, column);
  };
  const keyRole = indexOf('id') >= 0 ? 'id' : 'postalCode';
  const keyAt = indexOf(keyRole);
  const territoryAt = indexOf('territory');
  const repAt = indexOf('rep');
  const regionAt = indexOf('region');
  const keyColumn = table.header[keyAt] ?? '';
  const territoryColumn = table.header[territoryAt] ?? '';
  const out: PreparedAlignmentRows = { keyRole, rows: [], keys: [], territories: [], reps: [], regions: [] };
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  let rejected = 0;
  const text = (row: TableRow, at: number) => (at >= 0 ? (row.values[at] ?? '').trim() : '');
  for await (const batch of batchesOf(table, hooks)) {
    for (const row of batch) {
      rowsRead++;
      const key = text(row, keyAt);
      const territory = text(row, territoryAt);
      const rowIssues: ImportIssue[] = [];
      if (key === '') rowIssues.push({ row: row.row, column: keyColumn, value: '', reason: keyRole === 'id' ? 'empty account id' : 'empty postal code' });
      if (territory === '') rowIssues.push({ row: row.row, column: territoryColumn, value: '', reason: 'empty territory' });
      const first = seen.get(key);
      if (key !== '' && first !== undefined) {
        rowIssues.push({ row: row.row, column: keyColumn, value: key, reason: `duplicate key (first seen on row ${first})` });
      }
      if (rowIssues.length > 0) {
        rejected++;
        issues.push(...rowIssues);
        continue;
      }
      seen.set(key, row.row);
      out.rows.push(row.row);
      out.keys.push(key);
      out.territories.push(territory);
      out.reps.push(text(row, repAt) || null);
      out.regions.push(text(row, regionAt) || null);
    }
  }
  return { rowsRead, rejected, issues, alignment: out };
}
