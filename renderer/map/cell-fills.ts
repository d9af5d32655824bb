import type { TerritorySummary } from '../../shared/contract/api';
import type { MapMode } from '../stores/use-app-store';
import { hexToRgba, UNASSIGNED_FILL, type Rgba } from './color';
import { densityFills, type DensityScale } from './thematic';
import { attainmentColor, deviationColor } from './thematic';

export interface CellFillInput {
  mode: MapMode;
  territoryOfCell: Int32Array;
  territories: readonly Pick<TerritorySummary, 'id' | 'color'>[];
  selected: number | null;
  /** Deviation from target per territory (deviation mode). */
  deviation: ReadonlyMap<number, number>;
  tolerance: number;
  /** Attainment mode: attainment per territory (null: no goal) and the flag threshold. */
  attainment?: { byTerritory: ReadonlyMap<number, number | null>; threshold: number } | null;
  /** Density mode: the measure per cell, cell areas and the class scale. */
  density: { values: ArrayLike<number>; areaKm2: ArrayLike<number>; scale: DensityScale } | null;
}

/**
 * The fill colour of each cell for the current thematic mode: the territory's colour
 * (others faded while one is selected), its territory's deviation from target, or the
 * density of a measure.
 */
export function cellFillFunction(input: CellFillInput): (cell: number) => Rgba {
  const { territoryOfCell, selected } = input;
  if (input.mode === 'density' && input.density) {
    const bytes = densityFills(input.density.values, input.density.areaKm2, input.density.scale);
    const cache: Rgba = [0, 0, 0, 0];
    return (cell) => {
      cache[0] = bytes[cell * 4]!;
      cache[1] = bytes[cell * 4 + 1]!;
      cache[2] = bytes[cell * 4 + 2]!;
      cache[3] = bytes[cell * 4 + 3]!;
      return cache;
    };
  }
  const rgba = new Map<number, Rgba>();
  for (const t of input.territories) {
    const color =
      input.mode === 'deviation'
        ? deviationColor(input.deviation.get(t.id) ?? 0, input.tolerance)
        : input.mode === 'attainment' && input.attainment
          ? attainmentColor(input.attainment.byTerritory.get(t.id) ?? null, input.attainment.threshold)
          : hexToRgba(t.color, 200);
    rgba.set(t.id, color);
  }
  const faded = new Map<number, Rgba>();
  for (const [id, c] of rgba) faded.set(id, [c[0], c[1], c[2], 60]);
  return (cell) => {
    const t = territoryOfCell[cell]!;
    if (t < 0) return UNASSIGNED_FILL;
    if (selected !== null && t !== selected) return faded.get(t) ?? UNASSIGNED_FILL;
    return rgba.get(t) ?? UNASSIGNED_FILL;
  };
}
