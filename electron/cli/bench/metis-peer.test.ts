import { spawnSync } from 'node:child_process';
import { evaluationOf as evaluationWith } from '../../../shared/domain/balancing/evaluation-of';
import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../../../shared/domain/balancing/evaluate-plan';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';
import { connectedComponents } from '../../../shared/domain/graph/connected-components';
import { minCostAssignment } from '../../../shared/domain/graph/min-cost-assignment';
import { bridgeComponents, integerWeights, metisGraphText, readPartition, symmetricAdjacency } from './metis-graph-file';
import { metisFigures, metisPeerFigures, runMetisPeer } from './metis-peer';

/** METIS is a measurement peer only: these tests take whichever branch this machine allows. */
const hasGpmetis = !spawnSync('gpmetis', ['-help'], { encoding: 'utf8' }).error;

/**
 * Square lattices (4-neighbour) of side × side cells, `copies` of them side by side with a
 * gap (so copies > 1 gives islands). Cells are 0.1° apart around 40° N.
 */
function lattice(side: number, copies = 1, k = 4): BalanceProblem {
  const n = side * side * copies;
  const lists: number[][] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  for (let c = 0; c < copies; c++) {
    for (let r = 0; r < side; r++) {
      for (let q = 0; q < side; q++) {
        const i = c * side * side + r * side + q;
        const list: number[] = [];
        if (r > 0) list.push(i - side);
        if (q > 0) list.push(i - 1);
        if (q < side - 1) list.push(i + 1);
        if (r < side - 1) list.push(i + side);
        lists.push(list);
        lat.push(40 + 0.1 * r);
        lon.push(-100 + 0.1 * q + c * 0.1 * (side + 5));
      }
    }
  }
  const offsets = new Int32Array(n + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  const neighbors = Int32Array.from(lists.flat());
  const ones = new Float64Array(n).fill(1);
  // A second measure: heavier towards the east, zero on every third cell.
  const east = Float64Array.from(lon, (x, i) => (i % 3 === 0 ? 0 : 1 + (x + 100) * 3.7));
  // Homes at the four corners of the first lattice (and more along its first row if k > 4).
  const corners = [0, side - 1, side * (side - 1), side * side - 1];
  const home = Int32Array.from({ length: k }, (_, t) => corners[t] ?? t);
  return {
    offsets,
    neighbors,
    lat,
    lon,
    weights: [ones, east],
    measureWeights: [1, 1],
    tolerance: [0.02, 0.02],
    travelWeight: ones,
    capacity: Array.from({ length: k }, () => 1),
    home,
    frozen: new Uint8Array(n),
    locked: new Uint8Array(k),
    fixedLoad: null,
  };
}

function permutations(k: number): number[][] {
  if (k === 0) return [[]];
  return permutations(k - 1).flatMap((p) => Array.from({ length: k }, (_, at) => [...p.slice(0, at), k - 1, ...p.slice(at)]));
}

describe('metisGraphText', () => {
  it('writes each edge once from both ends, 1-based, without self loops or repeats', () => {
    // Path 0–1–2 and a lone vertex 3; the CSR lists 0–1 twice from 0 and never from 1, and 2–2.
    const graph = { offsets: [0, 2, 3, 5, 5], neighbors: [1, 1, 2, 1, 2] };
    const text = metisGraphText(graph, [
      [1, 2, 0, 7],
      [0, 5, 0, 1],
    ]);
    expect(text).toBe(['4 2 010 2', '1 0 2', '2 5 1 3', '0 0 2', '7 1', ''].join('\n'));
  });

  it('refuses weights METIS cannot read', () => {
    const graph = { offsets: [0, 1, 2], neighbors: [1, 0] };
    expect(() => metisGraphText(graph, [[1, 0.5]])).toThrow(RangeError);
    expect(() => metisGraphText(graph, [[1, -1]])).toThrow(RangeError);
    expect(() => metisGraphText(graph, [[2 ** 30, 2 ** 30]])).toThrow(/32-bit/);
    expect(() => metisGraphText(graph, [])).toThrow(RangeError);
    expect(() => metisGraphText({ offsets: [0, 1], neighbors: [4] }, [[1]])).toThrow(/outside/);
  });

  it('symmetrises a one-sided CSR', () => {
    const adjacency = symmetricAdjacency({ offsets: [0, 2, 2, 2], neighbors: [2, 1] });
    expect(Array.from(adjacency.offsets)).toEqual([0, 2, 3, 4]);
    expect(Array.from(adjacency.neighbors)).toEqual([1, 2, 0, 0]);
  });
});

describe('integerWeights', () => {
  it('scales integers by an integer factor, others by the ratio, keeping zeros', () => {
    const { columns, scale } = integerWeights([[0, 3, 1], [0, 0.25, 0.5]], 1000);
    expect(scale[0]).toBe(250);
    expect(Array.from(columns[0]!)).toEqual([0, 750, 250]);
    expect(Array.from(columns[1]!)).toEqual([0, 333, 667]);
    // Integer data whose total is above the target is scaled down, not kept.
    const big = integerWeights([[3000, 1000]], 1000);
    expect(Array.from(big.columns[0]!)).toEqual([750, 250]);
  });

  it('refuses negative values and measures that sum to 0', () => {
    expect(() => integerWeights([[1, -1]])).toThrow(RangeError);
    expect(() => integerWeights([[0, 0]])).toThrow(/sums to 0/);
  });
});

describe('readPartition', () => {
  it('reads one part per line and refuses a wrong count or part', () => {
    expect(Array.from(readPartition('1\n0\n2\n', 3, 3))).toEqual([1, 0, 2]);
    expect(() => readPartition('1\n0\n', 3, 3)).toThrow(/2 lines/);
    expect(() => readPartition('1\n0\n3\n', 3, 3)).toThrow(/line 3/);
  });
});

describe('minCostAssignment', () => {
  it('finds the minimum-cost assignment (checked against every permutation)', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 20; trial++) {
      const k = 1 + (trial % 6);
      const cost = Float64Array.from({ length: k * k }, () => Math.round(next() * 100));
      const columnOf = minCostAssignment(cost, k);
      expect([...columnOf].sort()).toEqual(Array.from({ length: k }, (_, j) => j));
      const total = (perm: ArrayLike<number>) => Array.from({ length: k }, (_, r) => cost[r * k + perm[r]!]!).reduce((s, c) => s + c, 0);
      const best = Math.min(...permutations(k).map(total));
      expect(total(columnOf)).toBe(best);
    }
  });
});

