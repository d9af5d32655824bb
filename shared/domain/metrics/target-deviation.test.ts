import { describe, expect, it } from 'vitest';
import { targetDeviation } from './target-deviation';

describe('targetDeviation', () => {
  it('compares each territory with its capacity-weighted share of the total', () => {
    // Total 120; capacities 1, 1, 2 → targets 30, 30, 60.
    expect(targetDeviation([30, 45, 45], [1, 1, 2])).toEqual([0, 0.5, -0.25]);
    expect(targetDeviation([10, 10], [1, 1])).toEqual([0, 0]);
  });

  it('reports 0 when there is nothing to balance, and rejects bad input', () => {
    expect(targetDeviation([0, 0], [1, 1])).toEqual([0, 0]);
    expect(() => targetDeviation([1], [0])).toThrow(RangeError);
    expect(() => targetDeviation([1, 2], [1])).toThrow(RangeError);
  });
});
