import type { ToolState } from '../tool-state';
import { extendStroke } from '../tool-state';

/** A stroke in progress: every cell the footprint passes over joins it; releasing sends one command. */
export function brushPainting(erase: boolean): ToolState {
  const idle = erase ? 'eraser.idle' : 'brush.idle';
  return {
    id: erase ? 'eraser.painting' : 'brush.painting',
    capturesPointer: true,
    onPointerMove(ctx, e) {
      if (e.cell >= 0 && ctx.preview && e.cell !== ctx.preview.lastCell) {
        ctx.setHover(ctx.footprint(e.cell));
        const swept = ctx.sweep(ctx.preview.lastCell ?? e.cell, e.cell);
        ctx.setPreview({ ...extendStroke(ctx, ctx.preview, swept), lastCell: e.cell });
      }
      return this.id;
    },
    onPointerUp(ctx) {
      ctx.commit();
      return idle;
    },
    onCancel(ctx) {
      ctx.setPreview(null);
      return idle;
    },
  };
}
