import { UNASSIGNED, type ScenarioId, type TerritoryId } from '../../../../shared/domain/model/ids';
import type { OverriddenAccount } from '../../../../shared/domain/metrics/territory-totals';
import type { Db } from '../db-types';

/** The territory of every cell of a scenario (-1 where unassigned). */
export function loadAssignment(db: Db, scenarioId: ScenarioId, cells: number): Int32Array {
  const out = new Int32Array(cells).fill(UNASSIGNED);
  const rows = db.prepare('SELECT cell, territory_id FROM assignments WHERE scenario_id = ?').raw().all(scenarioId) as [number, number][];
  for (const [cell, territory] of rows) out[cell] = territory;
  return out;
}

/** Writes a whole assignment array (cells with -1 get no row). Call inside a transaction. */
export function insertAssignment(db: Db, scenarioId: ScenarioId, territoryOfCell: Int32Array): void {
  const insert = db.prepare('INSERT INTO assignments (scenario_id, cell, territory_id) VALUES (?, ?, ?)');
  for (let i = 0; i < territoryOfCell.length; i++) {
    const t = territoryOfCell[i]!;
    if (t !== UNASSIGNED) insert.run(scenarioId, i, t);
  }
}

/** Moves cells to a territory (`null` unassigns). Call inside a transaction. */
export function assignCells(db: Db, scenarioId: ScenarioId, cells: readonly number[], to: TerritoryId | null): void {
  const statement =
    to === null
      ? db.prepare('DELETE FROM assignments WHERE scenario_id = ? AND cell = ?')
      : db.prepare(
          'INSERT INTO assignments (scenario_id, cell, territory_id) VALUES (?, ?, ?) ON CONFLICT(scenario_id, cell) DO UPDATE SET territory_id = excluded.territory_id',
        );
  for (const cell of cells) {
    if (to === null) statement.run(scenarioId, cell);
    else statement.run(scenarioId, cell, to);
  }
}

/** Named-account overrides of a scenario with the account's cell and measure values. */
export function loadOverrides(db: Db, scenarioId: ScenarioId): OverriddenAccount[] {
  const rows = db
    .prepare(
      `SELECT a.cell, o.territory_id AS territoryId, a.measures FROM account_overrides o
       JOIN accounts a ON a.id = o.account_id WHERE o.scenario_id = ?`,
    )
    .all(scenarioId) as { cell: number; territoryId: number; measures: string }[];
  return rows.map((r) => ({ cell: r.cell, to: r.territoryId, values: JSON.parse(r.measures) as Record<string, number> }));
}

/** Every named-account override of a scenario, ordered by account id. */
export function listOverrides(db: Db, scenarioId: ScenarioId): { accountId: string; territoryId: TerritoryId }[] {
  return db
    .prepare('SELECT account_id AS accountId, territory_id AS territoryId FROM account_overrides WHERE scenario_id = ? ORDER BY account_id')
    .all(scenarioId) as { accountId: string; territoryId: TerritoryId }[];
}

/** Places accounts in a territory by name (`null` removes their overrides). Call inside a transaction. */
export function setOverrides(db: Db, scenarioId: ScenarioId, accountIds: readonly string[], to: TerritoryId | null): void {
  const statement =
    to === null
      ? db.prepare('DELETE FROM account_overrides WHERE scenario_id = ? AND account_id = ?')
      : db.prepare(
          'INSERT INTO account_overrides (scenario_id, account_id, territory_id) VALUES (?, ?, ?) ON CONFLICT(scenario_id, account_id) DO UPDATE SET territory_id = excluded.territory_id',
        );
  for (const id of accountIds) {
    if (to === null) statement.run(scenarioId, id);
    else statement.run(scenarioId, id, to);
  }
}

/** The pinned cells of a scenario, ascending. */
export function listPinned(db: Db, scenarioId: ScenarioId): Int32Array {
  const rows = db.prepare('SELECT cell FROM pinned_cells WHERE scenario_id = ? ORDER BY cell').raw().all(scenarioId) as [number][];
  return Int32Array.from(rows, ([cell]) => cell);
}

/** Pins cells (or unpins them). Call inside a transaction. */
export function setPinned(db: Db, scenarioId: ScenarioId, cells: readonly number[], pinned: boolean): void {
  const statement = pinned
    ? db.prepare('INSERT INTO pinned_cells (scenario_id, cell) VALUES (?, ?) ON CONFLICT DO NOTHING')
    : db.prepare('DELETE FROM pinned_cells WHERE scenario_id = ? AND cell = ?');
  for (const cell of cells) statement.run(scenarioId, cell);
}
