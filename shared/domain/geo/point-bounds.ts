/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/**
 * Bounding box of the points i with `include(i)` (all points when omitted).
 * @returns null when no point is included
 */
export function pointBounds(lat: ArrayLike<number>, lon: ArrayLike<number>, include?: (i: number) => boolean): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i < lat.length; i++) {
    if (include && !include(i)) continue;
    w = Math.min(w, lon[i]!);
    e = Math.max(e, lon[i]!);
    s = Math.min(s, lat[i]!);
    n = Math.max(n, lat[i]!);
  }
  return w === Infinity ? null : [w, s, e, n];
}
