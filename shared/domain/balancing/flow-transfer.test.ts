import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluatePlan } from './evaluate-plan';
import { evaluationOf } from './evaluation-of';
import { unitVectors } from './geometry';
import { combinedWeight } from './grow-balanced';
import { flowTransfer } from './flow-transfer';
import { latticeInstance } from './lattice-instance';
import { powerDiagramStart } from './power-start';
import type { BalanceProblem } from './problem';

/** Σ over measures and territories of the relative deviation beyond the band (the evaluator's B with the band for τ). */
function outside(owner: Int32Array, problem: BalanceProblem, share: Float64Array, band: number): number {
  let sum = 0;
  for (const w of problem.weights) {
    const load = new Float64Array(share.length);
    let total = 0;
    owner.forEach((t, i) => {
      load[t]! += w[i]!;
      total += w[i]!;
    });
    share.forEach((s, t) => (sum += Math.max(0, Math.abs(load[t]! / (total * s) - 1) - band)));
  }
  return sum;
}

/** A crowded lattice (four cells to a territory, heavy-tailed weights) and its least-travel start. */
function crowded(seed: number) {
  const { problem, measures } = latticeInstance({ n: 240, k: 60, seed, tolerance: 0.02 });
  const k = problem.capacity.length;
  const units = unitVectors(problem.lat, problem.lon);
  const weight = combinedWeight(problem);
  const share = new Float64Array(k).fill(1 / k);
  const start = powerDiagramStart(problem, new Int32Array(problem.offsets.length - 1).fill(-1), problem.home, units, weight, share);
  return { problem, measures, units, weight, share, start };
}

describe('flow transfers', () => {
  // Crowded instances (four cells to a territory, heavy-tailed weights), where one round of
  // transfers can overshoot: without keepBest, seeds 1 and 15 end it further outside the
  // bands than they began.
  it.each(Array.from({ length: 16 }, (_, s) => [s + 1]))('seed %i: with keepBest, never returns a plan further outside the bands than it was given, and keeps every territory in one piece', (seed) => {
    const { problem, measures, units, weight, share, start: plan } = crowded(seed);
    const band = 0.01;
    const before = outside(plan, problem, share, band);
    const result = flowTransfer(problem, plan, { weight, share, anchors: problem.home, units, band, aim: band, iterations: 1, keepBest: true, deadline: Infinity });
    expect(result.cancelled).toBe(false);
    expect(outside(plan, problem, share, band)).toBeLessThanOrEqual(before + 1e-12);
    expect(evaluatePlan(evaluationOf(problem, measures, 'workload'), plan).contiguityBreaks).toBe(0);
  });

  afterEach(() => vi.restoreAllMocks());

  it('stops inside a round once the time limit has passed, leaving every territory in one piece', () => {
    const { problem, measures, units, weight, share, start } = crowded(3);
    const run = (deadline: number) => {
      const plan = Int32Array.from(start);
      flowTransfer(problem, plan, { weight, share, anchors: problem.home, units, band: 0.01, aim: 0.01, iterations: 1, deadline });
      return plan.reduce((moved, t, i) => moved + (t !== start[i] ? 1 : 0), 0);
    };
    // Count the round's flows: the clock is read once before the round and once before each flow.
    let calls = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (++calls, 0));
    const fullRound = run(1);
    const flows = calls - 1;
    expect(flows).toBeGreaterThan(4);
    // Now past the limit from the middle flow on.
    calls = 0;
    clock.mockImplementation(() => (++calls <= 1 + flows / 2 ? 0 : 1e12));
    const plan = Int32Array.from(start);
    flowTransfer(problem, plan, { weight, share, anchors: problem.home, units, band: 0.01, aim: 0.01, iterations: 1, deadline: 1 });
    const moved = plan.reduce((count, t, i) => count + (t !== start[i] ? 1 : 0), 0);
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(fullRound);
    expect(evaluatePlan(evaluationOf(problem, measures, 'workload'), plan).contiguityBreaks).toBe(0);
  });
});
