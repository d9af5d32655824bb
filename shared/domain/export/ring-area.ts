/**
 * Twice the signed planar area of a closed ring of [x, y] positions (positive:
 * counter-clockwise), taken relative to the first position so small rings far from 0°
 * keep their sign.
 */
export function signedArea(ring: readonly (readonly number[])[]): number {
  const [x0, y0] = ring[0]! as [number, number];
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
  }
  return sum;
}
