import { minCostAssignment } from '../graph/min-cost-assignment';
import { chordKm } from './geometry';
import type { BalanceProblem } from './problem';

/**
 * Homes nearest a region's centre that may take it over (its own is always one). On H-220k
 * 12 left D at 285.3 km, 24 at 280.1, 48 at 279.7 as every home does.
 */
const CANDIDATES = 48;
/**
 * A region holding a rep's home counts this much less travel for that rep, so the home
 * stays inside where another match saves little: on H-220k 0 left 70 of 100 homes outside
 * their territories (62 before the rematch) at D 279.7 km, 0.1 63 at 280.2 km; on H-1.5M
 * 380 and 360 of 500 (288 before) at 295.1 and 295.3 km (338.9 before).
 */
const HOME_KEPT = 0.1;

/**
 * Gives each territory's region to the rep whose home travels least to it. A build from the
 * split start matches its regions to the homes once, before the transfers and the local
 * search reshape them (toward anchors moved into the regions, not the homes), so at the end
 * a rep may hold a region another rep's home lies closer to. This relabels the regions by a
 * minimum-cost assignment of the travel Σ ω_i·d(i, home) (ω the travel weight, 1 without
 * one) over all cells, each region weighed against its own home and the `CANDIDATES` homes
 * nearest its centre, a region that holds a rep's home a little cheaper for that rep. Only territories of equal capacity trade, and locked territories,
 * territories without a home and territories holding a frozen cell keep their regions, so
 * loads against targets, contiguity and every lock are unchanged. The travel never grows:
 * keeping every region is one of the assignments weighed, and the result is kept only
 * when its exact travel is less.
 *
 * @param plan territory per cell; relabelled in place
 * @returns how many territories changed region
 */
export function rematchHomes(problem: BalanceProblem, plan: Int32Array, units: Float64Array): number {
  const n = plan.length;
  const k = problem.capacity.length;
  const fixed = new Uint8Array(k);
  for (let t = 0; t < k; t++) if (problem.locked[t] || problem.home[t]! < 0) fixed[t] = 1;
  for (let i = 0; i < n; i++) if (problem.frozen[i] && plan[i]! >= 0) fixed[plan[i]!] = 1;
  const trading: number[] = [];
  for (let t = 0; t < k; t++) if (!fixed[t]) trading.push(t);
  const m = trading.length;
  if (m < 2) return 0;
  const position = new Int32Array(k).fill(-1);
  trading.forEach((t, x) => (position[t] = x));
  const travel = problem.travelWeight;
  const weightOf = (i: number) => (travel ? travel[i]! : 1);

  // Each region's centre (travel-weighted, every cell counted a little), then its candidates.
  const centre = new Float64Array(3 * m);
  for (let i = 0; i < n; i++) {
    const r = plan[i]! >= 0 ? position[plan[i]!]! : -1;
    if (r < 0) continue;
    const w = weightOf(i) + 1e-6;
    for (let d = 0; d < 3; d++) centre[3 * r + d]! += w * units[3 * i + d]!;
  }
  const c = Math.min(m, CANDIDATES + 1);
  const candidates = new Int32Array(m * c);
  const distance = new Float64Array(m);
  const order = Int32Array.from({ length: m }, (_, x) => x);
  for (let r = 0; r < m; r++) {
    for (let x = 0; x < m; x++) {
      const h = problem.home[trading[x]!]!;
      let d = 0;
      for (let e = 0; e < 3; e++) d += (centre[3 * r + e]! - units[3 * h + e]!) ** 2;
      distance[x] = x === r ? -1 : d; // its own home first
    }
    order.sort((a, b) => distance[a]! - distance[b]! || a - b);
    candidates.set(order.subarray(0, c), r * c);
  }

  // Exact travel of each region to each of its candidates' homes.
  const cost = new Float64Array(m * m);
  const allowed = new Uint8Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let q = 0; q < c; q++) {
      const x = candidates[r * c + q]!;
      if (problem.capacity[trading[x]!] === problem.capacity[trading[r]!]) allowed[r * m + x] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    const r = plan[i]! >= 0 ? position[plan[i]!]! : -1;
    const w = r >= 0 ? weightOf(i) : 0;
    if (w === 0) continue;
    for (let q = 0; q < c; q++) {
      const x = candidates[r * c + q]!;
      if (allowed[r * m + x]) cost[r * m + x]! += w * chordKm(units, i, problem.home[trading[x]!]!);
    }
  }
  const exact = Float64Array.from(cost);
  const travelOf = (r: number, x: number) => exact[r * m + x]!;
  // A rep keeps the region that holds their home unless another saves more than HOME_KEPT of its travel.
  for (let r = 0; r < m; r++) {
    for (let q = 0; q < c; q++) {
      const x = candidates[r * c + q]!;
      if (allowed[r * m + x] && plan[problem.home[trading[x]!]!] === trading[r]) cost[r * m + x]! *= 1 - HOME_KEPT;
    }
  }
  let big = 1;
  for (let e = 0; e < cost.length; e++) big += cost[e]!;
  for (let e = 0; e < cost.length; e++) if (!allowed[e]) cost[e] = big;

  const column = minCostAssignment(cost, m);
  let kept = 0;
  let chosen = 0;
  for (let r = 0; r < m; r++) {
    kept += travelOf(r, r);
    chosen += travelOf(r, column[r]!);
  }
  if (!(chosen < kept * (1 - 1e-12))) return 0;
  const relabel = Int32Array.from({ length: k }, (_, t) => t);
  let changed = 0;
  for (let r = 0; r < m; r++) {
    relabel[trading[r]!] = trading[column[r]!]!;
    if (column[r] !== r) changed++;
  }
  for (let i = 0; i < n; i++) if (plan[i]! >= 0) plan[i] = relabel[plan[i]!]!;
  return changed;
}
