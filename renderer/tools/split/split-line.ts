import type { ToolState } from '../tool-state';

/** Split, waiting: pressing starts a line across the selected territory. */
export const splitIdle: ToolState = {
  id: 'split.idle',
  capturesPointer: true,
  onPointerDown(ctx, e) {
    if (!e.lngLat || ctx.activeTerritory === null) return this.id;
    ctx.setSketch({ kind: 'line', points: [e.lngLat] });
    return 'split.drawing';
  },
};

/** A split line being drawn; releasing splits the selected territory along it (cells left of the line go to a new territory). */
export const splitDrawing: ToolState = {
  id: 'split.drawing',
  capturesPointer: true,
  onPointerMove(ctx, e) {
    if (ctx.sketch && e.lngLat) ctx.setSketch({ kind: 'line', points: [...ctx.sketch.points, e.lngLat] });
    return this.id;
  },
  onPointerUp(ctx, e) {
    const points = ctx.sketch ? [...ctx.sketch.points] : [];
    if (e.lngLat) points.push(e.lngLat);
    ctx.setSketch(null);
    ctx.splitAlong(points);
    return 'split.idle';
  },
  onCancel(ctx) {
    ctx.setSketch(null);
    return 'split.idle';
  },
};
