import type { ToolState } from '../tool-state';

/**
 * An account being dragged: the territory under the pointer is its target. Dropping it on
 * another territory places it there by name (an override that beats its cell); dropping it
 * back on its own cell's territory removes the override. Locked territories refuse it.
 */
export const selectDragAccount: ToolState = {
  id: 'select.dragAccount',
  capturesPointer: true,
  onPointerMove(ctx, e) {
    const drag = ctx.accountDrag;
    if (drag && e.lngLat) ctx.setAccountDrag({ ...drag, at: e.lngLat, target: e.cell >= 0 ? ctx.territoryOfCell[e.cell]! : -1 });
    return this.id;
  },
  onPointerUp(ctx, e) {
    const drag = ctx.accountDrag;
    ctx.setAccountDrag(null);
    if (!drag || e.cell < 0) return 'select.idle';
    const target = ctx.territoryOfCell[e.cell]!;
    const current = ctx.accountTerritory(drag.account);
    if (target < 0 || target === current) return 'select.idle';
    if (ctx.lockedTerritories.has(target) || ctx.lockedTerritories.has(current)) return 'select.idle';
    ctx.overrideAccount(drag.account, target === ctx.accountCellTerritory(drag.account) ? null : target);
    return 'select.idle';
  },
  onCancel(ctx) {
    ctx.setAccountDrag(null);
    return 'select.idle';
  },
};
