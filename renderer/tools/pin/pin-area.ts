import type { ToolContext, ToolPointer, ToolState } from '../tool-state';

/** Pin, waiting: pressing starts a shape at the pointer (Alt/Shift: a shape that unpins). */
export const pinIdle: ToolState = {
  id: 'pin.idle',
  capturesPointer: true,
  onPointerDown(ctx, e) {
    if (!e.lngLat) return this.id;
    ctx.setSketch({ kind: 'polygon', points: [e.lngLat] });
    return e.assignModifier ? 'pin.unpinning' : 'pin.pinning';
  },
};

/**
 * Pin, drawing: the shape follows the pointer; releasing pins the assigned cells whose
 * centres it encloses (or unpins every cell it encloses) as one command.
 */
export function pinDrawing(unpin: boolean): ToolState {
  return {
    id: unpin ? 'pin.unpinning' : 'pin.pinning',
    capturesPointer: true,
    onPointerMove(ctx, e) {
      extend(ctx, e);
      return this.id;
    },
    onPointerUp(ctx, e) {
      extend(ctx, e);
      const points = ctx.sketch?.points ?? [];
      ctx.setSketch(null);
      const inside = points.length >= 3 ? ctx.cellsInPolygon(points) : [];
      const cells = unpin ? inside : inside.filter((c) => ctx.territoryOfCell[c]! >= 0);
      if (cells.length > 0) ctx.pin(cells, !unpin);
      return 'pin.idle';
    },
    onCancel(ctx) {
      ctx.setSketch(null);
      return 'pin.idle';
    },
  };
}

function extend(ctx: ToolContext, e: ToolPointer): void {
  if (!ctx.sketch || !e.lngLat) return;
  ctx.setSketch({ kind: 'polygon', points: [...ctx.sketch.points, e.lngLat] });
}
