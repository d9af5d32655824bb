import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from '../h3/build-adjacency';
import { createRng } from '../random/create-rng';
import { evaluatePlan } from './evaluate-plan';
import { evaluationOf } from './evaluation-of';
import { unitVectors } from './geometry';
import { combinedWeight } from './grow-balanced';
import { powerDiagramStart } from './power-start';
import type { BalanceProblem } from './problem';
import { assignByOffsets, nearestHomes, solveOffsets } from './transport-offsets';

/** Two hexagonal patches of H3 cells (an island beside the mainland), weights dense near a "city", K homes. */
function instance(seed: number, k: number): BalanceProblem {
  const rng = createRng(seed);
  const centre = latLngToCell(41 + rng.next() * 3, -95 + rng.next() * 5, 7);
  const mainland = gridDisk(centre, 16);
  const island = gridDisk(gridDisk(centre, 22).filter((h) => !gridDisk(centre, 21).includes(h))[rng.int(6)]!, 2);
  const cells = [...new Set([...mainland, ...island])].sort();
  const graph = buildAdjacency(cells);
  const ll = cells.map((h) => cellToLatLng(h));
  const city = ll[rng.int(mainland.length)]!;
  const dense = (p: number[]) => 1 + 40 * Math.exp(-(((p[0]! - city[0]!) ** 2 + (p[1]! - city[1]!) ** 2) / 0.02));
  const weight = Float64Array.from(ll, (p) => dense(p) * (0.5 + rng.next()));
  const homes = new Set<number>();
  while (homes.size < k) homes.add(rng.int(mainland.length));
  return {
    offsets: graph.offsets,
    neighbors: graph.neighbors,
    lat: Float64Array.from(ll, (p) => p[0]!),
    lon: Float64Array.from(ll, (p) => p[1]!),
    weights: [weight],
    measureWeights: [1],
    tolerance: [0.05],
    travelWeight: weight,
    capacity: Array.from({ length: k }, (_, t) => (t % 2 === 0 ? 1 : 2)),
    home: Int32Array.from(homes),
    frozen: new Uint8Array(cells.length),
    locked: new Uint8Array(k),
    fixedLoad: null,
  };
}

const shares = (p: BalanceProblem) => {
  const total = p.capacity.reduce((a, b) => a + b, 0);
  return p.capacity.map((c) => c / total);
};

describe('balanced offsets (transport)', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: the diagram meets every share within 5 % or one cell, and no swap of two cells lowers travel', (seed) => {
    const p = instance(seed, 6);
    const n = p.offsets.length - 1;
    const units = unitVectors(p.lat, p.lon);
    const weight = combinedWeight(p);
    const growing = [0, 1, 2, 3, 4, 5];
    const start = new Int32Array(n).fill(-1);
    const { near, nearKm, c, meanNearestKm } = nearestHomes(units, p.home, growing, start, 6);
    let total = 0;
    for (const w of weight) total += w;
    const target = Float64Array.from(shares(p), (s) => s * total);
    const lambda = solveOffsets({ start, near, cost: nearKm, c, weight, fixed: new Float64Array(6), target, growing, scale: meanNearestKm, stages: 8, iterationsPerStage: 100 });
    const plan = new Int32Array(n);
    assignByOffsets(plan, start, near, nearKm, c, lambda);
    const load = new Float64Array(6);
    plan.forEach((t, i) => (load[t]! += weight[i]!));
    // Within 5 %, or within the heaviest cell (a diagram does not split cells).
    const heaviest = Math.max(...weight);
    load.forEach((l, t) => expect(Math.abs(l - target[t]!)).toBeLessThan(Math.max(0.05 * target[t]!, heaviest)));
    // Offset diagrams are swap-optimal: d(i,s) + d(j,t) ≤ d(i,t) + d(j,s) for i in s, j in t.
    const rng = createRng(seed);
    const km = (i: number, t: number) => Math.hypot(units[3 * i]! - units[3 * p.home[t]!]!, units[3 * i + 1]! - units[3 * p.home[t]! + 1]!, units[3 * i + 2]! - units[3 * p.home[t]! + 2]!);
    for (let trial = 0; trial < 2000; trial++) {
      const i = rng.int(n);
      const j = rng.int(n);
      const s = plan[i]!;
      const t = plan[j]!;
      if (s === t || !near.subarray(i * c, i * c + c).includes(t) || !near.subarray(j * c, j * c + c).includes(s)) continue;
      expect(km(i, s) + km(j, t)).toBeLessThanOrEqual(km(i, t) + km(j, s) + 1e-12);
    }
  });
});

