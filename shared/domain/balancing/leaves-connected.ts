import type { BalanceProblem } from './problem';

/**
 * Cells a move's connectivity search may visit past the cell's own neighbourhood. 256 lets a
 * new territory enclosed by a thin ring of another take its share in a realign (−27 % → −5 %
 * on the 631-cell case in anchors.test.ts) and changes nothing measurable on H-220k or H-1.5M;
 * 4,096 took the H-1.5M build from 6.7 s to the 10 s limit for a slightly worse plan.
 */
const GLOBAL_CHECK_BUDGET = 256;

/**
 * A test for single-cell moves: may cell i leave territory s (its owner) and leave s in one
 * piece? `owner` and `cellCount` are read at each call, so the test follows a plan that
 * changes in place. Buffers are allocated once.
 */
export function leavesConnected(problem: Pick<BalanceProblem, 'offsets' | 'neighbors'>, owner: Int32Array, cellCount: Int32Array): (i: number, s: number) => boolean {
  const { offsets, neighbors } = problem;
  const n = owner.length;
  const stamp = new Int32Array(n);
  let epoch = 0;
  const queue = new Int32Array(n);
  const isNeighbour = (i: number, w: number) => {
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) if (neighbors[e] === w) return true;
    return false;
  };
  // True when removing i surely leaves s connected: its same-territory neighbours are
  // connected among themselves, near i or (within the budget) through s. Conservative.
  return (i: number, s: number): boolean => {
    const first = offsets[i]!;
    const last = offsets[i + 1]!;
    let start = -1;
    let count = 0;
    for (let e = first; e < last; e++) {
      if (owner[neighbors[e]!] === s) {
        count++;
        if (start < 0) start = neighbors[e]!;
      }
    }
    if (count === 0) return cellCount[s]! > 1; // a stray single cell may always leave (unless it is the last)
    if (count === 1) return true;
    // Fast path: the same-territory neighbours of i are connected among themselves.
    epoch++;
    stamp[i] = epoch;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    stamp[start] = epoch;
    let reached = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = neighbors[e]!;
        if (stamp[w] === epoch || owner[w] !== s) continue;
        stamp[w] = epoch;
        // Stay in i's neighbourhood first; widen only if needed (below).
        if (isNeighbour(i, w)) {
          queue[tail++] = w;
          reached++;
        }
      }
    }
    if (reached === count) return true;
    // Otherwise search the territory itself, around i, within a budget: a thin arm or a ring
    // (a territory wrapped round another) fails the test above everywhere, yet most of its
    // cells can leave. Past the budget i is kept, as if it were a bridge.
    head = 0;
    tail = 0;
    epoch++;
    stamp[i] = epoch;
    queue[tail++] = start;
    stamp[start] = epoch;
    reached = 1;
    while (head < tail && tail < GLOBAL_CHECK_BUDGET) {
      const v = queue[head++]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = neighbors[e]!;
        if (stamp[w] === epoch || owner[w] !== s) continue;
        stamp[w] = epoch;
        queue[tail++] = w;
        if (isNeighbour(i, w) && ++reached === count) return true;
      }
    }
    return false;
  };
}
