import { EARTH_RADIUS_KM } from '../geo/great-circle';

/**
 * Cell centroids as unit vectors (x, y, z per cell). The chord between two unit vectors
 * times the Earth's radius is within 0.2 % of the great-circle distance below 600 km and
 * ordered the same way, at three multiplications per distance.
 */
export function unitVectors(lat: ArrayLike<number>, lon: ArrayLike<number>): Float64Array {
  const n = lat.length;
  const out = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const phi = (lat[i]! * Math.PI) / 180;
    const lambda = (lon[i]! * Math.PI) / 180;
    const c = Math.cos(phi);
    out[3 * i] = c * Math.cos(lambda);
    out[3 * i + 1] = c * Math.sin(lambda);
    out[3 * i + 2] = Math.sin(phi);
  }
  return out;
}

/** Chord distance (km) between points a and b of a unit-vector array. */
export function chordKm(v: Float64Array, a: number, b: number): number {
  const dx = v[3 * a]! - v[3 * b]!;
  const dy = v[3 * a + 1]! - v[3 * b + 1]!;
  const dz = v[3 * a + 2]! - v[3 * b + 2]!;
  return EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** Bands of the z coordinate (sin of the latitude) that `nearestCells` sorts the cells into: about 3 km each. */
const Z_BANDS = 4096;

/**
 * The cell whose centroid is nearest to each point, e.g. the home cell of each rep, even
 * when the home lies just outside the study area. The cells are sorted once into bands of
 * z (a counting sort); each point scans the bands outward from its own and stops where
 * the gap in z alone exceeds the best distance found, so a point inside the area looks at
 * one thin strip of cells instead of all of them (500 reps on 1.47M cells: 1.7 s by a full
 * scan per point). Ties go to the lower cell, as in a full scan.
 * @returns a cell index per point (-1 when there are no cells)
 */
export function nearestCells(units: Float64Array, points: readonly { lat: number; lon: number }[]): Int32Array {
  const n = units.length / 3;
  const out = new Int32Array(points.length).fill(-1);
  if (n === 0) return out;
  const bandOf = (z: number) => Math.min(Z_BANDS - 1, Math.max(0, Math.floor(((z + 1) / 2) * Z_BANDS)));
  const band = new Uint16Array(n);
  const bandStart = new Int32Array(Z_BANDS + 1);
  for (let i = 0; i < n; i++) {
    band[i] = bandOf(units[3 * i + 2]!);
    bandStart[band[i]! + 1]!++;
  }
  for (let b = 0; b < Z_BANDS; b++) bandStart[b + 1]! += bandStart[b]!;
  const fill = bandStart.slice(0, Z_BANDS);
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) sorted[fill[band[i]!]!++] = i;
  const bandHeight = 2 / Z_BANDS;
  points.forEach((p, j) => {
    const phi = (p.lat * Math.PI) / 180;
    const lambda = (p.lon * Math.PI) / 180;
    const x = Math.cos(phi) * Math.cos(lambda);
    const y = Math.cos(phi) * Math.sin(lambda);
    const z = Math.sin(phi);
    const home = bandOf(z);
    let best = Infinity;
    let bestCell = -1;
    const scan = (b: number) => {
      for (let s = bandStart[b]!; s < bandStart[b + 1]!; s++) {
        const i = sorted[s]!;
        const d = (units[3 * i]! - x) ** 2 + (units[3 * i + 1]! - y) ** 2 + (units[3 * i + 2]! - z) ** 2;
        if (d < best || (d === best && i < bestCell)) {
          best = d;
          bestCell = i;
        }
      }
    };
    scan(home);
    for (let step = 1; step < Z_BANDS; step++) {
      const below = home - step;
      const above = home + step;
      if (below < 0 && above >= Z_BANDS) break;
      // Every cell of a band `step` away is at least (step − 1) band heights away in z alone.
      const gap = (step - 1) * bandHeight;
      if (gap * gap > best) break;
      if (below >= 0) scan(below);
      if (above < Z_BANDS) scan(above);
    }
    out[j] = bestCell;
  });
  return out;
}
