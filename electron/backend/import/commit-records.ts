import { refreshCellTotals, replaceCellTotals } from '../db/queries/accounts';
import type { Db } from '../db/db-types';
import { cellCount, insertCells, insertRows, loadCellAreas, loadStudyArea, saveAdjacency, saveCellAreas } from '../db/queries/study-area';
import { listMeasures } from '../db/queries/measures';
import { cellAreasKm2 } from '../../../shared/domain/h3/cell-areas';
import { CellTable, cellBits, readCellBits } from '../../../shared/domain/h3/cell-bits';
import type { Prepared, PreparedRecords, StudyAreaGrowth } from './prepared';

export interface RecordCounts {
  imported: number;
  updated: number;
  unchanged: number;
  missing: number;
  removed: number;
  addedCells: number;
}

interface Stored {
  name: string;
  lat: number;
  lon: number;
  postal: string | null;
  measures: string;
  attributes: string;
  capacity?: number;
}

/**
 * Writes prepared accounts or reps: grows the study area, adds new measures, inserts new
 * records and updates changed ones by id (measures and attributes the file does not map
 * are kept), and removes records absent from the file only when asked. Assignments,
 * overrides and history are never touched, except the overrides of removed accounts.
 * Call inside a transaction.
 */
export function commitRecords(db: Db, prepared: Prepared, missingRecords: 'keep' | 'remove'): RecordCounts {
  const records = prepared.records!;
  if (prepared.kind === 'accounts') {
    const order = bulkOrder(db, records);
    if (order) return loadAccounts(db, prepared, order);
  }
  const addedCells = prepared.growth ? appendCells(db, prepared.growth) : 0;
  if (prepared.kind === 'accounts') addMeasures(db, prepared.measures);
  const cellIndex = new Map<string, number>();
  (db.prepare('SELECT h3, idx FROM cells').raw().all() as [string, number][]).forEach(([h3, idx]) => cellIndex.set(h3, idx));
  const counts = prepared.kind === 'accounts' ? upsertAccounts(db, records, cellIndex, missingRecords) : upsertReps(db, records, cellIndex, missingRecords);
  if (prepared.kind === 'accounts') refreshCellTotals(db);
  return { ...counts, addedCells };
}

/**
 * Tables whose foreign keys an import of records writes (accounts into an empty table:
 * their cells, and the cell totals' cells and measures).
 */
const CHECKED_TABLES = ['accounts', 'cell_totals'] as const;

/**
 * Whether {@link commitRecords} may run with foreign keys unenforced and checked once
 * before the commit ({@link commitCheckingKeysAtEnd}): accounts going into an empty
 * accounts table. Nothing is deleted from a table others refer to then (no ON DELETE
 * action is skipped), and checking each of a million new rows' cell as it is inserted
 * costs more than one check of the whole table.
 */
export function keysCheckableAtEnd(db: Db, prepared: Prepared): boolean {
  return prepared.kind === 'accounts' && (prepared.records?.ids.length ?? 0) > BULK_ROWS && db.prepare('SELECT 1 FROM accounts LIMIT 1').get() === undefined;
}

/**
 * Runs `write` in one transaction with foreign keys unenforced, then checks the tables
 * an import of records writes (`PRAGMA foreign_key_check`) before committing: a row
 * pointing at nothing rolls everything back with an error. Enforcement cannot change
 * inside a transaction, so it is switched around it, and restored whatever happens;
 * so is the journal (a rollback journal for the load, the write-ahead log after).
 * Use only where {@link keysCheckableAtEnd} holds.
 * @throws Error naming the table and how many of its rows point at nothing
 */
