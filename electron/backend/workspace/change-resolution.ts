import { cellToChildren, cellToParent, latLngToCell } from 'h3-js';
import { ContractError } from '../../../shared/contract/errors';
import type { ResolutionReport } from '../../../shared/contract/resolution-api';
import { buildAdjacency } from '../../../shared/domain/h3/build-adjacency';
import { UNASSIGNED } from '../../../shared/domain/model/ids';
import { carryAlignment, planCarry } from '../../../shared/domain/resolution/carry-alignment';
import { sortedIndexOf } from '../../../shared/domain/resolution/finer-study-area';
import {
  cellCountAtResolution,
  isResolution,
  MAX_CELLS_AFTER_RESOLUTION_CHANGE,
  studyAreaWithGridAt,
} from '../../../shared/domain/resolution/resolution-study-area';
import type { Db } from '../db/db-types';
import { refreshCellTotals } from '../db/queries/accounts';
import { bumpRevision } from '../db/queries/scenarios';
import { setMeta } from '../db/queries/meta';
import { saveAdjacency, saveCellAreas } from '../db/queries/study-area';
import type { Workspace } from './workspace';

/** Test seams: `beforeCommit` runs inside the transaction after every write. */
export interface ChangeResolutionHooks {
  beforeCommit?: (db: Db) => void;
}

/** Tables whose `cell` column refers to `cells.idx`. */
const CELL_REFERENCES = ['accounts', 'reps', 'cell_totals', 'assignments', 'pinned_cells'] as const;

/**
 * Changes the H3 resolution of a workspace in one transaction: the study area over the
 * same extent (see `studyAreaAtResolution`: finer, the children of its cells; coarser,
 * their parents whose centre lies in it; plus the cells of every account and rep), its
 * adjacency, areas and islands, the accounts' and reps'
 * cells, the per-cell totals, and every scenario's alignment carried over (see
 * `carryAlignment`). Every scenario's undo history is deleted (its commands name cell
 * indices, which do not survive) and every revision is bumped. Named-account overrides
 * are kept. Pinned cells carry over to their children (finer) or parents (coarser) that are
 * in the new study area. When anything fails, nothing is changed. The caller announces the new content.
 * @throws ContractError INVALID_INPUT for a resolution that is not an integer 0–15, the
 *   current one, or one that would give more than 3,000,000 cells
 */
