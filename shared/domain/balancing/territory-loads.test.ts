import { describe, expect, it } from 'vitest';
import { latticeInstance } from './lattice-instance';
import { combinedFill, measureTotals, territoryLoads } from './territory-loads';

describe('territory loads', () => {
  it('sums each territory’s cells per measure, adds the accounts placed by name, and skips unassigned cells (which still count in the totals)', () => {
    const { problem } = latticeInstance({ n: 30, k: 3, seed: 4, measures: 2 });
    const fixedLoad = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const p = { ...problem, fixedLoad };
    const owner = Int32Array.from({ length: 30 }, (_, i) => (i === 7 ? -1 : i % 3));
    const load = territoryLoads(p, owner);
    for (let t = 0; t < 3; t++) {
      for (let a = 0; a < 2; a++) {
        let want = fixedLoad[t * 2 + a]!;
        for (let i = 0; i < 30; i++) if (owner[i] === t) want += p.weights[a]![i]!;
        expect(load[t * 2 + a]).toBeCloseTo(want, 9);
      }
    }
    const totals = measureTotals(p);
    for (let a = 0; a < 2; a++) {
      const cells = p.weights[a]!.reduce((s, w) => s + w, 0);
      expect(totals[a]).toBeCloseTo(cells + fixedLoad[a]! + fixedLoad[2 + a]! + fixedLoad[4 + a]!, 9);
      expect(totals[a]! - (load[a]! + load[2 + a]! + load[4 + a]!)).toBeCloseTo(p.weights[a]![7]!, 9);
    }
  });

  it('gives each territory its combined load over its share of the whole area, and counts its cells', () => {
    const weight = Float64Array.of(1, 2, 3, 4);
    const cells = new Int32Array(2);
    const { fill, total } = combinedFill(Int32Array.of(0, 1, 1, -1), weight, [0.25, 0.75], cells);
    expect(total).toBe(10);
    expect(Array.from(fill)).toEqual([1 / 2.5, 5 / 7.5]);
    expect(Array.from(cells)).toEqual([1, 2]);
  });
});