describe('bridgeComponents', () => {
  it('joins each island to the largest component by one edge', () => {
    const p = lattice(4, 3);
    const components = connectedComponents(p);
    expect(components.count).toBe(3);
    const bridged = bridgeComponents(p, components);
    expect(bridged.bridges).toBe(2);
    expect(bridged.neighbors.length).toBe(p.neighbors.length + 4);
    expect(connectedComponents(bridged).count).toBe(1);
  });
});

describe('runMetisPeer', () => {
  it('reports a missing gpmetis as skipped', () => {
    const result = runMetisPeer(lattice(5), 0.02, { gpmetis: 'gpmetis-is-not-here-6a1f' });
    expect(result).toEqual({ skipped: 'gpmetis is not installed (apt-get install metis)' });
  });

  it.runIf(!hasGpmetis)('is skipped on this machine, where gpmetis is not installed', () => {
    const p = lattice(5);
    expect(runMetisPeer(p, 0.02)).toEqual({ skipped: 'gpmetis is not installed (apt-get install metis)' });
    expect(metisPeerFigures(p, evaluationWith(p, ['ones', 'east'], 'ones'), 0.02)).toEqual({ skipped: 'gpmetis is not installed (apt-get install metis)' });
  });

  it.runIf(hasGpmetis)('partitions a 30×30 lattice into 4 balanced contiguous parts, and the plan round-trips', () => {
    const p = lattice(30);
    const n = 900;
    const result = runMetisPeer(p, 0.02, { constraints: [0] });
    if ('skipped' in result) throw new Error(result.skipped);
    expect(result.ufactor).toBe(20);
    expect(result.command).toMatch(/^gpmetis -ptype=kway -contig -ufactor=20 \S+ 4$/);
    expect(result.plan.length).toBe(n);
    const cells = [0, 0, 0, 0];
    for (const part of result.plan) {
      expect(part >= 0 && part < 4).toBe(true);
      cells[part]!++;
    }
    // Unit weights: METIS's bound max_k W_k ≤ (1 + ufactor/1000) · n/K.
    for (const c of cells) expect(c).toBeLessThanOrEqual(Math.floor((1 + result.ufactor / 1000) * (n / 4)));

    // Round trip: the plan read back cuts exactly the edges METIS says it cut, and each part is one piece.
    const evaluation = evaluationWith(p, ['ones', 'east'], 'ones');
    const figures = evaluatePlan(evaluation, result.matchedPlan);
    expect(result.bridges).toBe(0);
    expect(figures.cutEdges).toBe(result.metisEdgecut);
    expect(figures.contiguityBreaks).toBe(0);
    expect(result.metisNonContiguousParts).toBe(0);
    expect([...result.territoryOfPart].sort()).toEqual([0, 1, 2, 3]);
    result.plan.forEach((part, i) => expect(result.matchedPlan[i]).toBe(result.territoryOfPart[part]));
    expect(Array.from(result.homeOfPart)).toEqual(Array.from(result.territoryOfPart, (t) => p.home[t]!));
    expect(result.ms.gpmetis).toBeGreaterThan(0);
    expect(result.ms.metis).not.toBeNull();

    // The matching gives METIS's parts their best travel: no other assignment of homes beats it.
    const travelOf = (territoryOfPart: number[]) => evaluatePlan(evaluation, Int32Array.from(result.plan, (part) => territoryOfPart[part]!)).meanTravelKm!;
    const best = Math.min(...permutations(4).map(travelOf));
    expect(figures.meanTravelKm!).toBeCloseTo(best, 9);

    const shown = metisFigures(evaluation, result);
    expect(shown.cutEdges).toBe(figures.cutEdges);
    expect(shown.contiguityBreaks).toBe(0);
    expect(shown.emptyParts).toBe(0);
    expect(shown.maxDeviation.ones).toBeLessThanOrEqual(0.02 + 1e-9);
    expect(shown.constraints).toEqual(['ones']);
  });

  it.runIf(hasGpmetis)('balances two measures and keeps parts contiguous across islands', () => {
    const p = lattice(12, 3, 6);
    const result = runMetisPeer(p, 0.05);
    if ('skipped' in result) throw new Error(result.skipped);
    expect(result.constraints).toEqual([0, 1]);
    expect(result.studyComponents).toBe(3);
    expect(result.bridges).toBe(2);
    const n = p.offsets.length - 1;
    expect(result.plan.length).toBe(n);
    expect(result.plan.every((part) => part >= 0 && part < 6)).toBe(true);
    const figures = metisFigures(evaluationWith(p, ['ones', 'east'], 'ones'), result);
    expect(figures.contiguityBreaks).toBe(0);
    expect(figures.ufactor).toBe(50);
  });

  it.runIf(hasGpmetis)('runs without -contig when asked', () => {
    const p = lattice(10);
    const result = runMetisPeer(p, 0.03, { contig: false, constraints: [1], seed: 3 });
    if ('skipped' in result) throw new Error(result.skipped);
    expect(result.command).toMatch(/^gpmetis -ptype=kway -ufactor=30 -seed=3 /);
    expect(result.contig).toBe(false);
    expect(result.weightScale[0]).toBeGreaterThan(1000);
  });
});
