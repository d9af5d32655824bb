import type { ToolContext, ToolPointer, ToolState } from '../tool-state';
import { extendStroke } from '../tool-state';

export type AreaShape = 'lasso' | 'rectangle';

/** Cells the drawn shape encloses, as a preview going to the selected territory (or unassigned with Alt/Shift). */
function previewOf(ctx: ToolContext, shape: AreaShape, points: [number, number][], erase: boolean) {
  const to = erase ? null : ctx.activeTerritory;
  const inside =
    shape === 'rectangle' ? (points.length >= 2 ? ctx.cellsInRectangle(points[0]!, points[points.length - 1]!) : []) : ctx.cellsInPolygon(points);
  return extendStroke(ctx, { cells: [], to }, inside);
}

/** Lasso or rectangle, waiting: pressing starts the shape at the pointer. */
export function areaIdle(shape: AreaShape): ToolState {
  return {
    id: `${shape}.idle`,
    capturesPointer: true,
    onPointerDown(ctx, e) {
      if (!e.lngLat) return this.id;
      if (!e.assignModifier && ctx.activeTerritory === null) return this.id;
      ctx.setSketch({ kind: 'polygon', points: [e.lngLat] });
      ctx.setPreview({ cells: [], to: e.assignModifier ? null : ctx.activeTerritory });
      return `${shape}.drawing`;
    },
  };
}

/**
 * Lasso or rectangle being drawn: the enclosed cells (minus locked and already-owned ones)
 * are previewed live with their effect on the table; releasing assigns them as one command.
 */
export function areaDrawing(shape: AreaShape): ToolState {
  const idle = `${shape}.idle`;
  const grow = (ctx: ToolContext, e: ToolPointer) => {
    const sketch = ctx.sketch;
    if (!sketch || !e.lngLat || !ctx.preview) return;
    const points: [number, number][] = shape === 'rectangle' ? [sketch.points[0]!, e.lngLat] : [...sketch.points, e.lngLat];
    ctx.setSketch({ kind: 'polygon', points });
    ctx.setPreview(previewOf(ctx, shape, points, ctx.preview.to === null));
  };
  return {
    id: `${shape}.drawing`,
    capturesPointer: true,
    onPointerMove(ctx, e) {
      grow(ctx, e);
      return this.id;
    },
    onPointerUp(ctx, e) {
      grow(ctx, e);
      ctx.setSketch(null);
      ctx.commit();
      return idle;
    },
    onCancel(ctx) {
      ctx.setSketch(null);
      ctx.setPreview(null);
      return idle;
    },
  };
}
