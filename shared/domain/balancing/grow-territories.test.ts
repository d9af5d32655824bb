import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAdjacency, type Csr } from '../h3/build-adjacency';
import { connectedComponents } from '../graph/connected-components';
import { growTerritories } from './grow-territories';

/** Components of the subgraph induced by the cells of territory t. */
function pieces(graph: Csr, owner: Int32Array, t: number): number {
  const n = owner.length;
  const seen = new Uint8Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (owner[s] !== t || seen[s]) continue;
    count++;
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const v = stack.pop()!;
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
        const w = graph.neighbors[e]!;
        if (owner[w] === t && !seen[w]) {
          seen[w] = 1;
          stack.push(w);
        }
      }
    }
  }
  return count;
}

function disk(lat: number, lon: number, k: number): string[] {
  return gridDisk(latLngToCell(lat, lon, 7), k).sort();
}

describe('growTerritories', () => {
  const h3 = disk(40, -105, 12);
  const graph = buildAdjacency(h3);
  const lat = new Float64Array(h3.length);
  const lon = new Float64Array(h3.length);
  const weight = Float64Array.from(h3, (_, i) => (i % 7) + 1);

  it('assigns every cell to one contiguous territory', () => {
    const seeds = [0, 100, 200, 300, 400];
    const owner = growTerritories({ graph, weight, lat, lon, seeds });
    expect(owner.every((t) => t >= 0 && t < seeds.length)).toBe(true);
    for (let t = 0; t < seeds.length; t++) expect(pieces(graph, owner, t)).toBe(1);
  });

  it('is deterministic and roughly balanced', () => {
    const seeds = [3, 150, 260, 390];
    const a = growTerritories({ graph, weight, lat, lon, seeds });
    const b = growTerritories({ graph, weight, lat, lon, seeds });
    expect(Array.from(a)).toEqual(Array.from(b));
    const load = [0, 0, 0, 0];
    a.forEach((t, i) => (load[t]! += weight[i]!));
    const mean = load.reduce((x, y) => x + y) / load.length;
    for (const l of load) expect(Math.abs(l - mean) / mean).toBeLessThan(0.25);
  });

  it('gives an island without a seed, whole, to the nearest seed', () => {
    const cells = [...disk(40, -105, 3), ...disk(40, -103, 1)].sort();
    const g = buildAdjacency(cells);
    expect(connectedComponents(g).count).toBe(2);
    const la = Float64Array.from(cells, (c) => cellToLatLng(c)[0]);
    const lo = Float64Array.from(cells, (c) => cellToLatLng(c)[1]);
    const seeds = [cells.indexOf(latLngToCell(40, -105, 7))];
    const owner = growTerritories({ graph: g, weight: new Float64Array(cells.length), lat: la, lon: lo, seeds });
    expect(owner.every((t) => t === 0)).toBe(true);
  });

  it('rejects a missing or invalid seed', () => {
    expect(() => growTerritories({ graph, weight, lat, lon, seeds: [] })).toThrow(RangeError);
    expect(() => growTerritories({ graph, weight, lat, lon, seeds: [h3.length] })).toThrow(RangeError);
  });
});
