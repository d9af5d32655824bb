import { refreshCellTotals } from '../db/queries/accounts';
import type { Db } from '../db/db-types';
import { cellCount, insertCells, loadCellAreas, loadStudyArea, saveAdjacency, saveCellAreas } from '../db/queries/study-area';
import { listMeasures } from '../db/queries/measures';
import { cellAreasKm2 } from '../../../shared/domain/h3/cell-areas';
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
  const addedCells = prepared.growth ? appendCells(db, prepared.growth) : 0;
  if (prepared.kind === 'accounts') addMeasures(db, prepared.measures);
  const cellIndex = new Map<string, number>();
  (db.prepare('SELECT h3, idx FROM cells').raw().all() as [string, number][]).forEach(([h3, idx]) => cellIndex.set(h3, idx));
  const counts = prepared.kind === 'accounts' ? upsertAccounts(db, records, cellIndex, missingRecords) : upsertReps(db, records, cellIndex, missingRecords);
  if (prepared.kind === 'accounts') refreshCellTotals(db);
  return { ...counts, addedCells };
}

function appendCells(db: Db, growth: StudyAreaGrowth): number {
  const before = cellCount(db);
  const oldAreas = loadCellAreas(db) ?? cellAreasKm2(loadStudyArea(db).h3);
  insertCells(db, { h3: growth.h3, lat: growth.lat, lon: growth.lon, component: growth.component.subarray(before) });
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

/** The measures JSON of a new record (missing values left out). */
function measuresJson(records: PreparedRecords, i: number): string {
  let out = '';
  for (const key in records.measures) {
    const v = records.measures[key]![i]!;
    if (!Number.isNaN(v)) out += `${out ? ',' : ''}${JSON.stringify(key)}:${v}`;
  }
  return `{${out}}`;
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
      insert.run(id, records.names[i], records.lat[i], records.lon[i], cell, records.postal[i], measuresJson(records, i), records.attributes[i]);
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
