import { unitVectors } from '../../../shared/domain/balancing/geometry';
import { combinedWeight } from '../../../shared/domain/balancing/grow-balanced';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';
import { assignByOffsets, nearestHomes, solveOffsets } from '../../../shared/domain/balancing/transport-offsets';

/**
 * The compactness references of BENCHMARKS.md: balanced assignments of cells to the fixed
 * homes that ignore contiguity. Each cell goes to the territory minimising
 * cost(i, home) − λ_k, with the offsets λ set so every territory gets its share of the same
 * combined weight our engine balances (entropy-smoothed transport, sharpened stage by
 * stage). With cost = distance this is the least-travel balanced split: the floor for D,
 * and the plan whose I we compare with. (With cost = distance², balanced k-means proper,
 * the smoothing did not settle on H-220k: Δ stayed above 20.) Each cell considers its
 * `candidates` nearest homes.
 */
export function powerDiagramReference(problem: BalanceProblem, candidates = 30): Int32Array {
  const n = problem.offsets.length - 1;
  const k = problem.home.length;
  const units = unitVectors(problem.lat, problem.lon);
  const growing = Array.from({ length: k }, (_, t) => t).filter((t) => problem.home[t]! >= 0);
  const start = new Int32Array(n).fill(-1);
  const { near, nearKm, c, meanNearestKm } = nearestHomes(units, problem.home, growing, start, candidates);
  const weight = combinedWeight(problem);
  let total = 0;
  for (let i = 0; i < n; i++) total += weight[i]!;
  const capacityTotal = problem.capacity.reduce((a, b) => a + b, 0);
  const target = Float64Array.from(problem.capacity, (cap) => (total * cap) / capacityTotal);
  const lambda = solveOffsets({ start, near, cost: nearKm, c, weight, fixed: new Float64Array(k), target, growing, scale: meanNearestKm, stages: 10, iterationsPerStage: 150 });
  const plan = new Int32Array(n);
  assignByOffsets(plan, start, near, nearKm, c, lambda);
  return plan;
}
