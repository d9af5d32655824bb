import type { BalanceProblem } from './problem';

/**
 * Each territory's load in each measure, k rows of m (`load[t * m + a]`): the weights of
 * its cells plus the accounts placed in it by name. Cells not assigned (-1) count for none.
 * @param load filled in place when given (length k × m)
 */
export function territoryLoads(problem: BalanceProblem, owner: Int32Array, load?: Float64Array): Float64Array {
  const k = problem.capacity.length;
  const m = problem.weights.length;
  const out = load ?? new Float64Array(k * m);
  out.fill(0);
  for (let a = 0; a < m; a++) {
    const w = problem.weights[a]!;
    for (let i = 0; i < owner.length; i++) {
      const t = owner[i]!;
      if (t >= 0) out[t * m + a]! += w[i]!;
    }
  }
  if (problem.fixedLoad) for (let x = 0; x < k * m; x++) out[x]! += problem.fixedLoad[x]!;
  return out;
}

/** Each measure's total over the whole study area: every cell, assigned or not, plus the accounts placed by name. */
export function measureTotals(problem: BalanceProblem): Float64Array {
  const k = problem.capacity.length;
  const m = problem.weights.length;
  const totals = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    let total = 0;
    for (const w of problem.weights[a]!) total += w;
    if (problem.fixedLoad) for (let t = 0; t < k; t++) total += problem.fixedLoad[t * m + a]!;
    totals[a] = total;
  }
  return totals;
}

/**
 * Each territory's share of its target in the combined weight (`combinedWeight`): its load
 * over share × the study area's total (`total`, every cell assigned or not), 1 = on target.
 * @param cells when given, filled with each territory's cell count
 */
export function combinedFill(plan: Int32Array, weight: Float64Array, share: ArrayLike<number>, cells?: Int32Array): { fill: Float64Array; total: number } {
  const k = share.length;
  const fill = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < plan.length; i++) {
    total += weight[i]!;
    const t = plan[i]!;
    if (t < 0) continue;
    fill[t]! += weight[i]!;
    if (cells) cells[t]!++;
  }
  for (let t = 0; t < k; t++) fill[t]! /= share[t]! * total;
  return { fill, total };
}

/**
 * How far the territories are outside their bands, measure by measure: Σ_a β_a·Σ_t
 * max(0, |W_t,a/T_t,a − 1| − band_a) over unlocked territories, with β_a = 1 unless
 * `byImportance`. With the bands at τ and β = 1 this is the evaluator's excess B.
 */
export function excessOutside(problem: BalanceProblem, owner: Int32Array, totals: Float64Array, share: ArrayLike<number>, bands: ArrayLike<number>, byImportance: boolean): number {
  const k = share.length;
  const m = problem.weights.length;
  const load = territoryLoads(problem, owner);
  let excess = 0;
  for (let a = 0; a < m; a++) {
    let sum = 0;
    for (let t = 0; t < k; t++) {
      const target = totals[a]! * share[t]!;
      if (problem.locked[t] || !(target > 0)) continue;
      sum += Math.max(0, Math.abs(load[t * m + a]! / target - 1) - bands[a]!);
    }
    excess += (byImportance ? problem.measureWeights[a]! : 1) * sum;
  }
  return excess;
}
