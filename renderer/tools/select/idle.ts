import type { ToolState } from '../tool-state';

/**
 * Select tool: a click selects the territory of the cell under the pointer; a click with
 * Alt (or Shift) held assigns that cell to the selected territory instead.
 */
export const selectIdle: ToolState = {
  id: 'select.idle',
  capturesPointer: false,
  onPointerUp(ctx, e) {
    if (e.cell < 0) return this.id;
    if (e.assignModifier) {
      const to = ctx.activeTerritory;
      const from = ctx.territoryOfCell[e.cell]!;
      if (to !== null && from !== to && !ctx.lockedTerritories.has(from)) ctx.assign([e.cell], to);
      return this.id;
    }
    const territory = ctx.territoryOfCell[e.cell]!;
    ctx.selectTerritory(territory >= 0 ? territory : null);
    return this.id;
  },
};
