import type { Rgba } from './color';

/** Sequential ramp (light yellow → dark blue-purple) for measure density. */
const DENSITY_RAMP: Rgba[] = [
  [255, 255, 204, 210],
  [199, 233, 180, 210],
  [127, 205, 187, 210],
  [65, 182, 196, 215],
  [29, 145, 192, 220],
  [34, 94, 168, 225],
  [37, 52, 148, 230],
  [8, 29, 88, 235],
];

export interface DensityScale {
  /** Class breaks (values per km²), ascending; class k holds values ≤ breaks[k]. */
  breaks: number[];
  colors: Rgba[];
}

/**
 * Quantile classes of a measure's density (value per km²) over the cells that hold any of
 * it, so a heavy tail (a few key accounts) does not wash the map out.
 */
export function densityScale(values: ArrayLike<number>, areaKm2: ArrayLike<number>): DensityScale {
  const densities: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > 0 && areaKm2[i]! > 0) densities.push(v / areaKm2[i]!);
  }
  densities.sort((a, b) => a - b);
  const k = DENSITY_RAMP.length;
  const breaks: number[] = [];
  for (let c = 1; c <= k; c++) {
    const at = Math.min(densities.length - 1, Math.ceil((c / k) * densities.length) - 1);
    breaks.push(densities.length > 0 ? densities[Math.max(0, at)]! : 0);
  }
  return { breaks, colors: DENSITY_RAMP };
}

/** Fill colour per cell (RGBA bytes) for a density scale; cells without the measure stay transparent-grey. */
export function densityFills(values: ArrayLike<number>, areaKm2: ArrayLike<number>, scale: DensityScale): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let color: Rgba = [220, 220, 220, 60];
    if (v > 0 && areaKm2[i]! > 0) {
      const d = v / areaKm2[i]!;
      let c = 0;
      while (c < scale.breaks.length - 1 && d > scale.breaks[c]!) c++;
      color = scale.colors[c]!;
    }
    out.set(color, i * 4);
  }
  return out;
}

/**
 * Colour for a territory's goal attainment: red below the flag threshold (darker the
 * further below), amber from the threshold up to 100 %, green at or above it (darker the
 * further above, saturating at 130 %); grey without a goal.
 */
export function attainmentColor(attainment: number | null, threshold: number): Rgba {
  if (attainment === null) return [200, 200, 200, 120];
  if (attainment < threshold) {
    const k = Math.min(1, (threshold - attainment) / Math.max(threshold, 0.1));
    return [Math.round(244 - 60 * k), Math.round(150 - 110 * k), Math.round(140 - 100 * k), 225];
  }
  if (attainment < 1) return [250, 205, 90, 220];
  const k = Math.min(1, (attainment - 1) / 0.3);
  return [Math.round(150 - 110 * k), Math.round(210 - 60 * k), Math.round(140 - 70 * k), 225];
}

/**
 * Diverging colour for a territory's deviation from its target: blue below, white within
 * the tolerance, red above, saturating at three times the tolerance (or ±30 %).
 */
export function deviationColor(deviation: number, tolerance: number): Rgba {
  const t = Math.max(tolerance, 1e-6);
  if (Math.abs(deviation) <= t) return [245, 245, 240, 210];
  const span = Math.max(2 * t, 0.2);
  const k = Math.min(1, (Math.abs(deviation) - t) / span);
  const [r, g, b] = deviation > 0 ? [215, 48, 39] : [49, 110, 180];
  const mix = (from: number, to: number) => Math.round(from + (to - from) * (0.25 + 0.75 * k));
  return [mix(245, r), mix(245, g), mix(240, b), 220];
}
