import { cellsInPolygon, cellsInRectangle } from '../../shared/domain/geo/cells-in-polygon';
import { splitByLine } from '../../shared/domain/geo/split-by-line';
import { floodFill } from '../../shared/domain/graph/flood-fill';
import { splitOffCommand } from '../features/territories/split-off';
import type { Actions } from '../stores/actions';
import { useAppStore } from '../stores/use-app-store';
import { cellsBetween, cellsUnderBrush } from './cells-under-brush';
import type { ToolContext } from './tool-state';

/** Largest patch the fill tool takes in one click (a larger one is almost always a mis-click on open land). */
const FILL_LIMIT = 50_000;

/** A freehand split line is thinned to this many vertices (the split costs cells × segments). */
const MAX_SPLIT_VERTICES = 32;

/** Keeps the ends and evenly spaced vertices in between, so at most `max` remain. */
export function simplifyLine(line: readonly [number, number][], max: number): [number, number][] {
  if (line.length <= max) return [...line];
  const out: [number, number][] = [];
  for (let k = 0; k < max; k++) out.push(line[Math.round((k * (line.length - 1)) / (max - 1))]!);
  return out;
}

/** The context tool states run in: the store's current state plus the edits they may make. */
export function createToolContext(actions: Actions, newTerritoryName: (id: number) => string): ToolContext | null {
  const s = useAppStore.getState();
  // While a balance proposal is previewed the map shows it, not the plan; no edits until it is accepted or discarded.
  if (!s.cells || !s.assignment || s.proposal) return null;
  const cells = s.cells;
  const owner = s.assignment.territoryOfCell;
  const accounts = s.accounts;
  const overrides = new Map(s.assignment.overrides.map((o) => [o.accountId, o.territoryId]));
  const accountCellTerritory = (account: number) => (accounts ? owner[accounts.cell[account]!]! : -1);
  return {
    territoryOfCell: owner,
    lockedTerritories: new Set(s.territories.filter((t) => t.locked).map((t) => t.id)),
    activeTerritory: s.selectedTerritoryId,
    footprint: (cell) => cellsUnderBrush(cells, cell, s.brushRadius),
    sweep: (from, to) => {
      const out = new Set<number>();
      for (const c of cellsBetween(cells, from, to)) for (const f of cellsUnderBrush(cells, c, s.brushRadius)) out.add(f);
      return [...out];
    },
    preview: s.preview,
    setPreview: actions.setPreview,
    setHover: actions.setHoverCells,
    commit: () => void actions.commitPreview(),
    selectTerritory: actions.setSelectedTerritory,
    assign: (list, to) => void actions.execute({ type: 'territory.assignCells', cells: list, to }),
    pin: (list, pinned) => void actions.execute({ type: 'cells.pin', cells: list, pinned }),
    cellsInPolygon: (points) => cellsInPolygon(cells.lat, cells.lon, points),
    cellsInRectangle: (a, b) => cellsInRectangle(cells.lat, cells.lon, a, b),
    patchAt: (cell) => floodFill(cells.offsets, cells.neighbors, owner, cell, FILL_LIMIT),
    sketch: s.sketch,
    setSketch: actions.setSketch,
    splitAlong: (line) => {
      const source = s.territories.find((t) => t.id === s.selectedTerritoryId);
      if (!source || source.locked || line.length < 2) return;
      const mine: number[] = [];
      for (let i = 0; i < owner.length; i++) if (owner[i] === source.id) mine.push(i);
      let left: number[];
      try {
        ({ left } = splitByLine(mine, cells.lat, cells.lon, simplifyLine(line, MAX_SPLIT_VERTICES)));
      } catch {
        return; // a click without a drag: no line to split along
      }
      if (left.length === 0 || left.length === mine.length) return;
      void actions.execute(splitOffCommand(source, left, s.territories, cells, owner, newTerritoryName));
    },
    accountTerritory: (account) => (accounts ? (overrides.get(accounts.ids[account]!) ?? accountCellTerritory(account)) : -1),
    accountCellTerritory,
    overrideAccount: (account, to) => {
      if (accounts) void actions.execute({ type: 'account.override', accountIds: [accounts.ids[account]!], to });
    },
    accountDrag: s.accountDrag,
    setAccountDrag: actions.setAccountDrag,
    setHoverAccount: actions.setHoverAccount,
  };
}
