import type { TerritoryPatch } from '../../../../shared/domain/commands/command';
import type { ScenarioId, TerritoryId } from '../../../../shared/domain/model/ids';
import type { Territory } from '../../../../shared/domain/model/territory';
import type { Db } from '../db-types';

interface TerritoryRow {
  id: number;
  name: string;
  color: string;
  rep_id: string | null;
  parent_id: number | null;
  locked: number;
}

export function listTerritories(db: Db, scenarioId: ScenarioId): Territory[] {
  const rows = db
    .prepare('SELECT id, name, color, rep_id, parent_id, locked FROM territories WHERE scenario_id = ? ORDER BY id')
    .all(scenarioId) as TerritoryRow[];
  return rows.map((r) => ({ id: r.id, name: r.name, color: r.color, repId: r.rep_id, parentId: r.parent_id, locked: r.locked === 1 }));
}

export function insertTerritories(db: Db, scenarioId: ScenarioId, territories: readonly Territory[]): void {
  const insert = db.prepare(
    'INSERT INTO territories (scenario_id, id, name, color, rep_id, parent_id, locked) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const t of territories) insert.run(scenarioId, t.id, t.name, t.color, t.repId, t.parentId, t.locked ? 1 : 0);
}

export function updateTerritory(db: Db, scenarioId: ScenarioId, id: TerritoryId, patch: TerritoryPatch): void {
  const sets: string[] = [];
  const values: unknown[] = [];
  if (patch.name !== undefined) sets.push('name = ?'), values.push(patch.name);
  if (patch.color !== undefined) sets.push('color = ?'), values.push(patch.color);
  if (patch.locked !== undefined) sets.push('locked = ?'), values.push(patch.locked ? 1 : 0);
  if (patch.repId !== undefined) sets.push('rep_id = ?'), values.push(patch.repId);
  if (patch.parentId !== undefined) sets.push('parent_id = ?'), values.push(patch.parentId);
  if (sets.length === 0) return;
  db.prepare(`UPDATE territories SET ${sets.join(', ')} WHERE scenario_id = ? AND id = ?`).run(...values, scenarioId, id);
}

/** Removes a territory row (its cells must already be unassigned). Call inside a transaction. */
export function deleteTerritory(db: Db, scenarioId: ScenarioId, id: TerritoryId): void {
  db.prepare('DELETE FROM account_overrides WHERE scenario_id = ? AND territory_id = ?').run(scenarioId, id);
  db.prepare('DELETE FROM territories WHERE scenario_id = ? AND id = ?').run(scenarioId, id);
}
