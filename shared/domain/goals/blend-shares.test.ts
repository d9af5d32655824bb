import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { blendShares } from './blend-shares';

describe('blendShares', () => {
  it('averages each measure’s shares by weight', () => {
    // potential shares .25/.75, revenue shares .5/.5 → equal weights → .375/.625.
    expect(blendShares({ potential: [1, 3], revenue: [1, 1] }, { potential: 1, revenue: 1 })).toEqual([0.375, 0.625]);
    // 3:1 weights: (3 × [.2, .3, .5] + 1 × [.5, .5, 0]) / 4 = [.275, .35, .375].
    const shares = blendShares({ a: [2, 3, 5], b: [10, 10, 0] }, { a: 3, b: 1 });
    [0.275, 0.35, 0.375].forEach((s, i) => expect(shares[i]).toBeCloseTo(s, 12));
    // A single measure gives its plain shares.
    expect(blendShares({ a: [1, 1, 2] }, { a: 5 })).toEqual([0.25, 0.25, 0.5]);
  });

  it('leaves out measures with zero weight, zero total or no weight at all', () => {
    expect(blendShares({ a: [1, 3], b: [0, 0] }, { a: 1, b: 4 })).toEqual([0.25, 0.75]);
    expect(blendShares({ a: [1, 3], b: [5, 0] }, { a: 1, b: 0 })).toEqual([0.25, 0.75]);
    expect(blendShares({ a: [1, 3], b: [5, 0] }, { a: 1 })).toEqual([0.25, 0.75]);
    // Negative and non-finite values count as 0.
    expect(blendShares({ a: [-4, 1, Number.NaN, 3] }, { a: 1 })).toEqual([0, 0.25, 0, 0.75]);
  });

  it('returns zeros when nothing contributes and [] without measures', () => {
    expect(blendShares({ a: [0, 0, 0] }, { a: 1 })).toEqual([0, 0, 0]);
    expect(blendShares({ a: [1, 2] }, {})).toEqual([0, 0]);
    expect(blendShares({}, {})).toEqual([]);
  });

  it('rejects unknown keys, bad weights and ragged arrays', () => {
    expect(() => blendShares({ a: [1] }, { b: 1 })).toThrow(RangeError);
    expect(() => blendShares({ a: [1] }, { a: -1 })).toThrow(RangeError);
    expect(() => blendShares({ a: [1] }, { a: Number.NaN })).toThrow(RangeError);
    expect(() => blendShares({ a: [1], b: [1, 2] }, { a: 1 })).toThrow(RangeError);
    expect(() => blendShares({ toString: [1] }, { constructor: 1 })).toThrow(RangeError);
  });

  it('sums to 1 and is invariant to scaling a measure or all weights (seeded)', () => {
    const rng = createRng(81);
    for (let trial = 0; trial < 200; trial++) {
      const k = 1 + rng.int(15);
      const column = () => Array.from({ length: k }, () => (rng.next() < 0.2 ? 0 : rng.next() * 1e6));
      const values = { potential: column(), revenue: column(), accounts: column() };
      const weights = { potential: rng.next(), revenue: rng.next(), accounts: rng.int(3) };
      const shares = blendShares(values, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      shares.forEach((s) => expect(s).toBeGreaterThanOrEqual(0));
      const scale = 1 + rng.next() * 100;
      const scaled = blendShares(
        { ...values, revenue: values.revenue.map((v) => v * scale) },
        { potential: weights.potential * 7, revenue: weights.revenue * 7, accounts: weights.accounts * 7 },
      );
      scaled.forEach((s, i) => expect(s).toBeCloseTo(shares[i]!, 12));
    }
  });
});
