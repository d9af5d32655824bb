import { describe, expect, it } from 'vitest';
import { csr } from '../../../test/helpers/csr';
import type { BalanceProblem } from './problem';
import { returnEmptyCells } from './return-empty-cells';

/** A path of cells 0–1–…–(n−1) with one measure and two territories. */
function path(weights: number[], options: { home?: [number, number]; frozen?: number[]; locked?: number[] } = {}): BalanceProblem {
  const n = weights.length;
  const graph = csr(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const));
  return {
    ...graph,
    lat: new Float64Array(n),
    lon: Float64Array.from({ length: n }, (_, i) => i * 0.01),
    weights: [Float64Array.from(weights)],
    measureWeights: [1],
    tolerance: [0.05],
    travelWeight: null,
    capacity: [1, 1],
    home: Int32Array.from(options.home ?? [-1, -1]),
    frozen: Uint8Array.from({ length: n }, (_, i) => (options.frozen?.includes(i) ? 1 : 0)),
    locked: Uint8Array.from([0, 1], (t) => (options.locked?.includes(t) ? 1 : 0)),
    fixedLoad: null,
  };
}

describe('returnEmptyCells', () => {
  it('gives an empty cell back to the territory it came from', () => {
    const plan = Int32Array.from([0, 0, 1, 1, 1, 1]);
    expect(returnEmptyCells(path([1, 1, 0, 1, 1, 1]), plan, Int32Array.from([0, 0, 0, 1, 1, 1]))).toBe(1);
    expect([...plan]).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('keeps a moved cell that carries weight, and one a home, frozen cell or locked territory holds', () => {
    const prior = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const moved = () => Int32Array.from([0, 0, 1, 1, 1, 1]);
    for (const problem of [path([1, 1, 2, 1, 1, 1]), path([1, 1, 0, 1, 1, 1], { home: [0, 2] }), path([1, 1, 0, 1, 1, 1], { frozen: [2] }), path([1, 1, 0, 1, 1, 1], { locked: [1] })]) {
      const plan = moved();
      expect(returnEmptyCells(problem, plan, prior)).toBe(0);
      expect([...plan]).toEqual([0, 0, 1, 1, 1, 1]);
    }
  });

  it('never cuts the territory that keeps the moved weight, nor lengthens the boundary', () => {
    // Cells 1–3 moved to territory 1; cell 2 carries weight. Cell 1 can go back; cell 3 links 2 to the rest of 1.
    const plan = Int32Array.from([0, 1, 1, 1, 1]);
    expect(returnEmptyCells(path([1, 0, 3, 0, 1]), plan, Int32Array.from([0, 0, 0, 0, 1]))).toBe(1);
    expect([...plan]).toEqual([0, 0, 1, 1, 1]);
  });

  it('keeps an empty cell that is the only link to moved weight, even where the boundary would not grow', () => {
    // Cell 2 touches 0 and 1 (its prior territory) and 3 and 4 (its new one); cell 3 (weight 5) hangs on 2 alone.
    const problem = { ...path([1, 1, 0, 5, 1, 1]), ...csr(6, [[0, 1], [0, 2], [1, 2], [2, 3], [2, 4], [4, 5]]) };
    const plan = Int32Array.from([0, 0, 1, 1, 1, 1]);
    expect(returnEmptyCells(problem, plan, Int32Array.from([0, 0, 0, 0, 1, 1]))).toBe(0);
    expect([...plan]).toEqual([0, 0, 1, 1, 1, 1]);
  });
});
