import type { PolygonCoords } from '../h3/build-study-area';

/** An axis-aligned box in degrees. */
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

type Ring = number[][];

/** Keeps the part of a ring on the inner side of one box edge (one Sutherland–Hodgman pass). */
function clipRing(ring: Ring, inside: (p: number[]) => boolean, cross: (a: number[], b: number[]) => number[]): Ring {
  const out: Ring = [];
  const n = ring.length - 1; // rings are closed: the last point repeats the first
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const aIn = inside(a);
    const bIn = inside(b);
    if (aIn) out.push(a);
    if (aIn !== bIn) out.push(cross(a, b));
  }
  if (out.length > 0) out.push(out[0]!);
  return out;
}

const atLon = (a: number[], b: number[], lon: number) => [lon, a[1]! + ((b[1]! - a[1]!) * (lon - a[0]!)) / (b[0]! - a[0]!)];
const atLat = (a: number[], b: number[], lat: number) => [a[0]! + ((b[0]! - a[0]!) * (lat - a[1]!)) / (b[1]! - a[1]!), lat];

/**
 * The part of a polygon inside a box, so a huge country need not be covered with cells
 * only to throw most of them away. Rings are clipped one by one (outer ring and holes);
 * a ring clipped to nothing is dropped, and the polygon with it when it is the outer
 * ring. Clipping may leave zero-width slivers along the box edge, which hold no cell
 * centre and so change no cell set.
 * @returns null when nothing of the polygon lies in the box
 */
export function clipPolygonToBox(polygon: PolygonCoords, box: Box): PolygonCoords | null {
  const out: PolygonCoords = [];
  for (let r = 0; r < polygon.length; r++) {
    let ring = polygon[r]!;
    ring = clipRing(ring, (p) => p[0]! >= box.west, (a, b) => atLon(a, b, box.west));
    if (ring.length >= 4) ring = clipRing(ring, (p) => p[0]! <= box.east, (a, b) => atLon(a, b, box.east));
    if (ring.length >= 4) ring = clipRing(ring, (p) => p[1]! >= box.south, (a, b) => atLat(a, b, box.south));
    if (ring.length >= 4) ring = clipRing(ring, (p) => p[1]! <= box.north, (a, b) => atLat(a, b, box.north));
    if (ring.length < 4) {
      if (r === 0) return null;
      continue;
    }
    out.push(ring);
  }
  return out;
}

/** The box around points, widened by `share` of its span on each side and by at least `minDeg`. */
export function widenedBox(lat: ArrayLike<number>, lon: ArrayLike<number>, share: number, minDeg: number): Box | null {
  let south = Infinity;
  let north = -Infinity;
  let west = Infinity;
  let east = -Infinity;
  for (let i = 0; i < lat.length; i++) {
    south = Math.min(south, lat[i]!);
    north = Math.max(north, lat[i]!);
    west = Math.min(west, lon[i]!);
    east = Math.max(east, lon[i]!);
  }
  return widenBox({ south, north, west, east }, share, minDeg);
}

/** A box widened by `share` of its span on each side and by at least `minDeg`, within the globe; null for an empty box (south > north). */
export function widenBox(box: Box, share: number, minDeg: number): Box | null {
  const { south, north, west, east } = box;
  if (south > north) return null;
  const dLat = Math.max(minDeg, (north - south) * share);
  const dLon = Math.max(minDeg, (east - west) * share);
  return { south: Math.max(-90, south - dLat), north: Math.min(90, north + dLat), west: Math.max(-180, west - dLon), east: Math.min(180, east + dLon) };
}

/** The smallest box with whole-degree edges holding `box`. */
export function wholeDegreeBox(box: Box): Box {
  return { south: Math.floor(box.south), north: Math.ceil(box.north), west: Math.floor(box.west), east: Math.ceil(box.east) };
}

/** Whether a point lies in a box (edges included). */
export function inBox(box: Box, lat: number, lon: number): boolean {
  return lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east;
}
