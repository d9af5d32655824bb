import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from '../h3/build-adjacency';
import { createRng } from '../random/create-rng';
import { chordKm, unitVectors } from './geometry';
import type { BalanceProblem } from './problem';
import { rematchHomes } from './rematch-homes';

/** A hexagonal patch with a travel weight and `k` homes, and its plan with every cell at its nearest home. */
function patch(k: number) {
  const rng = createRng(11);
  const h3 = gridDisk(latLngToCell(44, -93, 7), 20).sort();
  const graph = buildAdjacency(h3);
  const n = h3.length;
  const centres = h3.map((h) => cellToLatLng(h));
  const homes = new Set<number>();
  while (homes.size < k) homes.add(rng.int(n));
  const problem: BalanceProblem = {
    offsets: graph.offsets,
    neighbors: graph.neighbors,
    lat: Float64Array.from(centres, (c) => c[0]),
    lon: Float64Array.from(centres, (c) => c[1]),
    weights: [Float64Array.from(h3, () => rng.next())],
    measureWeights: [1],
    tolerance: [0.05],
    travelWeight: Float64Array.from(h3, () => (rng.next() < 0.3 ? 0 : 1 + rng.next())),
    capacity: new Array<number>(k).fill(1),
    home: Int32Array.from(homes),
    frozen: new Uint8Array(n),
    locked: new Uint8Array(k),
    fixedLoad: null,
  };
  const units = unitVectors(problem.lat, problem.lon);
  const nearest = Int32Array.from({ length: n }, (_, i) => {
    let best = 0;
    for (let t = 1; t < k; t++) if (chordKm(units, i, problem.home[t]!) < chordKm(units, i, problem.home[best]!)) best = t;
    return best;
  });
  return { problem, units, nearest };
}

const travel = (p: BalanceProblem, units: Float64Array, plan: Int32Array) => plan.reduce((s, t, i) => s + p.travelWeight![i]! * chordKm(units, i, p.home[t]!), 0);
/** The plan with the territories in each pair trading their cells. */
const swapped = (plan: Int32Array, pairs: [number, number][]) =>
  plan.map((t) => {
    for (const [a, b] of pairs) if (t === a) return b;
    else if (t === b) return a;
    return t;
  });

describe('rematchHomes', () => {
  it('gives every region back to the rep nearest it after the labels were rotated, and leaves that plan alone', () => {
    const { problem, units, nearest } = patch(7);
    const plan = nearest.map((t) => (t + 1) % 7);
    expect(travel(problem, units, plan)).toBeGreaterThan(1.5 * travel(problem, units, nearest));
    expect(rematchHomes(problem, plan, units)).toBe(7);
    expect([...plan]).toEqual([...nearest]);
    expect(rematchHomes(problem, plan, units)).toBe(0);
  });

  it('trades only territories of equal capacity with a home, no lock and no frozen cell', () => {
    const { problem, units, nearest } = patch(10);
    problem.locked[0] = 1;
    problem.frozen[nearest.indexOf(2)] = 1;
    problem.capacity[7] = 2;
    problem.home[8] = -1;
    const plan = swapped(nearest, [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]);
    const start = Int32Array.from(plan);
    const homes = { ...problem, home: patch(10).problem.home };
    // 0 is locked, 3 holds the frozen cell once swapped, 7 has another capacity, 8 no home.
    expect(rematchHomes(problem, plan, units)).toBeGreaterThanOrEqual(2);
    for (const t of [0, 3, 7, 8]) for (let i = 0; i < plan.length; i++) expect(plan[i] === t).toBe(start[i] === t);
    expect(travel(homes, units, plan)).toBeLessThan(travel(homes, units, start));
    // The others trade their regions at the least travel of all 720 ways to share them out.
    const free = [1, 2, 4, 5, 6, 9];
    let least = Infinity;
    const permute = (chosen: number[]) => {
      if (chosen.length === free.length) {
        const relabel = new Map(free.map((t, x) => [t, chosen[x]!]));
        least = Math.min(least, travel(homes, units, start.map((t) => relabel.get(t) ?? t)));
        return;
      }
      for (const t of free) if (!chosen.includes(t)) permute([...chosen, t]);
    };
    permute([]);
    expect(travel(homes, units, plan)).toBeCloseTo(least, 6);
  });
});
