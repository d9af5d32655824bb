import type { AccountDrag, AppState, Preview } from '../stores/use-app-store';

/** A map pointer event, already located on the grid. */
export interface ToolPointer {
  /** Cell under the pointer (-1 outside the study area). */
  cell: number;
  /** Alt or Shift held: "click to assign" in the select tool, "unassign" in the lasso and rectangle. */
  assignModifier: boolean;
  /** [lon, lat] under the pointer (null when it cannot be located). */
  lngLat?: [number, number] | null;
  /** Account point under the pointer when accounts are shown (-1: none). */
  account?: number;
  /** The pointer moved beyond a click's slop since the press (the press was a drag, not a click). */
  moved?: boolean;
}

/** What a tool state may read and do. */
export interface ToolContext {
  territoryOfCell: Int32Array;
  lockedTerritories: ReadonlySet<number>;
  /** The territory edits go to: the selected one (null when none is selected). */
  activeTerritory: number | null;
  /** Cells the brush covers around a cell. */
  footprint(cell: number): number[];
  /** Cells the brush covers along the grid line between two cells. */
  sweep(from: number, to: number): number[];
  preview: Preview | null;
  setPreview(preview: Preview | null): void;
  setHover(cells: number[]): void;
  commit(): void;
  selectTerritory(id: number | null): void;
  assign(cells: number[], to: number | null): void;
  /** Pins cells (a balance keeps them in their territory), or unpins them. */
  pin(cells: number[], pinned: boolean): void;
  /** Cells whose centre lies inside a polygon / a rectangle ([lon, lat]). */
  cellsInPolygon(points: readonly [number, number][]): number[];
  cellsInRectangle(a: [number, number], b: [number, number]): number[];
  /** The connected patch of cells sharing the territory of `cell` (null when too large to fill). */
  patchAt(cell: number): number[] | null;
  sketch: AppState['sketch'];
  setSketch(sketch: AppState['sketch']): void;
  /** Splits the selected territory along a drawn line. */
  splitAlong(line: [number, number][]): void;
  /** Territory an account counts for (its override, or its cell's territory). */
  accountTerritory(account: number): number;
  /** Territory of the account's own cell. */
  accountCellTerritory(account: number): number;
  /** Places an account in a territory by name; null makes it follow its cell again. */
  overrideAccount(account: number, to: number | null): void;
  accountDrag: AccountDrag | null;
  setAccountDrag(drag: AccountDrag | null): void;
  setHoverAccount(account: number | null): void;
}

/** One state of a tool's state machine; handlers return the id of the next state. */
export interface ToolState {
  id: string;
  /** True while the state owns the pointer (map panning is off). */
  capturesPointer: boolean;
  onPointerDown?(ctx: ToolContext, e: ToolPointer): string;
  onPointerMove?(ctx: ToolContext, e: ToolPointer): string;
  onPointerUp?(ctx: ToolContext, e: ToolPointer): string;
  /** Escape: drop whatever is in progress. */
  onCancel?(ctx: ToolContext): string;
}

/**
 * Adds to a stroke the cells it may change: not already in the target, not in a locked
 * territory (painting never takes cells from, or gives them to, a locked territory).
 */
export function extendStroke(ctx: ToolContext, preview: Preview, cells: readonly number[]): Preview {
  if (preview.to !== null && ctx.lockedTerritories.has(preview.to)) return preview;
  const have = new Set(preview.cells);
  const added: number[] = [];
  for (const c of cells) {
    if (have.has(c)) continue;
    const current = ctx.territoryOfCell[c]!;
    if (current === (preview.to ?? -1) || ctx.lockedTerritories.has(current)) continue;
    have.add(c);
    added.push(c);
  }
  return added.length === 0 ? preview : { ...preview, cells: [...preview.cells, ...added] };
}
