import { describe, expect, it } from 'vitest';
import { densityFills, densityScale, deviationColor } from './thematic';

describe('density classes', () => {
  it('puts equal shares of the occupied cells in each class and leaves empty cells grey', () => {
    const values = Float64Array.from({ length: 17 }, (_, i) => i); // cell 0 is empty
    const area = new Float64Array(17).fill(2);
    const scale = densityScale(values, area);
    expect(scale.breaks).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const fills = densityFills(values, area, scale);
    expect([...fills.subarray(0, 4)]).toEqual([220, 220, 220, 60]);
    expect([...fills.subarray(4, 8)]).toEqual(scale.colors[0]);
    expect([...fills.subarray(16 * 4, 17 * 4)]).toEqual(scale.colors[7]);
    // Density 8/2 = 4 → fourth class.
    expect([...fills.subarray(8 * 4, 9 * 4)]).toEqual(scale.colors[3]);
  });
});

describe('deviation colours', () => {
  it('is neutral within the tolerance and warmer / cooler outside it', () => {
    expect(deviationColor(0.05, 0.1)).toEqual(deviationColor(-0.09, 0.1));
    const over = deviationColor(0.5, 0.1);
    const under = deviationColor(-0.5, 0.1);
    expect(over[0]).toBeGreaterThan(over[2]);
    expect(under[2]).toBeGreaterThan(under[0]);
    expect(deviationColor(0.15, 0.1)[1]).toBeGreaterThan(deviationColor(0.3, 0.1)[1]);
  });
});
