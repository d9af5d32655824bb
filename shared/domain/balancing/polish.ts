import type { Rng } from '../random/create-rng';
import { chordKm } from './geometry';
import { territoryLoads } from './territory-loads';
import type { BalanceProblem } from './problem';

/** Problems up to this many cells get the polish after a build (about 0.3 µs a step). */
export const POLISH_MAX_CELLS = 2_000;
/** Steps per cell, and the cap on all steps (n = 100: 0.1 M steps, ~30 ms; n = 2,000: 0.4 M steps). */
const STEPS_PER_CELL = 1_000;
const MAX_STEPS = 400_000;
/** The steps are split into this many cooling runs, each from the best plan so far (one long run got stuck more often on S-exact). */
const CHAINS = 3;
/** Weight of one unit of balance excess (Σ over territories and measures of the deviation beyond τ, as B) against the travel of the whole plan relative to the start's. */
const EXCESS_PRICE = 20;
/** Uphill single moves sampled to set the temperature. */
const SAMPLE_MOVES = 200;

export interface PolishOptions {
  /** Home (or stand-in) per territory: travel is measured to it, and it never moves. */
  anchors: Int32Array;
  units: Float64Array;
  rng: Rng;
  deadline: number;
  shouldStop?: () => boolean;
}

/**
 * Polishes a small plan by simulated annealing toward the least travel that meets every
 * tolerance: the cost is EXCESS_PRICE × B (Σ_k Σ_a max(0, |W_ka/T_ka − 1| − τ_a), the
 * evaluator's excess) plus the travel Σ_i ω_i·d(i, home) relative to the plan's own at the
 * start. Steps move one boundary cell to a neighbouring territory, or trade two cells
 * across a boundary (what a tight tolerance needs when no single move keeps both sides in
 * the band). A step that would cut a territory in two, move a home or a frozen cell, or
 * touch a locked territory is never taken. The best plan seen (least excess, then least
 * travel) is kept, so the result is never worse than the input. The number of steps is
 * fixed by the size, so the same input and seed give the same plan; `deadline` only guards
 * against a slow machine.
 *
 * This is the engine's answer on small problems (S-exact in BENCHMARKS.md: a few hundred
 * cells or fewer), where the phases made for a million cells stop at a local optimum of
 * single moves that an exhaustive search still beats.
 *
 * @param owner territory position per cell, every cell assigned; changed in place
 * @returns the steps taken, how many were accepted, and whether a stop was requested (the best plan so far is kept)
 */