export function changeResolution(ws: Workspace, to: number, hooks: ChangeResolutionHooks = {}): ResolutionReport {
  const started = performance.now();
  if (!isResolution(to)) throw new ContractError('INVALID_INPUT', `An H3 resolution is a whole number from 0 to 15, not ${String(to)}.`);
  const from = ws.info().resolution;
  if (to === from) throw new ContractError('INVALID_INPUT', `The workspace is already at H3 resolution ${to}.`);
  const oldH3 = ws.cellH3();
  const tooMany = (n: number) =>
    new ContractError(
      'INVALID_INPUT',
      `At H3 resolution ${to} the study area would have about ${n.toLocaleString('en-US')} cells; at most ${MAX_CELLS_AFTER_RESOLUTION_CHANGE.toLocaleString('en-US')} are allowed. Choose a coarser resolution.`,
    );
  const estimate = cellCountAtResolution(oldH3, from, to);
  if (estimate > MAX_CELLS_AFTER_RESOLUTION_CHANGE) throw tooMany(estimate);

  const db = ws.db;
  const accounts = db.prepare('SELECT id, lat, lon, cell FROM accounts ORDER BY id').raw().all() as [string, number, number, number][];
  const reps = db.prepare('SELECT id, lat, lon FROM reps ORDER BY id').raw().all() as [string, number, number][];
  const accountH3 = accounts.map(([, lat, lon]) => latLngToCell(lat, lon, to));
  const repH3 = reps.map(([, lat, lon]) => latLngToCell(lat, lon, to));

  const stored = ws.grid().graph;
  // A file written without its adjacency has an empty one here: build it.
  const oldGraph = stored.offsets.length === oldH3.length + 1 && (stored.neighbors.length > 0 || oldH3.length < 2) ? stored : buildAdjacency(oldH3);
  const grid = studyAreaWithGridAt(oldH3, oldGraph, from, to, [...accountH3, ...repH3]);
  const newH3 = grid.h3;
  if (newH3.length > MAX_CELLS_AFTER_RESOLUTION_CHANGE) throw tooMany(newH3.length);

  // The new cells are sorted: look them up by binary search (no map of a million strings).
  const accountNewCell = Int32Array.from(accountH3, (h) => sortedIndexOf(newH3, h));
  const repNewCell = Int32Array.from(repH3, (h) => sortedIndexOf(newH3, h));
  const plan = planCarry({
    from,
    to,
    oldH3,
    newH3,
    parent: grid.parent,
    image: grid.image,
    accountIds: accounts.map(([id]) => id),
    accountOldCell: Int32Array.from(accounts, ([, , , cell]) => cell),
    accountNewCell,
  });
  const scenarios = ws.scenarios().map((s) => {
    const { territoryOfCell, pinned } = ws.assignment(s.id);
    return { scenario: s, carried: carryAlignment(plan, territoryOfCell), pinned: carryPins(pinned, oldH3, newH3, to > from ? 'finer' : 'coarser', to) };
  });

  let historyCleared = 0;
  // Renumbering every cell with foreign keys enforced row by row would look up, for each
  // deleted cell, the tables that refer to it without an index on `cell` (a full scan
  // each). So they are checked once, before the commit, instead: the pragma cannot change
  // inside a transaction, and is restored whatever happens.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      historyCleared = db.prepare('DELETE FROM history').run().changes;
      db.exec('DELETE FROM assignments; DELETE FROM pinned_cells; DELETE FROM cell_totals; DELETE FROM cells;');
      insertRows(db, 'INSERT INTO cells (idx, h3, lat, lon, component) VALUES', 5, newH3.length, (i, row) => row.push(i, newH3[i], grid.lat[i], grid.lon[i], grid.component[i]));
      saveAdjacency(db, grid.graph);
      saveCellAreas(db, grid.areaKm2);

      const setAccountCell = db.prepare('UPDATE accounts SET cell = ? WHERE id = ?');
      accounts.forEach(([id], a) => setAccountCell.run(accountNewCell[a], id));
      const setRepCell = db.prepare('UPDATE reps SET cell = ? WHERE id = ?');
      reps.forEach(([id], r) => setRepCell.run(repNewCell[r], id));
      refreshCellTotals(db);

      for (const { scenario, carried, pinned } of scenarios) {
        const t = carried.territoryOfCell;
        const assigned = Int32Array.from({ length: t.length }, (_, c) => c).filter((c) => t[c] !== UNASSIGNED);
        insertRows(db, 'INSERT INTO assignments (scenario_id, cell, territory_id) VALUES', 3, assigned.length, (k, row) => row.push(scenario.id, assigned[k], t[assigned[k]!]));
        insertRows(db, 'INSERT INTO pinned_cells (scenario_id, cell) VALUES', 2, pinned.length, (k, row) => row.push(scenario.id, pinned[k]));
        bumpRevision(db, scenario.id);
      }
      setMeta(db, 'resolution', String(to));
      for (const table of CELL_REFERENCES) {
        const broken = db.pragma(`foreign_key_check(${table})`) as unknown[];
        if (broken.length > 0) throw new Error(`Changing the resolution left ${broken.length} rows of ${table} pointing at no cell; nothing was changed.`);
      }
      hooks.beforeCommit?.(db);
    })();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  ws.reload();

  return {
    from,
    to,
    cellsBefore: oldH3.length,
    cellsAfter: newH3.length,
    elapsedMs: Math.round(performance.now() - started),
    historyCleared,
    scenarios: scenarios.map(({ scenario, carried }) => ({
      scenarioId: scenario.id,
      name: scenario.name,
      accountsChanged: carried.accountsChanged,
      changedAccountIds: carried.changedAccountIds,
      cellsUnassigned: carried.cellsUnassigned,
    })),
  };
}

/** The new cells of pinned old cells: their children in the study area (finer), or their parents (coarser), ascending. */
function carryPins(pinned: Int32Array, oldH3: readonly string[], newH3: readonly string[], direction: 'finer' | 'coarser', to: number): number[] {
  const out = new Set<number>();
  for (const cell of pinned) {
    const images = direction === 'finer' ? cellToChildren(oldH3[cell]!, to) : [cellToParent(oldH3[cell]!, to)];
    for (const h of images) {
      const i = sortedIndexOf(newH3, h);
      if (i >= 0) out.add(i);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Rows per INSERT statement: far fewer statement runs than one per row (a million rows each). */
const ROWS_PER_INSERT = 500;

/** Inserts `count` rows of `width` values, `ROWS_PER_INSERT` rows per statement. Call inside a transaction. */
function insertRows(db: Db, insertInto: string, width: number, count: number, values: (i: number, row: unknown[]) => void): void {
  const tuple = `(${new Array(width).fill('?').join(', ')})`;
  const statement = (rows: number) => db.prepare(`${insertInto} ${new Array(rows).fill(tuple).join(', ')}`);
  const full = statement(ROWS_PER_INSERT);
  const row: unknown[] = [];
  let pending = 0;
  for (let i = 0; i < count; i++) {
    values(i, row);
    if (++pending === ROWS_PER_INSERT) {
      full.run(row);
      row.length = 0;
      pending = 0;
    }
  }
  if (pending > 0) statement(pending).run(row);
}
