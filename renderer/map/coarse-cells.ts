import { cellToCenterChild, cellToParent } from 'h3-js';
import type { MapCells } from '../stores/use-app-store';

/** A coarser view of the study area for zoomed-out maps: one parent hexagon per group of cells. */
export interface CoarseCells {
  resolution: number;
  h3: string[];
  /** Index (into the fine cells) whose territory the parent shows: its centre child, else its first child. */
  representative: Int32Array;
}

/**
 * Groups cells under their ancestor `levels` resolutions up (7 levels ≈ 49 cells each at
 * 2). Drawn instead of the fine cells when the fine ones would be smaller than a few pixels.
 * @returns null when the study area is small enough to always draw in full
 */
export function buildCoarseCells(cells: MapCells, levels = 2, minCells = 30_000): CoarseCells | null {
  if (cells.h3.length < minCells || cells.resolution < levels) return null;
  const resolution = cells.resolution - levels;
  const index = new Map<string, number>();
  const parents = new Map<string, number>();
  for (let i = 0; i < cells.h3.length; i++) {
    const h = cells.h3[i]!;
    index.set(h, i);
    const p = cellToParent(h, resolution);
    if (!parents.has(p)) parents.set(p, i);
  }
  const h3 = [...parents.keys()];
  const representative = new Int32Array(h3.length);
  h3.forEach((p, j) => {
    representative[j] = index.get(cellToCenterChild(p, cells.resolution)) ?? parents.get(p)!;
  });
  return { resolution, h3, representative };
}
