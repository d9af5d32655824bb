import type { Preview } from '../stores/use-app-store';

/** A map pointer event, already located on the grid. */
export interface ToolPointer {
  /** Cell under the pointer (-1 outside the study area). */
  cell: number;
  /** Modifier for "click to assign" in the select tool. */
  assignModifier: boolean;
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
