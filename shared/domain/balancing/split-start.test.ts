import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from '../h3/build-adjacency';
import { createRng } from '../random/create-rng';
import { balance } from './balance';
import { evaluatePlan } from './evaluate-plan';
import { evaluationOf } from './evaluation-of';
import { unitVectors } from './geometry';
import { combinedWeight } from './grow-balanced';
import type { BalanceProblem } from './problem';
import { splitStart } from './split-start';

const CENTRE = latLngToCell(44, -100, 7);
const ISLET = latLngToCell(44, -98.9, 7);

/** H3 cells with heavy-tailed weights in two measures, homes drawn among the cells (seeded). */
function area(cells: string[], k: number, seed: number, capacity?: number[]): BalanceProblem {
  const h3 = [...new Set(cells)].sort();
  const rng = createRng(seed);
  const graph = buildAdjacency(h3);
  const centres = h3.map((h) => cellToLatLng(h));
  const heavy = () => (rng.next() < 0.3 ? 0 : Math.exp(rng.normal()));
  const weights = [Float64Array.from(h3, heavy), Float64Array.from(h3, heavy)];
  const home = new Int32Array(k);
  for (let t = 0; t < k; t++) home[t] = Math.floor(rng.next() * h3.length);
  return {
    offsets: graph.offsets,
    neighbors: graph.neighbors,
    lat: Float64Array.from(centres, (c) => c[0]),
    lon: Float64Array.from(centres, (c) => c[1]),
    weights,
    measureWeights: [1, 1],
    tolerance: [0.05, 0.05],
    travelWeight: null,
    capacity: capacity ?? Array.from({ length: k }, () => 1),
    home,
    frozen: new Uint8Array(h3.length),
    locked: new Uint8Array(k),
    fixedLoad: null,
  };
}

function run(problem: BalanceProblem, start?: Int32Array) {
  const units = unitVectors(problem.lat, problem.lon);
  const weight = combinedWeight(problem);
  const total = problem.capacity.reduce((a, b) => a + b, 0);
  const share = Float64Array.from(problem.capacity, (c) => c / total);
  const free = start ?? new Int32Array(problem.lat.length).fill(-1);
  return { ...splitStart(problem, free, problem.home, units, weight, share), weight, share };
}

/** Combined load over target per territory. */
function fills(plan: Int32Array, weight: Float64Array, share: Float64Array): number[] {
  const load = new Float64Array(share.length);
  let total = 0;
  plan.forEach((t, i) => {
    load[t]! += weight[i]!;
    total += weight[i]!;
  });
  return Array.from(load, (l, t) => l / (total * share[t]!));
}

const figures = (p: BalanceProblem, plan: Int32Array) => evaluatePlan(evaluationOf(p, ['a', 'b'], 'a'), plan);

describe('splitStart', () => {
  it.each([1, 2, 3])('gives every cell one territory, each territory one piece holding its share of the weight to within a few cells, and its anchor (seed %i)', (seed) => {
    const problem = area(gridDisk(CENTRE, 14), 7, seed, [1, 1, 2, 1, 0.5, 1, 1]);
    const { plan, anchors, weight, share } = run(problem);
    expect(plan.every((t) => t >= 0 && t < 7)).toBe(true);
    expect(figures(problem, plan).contiguityBreaks).toBe(0);
    const heaviest = Math.max(...weight);
    let total = 0;
    weight.forEach((w) => (total += w));
    // Each of the three levels of halving may miss its share by about one cell.
    fills(plan, weight, share).forEach((f, t) => expect(Math.abs(f - 1) * total * share[t]!).toBeLessThan(4 * heaviest));
    anchors.forEach((a, t) => expect(plan[a]).toBe(t));
    expect(Array.from(run(problem).plan)).toEqual(Array.from(plan));
  });

  it('gives a rep whose home is on an islet the coast beside it as well, instead of the islet alone', () => {
    const islet = gridDisk(ISLET, 1);
    const problem = area([...gridDisk(CENTRE, 12), ...islet], 5, 4);
    const isletCells = islet.map((h) => [...new Set([...gridDisk(CENTRE, 12), ...islet])].sort().indexOf(h));
    problem.home[2] = isletCells[0]!;
    const { plan, anchors, weight, share } = run(problem);
    const f = fills(plan, weight, share);
    expect(Math.abs(f[2]! - 1)).toBeLessThan(0.2);
    // The islet goes with the territory anchored nearest it: the islander's, now on the coast.
    for (const i of isletCells) expect(plan[i]).toBe(2);
    expect(plan[anchors[2]!]).toBe(2);
    expect(isletCells).not.toContain(anchors[2]);
    expect(figures(problem, plan).contiguityBreaks).toBe(0);
  });

  it('leaves the cells of a locked territory alone and splits the rest among the others', () => {
    const problem = area(gridDisk(CENTRE, 10), 4, 5);
    const start = new Int32Array(problem.lat.length).fill(-1);
    for (let i = 0; i < 60; i++) start[i] = 1;
    problem.locked[1] = 1;
    const { plan } = run(problem, start);
    plan.forEach((t, i) => expect(t === 1).toBe(start[i] === 1));
  });
});

describe('balance (build) above the polish size', () => {
  it('builds from the split start: contiguous, within tolerance or one cell of it, the same plan twice', () => {
    const problem = area(gridDisk(CENTRE, 27), 9, 6);
    expect(problem.lat.length).toBeGreaterThan(2000);
    const first = balance(problem, { mode: 'build', prior: null, seed: 1 }).plan;
    const f = figures(problem, first);
    expect(f.contiguityBreaks).toBe(0);
    for (const key of ['a', 'b']) expect(f.maxDeviation[key]!).toBeLessThanOrEqual(Math.max(0.05, f.granularity[key]!) + 1e-9);
    expect(Array.from(balance(problem, { mode: 'build', prior: null, seed: 1 }).plan)).toEqual(Array.from(first));
  });
});
