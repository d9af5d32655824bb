import type { BalanceProblem } from './problem';

export interface SubProblem {
  problem: BalanceProblem;
  /** Global cell of each sub-problem cell. */
  cells: Int32Array;
  /** Global territory of each sub-problem territory. */
  territories: Int32Array;
  /** The plan restricted to the sub-problem, in sub-problem territories. */
  plan: Int32Array;
}

/**
 * The part of a problem that a local rebalance may change: the cells of the `active`
 * territories, with the adjacency among them, their weights, homes (−1 where a home lies
 * outside), frozen cells, locks and names-placed load. A territory's cells all come along,
 * so its contiguity inside the sub-problem is its contiguity in the whole. Targets inside
 * the sub-problem are the active territories' shares of what they hold together, which is
 * the best they can reach by trading among themselves. O(cells + edges of the part), after
 * one pass over the plan.
 */
export function restrictTo(problem: BalanceProblem, plan: Int32Array, active: Uint8Array): SubProblem {
  const k = problem.capacity.length;
  const territoryIndex = new Int32Array(k).fill(-1);
  const territories: number[] = [];
  for (let t = 0; t < k; t++) {
    if (active[t]) {
      territoryIndex[t] = territories.length;
      territories.push(t);
    }
  }
  const cells: number[] = [];
  for (let i = 0; i < plan.length; i++) if (plan[i]! >= 0 && active[plan[i]!]) cells.push(i);
  const index = new Int32Array(plan.length).fill(-1);
  cells.forEach((c, x) => (index[c] = x));
  const m = cells.length;
  const offsets = new Int32Array(m + 1);
  const neighbours: number[] = [];
  for (let x = 0; x < m; x++) {
    const i = cells[x]!;
    for (let e = problem.offsets[i]!; e < problem.offsets[i + 1]!; e++) {
      const y = index[problem.neighbors[e]!]!;
      if (y >= 0) neighbours.push(y);
    }
    offsets[x + 1] = neighbours.length;
  }
  const pick = (values: ArrayLike<number>) => Float64Array.from(cells, (i) => values[i]!);
  const measures = problem.weights.length;
  let fixedLoad: Float64Array | null = null;
  if (problem.fixedLoad) {
    const full = problem.fixedLoad;
    fixedLoad = new Float64Array(territories.length * measures);
    territories.forEach((t, s) => {
      for (let a = 0; a < measures; a++) fixedLoad![s * measures + a] = full[t * measures + a]!;
    });
  }
  return {
    problem: {
      offsets,
      neighbors: Int32Array.from(neighbours),
      lat: pick(problem.lat),
      lon: pick(problem.lon),
      weights: problem.weights.map(pick),
      measureWeights: problem.measureWeights,
      tolerance: problem.tolerance,
      travelWeight: problem.travelWeight ? pick(problem.travelWeight) : null,
      capacity: territories.map((t) => problem.capacity[t]!),
      home: Int32Array.from(territories, (t) => (problem.home[t]! >= 0 ? index[problem.home[t]!]! : -1)),
      frozen: Uint8Array.from(cells, (i) => problem.frozen[i]!),
      locked: Uint8Array.from(territories, (t) => problem.locked[t]!),
      fixedLoad,
    },
    cells: Int32Array.from(cells),
    territories: Int32Array.from(territories),
    plan: Int32Array.from(cells, (i) => territoryIndex[plan[i]!]!),
  };
}
