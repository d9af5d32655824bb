import type { ScenarioId } from '../../../../shared/domain/model/ids';
import type { ScenarioSummary } from '../../../../shared/domain/model/workspace';
import type { Db } from '../db-types';

interface ScenarioRow {
  id: number;
  name: string;
  parent_id: number | null;
  created_at: string;
  note: string;
  locked: number;
  is_baseline: number;
  archived: number;
  revision: number;
  territories: number;
}

const SELECT = `SELECT s.id, s.name, s.parent_id, s.created_at, s.note, s.locked, s.is_baseline, s.archived, s.revision,
  (SELECT count(*) FROM territories t WHERE t.scenario_id = s.id) AS territories
  FROM scenarios s WHERE 1 = 1`;

function toSummary(r: ScenarioRow): ScenarioSummary {
  return {
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    createdAt: r.created_at,
    note: r.note,
    locked: r.locked === 1,
    isBaseline: r.is_baseline === 1,
    archived: r.archived === 1,
    revision: r.revision,
    territories: r.territories,
  };
}

/** Every scenario, archived ones included, in creation order. */
export function listScenarios(db: Db): ScenarioSummary[] {
  return (db.prepare(`${SELECT} ORDER BY s.id`).all() as ScenarioRow[]).map(toSummary);
}

export function getScenario(db: Db, id: ScenarioId): ScenarioSummary | undefined {
  const row = db.prepare(`${SELECT} AND s.id = ?`).get(id) as ScenarioRow | undefined;
  return row && toSummary(row);
}

export function insertScenario(db: Db, s: { name: string; createdAt: string; isBaseline: boolean; note?: string; parentId?: ScenarioId | null }): ScenarioId {
  const result = db
    .prepare('INSERT INTO scenarios (name, created_at, is_baseline, note, parent_id) VALUES (?, ?, ?, ?, ?)')
    .run(s.name, s.createdAt, s.isBaseline ? 1 : 0, s.note ?? '', s.parentId ?? null);
  return Number(result.lastInsertRowid);
}

/** Copies a scenario's territories, regions, assignments, overrides, goals and pinned cells into another (its history starts empty). Call inside a transaction. */
export function copyScenarioContent(db: Db, from: ScenarioId, to: ScenarioId): void {
  db.prepare('INSERT INTO regions (scenario_id, id, name) SELECT ?, id, name FROM regions WHERE scenario_id = ?').run(to, from);
  db.prepare(
    'INSERT INTO territories (scenario_id, id, name, color, rep_id, parent_id, locked) SELECT ?, id, name, color, rep_id, parent_id, locked FROM territories WHERE scenario_id = ?',
  ).run(to, from);
  db.prepare('INSERT INTO assignments (scenario_id, cell, territory_id) SELECT ?, cell, territory_id FROM assignments WHERE scenario_id = ?').run(to, from);
  db.prepare(
    'INSERT INTO account_overrides (scenario_id, account_id, territory_id) SELECT ?, account_id, territory_id FROM account_overrides WHERE scenario_id = ?',
  ).run(to, from);
  db.prepare(
    'INSERT INTO goal_sets (scenario_id, measure, total, basis, step, resolution, cells, updated_at) SELECT ?, measure, total, basis, step, resolution, cells, updated_at FROM goal_sets WHERE scenario_id = ?',
  ).run(to, from);
  db.prepare('INSERT INTO pinned_cells (scenario_id, cell) SELECT ?, cell FROM pinned_cells WHERE scenario_id = ?').run(to, from);
}

export interface ScenarioPatch {
  name?: string;
  note?: string;
  locked?: boolean;
  archived?: boolean;
}

/** Changes a scenario's name, note, lock or archived flag. Call inside a transaction. */
export function updateScenario(db: Db, id: ScenarioId, patch: ScenarioPatch): void {
  const statement = db.prepare(
    `UPDATE scenarios SET name = coalesce(@name, name), note = coalesce(@note, note),
       locked = coalesce(@locked, locked), archived = coalesce(@archived, archived) WHERE id = @id`,
  );
  const flag = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);
  statement.run({ id, name: patch.name ?? null, note: patch.note ?? null, locked: flag(patch.locked), archived: flag(patch.archived) });
}

/** Makes `id` the only baseline. Call inside a transaction. */
export function setBaseline(db: Db, id: ScenarioId): void {
  db.prepare('UPDATE scenarios SET is_baseline = (id = ?)').run(id);
}

/** Deletes a scenario with its territories, regions, alignment, overrides and history; its children lose their parent. */
export function deleteScenario(db: Db, id: ScenarioId): void {
  db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
}

/** Scenarios not archived. */
export function scenarioCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM scenarios WHERE archived = 0').get() as { n: number }).n;
}

/** Increments and returns the scenario's revision. */
export function bumpRevision(db: Db, id: ScenarioId): number {
  return (db.prepare('UPDATE scenarios SET revision = revision + 1 WHERE id = ? RETURNING revision').get(id) as { revision: number }).revision;
}
