import { leavesConnected } from './leaves-connected';
import type { BalanceProblem } from './problem';

/**
 * After a realign, gives cells that carry no weight in any measure back to their prior
 * territory where that costs nothing: the balance cannot change, the territory giving the
 * cell stays in one piece, the cell touches its prior territory, and the boundary does not
 * get longer. The transfers hand over whole regions, empty cells included, so without this
 * a realign "moves" many cells no account lives in (on R-220k 15,705 of 16,267) and leaves
 * ragged edges. Frozen cells, homes and locked territories are left alone. Cells are tried
 * in ascending order, and again whenever a neighbour goes back, so the same input gives the
 * same plan.
 *
 * @param plan territory position per cell; changed in place
 * @returns cells given back
 */
export function returnEmptyCells(problem: BalanceProblem, plan: Int32Array, prior: Int32Array): number {
  const { offsets, neighbors, weights, frozen, locked } = problem;
  const n = plan.length;
  const k = problem.capacity.length;
  const isHome = new Uint8Array(n);
  for (let t = 0; t < k; t++) if (problem.home[t]! >= 0) isHome[problem.home[t]!] = 1;
  const isCandidate = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = plan[i]!;
    const to = prior[i]!;
    if (from === to || from < 0 || to < 0 || frozen[i] || isHome[i] || locked[from] || locked[to]) continue;
    if (weights.every((w) => w[i] === 0)) {
      isCandidate[i] = 1;
      queue.push(i);
    }
  }
  if (queue.length === 0) return 0;
  const cellCount = new Int32Array(k);
  for (let i = 0; i < n; i++) if (plan[i]! >= 0) cellCount[plan[i]!]!++;
  const canLeave = leavesConnected(problem, plan, cellCount);
  // Ascending cells first; a cell that goes back puts its waiting neighbours in line again.
  const queued = Uint8Array.from(isCandidate);
  let returned = 0;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    queued[i] = 0;
    const from = plan[i]!;
    const to = prior[i]!;
    if (from === to) continue;
    let inFrom = 0;
    let inTo = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const o = plan[neighbors[e]!];
      if (o === from) inFrom++;
      else if (o === to) inTo++;
    }
    if (inTo === 0 || inTo < inFrom || !canLeave(i, from)) continue;
    plan[i] = to;
    cellCount[from]!--;
    cellCount[to]!++;
    returned++;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const j = neighbors[e]!;
      if (isCandidate[j] && !queued[j] && plan[j] !== prior[j]) {
        queued[j] = 1;
        queue.push(j);
      }
    }
  }
  return returned;
}
