import { cellToChildren, getPentagons, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { cellBits, readCellBits } from './cell-bits';
import { neighbourBits } from './cell-neighbours';

function text(hi: number, lo: number): string {
  return (hi >>> 0).toString(16) + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Random cells over the whole sphere (uniform by area), at every resolution 0–15. */
function randomCells(count: number, seed: number): string[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, k) => latLngToCell((Math.asin(2 * rng.next() - 1) * 180) / Math.PI, rng.next() * 360 - 180, k % 16));
}

describe('neighbourBits', () => {
  it('gives exactly the neighbours gridDisk gives, wherever it answers', () => {
    const out = new Int32Array(12);
    const cells = [
      ...randomCells(30_000, 7),
      // Around every pentagon, where the digit rule must give way.
      ...[1, 2, 5, 9].flatMap((res) => getPentagons(res).flatMap((p) => gridDisk(p, 3))),
    ];
    let answered = 0;
    for (const cell of cells) {
      readCellBits(cell);
      if (!neighbourBits(cellBits.hi, cellBits.lo, out)) continue;
      answered++;
      const got = Array.from({ length: 6 }, (_, d) => text(out[2 * d]!, out[2 * d + 1]!)).sort();
      expect(got).toEqual(gridDisk(cell, 1).filter((c) => c !== cell).sort());
    }
    // It answers for most cells (not resolution 0, pentagon base cells, base-cell edges).
    expect(answered).toBeGreaterThan(cells.length * 0.6);
  });

  it('answers every cell deep inside a hexagon base cell, and leaves pentagons to gridDisk', () => {
    const out = new Int32Array(12);
    const inside = cellToChildren(cellToChildren(latLngToCell(40, -100, 0), 1)[0]!, 4);
    for (const cell of inside) {
      readCellBits(cell);
      expect(neighbourBits(cellBits.hi, cellBits.lo, out)).toBe(true);
    }
    for (const p of getPentagons(6)) {
      readCellBits(p);
      expect(neighbourBits(cellBits.hi, cellBits.lo, out)).toBe(false);
    }
  });
});
