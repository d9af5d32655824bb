/**
 * Plausibility checks of imported coordinates: in range, not the "null island" (0, 0)
 * that exports write for a missing location, and not latitude and longitude swapped.
 */

export type LatLonCheck = { ok: true } | { ok: false; reason: string; swapped?: boolean };

const inRange = (lat: number, lon: number): boolean => Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/**
 * Checks one WGS84 location. Rejects non-finite values, (0, 0), and values out of range;
 * when out of range but valid with the two swapped, says so and sets `swapped`.
 */
export function checkLatLon(lat: number, lon: number): LatLonCheck {
  if (!Number.isFinite(lat)) return { ok: false, reason: `latitude ${lat} is not a finite number` };
  if (!Number.isFinite(lon)) return { ok: false, reason: `longitude ${lon} is not a finite number` };
  if (lat === 0 && lon === 0) return { ok: false, reason: '0, 0 is the null island: a missing location, not a place' };
  if (inRange(lat, lon)) return { ok: true };
  if (inRange(lon, lat)) return { ok: false, reason: 'looks like latitude and longitude are swapped', swapped: true };
  const problems: string[] = [];
  if (Math.abs(lat) > 90) problems.push(`latitude ${lat} is out of range −90…90`);
  if (Math.abs(lon) > 180) problems.push(`longitude ${lon} is out of range −180…180`);
  return { ok: false, reason: problems.join('; ') };
}

/** True when `lon` lies between `west` and `east`, also for a box across the antimeridian (west > east). */
const lonInside = (lon: number, west: number, east: number): boolean =>
  west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;

const inside = (lat: number, lon: number, [west, south, east, north]: readonly [number, number, number, number]): boolean =>
  lat >= south && lat <= north && lonInside(lon, west, east);

/**
 * True when (lat, lon) looks swapped: outside the expected region but inside it when
 * swapped. Without a region (`null`), true when the point is out of range and its swap
 * is not.
 * @param expected [west, south, east, north] of the study region in degrees, or null
 */
export function looksSwapped(lat: number, lon: number, expected: readonly [number, number, number, number] | null): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
  if (expected === null) return !inRange(lat, lon) && inRange(lon, lat);
  return !inside(lat, lon, expected) && inside(lon, lat, expected);
}
