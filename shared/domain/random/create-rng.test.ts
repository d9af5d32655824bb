import { describe, expect, it } from 'vitest';
import { createRng } from './create-rng';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('draws in range with plausible moments', () => {
    const rng = createRng(1);
    let sum = 0;
    let sumSq = 0;
    let poisson = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      poisson += rng.poisson(6);
      expect(rng.int(10)).toBeLessThan(10);
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.05);
    expect(Math.abs(poisson / n - 6)).toBeLessThan(0.1);
  });
});
