import { cellsToDirectedEdge, directedEdgeToBoundary } from 'h3-js';
import type { MapCells } from '../stores/use-app-store';

export interface Segment {
  source: [number, number];
  target: [number, number];
}

/**
 * Territory outlines from the edges between differently assigned neighbouring cells
 * (each cut edge once), as [lon, lat] segments. Edge geometry is cached across calls, so
 * after an edit only new cut edges cost an h3 lookup.
 */
export function createOutlineBuilder(cells: MapCells) {
  const cache = new Map<number, Segment>();
  const n = cells.h3.length;
  return function outlines(territoryOfCell: Int32Array): Segment[] {
    const out: Segment[] = [];
    for (let i = 0; i < n; i++) {
      const a = territoryOfCell[i]!;
      for (let e = cells.offsets[i]!; e < cells.offsets[i + 1]!; e++) {
        const j = cells.neighbors[e]!;
        if (j <= i || territoryOfCell[j] === a) continue;
        const key = i * n + j;
        let segment = cache.get(key);
        if (!segment) {
          const [p, q] = directedEdgeToBoundary(cellsToDirectedEdge(cells.h3[i]!, cells.h3[j]!));
          segment = { source: [p![1], p![0]], target: [q![1], q![0]] };
          cache.set(key, segment);
        }
        out.push(segment);
      }
    }
    return out;
  };
}

export interface Label {
  territoryId: number;
  position: [number, number];
  /** Cells of the territory (larger territories win label collisions). */
  cells: number;
}

/**
 * One label point per territory: the territory's own cell nearest to the mean position
 * of its cells (so the label always sits on the territory, even a crescent-shaped one).
 */
export function territoryLabelPoints(cells: MapCells, territoryOfCell: Int32Array): Label[] {
  const sum = new Map<number, { lat: number; lon: number; n: number }>();
  for (let i = 0; i < territoryOfCell.length; i++) {
    const t = territoryOfCell[i]!;
    if (t < 0) continue;
    const s = sum.get(t) ?? { lat: 0, lon: 0, n: 0 };
    s.lat += cells.lat[i]!;
    s.lon += cells.lon[i]!;
    s.n++;
    sum.set(t, s);
  }
  const best = new Map<number, { d: number; i: number }>();
  for (let i = 0; i < territoryOfCell.length; i++) {
    const t = territoryOfCell[i]!;
    const s = sum.get(t);
    if (!s) continue;
    const d = (cells.lat[i]! - s.lat / s.n) ** 2 + (cells.lon[i]! - s.lon / s.n) ** 2;
    const b = best.get(t);
    if (!b || d < b.d) best.set(t, { d, i });
  }
  return [...best].map(([territoryId, { i }]) => ({ territoryId, position: [cells.lon[i]!, cells.lat[i]!], cells: sum.get(territoryId)!.n }));
}
