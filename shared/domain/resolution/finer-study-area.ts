import { cellToChildren, cellToLatLng, getPentagons, getResolution, gridDisk } from 'h3-js';
import type { Csr } from '../h3/build-adjacency';
import type { H3Cell } from '../model/ids';

/** The study area one resolution finer, with what the generic path computes with h3-js cell by cell. */
export interface FinerStudyArea {
  /** Sorted. */
  h3: H3Cell[];
  /** The old cell each new cell is a child of; -1 for an extra cell (an account's or rep's outside the old cells). */
  parent: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  graph: Csr;
}

/**
 * Neighbours are the cells whose centre is at most this much farther (squared: 1.4²)
 * than the nearest other cell's. In a hexagonal grid the nearest cell is always a
 * neighbour, all six neighbours are about equally far, and the next ring is √3 ≈ 1.73×
 * as far.
 */
const NEIGHBOUR_RATIO_SQ = 1.4 * 1.4;

/** The position of `cell` in the sorted array `sorted`, or -1. */
export function sortedIndexOf(sorted: readonly string[], cell: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === cell) return mid;
    if (v < cell) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The study area one resolution finer (every child of the current cells, plus `extra`
 * cells at the new resolution), built without an h3-js call per neighbour: children come
 * out grouped by parent and in H3 order, so no global sort and no index map are needed;
 * each child's neighbours are found among the children of its parent and of the parent's
 * neighbours (`oldGraph`), as the cells whose centre is about as near as the nearest one.
 * Children near a pentagon (within two old cells) and the extra cells get their neighbours
 * from `gridDisk`. A geometric neighbour the other side does not confirm makes the whole
 * result null, so the caller falls back to the generic path; tests compare the two.
 * @param oldGraph the CSR adjacency of `oldH3`
 * @returns null when the geometry is not conclusive
 */
export function finerStudyArea(oldH3: readonly H3Cell[], oldGraph: Csr, from: number, extra: readonly H3Cell[] = []): FinerStudyArea | null {
  const to = from + 1;
  const oldCount = oldH3.length;
  const order = Int32Array.from({ length: oldCount }, (_, i) => i).sort((a, b) => (oldH3[a]! < oldH3[b]! ? -1 : oldH3[a]! > oldH3[b]! ? 1 : 0));
  const kids: H3Cell[] = [];
  const kidParent: number[] = [];
  for (let k = 0; k < oldCount; k++) {
    const q = order[k]!;
    const children = cellToChildren(oldH3[q]!, to).sort();
    for (const child of children) {
      kids.push(child);
      kidParent.push(q);
    }
  }
  const outside = new Set<H3Cell>();
  for (const cell of extra) {
    if (getResolution(cell) !== to) throw new RangeError(`Cell ${cell} is not at resolution ${to}.`);
    if (sortedIndexOf(kids, cell) < 0) outside.add(cell);
  }
  const extras = [...outside].sort();

  // Merge the children (sorted) with the extra cells (sorted).
  const n = kids.length + extras.length;
  const h3 = new Array<H3Cell>(n);
  const parent = new Int32Array(n);
  for (let a = 0, b = 0, w = 0; w < n; w++) {
    if (b >= extras.length || (a < kids.length && kids[a]! < extras[b]!)) {
      h3[w] = kids[a]!;
      parent[w] = kidParent[a++]!;
    } else {
      h3[w] = extras[b++]!;
      parent[w] = -1;
    }
  }

  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [la, lo] = cellToLatLng(h3[i]!);
    lat[i] = la;
    lon[i] = lo;
    const phi = (la * Math.PI) / 180;
    const lambda = (lo * Math.PI) / 180;
    x[i] = Math.cos(phi) * Math.cos(lambda);
    y[i] = Math.cos(phi) * Math.sin(lambda);
    z[i] = Math.sin(phi);
  }

  // Each old cell's children: a contiguous run of new indices.
  const childStart = new Int32Array(oldCount).fill(-1);
  const childCount = new Int32Array(oldCount);
  for (let i = 0; i < n; i++) {
    const q = parent[i]!;
    if (q < 0) continue;
    if (childStart[q] === -1) childStart[q] = i;
    childCount[q]!++;
  }

  // Old cells within two steps of a pentagon: their children get exact neighbours.
  const pentagons = new Set(getPentagons(from));
  const nearPentagon = new Uint8Array(oldCount);
  for (let q = 0; q < oldCount; q++) {
    if (!pentagons.has(oldH3[q]!)) continue;
    nearPentagon[q] = 1;
    for (let e = oldGraph.offsets[q]!; e < oldGraph.offsets[q + 1]!; e++) {
      const r = oldGraph.neighbors[e]!;
      nearPentagon[r] = 1;
      for (let f = oldGraph.offsets[r]!; f < oldGraph.offsets[r + 1]!; f++) nearPentagon[oldGraph.neighbors[f]!] = 1;
    }
  }

  const row = new Int32Array(n * 6);
  const degree = new Uint8Array(n);
  let conclusive = true;
  const add = (i: number, j: number) => {
    const base = i * 6;
    const d = degree[i]!;
    for (let k = 0; k < d; k++) if (row[base + k] === j) return;
    if (d === 6) {
      conclusive = false;
      return;
    }
    row[base + d] = j;
    degree[i] = d + 1;
  };

  // At most 7 children of the parent and of each of its 6 neighbours.
  const d2 = new Float64Array(49);
  const candidate = new Int32Array(49);
  for (let i = 0; i < n && conclusive; i++) {
    const p = parent[i]!;
    if (p < 0 || nearPentagon[p]) {
      for (const cell of gridDisk(h3[i]!, 1)) {
        const j = sortedIndexOf(h3, cell);
        if (j < 0 || j === i) continue;
        add(i, j);
        add(j, i);
      }
      continue;
    }
    let count = 0;
    let nearest = Infinity;
    const first = oldGraph.offsets[p]!;
    const last = oldGraph.offsets[p + 1]!;
    for (let e = first - 1; e < last; e++) {
      const q = e < first ? p : oldGraph.neighbors[e]!;
      const start = childStart[q]!;
      const end = start + childCount[q]!;
      for (let j = start; j < end; j++) {
        if (j === i) continue;
        const dx = x[j]! - x[i]!;
        const dy = y[j]! - y[i]!;
        const dz = z[j]! - z[i]!;
        const d = dx * dx + dy * dy + dz * dz;
        d2[count] = d;
        candidate[count++] = j;
        if (d < nearest) nearest = d;
      }
    }
    const limit = nearest * NEIGHBOUR_RATIO_SQ;
    for (let k = 0; k < count; k++) if (d2[k]! <= limit) add(i, candidate[k]!);
  }
  if (!conclusive) return null;

  // Every edge must be seen from both sides.
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < degree[i]!; k++) {
      const j = row[i * 6 + k]!;
      let back = false;
      for (let m = 0; m < degree[j]!; m++) if (row[j * 6 + m] === i) back = true;
      if (!back) return null;
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const neighbors = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    const list = row.subarray(i * 6, i * 6 + degree[i]!).sort();
    neighbors.set(list, offsets[i]!);
  }
  return { h3, parent, lat, lon, graph: { offsets, neighbors } };
}
