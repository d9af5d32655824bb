import { leavesConnected } from './leaves-connected';
import { chordKm } from './geometry';
import { measureTotals, territoryLoads } from './territory-loads';
import type { BalanceProblem } from './problem';

/**
 * Where the wall begins, as a fraction of τ. At τ itself the search settled with territories
 * a hair outside (10.001 % at ±10 %: "39 of 40 within" on the demo); from 0.95 τ they end
 * inside: 40 of 40 at ±10 % and ±5 %.
 */
const WALL_START = 0.95;

export interface SearchOptions {
  /** Home cell (or stand-in) per territory used for travel; -1: no travel term. */
  anchors: Int32Array;
  units: Float64Array;
  /** Weight of travel against balance. */
  compactness: number;
  /** Cost per cut edge (boundary length on the hex grid); 0: none. Keeps boundaries smooth where balance and travel do not care. */
  boundary?: number;
  /** Cost of moving a cell away from its prior territory, per unit of its share of the targets (realign); 0: none. */
  disruption: number;
  prior: Int32Array | null;
  /** Deviations inside ±deadZone·τ cost nothing (so balanced territories are left alone). */
  deadZone: number;
  /** Cost per unit of deviation beyond WALL_START·τ (on top of the square): makes the tolerance a wall travel and boundary costs cannot push through; 0: none. */
  wall?: number;
  deadline: number;
  shouldStop?: () => boolean;
  onRound?: (round: number, moves: number) => void;
  maxRounds?: number;
}

export interface SearchOutcome {
  moves: number;
  rounds: number;
  cancelled: boolean;
}

/**
 * Improves a plan by moving boundary cells between neighbouring territories, one cell at
 * a time, while a move lowers the cost:
 *   Σ_k Σ_a β_a · max(0, |W_ka/T_ka − 1| − deadZone·τ_a)²                (balance)
 *   + compactness · Σ_i ω_i/Ω_k · d(i, home_k)/d̄                        (travel)
 *   + disruption · Σ_{i moved from its prior territory} Σ_a β_a w_ia/T̄_a  (realign)
 *   + boundary · cut edges                                                  (shape)
 * A move never disconnects the territory it leaves, never moves a frozen cell or a home,
 * and never touches a locked territory, so contiguity is kept. The scan order
 * is fixed (ascending cells, round by round), so the same input gives the same plan.
 *
 * @param owner territory position per cell; changed in place
 */
