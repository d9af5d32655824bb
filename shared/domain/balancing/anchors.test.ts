import { cellToLatLng, gridDisk, gridPathCells, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from '../h3/build-adjacency';
import { createRng } from '../random/create-rng';
import { buildAnchors, relocateStarved } from './anchors';
import { balance } from './balance';
import { evaluatePlan } from './evaluate-plan';
import { evaluationOf } from './evaluation-of';
import { unitVectors } from './geometry';
import { combinedWeight } from './grow-balanced';
import type { BalanceProblem } from './problem';

const CENTRE = latLngToCell(42, -95, 7);
const ISLAND = latLngToCell(42, -93.5, 7);

/** A study area of H3 cells with heavy-tailed weights in two measures and a home cell per territory (given as H3 cells). */
function area(cells: string[], homes: (string | null)[], seed: number): { problem: BalanceProblem; index: Map<string, number> } {
  const h3 = [...new Set(cells)].sort();
  const index = new Map(h3.map((h, i) => [h, i]));
  const rng = createRng(seed);
  const graph = buildAdjacency(h3);
  const centres = h3.map((h) => cellToLatLng(h));
  const heavy = () => (rng.next() < 0.3 ? 0 : Math.exp(rng.normal()));
  const k = homes.length;
  return {
    index,
    problem: {
      offsets: graph.offsets,
      neighbors: graph.neighbors,
      lat: Float64Array.from(centres, (c) => c[0]),
      lon: Float64Array.from(centres, (c) => c[1]),
      weights: [Float64Array.from(h3, heavy), Float64Array.from(h3, heavy)],
      measureWeights: [1, 1],
      tolerance: [0.05, 0.05],
      travelWeight: null,
      capacity: Array.from({ length: k }, () => 1),
      home: Int32Array.from(homes, (h) => (h === null ? -1 : index.get(h)!)),
      frozen: new Uint8Array(h3.length),
      locked: new Uint8Array(k),
      fixedLoad: null,
    },
  };
}

const figures = (p: BalanceProblem, plan: Int32Array) => evaluatePlan(evaluationOf(p, ['a', 'b'], 'a'), plan);
const worst = (f: ReturnType<typeof figures>) => Math.max(...Object.values(f.maxDeviation));
const shareOf = (p: BalanceProblem) => Float64Array.from(p.capacity, (c) => c / p.capacity.reduce((a, b) => a + b, 0));

describe('buildAnchors', () => {
  it('keeps distinct homes, gives reps who share a home cell the nearest free cells around it, and never a cell another territory holds', () => {
    const disk = gridDisk(CENTRE, 6);
    const { problem, index } = area(disk, [CENTRE, CENTRE, CENTRE, disk[5]!, null], 1);
    const ring = new Set(gridDisk(CENTRE, 1).map((h) => index.get(h)!));
    const taken = new Int32Array(problem.lat.length).fill(-1);
    taken[Math.min(...[...ring].filter((i) => i !== index.get(CENTRE)))] = 3; // frozen in territory 3
    const anchors = buildAnchors(problem, unitVectors(problem.lat, problem.lon), 7, combinedWeight(problem), taken);
    expect(anchors[0]).toBe(index.get(CENTRE));
    expect(anchors[3]).toBe(index.get(disk[5]!));
    expect(ring.has(anchors[1]!) && ring.has(anchors[2]!)).toBe(true);
    expect(new Set(anchors).size).toBe(5);
    for (let t = 0; t < 5; t++) expect(taken[anchors[t]!] === -1 || taken[anchors[t]!] === t).toBe(true);
    expect(anchors[4]).toBeGreaterThanOrEqual(0);
    expect(buildAnchors(problem, unitVectors(problem.lat, problem.lon), 7, combinedWeight(problem), taken)).toEqual(anchors);
  });
});

describe('relocateStarved', () => {
  it('moves an empty territory into the fullest territory near it, and leaves one whose island is too light alone', () => {
    const disk = gridDisk(CENTRE, 8);
    const island = gridDisk(ISLAND, 1);
    const { problem, index } = area([...disk, ...island], [disk[0]!, disk[disk.length - 1]!, CENTRE, ISLAND], 2);
    const n = problem.lat.length;
    const units = unitVectors(problem.lat, problem.lon);
    const weight = combinedWeight(problem);
    // Territory 2 holds its home only; 0 and 1 split the disk; 3 holds its small island.
    const plan = new Int32Array(n);
    for (let i = 0; i < n; i++) plan[i] = island.includes([...index.keys()][i]!) ? 3 : problem.lat[i]! < problem.lat[index.get(CENTRE)!]! ? 0 : 1;
    plan[index.get(CENTRE)!] = 2;
    const anchors = Int32Array.from(problem.home);
    const moved = relocateStarved(problem, plan, anchors, units, weight, shareOf(problem));
    expect(moved).toEqual([2]);
    expect([0, 1]).toContain(plan[anchors[2]!]);
    expect(anchors[3]).toBe(index.get(ISLAND));
    expect(anchors[0]).toBe(problem.home[0]);
    expect(anchors[1]).toBe(problem.home[1]);
  });

  it('finds nothing to move in a balanced plan', () => {
    const { problem } = area(gridDisk(CENTRE, 8), [gridDisk(CENTRE, 8)[0]!, CENTRE], 3);
    const built = balance(problem, { mode: 'build', prior: null, seed: 3 }).plan;
    const anchors = Int32Array.from(problem.home);
    expect(relocateStarved(problem, built, anchors, unitVectors(problem.lat, problem.lon), combinedWeight(problem), shareOf(problem))).toEqual([]);
    expect(anchors).toEqual(problem.home);
  });
});

describe('balance with crowded homes', () => {
  it.each([1, 2, 3])('reps who share home cells still get their share each (seed %i)', (seed) => {
    const disk = gridDisk(CENTRE, 14);
    const rng = createRng(seed);
    const [a, b, c] = [disk[rng.int(disk.length)]!, disk[rng.int(disk.length)]!, disk[rng.int(disk.length)]!];
    const { problem } = area(disk, [a, a, b, c, c, c], seed);
    const f = figures(problem, balance(problem, { mode: 'build', prior: null, seed }).plan);
    expect(f.contiguityBreaks).toBe(0);
    expect(f.unassignedCells).toBe(0);
    expect(worst(f)).toBeLessThanOrEqual(0.08);
  });

  it.each([4, 5, 6])('reps who all live in one corner still get their share each (seed %i)', (seed) => {
    const disk = gridDisk(CENTRE, 14);
    const corner = gridDisk(disk[disk.length - 1]!, 2);
    const rng = createRng(seed);
    const homes = new Set<string>();
    while (homes.size < 8) homes.add(corner[rng.int(corner.length)]!);
    const { problem } = area(disk, [...homes], seed);
    const result = balance(problem, { mode: 'build', prior: null, seed });
    const f = figures(problem, result.plan);
    expect(f.contiguityBreaks).toBe(0);
    expect(worst(f)).toBeLessThanOrEqual(0.08);
    // The same input and seed, the same plan.
    expect(balance(problem, { mode: 'build', prior: null, seed }).plan).toEqual(result.plan);
  });
});

describe('a territory added to an existing plan', () => {
  const disk = gridDisk(CENTRE, 14);
  const homes = (seed: number) => {
    const rng = createRng(seed);
    const set = new Set<string>();
    while (set.size < 7) set.add(disk[rng.int(disk.length)]!);
    return [...set];
  };
  /** A balanced plan of the first six territories; the seventh (a new rep) has no cell. */
  const withNewRep = (seed: number, home: 'rep' | 'vacant') => {
    const { problem } = area(disk, [...homes(seed).slice(0, 6), home === 'rep' ? homes(seed)[6]! : null], seed);
    const six = { ...problem, capacity: problem.capacity.slice(0, 6), home: problem.home.slice(0, 6), locked: problem.locked.slice(0, 6) };
    return { problem, prior: balance(six, { mode: 'build', prior: null, seed }).plan };
  };

  it.each([
    [1, 'rep'],
    [2, 'rep'],
    [3, 'vacant'],
  ] as const)('gets its share in a realign (seed %i, %s)', (seed, home) => {
    const { problem, prior } = withNewRep(seed, home);
    const result = balance(problem, { mode: 'realign', prior, seed });
    const f = figures(problem, result.plan);
    expect(f.contiguityBreaks).toBe(0);
    expect(f.perTerritory[6]!.cells).toBeGreaterThan(30);
    expect(Math.max(...Object.values(f.perTerritory[6]!.deviation).map(Math.abs))).toBeLessThan(0.15);
    if (home === 'rep') expect(result.plan[problem.home[6]!]).toBe(6);
  });

  it('takes cells from its neighbours only in a local rebalance', () => {
    const { problem, prior } = withNewRep(1, 'rep');
    const result = balance(problem, { mode: 'local', prior, touched: [6], seed: 1 });
    const f = figures(problem, result.plan);
    expect(f.perTerritory[6]!.cells).toBeGreaterThan(10);
    expect(f.contiguityBreaks).toBe(0);
    const donors = new Set<number>();
    for (let i = 0; i < prior.length; i++) if (result.plan[i] === 6) donors.add(prior[i]!);
    for (let i = 0; i < prior.length; i++) if (result.plan[i] !== prior[i] && result.plan[i] !== 6) expect(donors.has(prior[i]!) || donors.has(result.plan[i]!)).toBe(true);
  });

  it('never seeds it on a cell that holds another territory together', () => {
    // Two patches joined by a path one cell wide; the new rep lives in the middle of the path.
    const west = latLngToCell(42, -95.6, 7);
    const east = latLngToCell(42, -94.4, 7);
    const path = gridPathCells(west, east);
    const middle = path[path.length >> 1]!;
    const { problem, index } = area([...gridDisk(west, 4), ...gridDisk(east, 4), ...path], [west, middle], 4);
    const prior = new Int32Array(problem.lat.length); // every cell in territory 0, which is one piece
    const result = balance(problem, { mode: 'realign', prior, seed: 4 });
    const f = figures(problem, result.plan);
    expect(f.contiguityBreaks).toBe(0);
    expect(f.perTerritory[1]!.cells).toBeGreaterThan(0);
    expect(result.plan[index.get(west)!]).toBe(0);
  });
});
