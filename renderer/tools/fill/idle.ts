import type { ToolState } from '../tool-state';
import { extendStroke } from '../tool-state';

/**
 * Flood fill: hovering shows the connected patch of cells that share the pointed cell's
 * territory; a click (press and release without dragging) gives that patch to the selected
 * territory. Alt/Shift+click unassigns the patch.
 */
export const fillIdle: ToolState = {
  id: 'fill.idle',
  capturesPointer: true,
  onPointerMove(ctx, e) {
    ctx.setHover(e.cell >= 0 ? (ctx.patchAt(e.cell) ?? [e.cell]) : []);
    return this.id;
  },
  onPointerUp(ctx, e) {
    if (e.cell < 0 || e.moved) return this.id;
    const to = e.assignModifier ? null : ctx.activeTerritory;
    if (to === null && !e.assignModifier) return this.id;
    const patch = ctx.patchAt(e.cell);
    if (!patch) return this.id;
    const preview = extendStroke(ctx, { cells: [], to }, patch);
    if (preview.cells.length === 0) return this.id;
    ctx.setPreview(preview);
    ctx.commit();
    return this.id;
  },
};