export function localSearch(problem: BalanceProblem, owner: Int32Array, options: SearchOptions): SearchOutcome {
  const { offsets, neighbors, weights, frozen } = problem;
  const n = owner.length;
  const k = problem.capacity.length;
  const m = weights.length;
  const betaTotal = problem.measureWeights.reduce((a, b) => a + b, 0) || 1;
  const beta = problem.measureWeights.map((b) => b / betaTotal);
  const capacityTotal = problem.capacity.reduce((a, b) => a + b, 0);

  // Loads and targets, territory-major.
  const load = territoryLoads(problem, owner);
  const target = new Float64Array(k * m);
  const totals = measureTotals(problem);
  for (let t = 0; t < k; t++) for (let a = 0; a < m; a++) target[t * m + a] = (totals[a]! * problem.capacity[t]!) / capacityTotal;
  const band = problem.tolerance.map((tau) => tau * options.deadZone);
  const wall = options.wall ?? 0;

  // Travel: ω_i (the travel weight plus a little for every cell) over each territory's share Ω_k, per typical distance d̄.
  const omega = new Float64Array(n);
  let omegaTotal = 0;
  {
    const tw = problem.travelWeight;
    let mean = 0;
    if (tw) for (let i = 0; i < n; i++) mean += tw[i]!;
    mean = tw ? mean / Math.max(1, n) : 1;
    for (let i = 0; i < n; i++) {
      omega[i] = (tw ? tw[i]! : 1) + 0.05 * (mean > 0 ? mean : 1);
      omegaTotal += omega[i]!;
    }
  }
  const typicalKm = typicalDistanceKm(problem, k);
  const travelScale = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    const omegaShare = (omegaTotal * problem.capacity[t]!) / capacityTotal;
    travelScale[t] = options.anchors[t]! >= 0 && omegaShare > 0 ? options.compactness / (omegaShare * typicalKm) : 0;
  }
  const boundaryCost = options.boundary ?? 0;
  const meanTarget = new Float64Array(m);
  for (let a = 0; a < m; a++) meanTarget[a] = totals[a]! / Math.max(1, k);

  const cellCount = new Int32Array(k);
  for (let i = 0; i < n; i++) if (owner[i]! >= 0) cellCount[owner[i]!]!++;
  const isHome = new Uint8Array(n);
  for (let t = 0; t < k; t++) if (options.anchors[t]! >= 0 && problem.home[t]! >= 0) isHome[options.anchors[t]!] = 1;
  const movable = (t: number) => t >= 0 && !problem.locked[t];

  const penalty = (t: number, a: number, value: number) => {
    const T = target[t * m + a]!;
    if (!(T > 0)) return 0;
    const deviation = Math.abs(value / T - 1);
    const excess = deviation - band[a]!;
    if (!(excess > 0)) return 0;
    const over = deviation - WALL_START * problem.tolerance[a]!;
    return beta[a]! * (excess * excess + (over > 0 ? wall * over : 0));
  };
  const travel = (i: number, t: number) => (travelScale[t]! > 0 ? travelScale[t]! * omega[i]! * chordKm(options.units, i, options.anchors[t]!) : 0);
  const moveCost = (i: number) => {
    let c = 0;
    for (let a = 0; a < m; a++) if (meanTarget[a]! > 0) c += (beta[a]! * weights[a]![i]!) / meanTarget[a]!;
    return options.disruption * c;
  };

  /** Cost change of moving cell i from s to t (negative = better). */
  const delta = (i: number, s: number, t: number) => {
    let d = 0;
    for (let a = 0; a < m; a++) {
      const w = weights[a]![i]!;
      if (w === 0) continue;
      const ls = load[s * m + a]!;
      const lt = load[t * m + a]!;
      d += penalty(s, a, ls - w) - penalty(s, a, ls) + penalty(t, a, lt + w) - penalty(t, a, lt);
    }
    d += travel(i, t) - travel(i, s);
    if (boundaryCost > 0) {
      // Cut edges after minus before: i's neighbours in s become cut, those in t stop being cut.
      let inS = 0;
      let inT = 0;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const o = owner[neighbors[e]!];
        if (o === s) inS++;
        else if (o === t) inT++;
      }
      d += boundaryCost * (inS - inT);
    }
    if (options.prior && options.disruption > 0) {
      const p = options.prior[i]!;
      if (p === s && t !== s) d += moveCost(i);
      else if (p === t) d -= moveCost(i);
    }
    return d;
  };

  const canLeave = leavesConnected(problem, owner, cellCount);

  const apply = (i: number, s: number, t: number) => {
    owner[i] = t;
    cellCount[s]!--;
    cellCount[t]!++;
    for (let a = 0; a < m; a++) {
      const w = weights[a]![i]!;
      load[s * m + a]! -= w;
      load[t * m + a]! += w;
    }
  };
  let moves = 0;
  let rounds = 0;
  let checks = 0;
  let cancelled = false;
  const maxRounds = options.maxRounds ?? 100_000;
  const candidates = new Int32Array(8);
  outer: for (;;) {
    rounds++;
    let movedThisRound = 0;
    for (let i = 0; i < n; i++) {
      const s = owner[i]!;
      if (!movable(s) || frozen[i] || isHome[i]) continue;
      // Distinct neighbouring territories that may take the cell.
      let c = 0;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const t = owner[neighbors[e]!]!;
        if (t === s || !movable(t)) continue;
        let seen = false;
        for (let j = 0; j < c; j++) if (candidates[j] === t) seen = true;
        if (!seen && c < 8) candidates[c++] = t;
      }
      if (c === 0) continue;
      let best = -1;
      let bestDelta = -1e-12;
      for (let j = 0; j < c; j++) {
        const t = candidates[j]!;
        const d = delta(i, s, t);
        if (d < bestDelta || (d === bestDelta && t < best)) {
          bestDelta = d;
          best = t;
        }
      }
      if (best < 0 || !canLeave(i, s)) continue;
      apply(i, s, best);
      moves++;
      movedThisRound++;
      if ((++checks & 1023) === 0) {
        if (Date.now() > options.deadline) break outer;
        if (options.shouldStop?.()) {
          cancelled = true;
          break outer;
        }
      }
    }
    options.onRound?.(rounds, moves);
    if (movedThisRound === 0 || rounds >= maxRounds || Date.now() > options.deadline) break;
    if (options.shouldStop?.()) {
      cancelled = true;
      break;
    }
  }
  return { moves, rounds, cancelled };
}

/** A territory's typical radius: √(bounding-box area / K), from the cells' extent (km). */
function typicalDistanceKm(problem: BalanceProblem, k: number): number {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (let i = 0; i < problem.lat.length; i++) {
    const la = problem.lat[i]!;
    const lo = problem.lon[i]!;
    if (la < minLat) minLat = la;
    if (la > maxLat) maxLat = la;
    if (lo < minLon) minLon = lo;
    if (lo > maxLon) maxLon = lo;
  }
  if (!Number.isFinite(minLat)) return 1;
  const kmPerDeg = 111.195;
  const h = (maxLat - minLat) * kmPerDeg;
  const w = (maxLon - minLon) * kmPerDeg * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  return Math.max(1, Math.sqrt((Math.max(h, 1) * Math.max(w, 1)) / Math.max(1, k)));
}
