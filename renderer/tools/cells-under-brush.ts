import { gridDisk, gridPathCells, latLngToCell } from 'h3-js';
import type { MapCells } from '../stores/use-app-store';

/** The study-area cell containing a point, or -1 when the point is outside the study area. */
export function cellAt(cells: MapCells, lat: number, lon: number): number {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return -1;
  return cells.index.get(latLngToCell(lat, lon, cells.resolution)) ?? -1;
}

/** Study-area cells within `radius` rings of `center` (the brush footprint). */
export function cellsUnderBrush(cells: MapCells, center: number, radius: number): number[] {
  if (center < 0) return [];
  if (radius <= 0) return [center];
  const out: number[] = [];
  for (const h of gridDisk(cells.h3[center]!, radius)) {
    const i = cells.index.get(h);
    if (i !== undefined) out.push(i);
  }
  return out;
}

/**
 * Cells of the study area on the grid line from `from` to `to` (both included), so a
 * stroke stays continuous however fast the pointer moves. Falls back to the end cell
 * where h3 cannot draw a line (across a pentagon, or too far apart).
 */
export function cellsBetween(cells: MapCells, from: number, to: number): number[] {
  if (from < 0 || from === to) return [to];
  try {
    const out: number[] = [];
    for (const h of gridPathCells(cells.h3[from]!, cells.h3[to]!)) {
      const i = cells.index.get(h);
      if (i !== undefined) out.push(i);
    }
    return out.length > 0 ? out : [to];
  } catch {
    return [to];
  }
}
