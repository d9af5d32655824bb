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

/**
 * The cell whose centroid is nearest to each point (one pass over the cells per point),
 * e.g. the home cell of each rep, even when the home lies just outside the study area.
 * @returns a cell index per point (-1 when there are no cells)
 */
export function nearestCells(units: Float64Array, points: readonly { lat: number; lon: number }[]): Int32Array {
  const n = units.length / 3;
  const out = new Int32Array(points.length).fill(-1);
  points.forEach((p, j) => {
    const phi = (p.lat * Math.PI) / 180;
    const lambda = (p.lon * Math.PI) / 180;
    const x = Math.cos(phi) * Math.cos(lambda);
    const y = Math.cos(phi) * Math.sin(lambda);
    const z = Math.sin(phi);
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      const d = (units[3 * i]! - x) ** 2 + (units[3 * i + 1]! - y) ** 2 + (units[3 * i + 2]! - z) ** 2;
      if (d < best) {
        best = d;
        out[j] = i;
      }
    }
  });
  return out;
}
