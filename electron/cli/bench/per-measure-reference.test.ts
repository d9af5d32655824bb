import { describe, expect, it } from 'vitest';
import { evaluatePlan, planHash } from '../../../shared/domain/balancing/evaluate-plan';
import { latticeInstance } from '../../../shared/domain/balancing/lattice-instance';
import { latticeEvaluation, loadHighs, solveExact, totalTravel, travelCost } from './exact-bench';
import { perMeasureReference } from './per-measure-reference';
import { powerDiagramReference } from './power-diagram-reference';

describe('per-measure compactness reference', () => {
  it('meets every band where the combined-weight reference does not, with unequal capacities too, and is deterministic', () => {
    const instance = latticeInstance({ n: 600, k: 4, seed: 2, tolerance: 0.08 });
    const evaluation = latticeEvaluation(instance, instance.problem.tolerance);
    const reference = perMeasureReference(instance.problem);
    const ours = evaluatePlan(evaluation, reference.plan);
    const combined = evaluatePlan(evaluation, powerDiagramReference(instance.problem));
    expect(combined.excess).toBeGreaterThan(0.05);
    expect(ours.excess).toBe(0);
    expect(ours.unassignedCells).toBe(0);
    expect(planHash(perMeasureReference(instance.problem).plan)).toBe(planHash(reference.plan));

    // Targets follow capacity: a territory of capacity 2 holds twice the others' loads.
    const unequal = { ...instance.problem, capacity: [2, 1, 1, 1] };
    const figures = evaluatePlan(latticeEvaluation({ ...instance, problem: unequal }, unequal.tolerance), perMeasureReference(unequal).plan);
    expect(figures.excess).toBe(0);
    expect(figures.perTerritory[0]!.totals.workload).toBeGreaterThan(1.7 * figures.perTerritory[1]!.totals.workload!);
  });

  it('travels no less than the exact band-constrained optimum (HiGHS), barely more, and bounds it from below', async () => {
    const loaded = await loadHighs();
    if ('error' in loaded) throw new Error(`highs (a devDependency) did not load: ${loaded.error}`);
    const instance = latticeInstance({ n: 200, k: 3, seed: 4, tolerance: 0.08 });
    const p = instance.problem;
    const reference = perMeasureReference(p);
    const figures = evaluatePlan(latticeEvaluation(instance, p.tolerance), reference.plan);
    expect(figures.excess).toBe(0);
    const exact = solveExact(loaded.highs, p, p.tolerance, 20);
    expect(exact.status).toBe('optimal');
    const workload = p.travelWeight!.reduce((s, v) => s + v, 0);
    const optimum = exact.objective! / workload;
    // The evaluator's D is the travel the reference minimises.
    expect(figures.meanTravelKm!).toBeCloseTo(totalTravel(p, reference.plan) / workload, 6);
    expect(figures.meanTravelKm!).toBeGreaterThanOrEqual(optimum * (1 - 1e-9));
    expect(figures.meanTravelKm!).toBeLessThan(optimum * 1.02);
    expect(reference.bandLowerBoundKm).toBeLessThanOrEqual(optimum * (1 + 1e-9));
    expect(reference.bandLowerBoundKm).toBeGreaterThan(optimum * 0.98);
    // Every cell to its nearest home travels less but breaks the bands: the bands are what is solved.
    const nearest = Int32Array.from(reference.plan, (_, i) => {
      let best = 0;
      for (let t = 1; t < p.home.length; t++) if (travelCost(p, i, t) < travelCost(p, i, best)) best = t;
      return best;
    });
    expect(totalTravel(p, nearest) / workload).toBeLessThan(optimum * 0.99);
  });
});