export function commitCheckingKeysAtEnd<T>(db: Db, write: () => T): T {
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) db.pragma('foreign_keys = OFF');
  // Nearly every page a bulk load writes is new: a rollback journal writes them once
  // (it saves only the few pages changed), a write-ahead log twice (log, then checkpoint).
  const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
  if (wal) db.pragma('journal_mode = DELETE');
  try {
    return db.transaction(() => {
      const result = write();
      if (enforced) {
        for (const table of CHECKED_TABLES) {
          const broken = table === 'accounts' && accountsReferOnlyToCells(db) ? accountsWithoutCell(db) : (db.pragma(`foreign_key_check(${table})`) as unknown[]).length;
          if (broken > 0) throw new Error(`The import left ${broken} rows of ${table} pointing at nothing; nothing was imported.`);
        }
      }
      return result;
    })();
  } finally {
    if (wal) db.pragma('journal_mode = WAL');
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

/** Whether the accounts' one foreign key is `cell` → `cells(idx)` (so {@link accountsWithoutCell} is their whole check). */
function accountsReferOnlyToCells(db: Db): boolean {
  const keys = db.pragma('foreign_key_list(accounts)') as { table: string; from: string; to: string | null }[];
  return keys.length === 1 && keys[0]!.table === 'cells' && keys[0]!.from === 'cell' && keys[0]!.to === 'idx';
}

/**
 * The accounts whose cell is no cell: what `PRAGMA foreign_key_check(accounts)` finds,
 * but read off the accounts' cell index (each distinct cell looked up once) instead of
 * the whole table (~50 ms instead of ~0.8 s for a million accounts).
 */
function accountsWithoutCell(db: Db): number {
  return db
    .prepare('SELECT count(*) FROM accounts WHERE cell IN (SELECT a.cell FROM (SELECT DISTINCT cell FROM accounts) a WHERE NOT EXISTS (SELECT 1 FROM cells WHERE idx = a.cell))')
    .pluck()
    .get() as number;
}

/** Accounts loaded into an empty table at least this large take {@link loadAccounts}. */
const BULK_ROWS = 10_000;
/** Page cache while loading that many accounts (KiB); the file's pages are mostly written once. */
const BULK_CACHE_KIB = 131_072;
/** Page cache while building the cell index of the loaded accounts (KiB): the size of the sorter's pieces. */
const SORT_CACHE_KIB = 8_000;

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The order to load accounts in when they go into an empty accounts table in bulk: by
 * id as SQLite orders the primary key (UTF-8 bytes), which appends to the table's
 * B-tree and is the order `refreshCellTotals` would sum them in. null when the table is
 * not empty, the file is small, or an id holds a UTF-16 surrogate (SQLite may store it
 * differently from its code units).
 */
function bulkOrder(db: Db, records: PreparedRecords): Int32Array | null {
  const ids = records.ids;
  const n = ids.length;
  if (n <= BULK_ROWS || db.prepare('SELECT 1 FROM accounts LIMIT 1').get() !== undefined) return null;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (SURROGATE.test(id)) return null;
    if (sorted && i > 0 && compareUtf8(ids[i - 1]!, id) >= 0) sorted = false;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!sorted) order.sort((a, b) => compareUtf8(ids[a]!, ids[b]!));
  return order;
}

/** Compares strings without surrogates as SQLite's BINARY collation compares their UTF-8. */
function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/**
 * {@link commitRecords} for accounts going into an empty accounts table: the same rows,
 * written faster. The new cells are inserted with their account counts, the accounts in
 * `order` with multi-row INSERTs (the cell index is built once at the end), and the
 * cell totals are summed from the records in that order — the accounts table's order,
 * the one `refreshCellTotals` reads them in — instead of read back.
 */
function loadAccounts(db: Db, prepared: Prepared, order: Int32Array): RecordCounts {
  const records = prepared.records!;
  const growth = prepared.growth;
  const n = records.ids.length;
  const before = cellCount(db);
  const cellCountAfter = before + (growth?.h3.length ?? 0);
  // Cells are found by their bits (a string map would hash every record's cell text).
  const byBits = new CellTable(cellCountAfter);
  const byText = new Map<string, number>(); // any cell not written as h3-js writes cells
  const addCell = (h3: string, idx: number) => (readCellBits(h3) ? byBits.set(cellBits.hi, cellBits.lo, idx) : byText.set(h3, idx));
  for (const [h3, idx] of db.prepare('SELECT h3, idx FROM cells').raw().iterate() as IterableIterator<[string, number]>) addCell(h3, idx);
  if (growth) growth.h3.forEach((h3, i) => addCell(h3, before + i));
  const cellOf = new Int32Array(n);
  const counts = new Uint32Array(cellCountAfter);
  // Records share cells (and, read in this process, the very strings): remember each text's index.
  const indexOfText = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const h3 = records.cells[i]!;
    let cell = indexOfText.get(h3);
    if (cell === undefined) {
      cell = readCellBits(h3) ? byBits.get(cellBits.hi, cellBits.lo) : (byText.get(h3) ?? -1);
      if (cell < 0) throw new Error(`Cell ${h3} of account ${records.ids[i]} is not in the study area.`);
      indexOfText.set(h3, cell);
    }
    cellOf[i] = cell;
    counts[cell]!++;
  }

  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    db.exec('UPDATE cells SET accounts = 0 WHERE accounts <> 0');
    const setCount = db.prepare('UPDATE cells SET accounts = ? WHERE idx = ?');
    for (let c = 0; c < before; c++) if (counts[c]! > 0) setCount.run(counts[c], c);
    const addedCells = growth ? appendCells(db, growth, counts.subarray(before)) : 0;
    addMeasures(db, prepared.measures);

    const keys = db.prepare('SELECT key FROM measures').pluck().all() as string[];
    const columns = keys.map((key) => (Object.hasOwn(records.measures, key) ? records.measures[key]! : null));
    const sums = keys.map(() => new Float64Array(cellCountAfter));
    const seen = keys.map(() => new Uint8Array(cellCountAfter));
    db.exec('DROP INDEX accounts_cell');
    const measuresOf = measuresJsonWriter(records);
    insertRows(db, 'INSERT INTO accounts (id, name, lat, lon, cell, postal_code, measures, attributes) VALUES', 8, n, (k, row) => {
      const i = order[k]!;
      const cell = cellOf[i]!;
      row.push(records.ids[i], records.names[i], records.lat[i], records.lon[i], cell, records.postal[i], measuresOf(i), records.attributes[i]);
      for (let m = 0; m < columns.length; m++) {
        const v = columns[m]?.[i];
        if (v !== undefined && !Number.isNaN(v)) {
          sums[m]![cell]! += v;
          seen[m]![cell] = 1;
        }
      }
    });
    createCellIndex(db);
    replaceCellTotals(db, keys, sums, seen);
    return { imported: n, updated: 0, unchanged: 0, missing: 0, removed: 0, addedCells };
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

