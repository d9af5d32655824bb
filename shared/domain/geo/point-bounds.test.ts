import { describe, expect, it } from 'vitest';
import { pointBounds } from './point-bounds';

describe('pointBounds', () => {
  const lat = [10, -5, 30];
  const lon = [100, -170, 20];
  it('boxes all points, or only the included ones', () => {
    expect(pointBounds(lat, lon)).toEqual([-170, -5, 100, 30]);
    expect(pointBounds(lat, lon, (i) => i !== 1)).toEqual([20, 10, 100, 30]);
  });
  it('is null for no points', () => {
    expect(pointBounds([], [])).toBeNull();
    expect(pointBounds(lat, lon, () => false)).toBeNull();
  });
});
