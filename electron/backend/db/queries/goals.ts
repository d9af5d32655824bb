import type { ScenarioId } from '../../../../shared/domain/model/ids';
import type { Db } from '../db-types';

/** A stored goal set: how it was derived, and the goal per study-area cell. */
export interface GoalSetRow {
  measure: string;
  total: number;
  basis: Record<string, number>;
  step: number;
  resolution: number;
  cells: Float64Array;
  updatedAt: string;
}

/** Every goal set of a scenario, by measure. */
export function listGoalSets(db: Db, scenarioId: ScenarioId): GoalSetRow[] {
  const rows = db.prepare('SELECT measure, total, basis, step, resolution, cells, updated_at FROM goal_sets WHERE scenario_id = ? ORDER BY measure').raw().all(scenarioId) as [
    string,
    number,
    string,
    number,
    number,
    Buffer,
    string,
  ][];
  return rows.map(([measure, total, basis, step, resolution, blob, updatedAt]) => ({
    measure,
    total,
    basis: JSON.parse(basis) as Record<string, number>,
    step,
    resolution,
    cells: new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)),
    updatedAt,
  }));
}

/** Writes (or replaces) one goal set. Call inside a transaction. */
export function saveGoalSet(db: Db, scenarioId: ScenarioId, set: GoalSetRow): void {
  db.prepare(
    `INSERT INTO goal_sets (scenario_id, measure, total, basis, step, resolution, cells, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (scenario_id, measure) DO UPDATE SET total = excluded.total, basis = excluded.basis, step = excluded.step,
       resolution = excluded.resolution, cells = excluded.cells, updated_at = excluded.updated_at`,
  ).run(scenarioId, set.measure, set.total, JSON.stringify(set.basis), set.step, set.resolution, Buffer.from(set.cells.buffer, set.cells.byteOffset, set.cells.byteLength), set.updatedAt);
}

/** One actual result. */
export interface ActualRow {
  accountId: string;
  period: string;
  measure: string;
  value: number;
}

/**
 * Replaces the actuals of the given periods and measures with `rows` (a re-import of a
 * period replaces it; other periods stay). Call inside a transaction.
 */
export function replaceActuals(db: Db, periods: readonly string[], measures: readonly string[], rows: readonly ActualRow[]): void {
  const remove = db.prepare('DELETE FROM actuals WHERE period = ? AND measure = ?');
  for (const p of periods) for (const m of measures) remove.run(p, m);
  const insert = db.prepare('INSERT INTO actuals (account_id, period, measure, value) VALUES (?, ?, ?, ?)');
  for (const r of rows) insert.run(r.accountId, r.period, r.measure, r.value);
}

/** The actuals of one measure as columns. */
export function loadActuals(db: Db, measure: string): { accountId: string[]; period: string[]; value: Float64Array } {
  const rows = db.prepare('SELECT account_id, period, value FROM actuals WHERE measure = ?').raw().all(measure) as [string, string, number][];
  return { accountId: rows.map((r) => r[0]), period: rows.map((r) => r[1]), value: Float64Array.from(rows, (r) => r[2]) };
}

/** Measures and periods that have actuals. */
export function actualsCatalog(db: Db): { measures: string[]; periods: string[] } {
  return {
    measures: db.prepare('SELECT DISTINCT measure FROM actuals ORDER BY measure').pluck().all() as string[],
    periods: db.prepare('SELECT DISTINCT period FROM actuals').pluck().all() as string[],
  };
}