/**
 * Builds the accounts' cell index after a bulk load. Its sort runs in pieces the size of
 * a small page cache, sorted by worker threads while the table is read (about a third
 * faster than one sort in a large cache); the page cache is set back to the bulk size.
 */
function createCellIndex(db: Db): void {
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma('threads = 2');
  db.pragma(`cache_size = -${SORT_CACHE_KIB}`);
  try {
    db.exec('CREATE INDEX accounts_cell ON accounts(cell)');
  } finally {
    db.pragma(`threads = ${threads}`);
    db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  }
}

function appendCells(db: Db, growth: StudyAreaGrowth, accounts?: ArrayLike<number>): number {
  const before = cellCount(db);
  const oldAreas = loadCellAreas(db) ?? cellAreasKm2(loadStudyArea(db).h3);
  insertCells(db, { h3: growth.h3, lat: growth.lat, lon: growth.lon, component: growth.component.subarray(before), ...(accounts ? { accounts } : {}) });
  // Joining land can merge islands: refresh every cell's component.
  const update = db.prepare('UPDATE cells SET component = ? WHERE idx = ? AND component <> ?');
  for (let i = 0; i < before; i++) update.run(growth.component[i], i, growth.component[i]);
  saveAdjacency(db, growth.graph);
  const areas = new Float64Array(before + growth.h3.length);
  areas.set(oldAreas.subarray(0, before));
  areas.set(growth.areaKm2, before);
  saveCellAreas(db, areas);
  return growth.h3.length;
}

function addMeasures(db: Db, measures: readonly { key: string; label: string }[]): void {
  const existing = listMeasures(db);
  const known = new Set(existing.map((m) => m.key));
  let position = existing.reduce((max, m) => Math.max(max, m.position + 1), 0);
  const insert = db.prepare("INSERT INTO measures (key, label, unit, position) VALUES (?, ?, '', ?)");
  for (const m of measures) {
    if (known.has(m.key)) continue;
    insert.run(m.key, m.label, position++);
    known.add(m.key);
  }
}

/** Merges the file's values into a stored JSON object: the file wins for its keys; other keys stay. */
function merged(stored: string, incoming: Record<string, unknown>): string {
  return JSON.stringify({ ...(JSON.parse(stored) as Record<string, unknown>), ...incoming });
}

function recordValues(records: PreparedRecords, i: number) {
  const measures: Record<string, number | undefined> = {};
  for (const [key, values] of Object.entries(records.measures)) {
    const v = values[i]!;
    measures[key] = Number.isNaN(v) ? undefined : v;
  }
  return { measures, attributes: JSON.parse(records.attributes[i]!) as Record<string, string> };
}

/** The measures JSON of record i, for new records (missing values left out); the keys are written out once. */
function measuresJsonWriter(records: PreparedRecords): (i: number) => string {
  const prefixes: string[] = [];
  const columns: Float64Array[] = [];
  for (const key in records.measures) {
    prefixes.push(`${JSON.stringify(key)}:`);
    columns.push(records.measures[key]!);
  }
  return (i) => {
    let out = '';
    for (let m = 0; m < columns.length; m++) {
      const v = columns[m]![i]!;
      if (!Number.isNaN(v)) out += out === '' ? prefixes[m]! + v : `,${prefixes[m]!}${v}`;
    }
    return `{${out}}`;
  };
}

/** A stored measures object updated by the file: mapped measures that are missing in the file are removed. */
function mergedMeasures(stored: string, incoming: Record<string, number | undefined>): string {
  const out = JSON.parse(stored) as Record<string, number>;
  for (const [key, v] of Object.entries(incoming)) {
    if (v === undefined) delete out[key];
    else out[key] = v;
  }
  return JSON.stringify(out);
}

