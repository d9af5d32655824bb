import { describe, expect, it } from 'vitest';
import type { MapCells } from '../stores/use-app-store';
import { territoryBounds } from './territory-bounds';

describe('territoryBounds', () => {
  const cells = {
    resolution: 6,
    lat: Float32Array.from([10, 11, 12, 13]),
    lon: Float32Array.from([-5, -4, -3, -2]),
  } as unknown as MapCells;

  it('spans the territory’s cells with a cell of padding', () => {
    const b = territoryBounds(cells, Int32Array.from([1, 2, 1, 2]), 1)!;
    expect(b[0]).toBeCloseTo(-5.1);
    expect(b[1]).toBeCloseTo(9.9);
    expect(b[2]).toBeCloseTo(-2.9);
    expect(b[3]).toBeCloseTo(12.1);
  });

  it('is null for a territory without cells', () => {
    expect(territoryBounds(cells, Int32Array.from([1, 1, 1, 1]), 2)).toBeNull();
  });
});
