import { cellArea, cellToLatLng } from 'h3-js';
import { buildAdjacency } from '../../../shared/domain/h3/build-adjacency';
import { CellTable, cellBits, readCellBits } from '../../../shared/domain/h3/cell-bits';
import { connectedComponents } from '../../../shared/domain/graph/connected-components';
import { landCells, type LandCells } from './land-cells';
import type { StudyAreaGrowth } from './prepared';

/**
 * Grows the study area so every record lies in it: the land of the countries (US:
 * states) the records outside it fall in, within their bounding box widened by a margin
 * (a land part holding only a few records: near those records), plus every cell that
 * holds a record. A new workspace grows from nothing this way. New cells come after the
 * current ones (indices are append-only), sorted among themselves.
 * @param land `landCells` of the records outside the study area, when the caller has
 * worked it out already (on another thread, say)
 * @returns null when every record already lies in the study area
 */
export function growStudyArea(
  existing: readonly string[],
  recordCells: readonly string[],
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  resolution: number,
  land?: LandCells,
): StudyAreaGrowth | null {
  const known = new DistinctCells();
  for (const cell of existing) known.add(cell);
  // The records' distinct cells first: far fewer than records, and the same strings
  // repeat (prepareImport gives one string per cell), so this set is cheap to fill.
  const distinct = new Set(recordCells);
  const outsideCells = new Set<string>();
  for (const cell of distinct) if (!known.has(cell)) outsideCells.add(cell);
  if (outsideCells.size === 0) return null;
  // The land of the outside points, unless the caller worked it out already (the import's placing thread does).
  const outsidePoints = (): [Float64Array, Float64Array] => {
    if (outsideCells.size === distinct.size) return [Float64Array.from(recordCells, (_, i) => lat[i]!), Float64Array.from(recordCells, (_, i) => lon[i]!)]; // every record is outside (a new workspace, say)
    const outside: number[] = [];
    for (let i = 0; i < recordCells.length; i++) if (outsideCells.has(recordCells[i]!)) outside.push(i);
    return [Float64Array.from(outside, (i) => lat[i]!), Float64Array.from(outside, (i) => lon[i]!)];
  };
  const landCellsTaken = land ?? landCells(...outsidePoints(), resolution);
  // The records' own strings go in first, so the new cells reuse them (a later lookup of
  // a record's cell then finds the very same string).
  const added = new DistinctCells();
  for (const cell of outsideCells) added.add(cell);
  // Where each new cell's centre and area come from: the land cell that is the same
  // cell (worked out with the land), or −1 to work them out here.
  const fromLand: number[] = new Array<number>(added.size).fill(-1);
  landCellsTaken.cells.forEach((cell, j) => {
    if (known.has(cell)) return;
    const before = added.size;
    const a = added.add(cell);
    if (a === before) fromLand.push(j);
    else if (fromLand[a] === -1) fromLand[a] = j;
  });

  const order = added.sortedOrder();
  const h3 = Array.from(order, (a) => added.text(a));
  const newLat = new Float64Array(h3.length);
  const newLon = new Float64Array(h3.length);
  const areaKm2 = new Float64Array(h3.length);
  order.forEach((a, i) => {
    const j = fromLand[a]!;
    if (j >= 0) {
      newLat[i] = landCellsTaken.lat[j]!;
      newLon[i] = landCellsTaken.lon[j]!;
      areaKm2[i] = landCellsTaken.areaKm2[j]!;
      return;
    }
    const cell = h3[i]!;
    // h3-js takes a cell as its [lower, upper] halves too, which spares it parsing the text.
    const bits = readCellBits(cell) ? [cellBits.lo >>> 0, cellBits.hi] : cell;
    const [la, lo] = cellToLatLng(bits);
    newLat[i] = la;
    newLon[i] = lo;
    areaKm2[i] = cellArea(bits, 'km2');
  });
  const graph = buildAdjacency([...existing, ...h3]);
  return { h3, lat: newLat, lon: newLon, areaKm2, graph, component: connectedComponents(graph).component, places: landCellsTaken.places };
}

/**
 * Distinct cells in the order added, found by their bits (hashing the fresh strings
 * h3-js returns costs more), or by text for any not written as h3-js writes cells.
 */
class DistinctCells {
  private readonly texts: string[] = [];
  /** Upper and lower halves (unsigned) per cell; −1 for a cell kept by text. */
  private readonly hi: number[] = [];
  private readonly lo: number[] = [];
  private readonly byBits = new CellTable();
  private readonly byText = new Map<string, number>();

  get size(): number {
    return this.texts.length;
  }

  text(index: number): string {
    return this.texts[index]!;
  }

  /** Adds a cell unless it is in already; returns its index (the order added). */
  add(cell: string): number {
    if (readCellBits(cell)) {
      const known = this.byBits.get(cellBits.hi, cellBits.lo);
      if (known >= 0) return known;
      this.byBits.set(cellBits.hi, cellBits.lo, this.texts.length);
      this.hi.push(cellBits.hi);
      this.lo.push(cellBits.lo >>> 0);
    } else {
      const known = this.byText.get(cell);
      if (known !== undefined) return known;
      this.byText.set(cell, this.texts.length);
      this.hi.push(-1);
      this.lo.push(-1);
    }
    this.texts.push(cell);
    return this.texts.length - 1;
  }

  has(cell: string): boolean {
    return readCellBits(cell) ? this.byBits.get(cellBits.hi, cellBits.lo) >= 0 : this.byText.has(cell);
  }

  /** The indices of the cells in string order. */
  sortedOrder(): Int32Array {
    const { hi, lo, texts } = this;
    const order = Int32Array.from(texts, (_, i) => i);
    if (this.byText.size > 0) return order.sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0));
    // All 15 hex digits long: string order is the order of their numbers.
    return order.sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]!);
  }
}