export function polishSmall(problem: BalanceProblem, owner: Int32Array, options: PolishOptions): { steps: number; accepted: number; cancelled: boolean } {
  const { offsets, neighbors, weights, frozen, locked } = problem;
  const n = owner.length;
  const k = problem.capacity.length;
  const m = weights.length;
  const { anchors, units, rng } = options;
  const capacityTotal = problem.capacity.reduce((a, b) => a + b, 0);
  const load = new Float64Array(k * m);
  countLoads();
  // Targets from the totals, which are the loads summed (cells plus accounts placed by name).
  const target = new Float64Array(k * m);
  for (let a = 0; a < m; a++) {
    let total = 0;
    for (let t = 0; t < k; t++) total += load[t * m + a]!;
    for (let t = 0; t < k; t++) target[t * m + a] = (total * problem.capacity[t]!) / capacityTotal;
  }
  const tau = problem.tolerance;

  // Travel of cell i in territory t, in units of the starting plan's total travel.
  const dist = new Float64Array(n * k);
  let startTravel = 0;
  for (let i = 0; i < n; i++) {
    const w = problem.travelWeight ? problem.travelWeight[i]! : 1;
    for (let t = 0; t < k; t++) dist[i * k + t] = anchors[t]! >= 0 ? w * chordKm(units, i, anchors[t]!) : 0;
    startTravel += dist[i * k + owner[i]!]!;
  }
  const travelUnit = startTravel > 0 ? 1 / startTravel : 0;

  const fixedCell = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (frozen[i] || locked[owner[i]!]) fixedCell[i] = 1;
  for (const a of anchors) if (a >= 0) fixedCell[a] = 1;

  const excessOf = (t: number, a: number, value: number) => {
    const T = target[t * m + a]!;
    if (!(T > 0)) return 0;
    const e = Math.abs(value / T - 1) - tau[a]!;
    return e > 0 ? e : 0;
  };
  let excess = 0;
  for (let t = 0; t < k; t++) for (let a = 0; a < m; a++) excess += excessOf(t, a, load[t * m + a]!);
  let travel = startTravel;

  /** Change of the excess when cell i leaves s for t. */
  const excessDelta = (i: number, s: number, t: number) => {
    let d = 0;
    for (let a = 0; a < m; a++) {
      const w = weights[a]![i]!;
      if (w === 0) continue;
      const ls = load[s * m + a]!;
      const lt = load[t * m + a]!;
      d += excessOf(s, a, ls - w) - excessOf(s, a, ls) + excessOf(t, a, lt + w) - excessOf(t, a, lt);
    }
    return d;
  };
  const apply = (i: number, s: number, t: number) => {
    for (let a = 0; a < m; a++) {
      load[s * m + a]! -= weights[a]![i]!;
      load[t * m + a]! += weights[a]![i]!;
    }
    owner[i] = t;
  };

  // Connectivity: cell i can leave s when its neighbours in s stay connected to each other without it.
  const mark = new Int32Array(n);
  let epoch = 0;
  const queue = new Int32Array(n);
  const staysConnected = (i: number, s: number) => {
    let first = -1;
    let count = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      if (owner[neighbors[e]!] === s) {
        if (first < 0) first = neighbors[e]!;
        count++;
      }
    }
    if (count === 0) return false; // its last cell, or cut off already: leave it
    if (count === 1) return true;
    epoch++;
    mark[i] = epoch;
    mark[first] = epoch;
    queue[0] = first;
    let found = 1;
    for (let head = 0, tail = 1; head < tail && found < count; head++) {
      const v = queue[head]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = neighbors[e]!;
        if (mark[w] === epoch || owner[w] !== s) continue;
        mark[w] = epoch;
        queue[tail++] = w;
        for (let x = offsets[i]!; x < offsets[i + 1]!; x++) if (neighbors[x] === w) found++;
      }
    }
    return found === count;
  };

  const best = Int32Array.from(owner);
  let bestExcess = excess;
  let bestTravel = travel;
  const record = () => {
    if (excess < bestExcess - 1e-12 || (excess <= bestExcess + 1e-12 && travel < bestTravel - 1e-12)) {
      best.set(owner);
      bestExcess = excess;
      bestTravel = travel;
    }
  };

  const steps = Math.min(MAX_STEPS, STEPS_PER_CELL * n);
  const chainSteps = Math.ceil(steps / CHAINS);
  // Temperature: a fraction of what a typical uphill single move costs here, cooling a thousandfold in each run.
  const hot = 0.1 * typicalUphill();
  const cold = hot * 1e-3;
  let accepted = 0;
  let step = 0;
  let cancelled = false;
  for (; step < steps; step++) {
    if ((step & 1023) === 0) {
      if (Date.now() > options.deadline) break;
      if (options.shouldStop?.()) {
        cancelled = true;
        break;
      }
    }
    const phase = step % chainSteps;
    if (phase === 0 && step > 0) {
      // Each chain starts again, hot, from the best plan so far.
      reset();
    }
    const temperature = hot * Math.pow(cold / hot, phase / chainSteps);
    const i = rng.int(n);
    if (fixedCell[i]) continue;
    const s = owner[i]!;
    const degree = offsets[i + 1]! - offsets[i]!;
    if (degree === 0) continue;
    const j = neighbors[offsets[i]! + rng.int(degree)]!;
    const t = owner[j]!;
    if (t === s || locked[t]) continue;
    const trade = rng.next() < 0.5;
    if (!trade) {
      const dx = excessDelta(i, s, t);
      const dTravel = dist[i * k + t]! - dist[i * k + s]!;
      const d = EXCESS_PRICE * dx + dTravel * travelUnit;
      if (d > 0 && rng.next() >= Math.exp(-d / temperature)) continue;
      if (!staysConnected(i, s)) continue;
      apply(i, s, t);
      excess += dx;
      travel += dTravel;
      accepted++;
      record();
      continue;
    }
    // A trade: i goes to t and its neighbour j, of t, comes back to s.
    if (fixedCell[j]) continue;
    const dx1 = excessDelta(i, s, t);
    if (!staysConnected(i, s)) continue;
    apply(i, s, t);
    const dx2 = excessDelta(j, t, s);
    const dTravel = dist[i * k + t]! - dist[i * k + s]! + dist[j * k + s]! - dist[j * k + t]!;
    const d = EXCESS_PRICE * (dx1 + dx2) + dTravel * travelUnit;
    if ((d > 0 && rng.next() >= Math.exp(-d / temperature)) || !touches(j, s) || !staysConnected(j, t)) {
      apply(i, t, s);
      continue;
    }
    apply(j, t, s);
    excess += dx1 + dx2;
    travel += dTravel;
    accepted++;
    record();
  }
  owner.set(best);
  return { steps: step, accepted, cancelled };

  /** The median cost increase of sampled single moves that would raise the cost (1 % of the travel when none does). */
  function typicalUphill(): number {
    const ups: number[] = [];
    for (let tries = 0; tries < 20 * SAMPLE_MOVES && ups.length < SAMPLE_MOVES; tries++) {
      const i = rng.int(n);
      const degree = offsets[i + 1]! - offsets[i]!;
      if (fixedCell[i] || degree === 0) continue;
      const s = owner[i]!;
      const t = owner[neighbors[offsets[i]! + rng.int(degree)]!]!;
      if (t === s || locked[t]) continue;
      const d = EXCESS_PRICE * excessDelta(i, s, t) + (dist[i * k + t]! - dist[i * k + s]!) * travelUnit;
      if (d > 0) ups.push(d);
    }
    if (ups.length === 0) return 0.01;
    ups.sort((a, b) => a - b);
    return ups[ups.length >> 1]!;
  }

  function countLoads(): void {
    territoryLoads(problem, owner, load);
  }

  function reset(): void {
    owner.set(best);
    countLoads();
    excess = bestExcess;
    travel = bestTravel;
  }

  function touches(j: number, s: number): boolean {
    for (let e = offsets[j]!; e < offsets[j + 1]!; e++) if (owner[neighbors[e]!] === s) return true;
    return false;
  }
}
