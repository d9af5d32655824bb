import { connectedComponents } from '../graph/connected-components';
import type { PlanProblem } from './evaluate-plan';
import type { BalanceProblem } from './problem';

/**
 * The evaluator's view of a balancing problem: the measures under the given keys (in the
 * order of `problem.weights`), the territories by position with their capacities and homes,
 * the problem's own tolerances and the study area's islands.
 */
export function evaluationOf(
  problem: BalanceProblem,
  keys: readonly string[],
  travelMeasure: string,
  extra: { cellAccounts?: ArrayLike<number> } = {},
): PlanProblem {
  return {
    offsets: problem.offsets,
    neighbors: problem.neighbors,
    lat: problem.lat,
    lon: problem.lon,
    weights: Object.fromEntries(keys.map((key, a) => [key, problem.weights[a]!])),
    travelMeasure,
    territories: problem.capacity.map((capacity, id) => ({ id, capacity, home: problem.home[id]! })),
    studyComponent: connectedComponents({ offsets: problem.offsets, neighbors: problem.neighbors }).component,
    tolerance: Object.fromEntries(keys.map((key, a) => [key, problem.tolerance[a] ?? 0])),
    ...extra,
  };
}
