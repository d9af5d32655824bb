import { beforeAll, describe, expect, it } from 'vitest';
import { balance } from '../../../shared/domain/balancing/balance';
import { evaluatePlan } from '../../../shared/domain/balancing/evaluate-plan';
import { latticeInstance } from '../../../shared/domain/balancing/lattice-instance';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';
import {
  latticeEvaluation,
  loadHighs,
  runExactSuite,
  solveExact,
  solveWithFeasibleTolerance,
  totalTravel,
  travelCost,
  type HighsRuntime,
} from './exact-bench';

let highs: HighsRuntime;
beforeAll(async () => {
  const loaded = await loadHighs();
  if ('error' in loaded) throw new Error(`highs (a devDependency) did not load: ${loaded.error}`);
  highs = loaded.highs;
});

/** Every balance row of the MIP, checked directly: |W_ka / T_a − 1| ≤ τ_a (+ HiGHS' feasibility tolerance). */
function withinBand(p: BalanceProblem, plan: Int32Array, tolerance: readonly number[]): boolean {
  const k = p.capacity.length;
  return p.weights.every((w, a) => {
    const total = w.reduce((s, v) => s + v, 0);
    const sums = new Float64Array(k);
    plan.forEach((t, i) => (sums[t]! += w[i]!));
    return Array.from(sums).every((s) => Math.abs(s / (total / k) - 1) <= tolerance[a]! + 1e-6);
  });
}

/** True when every territory is connected and holds its own home. */
function contiguousWithHomes(p: BalanceProblem, plan: Int32Array): boolean {
  return p.home.every((h, t) => {
    if (plan[h] !== t) return false;
    const seen = new Set([h]);
    for (const v of seen) {
      for (let e = p.offsets[v]!; e < p.offsets[v + 1]!; e++) if (plan[p.neighbors[e]!] === t) seen.add(p.neighbors[e]!);
    }
    return plan.every((x, i) => x !== t || seen.has(i));
  });
}

/** The least travel over all K^n plans within the band (exhaustive); with `contiguous`, over contiguous plans that keep each home. */
function bruteForce(p: BalanceProblem, tolerance: readonly number[], options: { contiguous?: boolean } = {}): number {
  const n = p.offsets.length - 1;
  const k = p.capacity.length;
  const plan = new Int32Array(n);
  let best = Infinity;
  for (let code = 0; code < k ** n; code++) {
    let c = code;
    for (let i = 0; i < n; i++, c = Math.floor(c / k)) plan[i] = c % k;
    if (!withinBand(p, plan, tolerance.map((t) => t - 1e-6))) continue;
    if (options.contiguous && !contiguousWithHomes(p, plan)) continue;
    best = Math.min(best, totalTravel(p, plan));
  }
  return best;
}

