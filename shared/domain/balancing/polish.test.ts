import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { balance } from './balance';
import { chordKm, unitVectors } from './geometry';
import { latticeInstance } from './lattice-instance';
import { polishSmall } from './polish';
import type { BalanceProblem } from './problem';

const totals = (p: BalanceProblem) => p.weights.map((w) => w.reduce((s, v) => s + v, 0));

/** Σ_k Σ_a max(0, |W/T − 1| − τ_a), and the travel Σ ω_i·d(i, home), for equal capacities. */
function score(p: BalanceProblem, plan: Int32Array, units: Float64Array): { excess: number; travel: number; worst: number } {
  const k = p.capacity.length;
  let excess = 0;
  let worst = 0;
  totals(p).forEach((total, a) => {
    const load = new Float64Array(k);
    plan.forEach((t, i) => (load[t]! += p.weights[a]![i]!));
    for (const l of load) {
      const dev = Math.abs(l / (total / k) - 1);
      worst = Math.max(worst, dev - p.tolerance[a]!);
      excess += Math.max(0, dev - p.tolerance[a]!);
    }
  });
  let travel = 0;
  plan.forEach((t, i) => (travel += (p.travelWeight ? p.travelWeight[i]! : 1) * chordKm(units, i, p.home[t]!)));
  return { excess, travel, worst };
}

function territoriesConnected(p: BalanceProblem, plan: Int32Array): boolean {
  const k = p.capacity.length;
  for (let t = 0; t < k; t++) {
    const cells = [...plan.keys()].filter((i) => plan[i] === t);
    if (cells.length === 0) return false;
    const seen = new Set([cells[0]!]);
    const queue = [cells[0]!];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!;
      for (let e = p.offsets[v]!; e < p.offsets[v + 1]!; e++) {
        const u = p.neighbors[e]!;
        if (plan[u] === t && !seen.has(u)) {
          seen.add(u);
          queue.push(u);
        }
      }
    }
    if (seen.size !== cells.length) return false;
  }
  return true;
}

const TOLERANCE_50_10_1 = [0.3410084523462547, 1.9317300422950834, 0.3130434782608696];

describe('polishSmall', () => {
  it.each([1, 2, 3])('never leaves a plan worse, keeps homes, frozen cells and locked territories, every territory in one piece, the same plan for the same seed (seed %i)', (seed) => {
    const { problem } = latticeInstance({ n: 120, k: 6, seed });
    const p: BalanceProblem = { ...problem, frozen: new Uint8Array(120), locked: new Uint8Array(6) };
    const units = unitVectors(p.lat, p.lon);
    const start = balance(p, { mode: 'build', prior: null, seed, timeLimitMs: 0 }).plan;
    p.locked[2] = 1;
    const rng = createRng(seed);
    for (let i = 0; i < 120; i++) if (rng.next() < 0.1) p.frozen[i] = 1;
    const before = score(p, start, units);
    const runs = [0, 1].map(() => {
      const plan = Int32Array.from(start);
      polishSmall(p, plan, { anchors: p.home, units, rng: createRng(seed), deadline: Infinity });
      return plan;
    });
    expect(Array.from(runs[1]!)).toEqual(Array.from(runs[0]!));
    const plan = runs[0]!;
    const after = score(p, plan, units);
    expect(after.excess < before.excess - 1e-9 || (after.excess <= before.excess + 1e-9 && after.travel <= before.travel + 1e-9)).toBe(true);
    expect(after.excess + after.travel / before.travel).toBeLessThan(before.excess + 1);
    for (let i = 0; i < 120; i++) {
      if (p.frozen[i] || start[i] === 2 || plan[i] === 2) expect(plan[i]).toBe(start[i]);
    }
    // Home cells never move (a build's start need not give every rep their home's cell).
    p.home.forEach((h) => expect(plan[h]).toBe(start[h]));
    expect(territoriesConnected(p, plan)).toBe(true);
  });

  it('makes a build feasible where single moves stop short: S-exact n = 50, K = 10, seed 1, at the tolerances HiGHS needed', () => {
    // The tolerances the exact suite settles on for this instance (each τ_a raised to its granularity);
    // without the polish the build ended at 1.92 τ on the account count.
    const { problem } = latticeInstance({ n: 50, k: 10, seed: 1 });
    const p = { ...problem, tolerance: TOLERANCE_50_10_1 };
    const units = unitVectors(p.lat, p.lon);
    const plan = balance(p, { mode: 'build', prior: null, seed: 1 }).plan;
    expect(score(p, plan, units).worst).toBeLessThanOrEqual(1e-9);
    expect(territoriesConnected(p, plan)).toBe(true);
  });

  it('stops when asked, keeping the plan it had', () => {
    const { problem } = latticeInstance({ n: 100, k: 5, seed: 4 });
    const units = unitVectors(problem.lat, problem.lon);
    const start = balance(problem, { mode: 'build', prior: null, seed: 4, timeLimitMs: 0 }).plan;
    const plan = Int32Array.from(start);
    const outcome = polishSmall(problem, plan, { anchors: problem.home, units, rng: createRng(4), deadline: Infinity, shouldStop: () => true });
    expect(outcome).toMatchObject({ cancelled: true, steps: 0 });
    expect(Array.from(plan)).toEqual(Array.from(start));
  });
});
