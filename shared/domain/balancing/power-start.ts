import { MinHeap } from '../graph/min-heap';
import { chordKm } from './geometry';
import type { BalanceProblem } from './problem';
import { nearestHomes, solveOffsets } from './transport-offsets';

/** Homes each cell may go to: its nearest ones (a territory's pull never reaches past them in practice). */
const CANDIDATES = 10;
/**
 * Smoothing stages and scaling steps per stage. Measured on H-220k (K = 100): more
 * candidates or steps balance the diagram better but the transfers that follow even it
 * out anyway; 10 × 6 × 20 gave the same final Δ and D as 16 × 8 × 40 in 40 % of the time.
 */
const STAGES = 6;
const ITERATIONS = 20;

/**
 * The starting plan of a build: an additively weighted Voronoi diagram of the homes. Each
 * free cell goes to the territory minimising d(cell, home) − λ_k, and the offsets λ are
 * raised for territories below their share of the combined weight and lowered for those
 * above, until every share is met. With the right λ this is the assignment of least total
 * travel (Σ weight × distance) among those that meet the shares, so the plan starts as
 * compact as a balanced plan can be. The plan itself is grown from the homes through
 * neighbouring cells in the order of that offset distance, so a territory never gets a
 * piece it cannot reach (across a bay, or behind a neighbour's bulge): every territory is
 * contiguous within each island of the study area. The shares are met only roughly (the
 * diagram is not solved to the last cell, and growth differs from it near obstacles); the
 * transfers and the local search finish the balance.
 *
 * @param start territory per cell, ≥ 0 for cells that keep their territory (frozen cells, locked territories)
 * @param homes home cell per territory (≥ 0 for every territory that grows)
 * @param units cell centroids as unit vectors (`unitVectors`)
 * @param weight combined balance weight per cell (`combinedWeight`)
 * @param share each territory's share of the combined weight
 * @returns a new plan with every cell assigned (cells of islands without any territory go to the nearest home)
 */
export function powerDiagramStart(
  problem: BalanceProblem,
  start: Int32Array,
  homes: Int32Array,
  units: Float64Array,
  weight: Float64Array,
  share: ArrayLike<number>,
): Int32Array {
  const n = start.length;
  const k = homes.length;
  const growing: number[] = [];
  for (let t = 0; t < k; t++) if (!problem.locked[t] && homes[t]! >= 0) growing.push(t);
  // Homes stay with their own territory whatever the diagram says (the first one, where two share a cell).
  const pinned = Int32Array.from(start);
  for (const t of growing) if (pinned[homes[t]!]! < 0) pinned[homes[t]!] = t;
  const owner = Int32Array.from(pinned);
  if (growing.length === 0) return owner;

  const { near, nearKm, c, meanNearestKm } = nearestHomes(units, homes, growing, pinned, CANDIDATES);
  let total = 0;
  const fixed = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    total += weight[i]!;
    if (owner[i]! >= 0) fixed[owner[i]!]! += weight[i]!;
  }
  const target = Float64Array.from({ length: k }, (_, t) => total * share[t]!);

  const lambda = solveOffsets({ start: pinned, near, cost: nearKm, c, weight, fixed, target, growing, scale: meanNearestKm, stages: STAGES, iterationsPerStage: ITERATIONS });
  growByOffsets(problem, owner, homes, growing, units, lambda, near, c);
  return owner;
}

/**
 * Every territory grows from its home (and the cells it keeps) through neighbouring cells,
 * the cell with the lowest d(cell, home) − λ first, so each region is connected and, where
 * the straight-line diagram is connected, equal to it. A territory only takes cells that
 * list it among their nearest homes; a pocket none of those reach is then grown into by
 * the territories around it. An island no growth reaches (no home on it) goes whole to
 * the territory with the lowest offset distance from its first cell.
 */
function growByOffsets(problem: BalanceProblem, owner: Int32Array, homes: Int32Array, growing: readonly number[], units: Float64Array, lambda: Float64Array, near: Int32Array, c: number): void {
  const { offsets, neighbors } = problem;
  const n = owner.length;
  const heap = new MinHeap();
  const k = homes.length;
  const key = (i: number, t: number) => chordKm(units, i, homes[t]!) - lambda[t]!;
  const isGrowing = new Uint8Array(k);
  for (const t of growing) isGrowing[t] = 1;
  // Pending claims as (cell, territory) pairs encoded in one number.
  const offer = (i: number, t: number) => {
    for (let p = 0; p < c; p++) if (near[i * c + p] === t) return heap.push(i * k + t, key(i, t));
  };
  /** Claims the free neighbours of every growing territory's cells, then grows them, the lowest key first. */
  const spread = (claim: (i: number, t: number) => void) => {
    for (let i = 0; i < n; i++) {
      const t = owner[i]!;
      if (t < 0 || !isGrowing[t]) continue;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) if (owner[neighbors[e]!] === -1) claim(neighbors[e]!, t);
    }
    while (heap.size > 0) {
      const code = heap.pop();
      const i = Math.floor(code / k);
      if (owner[i] !== -1) continue;
      const t = code - i * k;
      owner[i] = t;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) if (owner[neighbors[e]!] === -1) claim(neighbors[e]!, t);
    }
  };
  spread(offer);
  // Pockets no territory they list reached: walled in by territories whose homes are not
  // among their nearest (where many homes crowd together). The territories around them
  // grow in, in the same order, so every territory stays one piece.
  spread((i, t) => heap.push(i * k + t, key(i, t)));
  for (let i = 0; i < n; i++) {
    if (owner[i] !== -1) continue;
    let best = near[i * c]!;
    for (let p = 1; p < c; p++) if (key(i, near[i * c + p]!) < key(i, best)) best = near[i * c + p]!;
    // The whole unreached region goes to it, so it stays one piece.
    owner[i] = best;
    const queue = [i];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = neighbors[e]!;
        if (owner[w] === -1) {
          owner[w] = best;
          queue.push(w);
        }
      }
    }
  }
}