describe('powerDiagramStart', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: every cell assigned, homes and frozen cells kept, one piece per territory and island', (seed) => {
    const p = instance(seed, 7);
    const n = p.offsets.length - 1;
    const start = new Int32Array(n).fill(-1);
    // Freeze a few cells of territory 3, far from its home.
    const rng = createRng(seed + 100);
    const frozen: number[] = [];
    for (let x = 0; x < 5; x++) frozen.push(rng.int(n));
    for (const i of frozen) start[i] = 3;
    const plan = powerDiagramStart(p, start, p.home, unitVectors(p.lat, p.lon), combinedWeight(p), shares(p));
    expect(plan.every((t) => t >= 0 && t < 7)).toBe(true);
    p.home.forEach((h, t) => {
      if (!frozen.includes(h)) expect(plan[h]).toBe(t);
    });
    for (const i of frozen) expect(plan[i]).toBe(3);
    const f = evaluatePlan(evaluationOf(p, ['w'], 'w'), plan);
    // Frozen cells may stand apart from their territory; nothing else may.
    expect(f.contiguityBreaks).toBeLessThanOrEqual(frozen.length);
    const unfrozen = powerDiagramStart(p, new Int32Array(n).fill(-1), p.home, unitVectors(p.lat, p.lon), combinedWeight(p), shares(p));
    expect(evaluatePlan(evaluationOf(p, ['w'], 'w'), unfrozen).contiguityBreaks).toBe(0);
  });

  it('grows into a pocket that none of the territories it lists can reach, from the territory around it', () => {
    // One path of 18 cells: ten homes side by side (0–9), a chain east (10–14), a home A
    // (15), then B (16) and last P (17). P lies next to B in the graph but, on the map,
    // beside the ten homes: its ten nearest homes are those ten, none of which can reach it.
    const n = 18;
    const lon = Float64Array.from({ length: n }, (_, i) => (i < 10 ? -100 + 0.01 * i : i < 15 ? -99.5 + 0.3 * (i - 10) : i === 15 ? -98 : i === 16 ? -97.99 : -100.05));
    const offsets = Int32Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 0 : 2 * i - 1 - (i === n ? 1 : 0)));
    const neighbors: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) neighbors.push(i - 1);
      if (i < n - 1) neighbors.push(i + 1);
    }
    const k = 11;
    const weight = new Float64Array(n).fill(1);
    const p: BalanceProblem = {
      offsets,
      neighbors: Int32Array.from(neighbors),
      lat: new Float64Array(n).fill(40),
      lon,
      weights: [weight],
      measureWeights: [1],
      tolerance: [0.05],
      travelWeight: weight,
      capacity: new Array<number>(k).fill(1),
      home: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15]),
      frozen: new Uint8Array(n),
      locked: new Uint8Array(k),
      fixedLoad: null,
    };
    const units = unitVectors(p.lat, p.lon);
    expect(Array.from(nearestHomes(units, p.home, [...Array(k).keys()], new Int32Array(n).fill(-1), 10).near.subarray(17 * 10, 18 * 10)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const plan = powerDiagramStart(p, new Int32Array(n).fill(-1), p.home, units, weight, shares(p));
    expect(plan[17]).toBe(plan[16]);
    expect(evaluatePlan(evaluationOf(p, ['w'], 'w'), plan).contiguityBreaks).toBe(0);
  });
});
