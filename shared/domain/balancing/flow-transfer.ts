import { MinHeap } from '../graph/min-heap';
import { chordKm } from './geometry';
import { excessOutside, measureTotals, territoryLoads } from './territory-loads';
import type { BalanceProblem } from './problem';

export interface TransferOptions {
  /** Combined balance weight per cell (`combinedWeight`). */
  weight: Float64Array;
  /** Each territory's target share of the combined weight. */
  share: Float64Array;
  /** Anchor cell (home) per territory, -1 for none. */
  anchors: Int32Array;
  units: Float64Array;
  /** Territories inside ±band of their target are left as they are (fraction). */
  band: number;
  /** Territories outside the band are brought to ±aim of their target (aim ≤ band). */
  aim: number;
  iterations: number;
  deadline: number;
  shouldStop?: () => boolean;
  /**
   * Return the plan least outside the bands among those before each round and after the
   * last (`excessOutside`), not the last one. For builds: a round can overshoot (crowded
   * territories; K = 500 on H-1.5M, where one round took Δ from 5.2 to 8.4 and the local
   * search had no time left to mend it). Not for realigns: on R-220k their two rounds leave
   * more outside the bands than they found, yet the local search from there ends at B 4.6,
   * against 5.6 from the prior plan.
   */
  keepBest?: boolean;
}

/**
 * Moves load between neighbouring territories along the flows that restore balance with
 * the least (L2) movement: the flows come from potentials φ solving L·φ = b on the graph of
 * territory adjacency (L its Laplacian, b each territory's excess over its band). Each
 * flow s → t is carried out by handing t the cells of s that are relatively nearest to t's
 * home, grown outward from their common boundary, until the amount is moved; a cell whose
 * removal could disconnect s is passed over, so every territory stays contiguous. A few rounds of this take a plan from far off to near balance; the
 * local search then finishes each measure.
 *
 * @param owner territory position per cell; changed in place
 * @returns rounds run and whether a stop was requested
 */
export function flowTransfer(problem: BalanceProblem, owner: Int32Array, options: TransferOptions): { rounds: number; cancelled: boolean } {
  const { offsets, neighbors, frozen } = problem;
  const n = owner.length;
  const k = options.share.length;
  const { weight, anchors, units } = options;
  const isAnchor = new Uint8Array(n);
  for (const a of anchors) if (a >= 0) isAnchor[a] = 1;
  const stamp = new Int32Array(n);
  let epoch = 0;
  // Cells by territory, rebuilt each round (a counting sort), so a transfer looks at its giver's cells only.
  const bucketStart = new Int32Array(k + 1);
  const bucket = new Int32Array(n);

  // The plan least outside the bands so far (see `keepBest`).
  const best = options.keepBest ? Int32Array.from(owner) : null;
  const totals = best ? measureTotals(problem) : null;
  let bestOutside = Infinity;
  let lastOutside = Infinity;
  let rounds = 0;
  for (; ; rounds++) {
    if (options.shouldStop?.()) return { rounds, cancelled: true };
    const load = new Float64Array(k);
    let total = 0;
    bucketStart.fill(0);
    for (let i = 0; i < n; i++) {
      total += weight[i]!;
      const t = owner[i]!;
      if (t >= 0) {
        load[t]! += weight[i]!;
        bucketStart[t + 1]!++;
      }
    }
    for (let t = 0; t < k; t++) bucketStart[t + 1]! += bucketStart[t]!;
    {
      const fill = bucketStart.slice(0, k);
      for (let i = 0; i < n; i++) if (owner[i]! >= 0) bucket[fill[owner[i]!]!++] = i;
    }
    // Excess over the band (positive: must shed; negative: must gain), balanced to sum 0.
    const b = new Float64Array(k);
    let sum = 0;
    let slack = 0;
    for (let t = 0; t < k; t++) {
      if (problem.locked[t]) continue;
      const target = total * options.share[t]!;
      const hi = target * (1 + options.band);
      const lo = target * (1 - options.band);
      b[t] = load[t]! > hi ? load[t]! - target * (1 + options.aim) : load[t]! < lo ? load[t]! - target * (1 - options.aim) : 0;
      sum += b[t]!;
      slack += hi - lo;
    }
    let worst = 0;
    for (let t = 0; t < k; t++) worst = Math.max(worst, Math.abs(b[t]!));
    if (best) {
      lastOutside = excessOutside(problem, owner, totals!, options.share, problem.weights.map(() => options.band), true);
      if (lastOutside < bestOutside) {
        bestOutside = lastOutside;
        best.set(owner);
      }
    }
    if (worst === 0 || rounds >= options.iterations || Date.now() > options.deadline) break;
    // Spread the residual over every unlocked territory by its band width, so Σ b = 0.
    for (let t = 0; t < k; t++) {
      if (problem.locked[t]) continue;
      const target = total * options.share[t]!;
      b[t]! -= (sum * (2 * options.band * target)) / (slack || 1);
    }
    const edges = territoryEdges(problem, owner, k);
    // Least-squares flows spread over every route. (Routing each excess along the fewest hops
    // to the nearest deficit moved 17 % less weight on the demo but left Δ at 51 % instead
    // of 12 %: single routes clog where cells cannot be taken without cutting a territory.)
    const phi = solveLaplacian(k, edges, b);
    // Upstream first (highest potential first): a territory passes load on only after it
    // has received it. (Largest-first made bottleneck territories give away everything
    // before their inflows arrived: Δ went from 3.8 to 12 on H-220k.)
    const flows = edges
      .map(([s, t]) => (phi[s]! > phi[t]! ? { from: s, to: t, amount: phi[s]! - phi[t]! } : { from: t, to: s, amount: phi[t]! - phi[s]! }))
      .filter((f) => f.amount > 0)
      .sort((x, y) => phi[y.from]! - phi[x.from]! || y.amount - x.amount || x.to - y.to);
    for (const f of flows) {
      // The time limit holds inside a round too (a round on H-1.5M takes about a second);
      // the next pass of the loop measures the part-done round and stops.
      if (Date.now() > options.deadline) break;
      epoch = transfer(f.from, f.to, f.amount, epoch);
    }
  }
  if (best && lastOutside > bestOutside) owner.set(best);
  return { rounds, cancelled: false };

  /** Hands `to` about `amount` of `from`'s combined weight; returns the next stamp epoch. */
  function transfer(from: number, to: number, amount: number, e0: number): number {
    let e = e0 + 1;
    const heap = new MinHeap();
    const anchorFrom = anchors[from]!;
    const anchorTo = anchors[to]!;
    const priority = (i: number) =>
      (anchorTo >= 0 ? chordKm(units, i, anchorTo) : 0) - (anchorFrom >= 0 ? chordKm(units, i, anchorFrom) : 0);
    // Seeds: the cells of `from` (as bucketed at the start of the round) that touch `to` now.
    for (let y = bucketStart[from]!; y < bucketStart[from + 1]!; y++) {
      const j = bucket[y]!;
      if (owner[j] !== from || frozen[j] || isAnchor[j]) continue;
      for (let x = offsets[j]!; x < offsets[j + 1]!; x++) {
        if (owner[neighbors[x]!] === to) {
          stamp[j] = e;
          heap.push(j, priority(j));
          break;
        }
      }
    }
    let moved = 0;
    while (heap.size > 0 && moved < amount) {
      const i = heap.pop();
      if (owner[i] !== from) continue;
      if (moved + weight[i]! / 2 > amount) continue; // too heavy to take whole: look for lighter cells
      if (!safeToTake(i, from)) {
        // Not now: it may become safe once a neighbour is taken, so let it be queued again.
        stamp[i] = e - 1;
        continue;
      }
      owner[i] = to;
      moved += weight[i]!;
      for (let x = offsets[i]!; x < offsets[i + 1]!; x++) {
        const j = neighbors[x]!;
        if (owner[j] === from && stamp[j] !== e && !frozen[j] && !isAnchor[j]) {
          stamp[j] = e;
          heap.push(j, priority(j));
        }
      }
    }
    return e;
  }

  /**
   * True when taking i out of `from` surely keeps `from` connected: i's neighbours in
   * `from` are connected among themselves, so any path through i can go round it.
   */
  function safeToTake(i: number, from: number): boolean {
    let first = -1;
    let count = 0;
    for (let x = offsets[i]!; x < offsets[i + 1]!; x++) {
      if (owner[neighbors[x]!] === from) {
        count++;
        if (first < 0) first = neighbors[x]!;
      }
    }
    if (count <= 1) return count === 1;
    const inRing = (w: number) => {
      for (let x = offsets[i]!; x < offsets[i + 1]!; x++) if (neighbors[x] === w) return true;
      return false;
    };
    const seen = [first];
    for (let h = 0; h < seen.length; h++) {
      const v = seen[h]!;
      for (let x = offsets[v]!; x < offsets[v + 1]!; x++) {
        const w = neighbors[x]!;
        if (w !== i && owner[w] === from && inRing(w) && !seen.includes(w)) seen.push(w);
      }
    }
    return seen.length === count;
  }
}

