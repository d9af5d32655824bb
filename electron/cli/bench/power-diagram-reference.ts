import { chordKm, unitVectors } from '../../../shared/domain/balancing/geometry';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';

/**
 * The compactness reference of BENCHMARKS.md: a balanced weighted k-means with the homes
 * fixed — each cell goes to the territory minimising α_k·d(i, home)² — with the α_k
 * adjusted until the travel weight is balanced. It ignores
 * contiguity, so its travel (D) and inertia (I) are a floor our plans are compared to.
 * (Balanced with multiplicative weights on the squared distances — a weighted Voronoi
 * diagram — which converged where additive power weights oscillated.)
 * Each cell considers only its `candidates` nearest homes.
 */
export function powerDiagramReference(problem: BalanceProblem, iterations = 300, candidates = 8): Int32Array {
  const n = problem.offsets.length - 1;
  const k = problem.home.length;
  const units = unitVectors(problem.lat, problem.lon);
  const weight = problem.travelWeight ?? problem.weights[0]!;
  const c = Math.min(candidates, k);
  const near = new Int32Array(n * c);
  const nearD2 = new Float64Array(n * c);
  const d2 = new Float64Array(k);
  const order = Array.from({ length: k }, (_, t) => t);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) d2[t] = problem.home[t]! >= 0 ? chordKm(units, i, problem.home[t]!) ** 2 : Infinity;
    order.sort((a, b) => d2[a]! - d2[b]! || a - b);
    for (let j = 0; j < c; j++) {
      near[i * c + j] = order[j]!;
      nearD2[i * c + j] = d2[order[j]!]!;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weight[i]! + 1e-9;
  const capacityTotal = problem.capacity.reduce((a, b) => a + b, 0);
  const target = problem.capacity.map((cap) => (total * cap) / capacityTotal);
  // Multiplicative weights per home (a weighted Voronoi diagram): an overloaded home's distances grow.
  const alpha = new Float64Array(k).fill(1);
  const plan = new Int32Array(n);
  let step = 0.3;
  for (let iter = 0; iter < iterations; iter++) {
    const load = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      let best = near[i * c]!;
      let bestScore = Infinity;
      for (let j = 0; j < c; j++) {
        const t = near[i * c + j]!;
        const score = nearD2[i * c + j]! * alpha[t]!;
        if (score < bestScore) {
          bestScore = score;
          best = t;
        }
      }
      plan[i] = best;
      load[best]! += weight[i]! + 1e-9;
    }
    for (let t = 0; t < k; t++) alpha[t]! *= Math.pow(Math.max(load[t]!, 1e-12) / target[t]!, step);
    step = Math.max(0.02, step * 0.99);
  }
  return plan;
}
