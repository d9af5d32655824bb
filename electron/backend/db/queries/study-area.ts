import type { Csr } from '../../../../shared/domain/h3/build-adjacency';
import type { Db } from '../db-types';

export interface StoredStudyArea {
  h3: string[];
  lat: Float64Array;
  lon: Float64Array;
  component: Int32Array;
  accounts: Uint32Array;
}

/** Rows bound per multi-row INSERT: one statement per row costs a round trip into SQLite each. */
const ROWS_PER_INSERT = 64;

/**
 * Inserts `count` rows of `width` values with multi-row INSERT statements.
 * @param insertInto the statement up to VALUES, e.g. 'INSERT INTO t (a, b) VALUES'
 * @param values pushes the values of row i onto `row`
 */
export function insertRows(db: Db, insertInto: string, width: number, count: number, values: (i: number, row: unknown[]) => void): void {
  const tuple = `(${new Array(width).fill('?').join(', ')})`;
  const statement = (rows: number) => db.prepare(`${insertInto} ${new Array(rows).fill(tuple).join(', ')}`);
  const full = count >= ROWS_PER_INSERT ? statement(ROWS_PER_INSERT) : null;
  const row: unknown[] = [];
  let pending = 0;
  for (let i = 0; i < count; i++) {
    values(i, row);
    if (++pending === ROWS_PER_INSERT) {
      full!.run(row);
      row.length = 0;
      pending = 0;
    }
  }
  if (pending > 0) statement(pending).run(row);
}

/**
 * Appends cells (their indices continue from the current count), with their account
 * counts when given (else 0). Call inside a transaction.
 */
export function insertCells(
  db: Db,
  cells: { h3: readonly string[]; lat: ArrayLike<number>; lon: ArrayLike<number>; component: ArrayLike<number>; accounts?: ArrayLike<number> },
): void {
  const start = cellCount(db);
  const { h3, lat, lon, component, accounts } = cells;
  if (accounts) {
    insertRows(db, 'INSERT INTO cells (idx, h3, lat, lon, component, accounts) VALUES', 6, h3.length, (i, row) => {
      row.push(start + i, h3[i], lat[i], lon[i], component[i], accounts[i]);
    });
  } else {
    insertRows(db, 'INSERT INTO cells (idx, h3, lat, lon, component) VALUES', 5, h3.length, (i, row) => {
      row.push(start + i, h3[i], lat[i], lon[i], component[i]);
    });
  }
}

export function cellCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM cells').get() as { n: number }).n;
}

export function loadStudyArea(db: Db): StoredStudyArea {
  const rows = db.prepare('SELECT h3, lat, lon, component, accounts FROM cells ORDER BY idx').raw().all() as [string, number, number, number, number][];
  const n = rows.length;
  const out: StoredStudyArea = {
    h3: new Array<string>(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    component: new Int32Array(n),
    accounts: new Uint32Array(n),
  };
  rows.forEach(([h3, lat, lon, component, accounts], i) => {
    out.h3[i] = h3;
    out.lat[i] = lat;
    out.lon[i] = lon;
    out.component[i] = component;
    out.accounts[i] = accounts;
  });
  return out;
}

/** Stores the CSR adjacency of the study area. */
export function saveAdjacency(db: Db, graph: Csr): void {
  const put = db.prepare('INSERT OR REPLACE INTO grid (key, data) VALUES (?, ?)');
  put.run('adjacency.offsets', Buffer.from(graph.offsets.buffer, graph.offsets.byteOffset, graph.offsets.byteLength));
  put.run('adjacency.neighbors', Buffer.from(graph.neighbors.buffer, graph.neighbors.byteOffset, graph.neighbors.byteLength));
}

/** Stores the area (km²) of every cell, computed once when the study area is written. */
export function saveCellAreas(db: Db, areaKm2: Float64Array): void {
  db.prepare('INSERT OR REPLACE INTO grid (key, data) VALUES (?, ?)').run(
    'cells.area_km2',
    Buffer.from(areaKm2.buffer, areaKm2.byteOffset, areaKm2.byteLength),
  );
}

/** The stored cell areas, or null in a workspace written before they were stored. */
export function loadCellAreas(db: Db): Float64Array | null {
  const data = db.prepare('SELECT data FROM grid WHERE key = ?').pluck().get('cells.area_km2') as Buffer | undefined;
  if (!data) return null;
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return new Float64Array(copy.buffer);
}

export function loadAdjacency(db: Db): Csr | null {
  const get = db.prepare('SELECT data FROM grid WHERE key = ?').pluck();
  const offsets = get.get('adjacency.offsets') as Buffer | undefined;
  const neighbors = get.get('adjacency.neighbors') as Buffer | undefined;
  if (!offsets || !neighbors) return null;
  return { offsets: toInt32(offsets), neighbors: toInt32(neighbors) };
}

function toInt32(buffer: Buffer): Int32Array {
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return new Int32Array(copy.buffer, 0, buffer.byteLength / 4);
}
