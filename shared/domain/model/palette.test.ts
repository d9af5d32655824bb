import { describe, expect, it } from 'vitest';
import { assignTerritoryColors, territoryNeighbors } from './palette';

describe('assignTerritoryColors', () => {
  it('never gives neighbouring territories the same colour', () => {
    // A wheel: territory 0 touches all of 1…8, which form a ring.
    const neighbors = Array.from({ length: 9 }, () => new Set<number>());
    const link = (a: number, b: number) => (neighbors[a]!.add(b), neighbors[b]!.add(a));
    for (let i = 1; i <= 8; i++) {
      link(0, i);
      link(i, (i % 8) + 1);
    }
    const colors = assignTerritoryColors(neighbors);
    neighbors.forEach((ns, a) => ns.forEach((b) => expect(colors[a]).not.toBe(colors[b])));
  });

  it('finds territory neighbours from cell adjacency', () => {
    const graph = { offsets: Int32Array.from([0, 1, 3, 4]), neighbors: Int32Array.from([1, 0, 2, 1]) };
    const ns = territoryNeighbors(graph, Int32Array.from([0, 1, 2]), 3);
    expect(ns.map((s) => [...s].sort())).toEqual([[1], [0, 2], [1]]);
  });
});

describe('leastUsedColor', () => {
  it('picks the least-used colour, skipping the neighbours’ colours', async () => {
    const { leastUsedColor, TERRITORY_PALETTE: P } = await import('./palette');
    expect(leastUsedColor([])).toBe(P[0]);
    expect(leastUsedColor([P[0], P[1]])).toBe(P[2]);
    expect(leastUsedColor([P[0], P[1]], [P[2].toUpperCase()])).toBe(P[3]);
    // Every colour used once, the neighbours hold all but one: that one, even if used more.
    expect(leastUsedColor([...P, P[5]], P.filter((c) => c !== P[5]))).toBe(P[5]);
  });
});
