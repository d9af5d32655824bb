import { gridDisk } from 'h3-js';
import type { H3Cell } from '../model/ids';
import { CellTable, cellBits, readCellBits } from './cell-bits';
import { neighbourBits } from './cell-neighbours';

/** Cell adjacency in compressed sparse row form: neighbours of i are neighbors[offsets[i] … offsets[i+1]). */
export interface Csr {
  offsets: Int32Array;
  neighbors: Int32Array;
}

/**
 * Builds the edge-adjacency graph of a set of H3 cells (only neighbours that are
 * themselves in the set). Neighbour lists are sorted ascending; the graph is symmetric.
 * Computed once per study area and cached: h3-js is too slow for inner loops.
 *
 * The neighbours are those of h3-js `gridDisk(cell, 1)`. Most are worked out by digit
 * arithmetic on the cells' bits (`neighbourBits`) and looked up by bits; cells on a
 * base cell's edge or in a pentagon base cell ask `gridDisk`.
 * @param known the index of every cell of `h3`, when the caller has it already
 */
export function buildAdjacency(h3: readonly H3Cell[], known?: ReadonlyMap<H3Cell, number>): Csr {
  const n = h3.length;
  const table = new CellTable(n);
  const hi = new Int32Array(n);
  const lo = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // A cell not written as h3-js writes cells (or repeated): look up by text instead.
    if (!readCellBits(h3[i]!) || table.get(cellBits.hi, cellBits.lo) >= 0) return adjacencyByText(h3, known);
    hi[i] = cellBits.hi;
    lo[i] = cellBits.lo;
    table.set(cellBits.hi, cellBits.lo, i);
  }
  const offsets = new Int32Array(n + 1);
  let neighbors = new Int32Array(Math.max(16, 6 * n));
  let count = 0;
  const around = new Int32Array(12);
  const row: number[] = [];
  for (let i = 0; i < n; i++) {
    row.length = 0;
    if (neighbourBits(hi[i]!, lo[i]!, around)) {
      for (let k = 0; k < 12; k += 2) {
        const j = table.get(around[k]!, around[k + 1]!);
        if (j >= 0) row.push(j);
      }
    } else {
      // h3-js takes a cell as its [lower, upper] halves too, which spares it parsing the text.
      for (const cell of gridDisk([lo[i]! >>> 0, hi[i]! >>> 0], 1)) {
        const j = readCellBits(cell) ? table.get(cellBits.hi, cellBits.lo) : -1;
        if (j >= 0 && j !== i) row.push(j);
      }
    }
    if (row.length > 1) row.sort((a, b) => a - b);
    if (count + row.length > neighbors.length) {
      const grown = new Int32Array(neighbors.length * 2);
      grown.set(neighbors);
      neighbors = grown;
    }
    for (const j of row) neighbors[count++] = j;
    offsets[i + 1] = count;
  }
  return { offsets, neighbors: neighbors.slice(0, count) };
}

/** {@link buildAdjacency} by `gridDisk` and the cells' text. */
function adjacencyByText(h3: readonly H3Cell[], known?: ReadonlyMap<H3Cell, number>): Csr {
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
