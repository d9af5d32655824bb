import { cellArea } from 'h3-js';
import { cellBits, readCellBits } from './cell-bits';

/**
 * The area of each H3 cell in km². H3 cells of one resolution differ in area by up to
 * about 2× across the globe, so areas are computed per cell (≈ 3 µs each), once, when a
 * study area is written.
 */
export function cellAreasKm2(h3: readonly string[]): Float64Array {
  const out = new Float64Array(h3.length);
  for (let i = 0; i < h3.length; i++) {
    const cell = h3[i]!;
    // h3-js takes a cell as its [lower, upper] halves too, which spares it parsing the text.
    out[i] = cellArea(readCellBits(cell) ? [cellBits.lo >>> 0, cellBits.hi] : cell, 'km2');
  }
  return out;
}
