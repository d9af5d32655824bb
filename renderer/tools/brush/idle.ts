import type { ToolState } from '../tool-state';
import { extendStroke } from '../tool-state';

/** Brush or eraser, waiting: shows the footprint under the pointer; pressing starts a stroke. */
export function brushIdle(erase: boolean): ToolState {
  return {
    id: erase ? 'eraser.idle' : 'brush.idle',
    capturesPointer: true,
    onPointerMove(ctx, e) {
      ctx.setHover(e.cell >= 0 ? ctx.footprint(e.cell) : []);
      return this.id;
    },
    onPointerDown(ctx, e) {
      const to = erase ? null : ctx.activeTerritory;
      if (!erase && to === null) return this.id;
      const start = extendStroke(ctx, { cells: [], to }, e.cell >= 0 ? ctx.footprint(e.cell) : []);
      ctx.setPreview(e.cell >= 0 ? { ...start, lastCell: e.cell } : start);
      return erase ? 'eraser.painting' : 'brush.painting';
    },
  };
}
