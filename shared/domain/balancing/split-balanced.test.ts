import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from '../h3/build-adjacency';
import { splitBalanced } from './split-balanced';

describe('splitBalanced', () => {
  const h3 = gridDisk(latLngToCell(45, 7, 7), 8).sort();
  const graph = buildAdjacency(h3);
  const lat = h3.map((h) => cellToLatLng(h)[0]);
  const lon = h3.map((h) => cellToLatLng(h)[1]);
  const weight = h3.map((_, i) => 1 + (i % 5));

  it('cuts a territory into two contiguous halves of nearly equal weight, the same way each time', () => {
    // The territory: every cell but the last 20 (another territory's).
    const cells = h3.map((_, i) => i).slice(0, h3.length - 20);
    const half = splitBalanced({ cells, offsets: graph.offsets, neighbors: graph.neighbors, lat, lon, weight, seed: 4 });
    const again = splitBalanced({ cells, offsets: graph.offsets, neighbors: graph.neighbors, lat, lon, weight, seed: 4 });
    expect(half).toEqual(again);
    const total = cells.reduce((a, c) => a + weight[c]!, 0);
    const part = half.reduce((a, c) => a + weight[c]!, 0);
    expect(Math.abs(part / (total / 2) - 1)).toBeLessThan(0.05);
    // Both halves are connected.
    for (const side of [new Set(half), new Set(cells.filter((c) => !half.includes(c)))]) {
      const start = [...side][0]!;
      const seen = new Set([start]);
      const queue = [start];
      for (let h = 0; h < queue.length; h++) {
        for (let e = graph.offsets[queue[h]!]!; e < graph.offsets[queue[h]! + 1]!; e++) {
          const w = graph.neighbors[e]!;
          if (side.has(w) && !seen.has(w)) {
            seen.add(w);
            queue.push(w);
          }
        }
      }
      expect(seen.size).toBe(side.size);
    }
  });

  it('returns nothing for a one-cell territory', () => {
    expect(splitBalanced({ cells: [3], offsets: graph.offsets, neighbors: graph.neighbors, lat, lon, weight, seed: 1 })).toEqual([]);
  });
});
