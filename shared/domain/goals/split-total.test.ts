import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { splitTotal } from './split-total';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('splitTotal', () => {
  it('rounds by largest remainder, ties to the lower index', () => {
    // Quotas 33.33… each: one unit missing → index 0.
    expect(splitTotal(100, [1, 1, 1], 1)).toEqual([34, 33, 33]);
    // Quotas (steps of 10) 2.5, 3.5, 4.0 → floors 2, 3, 4 → 1 missing; remainders .5, .5 → index 0.
    expect(splitTotal(100, [25, 35, 40], 10)).toEqual([30, 30, 40]);
    // Quotas 1.4, 2.8, 5.6, 0.2 (steps of 1000) → floors 1, 2, 5, 0 → 2 missing → .8 and .6.
    expect(splitTotal(10_000, [7, 14, 28, 1], 1000)).toEqual([1000, 3000, 6000, 0]);
    // Already exact.
    expect(splitTotal(600, [1, 2, 3], 100)).toEqual([100, 200, 300]);
  });

  it('gives the leftover of a total that is not a multiple of step to the largest share', () => {
    // 10 whole steps: quotas 7.5 / 2.5 → tie → index 0 gets 8; leftover 50 → index 0 (largest share).
    expect(splitTotal(1050, [3, 1], 100)).toEqual([850, 200]);
    // Largest share is index 2; leftover 7.
    expect(splitTotal(107, [1, 1, 2], 10)).toEqual([30, 20, 57]);
    // Equal largest shares: lowest index gets the leftover.
    expect(splitTotal(25, [0, 5, 5], 10)).toEqual([0, 15, 10]);
    // Less than one step: everything is leftover.
    expect(splitTotal(7, [1, 3], 10)).toEqual([0, 7]);
  });

  it('treats negative and non-finite shares as 0 and splits all-zero shares equally', () => {
    expect(splitTotal(90, [-5, Number.NaN, 3, Infinity], 1)).toEqual([0, 0, 90, 0]);
    expect(splitTotal(10, [0, 0, 0], 1)).toEqual([4, 3, 3]);
    expect(splitTotal(11, [0, -1], 5)).toEqual([6, 5]);
    expect(splitTotal(0, [1, 2], 1)).toEqual([0, 0]);
    expect(splitTotal(0, [], 1)).toEqual([]);
  });

  it('without rounding returns proportional values summing exactly to the total', () => {
    expect(splitTotal(100, [1, 3], 0)).toEqual([25, 75]);
    const goals = splitTotal(1, [1, 1, 1], 0);
    goals.forEach((g) => expect(g).toBeCloseTo(1 / 3, 15));
    expect(sum(goals)).toBe(1);
    const tenths = splitTotal(0.3, [1, 1, 1], 0.1);
    tenths.forEach((g) => expect(g).toBeCloseTo(0.1, 15));
    expect(sum(tenths)).toBe(0.3);
  });

  it('rejects bad totals, steps and empty shares', () => {
    expect(() => splitTotal(-1, [1], 1)).toThrow(RangeError);
    expect(() => splitTotal(Number.NaN, [1], 1)).toThrow(RangeError);
    expect(() => splitTotal(Infinity, [1], 1)).toThrow(RangeError);
    expect(() => splitTotal(10, [1], -1)).toThrow(RangeError);
    expect(() => splitTotal(10, [1], Infinity)).toThrow(RangeError);
    expect(() => splitTotal(10, [], 1)).toThrow(RangeError);
    expect(() => splitTotal(1e300, [1], 1e-300)).toThrow(RangeError);
  });

  it('holds its guarantees on random inputs (seeded)', () => {
    const rng = createRng(8);
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + rng.int(12);
      const shares = Array.from({ length: n }, () => (rng.next() < 0.15 ? 0 : rng.next() * 1000));
      const step = [0, 1, 5, 100, 1000][rng.int(5)]!;
      const total = rng.next() < 0.5 ? rng.int(1_000_000) : rng.next() * 1_000_000;
      const goals = splitTotal(total, shares, step);
      expect(goals).toHaveLength(n);
      expect(sum(goals)).toBe(total);
      goals.forEach((g) => expect(g).toBeGreaterThanOrEqual(0));
      const weights = sum(shares) === 0 ? shares.map(() => 1) : shares;
      const weightTotal = sum(weights);
      const largest = weights.indexOf(Math.max(...weights));
      const exactMultiple = step > 0 && Number.isInteger(total / step);
      goals.forEach((g, i) => {
        const quota = (total * weights[i]!) / weightTotal;
        if (step === 0) {
          expect(Math.abs(g - quota)).toBeLessThanOrEqual(1e-9 * total);
          return;
        }
        // Whole steps except the leftover's receiver; within one step of the quota when the
        // total is a multiple of step, else within two (one for rounding, one for the leftover).
        if (i !== largest || exactMultiple) expect(g % step).toBe(0);
        expect(Math.abs(g - quota)).toBeLessThan((exactMultiple ? 1 : 2) * step);
      });
      expect(splitTotal(total, shares, step)).toEqual(goals);
    }
  });
});