/** Distinct pairs of unlocked territories that share a cell edge, each once (s < t). */
function territoryEdges(problem: BalanceProblem, owner: Int32Array, k: number): [number, number][] {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (let i = 0; i < owner.length; i++) {
    const s = owner[i]!;
    if (s < 0 || problem.locked[s]) continue;
    for (let x = problem.offsets[i]!; x < problem.offsets[i + 1]!; x++) {
      const t = owner[problem.neighbors[x]!]!;
      if (t <= s || problem.locked[t]) continue;
      const key = s * k + t;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([s, t]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Solves (L + εI)·φ = b for the Laplacian of an unweighted graph by conjugate gradients
 * (deterministic; the small ε makes it solvable on disconnected graphs).
 */
export function solveLaplacian(k: number, edges: readonly [number, number][], b: Float64Array): Float64Array {
  const eps = 1e-9;
  const degree = new Float64Array(k);
  for (const [s, t] of edges) {
    degree[s]!++;
    degree[t]!++;
  }
  const apply = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < k; i++) out[i] = (degree[i]! + eps) * x[i]!;
    for (const [s, t] of edges) {
      out[s]! -= x[t]!;
      out[t]! -= x[s]!;
    }
  };
  const x = new Float64Array(k);
  const r = Float64Array.from(b);
  const p = Float64Array.from(r);
  const ap = new Float64Array(k);
  let rr = 0;
  for (let i = 0; i < k; i++) rr += r[i]! * r[i]!;
  const stop = rr * 1e-20;
  for (let iter = 0; iter < 4 * k + 20 && rr > stop; iter++) {
    apply(p, ap);
    let pap = 0;
    for (let i = 0; i < k; i++) pap += p[i]! * ap[i]!;
    if (!(pap > 0)) break;
    const alpha = rr / pap;
    let next = 0;
    for (let i = 0; i < k; i++) {
      x[i]! += alpha * p[i]!;
      r[i]! -= alpha * ap[i]!;
      next += r[i]! * r[i]!;
    }
    const beta = next / rr;
    rr = next;
    for (let i = 0; i < k; i++) p[i] = r[i]! + beta * p[i]!;
  }
  return x;
}
