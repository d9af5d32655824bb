import { gridDisk } from 'h3-js';
import type { H3Cell } from '../model/ids';

/** Cell adjacency in compressed sparse row form: neighbours of i are neighbors[offsets[i] … offsets[i+1]). */
export interface Csr {
  offsets: Int32Array;
  neighbors: Int32Array;
}

/**
 * Builds the edge-adjacency graph of a set of H3 cells (only neighbours that are
 * themselves in the set). Neighbour lists are sorted ascending; the graph is symmetric.
 * Computed once per study area and cached: h3-js is too slow for inner loops.
 * @param known the index of every cell of `h3`, when the caller has it already
 */
export function buildAdjacency(h3: readonly H3Cell[], known?: ReadonlyMap<H3Cell, number>): Csr {
  let index = known;
  if (!index) {
    const built = new Map<H3Cell, number>();
    h3.forEach((cell, i) => built.set(cell, i));
    index = built;
  }
  const offsets = new Int32Array(h3.length + 1);
  const neighbors: number[] = [];
  const row: number[] = [];
  for (let i = 0; i < h3.length; i++) {
    row.length = 0;
    for (const n of gridDisk(h3[i]!, 1)) {
      const j = index.get(n);
      if (j !== undefined && j !== i) row.push(j);
    }
    row.sort((a, b) => a - b);
    for (const j of row) neighbors.push(j);
    offsets[i + 1] = neighbors.length;
  }
  return { offsets, neighbors: Int32Array.from(neighbors) };
}
