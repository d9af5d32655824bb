import type { ToolState } from '../tool-state';

/**
 * Select tool: a click selects the territory of the cell under the pointer; a click with
 * Alt (or Shift) held assigns that cell to the selected territory instead. With accounts
 * shown, pressing on an account point starts dragging it onto another territory.
 */
export const selectIdle: ToolState = {
  id: 'select.idle',
  capturesPointer: false,
  onPointerMove(ctx, e) {
    ctx.setHoverAccount(e.account !== undefined && e.account >= 0 ? e.account : null);
    return this.id;
  },
  onPointerDown(ctx, e) {
    if (e.account === undefined || e.account < 0 || !e.lngLat) return this.id;
    ctx.setAccountDrag({ account: e.account, at: e.lngLat, target: e.cell >= 0 ? ctx.territoryOfCell[e.cell]! : -1 });
    return 'select.dragAccount';
  },
  onPointerUp(ctx, e) {
    // The end of a pan is not a click.
    if (e.cell < 0 || e.moved) return this.id;
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
