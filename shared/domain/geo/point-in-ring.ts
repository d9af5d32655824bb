/**
 * Even–odd test of the point (x, y) against one closed ring of [x, y] positions, in plain
 * planar coordinates (no wrapping: callers pass unwrapped longitudes where a ring crosses
 * ±180°). A point exactly on an edge may fall either way.
 */
export function inRing(ring: readonly (readonly number[])[], x: number, y: number): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) odd = !odd;
  }
  return odd;
}