describe('exact S-exact MIP (HiGHS)', () => {
  it('finds the brute-force optimum on a 10-cell, 3-territory lattice where the balance rows bind', () => {
    const { problem } = latticeInstance({ n: 10, k: 3, seed: 3, measures: 2 });
    const choice = solveWithFeasibleTolerance(highs, problem, 10);
    expect(choice.solution.plan).not.toBeNull();
    const exact = choice.solution;
    const best = bruteForce(problem, choice.tolerance);
    expect(Number.isFinite(best)).toBe(true);
    // Every cell to its nearest home would travel less: the balance rows are what the MIP solves.
    let unconstrained = 0;
    for (let i = 0; i < 10; i++) unconstrained += Math.min(...[0, 1, 2].map((t) => travelCost(problem, i, t)));
    expect(best).toBeGreaterThan(1.1 * unconstrained);
    expect(Math.abs(exact.objective! - best)).toBeLessThanOrEqual(1e-4 * best + 1e-6);
    expect(withinBand(problem, exact.plan!, choice.tolerance)).toBe(true);
    expect(totalTravel(problem, exact.plan!)).toBeCloseTo(exact.objective!, 3);
  });

  it('on a 20-cell, 3-territory lattice: the optimum keeps every balance row and travels no more than our feasible plan', () => {
    const instance = latticeInstance({ n: 20, k: 3, seed: 5 });
    const p = instance.problem;
    const ours = balance(p, { mode: 'build', prior: null, seed: 5, compactness: 1 }).plan;
    // A tolerance at which our plan is feasible by construction: 5 % or our own deviation, whichever is larger.
    const figures = evaluatePlan(latticeEvaluation(instance, p.tolerance), ours);
    const tolerance = instance.measures.map((m) => Math.max(0.05, figures.maxDeviation[m]! + 1e-6));
    expect(withinBand(p, ours, tolerance)).toBe(true);

    const exact = solveExact(highs, p, tolerance, 10);
    expect(exact.status).toBe('optimal');
    const plan = exact.plan!;
    expect(plan.every((t) => t >= 0 && t < 3)).toBe(true);
    expect(withinBand(p, plan, tolerance)).toBe(true);
    expect(exact.objective!).toBeLessThanOrEqual(totalTravel(p, ours) * (1 + 1e-9));
    // The evaluator's travel of the MIP plan is the MIP's objective.
    const evaluated = evaluatePlan(latticeEvaluation(instance, tolerance), plan);
    const totalWorkload = p.travelWeight!.reduce((s, v) => s + v, 0);
    expect(evaluated.meanTravelKm! * totalWorkload).toBeCloseTo(exact.objective!, 3);
  });

  it('with contiguity rows, finds the brute-force contiguous optimum where the unconstrained one is split, and reports none where none exists', () => {
    const split = latticeInstance({ n: 10, k: 3, seed: 9, measures: 2 });
    const choice = solveWithFeasibleTolerance(highs, split.problem, 10);
    const unconstrained = evaluatePlan(latticeEvaluation(split, choice.tolerance), choice.solution.plan!);
    expect(unconstrained.contiguityBreaks).toBeGreaterThan(0);
    const best = bruteForce(split.problem, choice.tolerance, { contiguous: true });
    expect(best).toBeGreaterThan(choice.solution.objective! * 1.01);
    const exact = solveExact(highs, split.problem, choice.tolerance, 10, { contiguous: true });
    expect(exact.status).toBe('optimal');
    expect(Math.abs(exact.objective! - best)).toBeLessThanOrEqual(1e-4 * best + 1e-6);
    expect(evaluatePlan(latticeEvaluation(split, choice.tolerance), exact.plan!).contiguityBreaks).toBe(0);
    expect(split.problem.home.every((h, t) => exact.plan![h] === t)).toBe(true);

    const none = latticeInstance({ n: 9, k: 3, seed: 8, measures: 2 });
    const noneChoice = solveWithFeasibleTolerance(highs, none.problem, 10);
    expect(noneChoice.solution.plan).not.toBeNull();
    expect(bruteForce(none.problem, noneChoice.tolerance, { contiguous: true })).toBe(Infinity);
    const noPlan = solveExact(highs, none.problem, noneChoice.tolerance, 10, { contiguous: true });
    expect(noPlan.plan).toBeNull();
    expect(['infeasible', 'unboundedOrInfeasible']).toContain(noPlan.status);
  });

  it('reports an impossible band as infeasible, without a plan', () => {
    const { problem } = latticeInstance({ n: 20, k: 3, seed: 5 });
    const exact = solveExact(highs, problem, [0, 0, 0], 10);
    expect(exact.plan).toBeNull();
    expect(['infeasible', 'unboundedOrInfeasible']).toContain(exact.status);
  });

  it('runs a one-instance suite, and skips when HiGHS cannot be loaded', async () => {
    const report = (await runExactSuite(() => {}, { sizes: [20], territories: [3], seeds: [1], engineRuns: 1, timeLimitS: 5 })) as {
      instances: { highs: { status: string; contiguityBreaks: number }; highsContiguous: { source: string; status: string; meanTravelKm: number } | null; ours: { gap: number; gapToContiguous: number } }[];
      aggregate: { instances: number; withContiguousPlan: number };
    };
    expect(report.aggregate.instances).toBe(1);
    const [row] = report.instances;
    expect(row!.highs.status).toBe('optimal');
    expect(Number.isFinite(row!.ours.gap)).toBe(true);
    // HiGHS's plan splits a territory here, so the contiguous model is solved: at this τ no contiguous plan exists, and ours has nothing to be measured against.
    expect(row!.highs.contiguityBreaks).toBeGreaterThan(0);
    expect(row!.highsContiguous!.source).toBe('contiguous model');
    expect(['infeasible', 'unboundedOrInfeasible']).toContain(row!.highsContiguous!.status);
    expect(Number.isNaN(row!.ours.gapToContiguous)).toBe(true);
    expect(report.aggregate.withContiguousPlan).toBe(0);
    const skipped = await runExactSuite(() => {}, { load: async () => ({ error: "Cannot find module 'highs'" }) });
    expect(skipped).toEqual({ skipped: 'highs is not installed (npm install --save-dev highs)' });
  });
});