/** Counts the stored records absent from the file, and deletes them when asked. */
function settleMissing(db: Db, table: 'accounts' | 'reps', storedIds: Iterable<string>, inFile: ReadonlySet<string>, rule: 'keep' | 'remove') {
  const missingIds = [...storedIds].filter((id) => !inFile.has(id));
  if (rule === 'remove') {
    const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
    for (const id of missingIds) remove.run(id);
  }
  return { missing: missingIds.length, removed: rule === 'remove' ? missingIds.length : 0 };
}

function upsertAccounts(db: Db, records: PreparedRecords, cellIndex: Map<string, number>, missingRecords: 'keep' | 'remove') {
  const stored = new Map<string, Stored>();
  for (const r of db.prepare('SELECT id, name, lat, lon, postal_code AS postal, measures, attributes FROM accounts').all() as (Stored & { id: string })[]) {
    stored.set(r.id, r);
  }
  const insert = db.prepare('INSERT INTO accounts (id, name, lat, lon, cell, postal_code, measures, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // A bulk load into an empty table: build the cell index once at the end instead of row by row.
  const bulk = stored.size === 0 && records.ids.length > 10_000;
  if (bulk) db.exec('DROP INDEX accounts_cell');
  const update = db.prepare('UPDATE accounts SET name = ?, lat = ?, lon = ?, cell = ?, postal_code = ?, measures = ?, attributes = ? WHERE id = ?');
  const measuresJson = measuresJsonWriter(records);
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  const inFile = new Set<string>();
  for (let i = 0; i < records.ids.length; i++) {
    const id = records.ids[i]!;
    inFile.add(id);
    const cell = cellIndex.get(records.cells[i]!)!;
    const old = stored.get(id);
    if (!old) {
      insert.run(id, records.names[i], records.lat[i], records.lon[i], cell, records.postal[i], measuresJson(i), records.attributes[i]);
      imported++;
      continue;
    }
    const { measures, attributes } = recordValues(records, i);
    const next = {
      name: records.names[i]!,
      lat: records.lat[i]!,
      lon: records.lon[i]!,
      postal: records.postal[i]!,
      measures: mergedMeasures(old.measures, measures),
      attributes: merged(old.attributes, attributes),
    };
    if (next.name === old.name && next.lat === old.lat && next.lon === old.lon && next.postal === old.postal && next.measures === old.measures && next.attributes === old.attributes) {
      unchanged++;
      continue;
    }
    update.run(next.name, next.lat, next.lon, cell, next.postal, next.measures, next.attributes, id);
    updated++;
  }
  if (bulk) db.exec('CREATE INDEX accounts_cell ON accounts(cell)');
  return { imported, updated, unchanged, ...settleMissing(db, 'accounts', stored.keys(), inFile, missingRecords) };
}

function upsertReps(db: Db, records: PreparedRecords, cellIndex: Map<string, number>, missingRecords: 'keep' | 'remove') {
  const stored = new Map<string, Stored>();
  for (const r of db.prepare("SELECT id, name, lat, lon, postal_code AS postal, '{}' AS measures, attributes, capacity FROM reps").all() as (Stored & { id: string })[]) {
    stored.set(r.id, r);
  }
  const insert = db.prepare('INSERT INTO reps (id, name, lat, lon, cell, postal_code, capacity, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE reps SET name = ?, lat = ?, lon = ?, cell = ?, postal_code = ?, capacity = ?, attributes = ? WHERE id = ?');
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  const inFile = new Set<string>();
  for (let i = 0; i < records.ids.length; i++) {
    const id = records.ids[i]!;
    inFile.add(id);
    const cell = cellIndex.get(records.cells[i]!) ?? null;
    const capacity = records.capacity![i]!;
    const old = stored.get(id);
    if (!old) {
      insert.run(id, records.names[i], records.lat[i], records.lon[i], cell, records.postal[i], capacity, records.attributes[i]);
      imported++;
      continue;
    }
    const attributes = merged(old.attributes, JSON.parse(records.attributes[i]!) as Record<string, string>);
    if (old.name === records.names[i] && old.lat === records.lat[i] && old.lon === records.lon[i] && old.postal === records.postal[i] && old.capacity === capacity && old.attributes === attributes) {
      unchanged++;
      continue;
    }
    update.run(records.names[i], records.lat[i], records.lon[i], cell, records.postal[i], capacity, attributes, id);
    updated++;
  }
  return { imported, updated, unchanged, ...settleMissing(db, 'reps', stored.keys(), inFile, missingRecords) };
}
