import type { RegionId, ScenarioId } from '../../../../shared/domain/model/ids';
import type { Region } from '../../../../shared/domain/model/region';
import type { Db } from '../db-types';

export function listRegions(db: Db, scenarioId: ScenarioId): Region[] {
  return db.prepare('SELECT id, name FROM regions WHERE scenario_id = ? ORDER BY id').all(scenarioId) as Region[];
}

/** Call inside a transaction. */
export function insertRegion(db: Db, scenarioId: ScenarioId, region: Region): void {
  db.prepare('INSERT INTO regions (scenario_id, id, name) VALUES (?, ?, ?)').run(scenarioId, region.id, region.name);
}

/** Call inside a transaction. */
export function updateRegion(db: Db, scenarioId: ScenarioId, id: RegionId, patch: { name?: string }): void {
  if (patch.name !== undefined) db.prepare('UPDATE regions SET name = ? WHERE scenario_id = ? AND id = ?').run(patch.name, scenarioId, id);
}

/** Removes a region (its territories must already have left it). Call inside a transaction. */
export function deleteRegion(db: Db, scenarioId: ScenarioId, id: RegionId): void {
  db.prepare('DELETE FROM regions WHERE scenario_id = ? AND id = ?').run(scenarioId, id);
}
