import { cellToCenterChild, cellToChildren, cellToChildrenSize, cellToLatLng, cellToParent, getResolution } from 'h3-js';
import { buildAdjacency, type Csr } from '../h3/build-adjacency';
import { cellAreasKm2 } from '../h3/cell-areas';
import { connectedComponents } from '../graph/connected-components';
import type { H3Cell } from '../model/ids';
import { finerStudyArea } from './finer-study-area';

/** The most cells a resolution change may produce (the app stays responsive up to about this size). */
export const MAX_CELLS_AFTER_RESOLUTION_CHANGE = 3_000_000;

/** True for an H3 resolution (an integer 0–15). */
export function isResolution(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 15;
}

/**
 * How many cells the same extent holds at resolution `to`, before the cells of accounts
 * and reps that lie outside it are added: finer, the exact number of children; coarser,
 * an upper bound (the number of cells now, parents being shared).
 */
export function cellCountAtResolution(h3: readonly H3Cell[], from: number, to: number): number {
  if (to <= from) return h3.length;
  let n = 0;
  for (const cell of h3) n += cellToChildrenSize(cell, to);
  return n;
}

/**
 * The study area at another resolution over the same extent: the cells whose centre lies
 * in a current cell (the rule the study area was built by: a cell belongs when its centre
 * is on the land), plus `extra` cells (already at `to`: the cells of the accounts and
 * reps). Finer, that is every descendant of the current cells (one step finer, the
 * children's centres all lie inside their parent; further down, nearly all); coarser, the
 * ancestors of the current cells whose centre child is a current cell (one whose centre
 * lies outside, at the fringe, is left out unless it holds an account or a rep). Sorted
 * and without duplicates, so the same input always gives the same cell order.
 */
export function studyAreaAtResolution(h3: readonly H3Cell[], from: number, to: number, extra: readonly H3Cell[] = []): H3Cell[] {
  const out: H3Cell[] = [];
  if (to > from) {
    for (const cell of h3) for (const child of cellToChildren(cell, to)) out.push(child);
  } else if (to === from) {
    for (const cell of h3) out.push(cell);
  } else {
    const current = new Set(h3);
    for (const parent of new Set(h3.map((cell) => cellToParent(cell, to)))) {
      if (current.has(cellToCenterChild(parent, from))) out.push(parent);
    }
  }
  for (const cell of extra) {
    if (getResolution(cell) !== to) throw new RangeError(`Cell ${cell} is not at resolution ${to}.`);
    out.push(cell);
  }
  out.sort();
  let w = 0;
  for (let r = 0; r < out.length; r++) if (r === 0 || out[r] !== out[w - 1]) out[w++] = out[r]!;
  out.length = w;
  return out;
}

/** What is stored about a study area besides its cells: centroids, adjacency, areas, islands. */
export interface StudyAreaGrid {
  lat: Float64Array;
  lon: Float64Array;
  graph: Csr;
  areaKm2: Float64Array;
  component: Int32Array;
}

/**
 * Centroids, CSR adjacency, cell areas (km²) and connected components of a set of cells.
 * @param index the index of every cell of `h3`, when the caller has it already
 */
export function gridOfCells(h3: readonly H3Cell[], index?: ReadonlyMap<H3Cell, number>): StudyAreaGrid {
  const lat = new Float64Array(h3.length);
  const lon = new Float64Array(h3.length);
  for (let i = 0; i < h3.length; i++) {
    const [la, lo] = cellToLatLng(h3[i]!);
    lat[i] = la;
    lon[i] = lo;
  }
  const graph = buildAdjacency(h3, index);
  return { lat, lon, graph, areaKm2: cellAreasKm2(h3), component: connectedComponents(graph).component };
}

/** A study area at another resolution with everything stored about it. */
export interface StudyAreaAtResolution extends StudyAreaGrid {
  /** Sorted. */
  h3: H3Cell[];
  /** One step finer: the old cell each new cell is a child of (-1 for an extra cell); null otherwise. */
  parent: Int32Array | null;
  /** Coarser: the new cell each old cell lies in (its ancestor; -1 when that was left out); null otherwise. */
  image: Int32Array | null;
}

/**
 * The study area at resolution `to` (see `studyAreaAtResolution`) with its centroids,
 * adjacency, areas and islands. One step finer (the common case, and the largest result)
 * takes the fast path of `finerStudyArea`; otherwise, or when that is not conclusive, the
 * cells are listed and their adjacency built with h3-js cell by cell.
 * @param oldGraph the CSR adjacency of `oldH3`
 */
export function studyAreaWithGridAt(oldH3: readonly H3Cell[], oldGraph: Csr, from: number, to: number, extra: readonly H3Cell[] = []): StudyAreaAtResolution {
  const fast = to === from + 1 ? finerStudyArea(oldH3, oldGraph, from, extra) : null;
  if (fast) {
    return { ...fast, image: null, areaKm2: cellAreasKm2(fast.h3), component: connectedComponents(fast.graph).component };
  }
  if (to > from) {
    const h3 = studyAreaAtResolution(oldH3, from, to, extra);
    return { h3, parent: null, image: null, ...gridOfCells(h3) };
  }
  // Coarser: each old cell's ancestor is looked up once, for the cells and for the image.
  const ancestors = oldH3.map((cell) => cellToParent(cell, to));
  const current = new Set(oldH3);
  const kept: H3Cell[] = [];
  for (const parent of new Set(ancestors)) if (current.has(cellToCenterChild(parent, from))) kept.push(parent);
  const h3 = studyAreaAtResolution(kept, to, to, extra);
  const index = new Map<H3Cell, number>();
  for (let i = 0; i < h3.length; i++) index.set(h3[i]!, i);
  const image = Int32Array.from(ancestors, (a) => index.get(a) ?? -1);
  return { h3, parent: null, image, ...gridOfCells(h3, index) };
}
