import { balance } from './balance';
import type { BalanceProblem } from './problem';

export interface SplitInput {
  /** The territory's cells (study-area indices). */
  cells: readonly number[];
  /** The study area's CSR adjacency and centroids. */
  offsets: Int32Array;
  neighbors: Int32Array;
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  /** The measure to split evenly, per study-area cell. */
  weight: ArrayLike<number>;
  seed: number;
}

/**
 * Splits a territory into two contiguous halves of (nearly) equal weight, with the
 * balancing engine on the territory's own cells (two homes picked far apart, seeded).
 * @returns the study-area cells of the half that becomes a new territory (empty when the territory cannot be split)
 */
export function splitBalanced(input: SplitInput): number[] {
  const { cells } = input;
  if (cells.length < 2) return [];
  const local = new Map<number, number>();
  cells.forEach((c, i) => local.set(c, i));
  const offsets = new Int32Array(cells.length + 1);
  const neighbors: number[] = [];
  cells.forEach((c, i) => {
    for (let e = input.offsets[c]!; e < input.offsets[c + 1]!; e++) {
      const j = local.get(input.neighbors[e]!);
      if (j !== undefined) neighbors.push(j);
    }
    offsets[i + 1] = neighbors.length;
  });
  const n = cells.length;
  const problem: BalanceProblem = {
    offsets,
    neighbors: Int32Array.from(neighbors),
    lat: Float64Array.from(cells, (c) => input.lat[c]!),
    lon: Float64Array.from(cells, (c) => input.lon[c]!),
    weights: [Float64Array.from(cells, (c) => input.weight[c]!)],
    measureWeights: [1],
    tolerance: [0.01],
    travelWeight: null,
    capacity: [1, 1],
    home: Int32Array.from([-1, -1]),
    frozen: new Uint8Array(n),
    locked: new Uint8Array(2),
    fixedLoad: null,
  };
  const { plan } = balance(problem, { mode: 'build', prior: null, seed: input.seed, timeLimitMs: 2000 });
  const half = cells.filter((_, i) => plan[i] === 1);
  return half.length === 0 || half.length === n ? [] : half;
}
