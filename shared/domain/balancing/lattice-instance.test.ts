import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../geo/great-circle';
import { connectedComponents } from '../graph/connected-components';
import { latticeInstance } from './lattice-instance';

describe('latticeInstance (S-exact)', () => {
  it('gives the same instance for the same seed, and another for another seed', () => {
    const a = latticeInstance({ n: 100, k: 5, seed: 7 });
    const b = latticeInstance({ n: 100, k: 5, seed: 7 });
    const c = latticeInstance({ n: 100, k: 5, seed: 8 });
    expect(b).toEqual(a);
    expect(Array.from(c.problem.weights[1]!)).not.toEqual(Array.from(a.problem.weights[1]!));
  });

  it.each([
    [1, 1, 'round'],
    [7, 3, 'round'],
    [50, 5, 'round'],
    [100, 10, 'rectangle'],
    [150, 10, 'round'],
    [151, 10, 'rectangle'],
  ] as const)('n = %i, K = %i (%s): n cells, a symmetric connected six-neighbour graph, K distinct homes', (n, k, shape) => {
    const { problem: p, q, r } = latticeInstance({ n, k, seed: 3, shape });
    expect(p.offsets.length).toBe(n + 1);
    expect(p.lat.length).toBe(n);
    expect(new Set(Array.from(q, (qi, i) => `${qi},${r[i]}`)).size).toBe(n);
    const edges = new Set<string>();
    for (let i = 0; i < n; i++) {
      const list = Array.from(p.neighbors.subarray(p.offsets[i]!, p.offsets[i + 1]!));
      expect(list.length).toBeLessThanOrEqual(6);
      expect(new Set(list).size).toBe(list.length);
      for (const j of list) {
        expect(j).not.toBe(i);
        // Neighbours are one lattice step apart.
        const dq = q[j]! - q[i]!;
        const dr = r[j]! - r[i]!;
        expect(Math.max(Math.abs(dq), Math.abs(dr), Math.abs(dq + dr))).toBe(1);
        edges.add(`${i}-${j}`);
      }
    }
    for (const e of edges) {
      const [i, j] = e.split('-');
      expect(edges.has(`${j}-${i}`)).toBe(true);
    }
    expect(connectedComponents(p).count).toBe(1);
    expect(p.home.length).toBe(k);
    expect(new Set(p.home).size).toBe(k);
    for (const h of p.home) expect(h >= 0 && h < n).toBe(true);
    expect(p.capacity).toEqual(Array.from({ length: k }, () => 1));
    expect(p.frozen.every((f) => f === 0) && p.locked.every((l) => l === 0)).toBe(true);
  });

  it('places neighbours ~10 km apart and gives every interior cell six neighbours', () => {
    const { problem: p } = latticeInstance({ n: 150, k: 10, seed: 1 });
    let six = 0;
    for (let i = 0; i < 150; i++) {
      const degree = p.offsets[i + 1]! - p.offsets[i]!;
      if (degree === 6) six++;
      for (let e = p.offsets[i]!; e < p.offsets[i + 1]!; e++) {
        const j = p.neighbors[e]!;
        expect(Math.abs(greatCircleKm(p.lat[i]!, p.lon[i]!, p.lat[j]!, p.lon[j]!) - 10)).toBeLessThan(0.15);
      }
    }
    // A round patch of 150 cells: most cells are inside.
    expect(six).toBeGreaterThan(90);
  });

  it('has non-negative workload, revenue and account weights with a heavy revenue tail; travel weight = workload', () => {
    const inst = latticeInstance({ n: 150, k: 5, seed: 2 });
    const p = inst.problem;
    expect(inst.measures).toEqual(['workload', 'revenue_potential', 'accounts']);
    expect(p.weights.length).toBe(3);
    for (const w of p.weights) expect(w.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
    expect(p.travelWeight).toBe(p.weights[0]);
    expect(Array.from(p.weights[2]!)).toEqual(Array.from(inst.accounts));
    const revenue = Array.from(p.weights[1]!).filter((v) => v > 0).sort((a, b) => a - b);
    const median = revenue[Math.floor(revenue.length / 2)]!;
    expect(revenue.at(-1)! / median).toBeGreaterThan(5);
    expect(latticeInstance({ n: 50, k: 5, seed: 2, measures: 2 }).problem.weights.length).toBe(2);
  });

  it('rejects K outside 1 … n', () => {
    expect(() => latticeInstance({ n: 5, k: 6, seed: 1 })).toThrow(RangeError);
    expect(() => latticeInstance({ n: 0, k: 1, seed: 1 })).toThrow(RangeError);
  });
});
