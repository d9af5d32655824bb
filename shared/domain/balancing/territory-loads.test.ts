import { describe, expect, it } from 'vitest';
import { latticeInstance } from './lattice-instance';
import { measureTotals, territoryLoads } from './territory-loads';

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
});
