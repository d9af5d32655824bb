import type { PolygonCoords } from '../h3/build-study-area';

/**
 * Point-in-polygon tests on [lon, lat] degree polygons (outer ring first, then holes),
 * by the even–odd rule over all rings, on a flat lon/lat plane.
 *
 * Antimeridian: a ring may cross ±180° by jumping from +179.9 to −180 and back (the
 * world-atlas rings of Russia's Chukotka, Wrangel Island and one island of Fiji do) or
 * by running past ±180 (181, 185, …). Such polygons are cut at the antimeridian into
 * pieces that each lie within −180 … 180 (see {@link splitAtAntimeridian}), so a point
 * at lon −175 in Chukotka is inside Russia and a point at lon 0 is not. A ring around a
 * pole (Antarctica's, closed along lat −89.999) is already planar and is left as is.
 */

/**
 * Whether [lon, lat] lies inside `polygon` (even–odd over outer ring and holes; a point
 * exactly on an edge may fall either side). Longitudes beyond ±180 are wrapped. For many
 * points use {@link createPolygonIndex}, which prepares each polygon once.
 * @example pointInPolygon(0.5, 0.5, [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]) // true
 */
export function pointInPolygon(lon: number, lat: number, polygon: PolygonCoords): boolean {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return false;
  const x = wrapLon(lon);
  return splitAtAntimeridian(polygon).some((piece) => {
    const band = buildBands(piece);
    return band !== null && insideBands(band, x, lat);
  });
}

/** Polygons prepared for many lookups. */
export interface PolygonIndex {
  /**
   * The index of the first polygon (lowest index greater than `after`, default −1) that
   * contains [lon, lat], or −1 when none does (NaN coordinates: −1).
   */
  find(lon: number, lat: number, after?: number): number;
}

/** Size of the coarse grid squares of piece bounding boxes, degrees. */
const GRID_DEG = 1;
const GRID_COLS = 360 / GRID_DEG;
const GRID_ROWS = 180 / GRID_DEG;

/**
 * Prepares `polygons` for point lookups: each is cut at the antimeridian, each piece gets
 * a band index of its edges (a point is ray cast only against the few edges crossing its
 * latitude band), and the pieces' bounding boxes are listed in a 1° grid, so a lookup
 * looks at the handful of pieces whose box covers the point's grid square.
 * About 0.1–0.3 µs per lookup over the ~1,600 country parts of world-atlas 1:50m.
 */
export function createPolygonIndex(polygons: readonly PolygonCoords[]): PolygonIndex {
  const bands: Bands[] = [];
  const pieceOwner: number[] = [];
  polygons.forEach((polygon, p) => {
    for (const piece of splitAtAntimeridian(polygon)) {
      const band = buildBands(piece);
      if (band === null) continue;
      bands.push(band);
      pieceOwner.push(p);
    }
  });
  const owner = Int32Array.from(pieceOwner);

  // Grid square → pieces whose box meets it (CSR), pieces in ascending polygon order.
  const span = (b: Bands) => ({ c0: gridCol(b.west), c1: gridCol(b.east), r0: gridRow(b.south), r1: gridRow(b.north) });
  const offsets = new Int32Array(GRID_COLS * GRID_ROWS + 1);
  for (const b of bands) {
    const { c0, c1, r0, r1 } = span(b);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) offsets[r * GRID_COLS + c + 1]!++;
  }
  for (let i = 0; i < GRID_COLS * GRID_ROWS; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, GRID_COLS * GRID_ROWS);
  const entries = new Int32Array(offsets[GRID_COLS * GRID_ROWS]!);
  bands.forEach((b, k) => {
    const { c0, c1, r0, r1 } = span(b);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) entries[fill[r * GRID_COLS + c]!++] = k;
  });

  return {
    find(lon: number, lat: number, after = -1): number {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
      const x = wrapLon(lon);
      const square = gridRow(lat) * GRID_COLS + gridCol(x);
      for (let e = offsets[square]!; e < offsets[square + 1]!; e++) {
        const k = entries[e]!;
        if (owner[k]! > after && insideBands(bands[k]!, x, lat)) return owner[k]!;
      }
      return -1;
    },
  };
}

/**
 * `polygon` as pieces that each lie within lon −180 … 180 and together cover the same
 * ground: the polygon itself (same object) when it does not cross the antimeridian,
 * else its part west of +180 and its part east of it shifted by −360 (each with the
 * holes' parts on its side). Rings are cut by Sutherland–Hodgman clipping, which may
 * leave zero-width spurs along ±180; they enclose nothing. Every piece is a plain
 * planar polygon, so any consumer (h3-js `polygonToCells` included) reads it right.
 */
export function splitAtAntimeridian(polygon: PolygonCoords): PolygonCoords[] {
  const outer = polygon[0];
  if (!outer || outer.length < 3) return [polygon];
  const unwrapped = unwrapRing(outer);
  if (unwrapped === null) return [polygon]; // encircles a pole: planar as it stands
  let lo = Infinity;
  for (const [x] of unwrapped) lo = Math.min(lo, x!);
  const shift = -360 * Math.floor((lo + 180) / 360); // brings the westmost vertex into −180 … 180
  const rings = [shiftRing(unwrapped, shift)];
  for (const hole of polygon.slice(1)) {
    const h = unwrapRing(hole) ?? hole.map((v) => [v[0]!, v[1]!]);
    // Put the hole in the outer ring's frame: its first vertex within lo … lo + 360.
    const first = h[0]?.[0] ?? 0;
    rings.push(shiftRing(h, -360 * Math.floor((first - (lo + shift)) / 360)));
  }
  let east = -Infinity;
  let changed = false;
  rings.forEach((ring, r) => {
    const source = polygon[r]!;
    ring.forEach(([x], i) => {
      east = Math.max(east, x!);
      if (x !== source[i]![0]) changed = true;
    });
  });
  if (east <= 180) return changed ? [rings] : [polygon];

  const pieces: PolygonCoords[] = [];
  for (const [west, eastEdge, by] of [[-180, 180, 0], [180, 540, -360]] as const) {
    const piece: PolygonCoords = [];
    for (const ring of rings) {
      const clipped = clipRingX(ring, west, eastEdge);
      if (clipped.length < 4) {
        if (piece.length === 0) break; // no outer ring on this side
        continue;
      }
      piece.push(shiftRing(clipped, by));
    }
    if (piece.length > 0) pieces.push(piece);
  }
  return pieces;
}

/**
 * A ring with each longitude moved by a multiple of 360 so consecutive vertices are
 * less than 180° apart; null when the ring then does not close (it goes round a pole).
 */
function unwrapRing(ring: readonly number[][]): number[][] | null {
  if (ring.length === 0) return [];
  const out: number[][] = [];
  let prev = NaN;
  for (const v of ring) {
    let x = v[0]!;
    if (out.length > 0) x += 360 * Math.round((prev - x) / 360);
    out.push([x, v[1]!]);
    prev = x;
  }
  const last = out[out.length - 1]!;
  const first = out[0]!;
  const closingGap = Math.abs(last[0]! - first[0]!);
  const closed = ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1];
  // A closed ring must end where it began; an open one is closed by a short edge.
  return (closed ? closingGap > 1e-9 : closingGap > 180) ? null : out;
}

function shiftRing(ring: readonly number[][], by: number): number[][] {
  return by === 0 ? ring.map((v) => [v[0]!, v[1]!]) : ring.map((v) => [v[0]! + by, v[1]!]);
}

/** The ring clipped to west ≤ x ≤ east (Sutherland–Hodgman), closed; [] when nothing is left. */
function clipRingX(ring: readonly number[][], west: number, east: number): number[][] {
  let pts = ring.slice(0, ring.length > 1 && sameVertex(ring[0]!, ring[ring.length - 1]!) ? -1 : undefined);
  for (const [edge, keep] of [[west, 1], [east, -1]] as const) {
    const out: number[][] = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i]!;
      const b = pts[(i + 1) % pts.length]!;
      const aIn = (a[0]! - edge) * keep >= 0;
      const bIn = (b[0]! - edge) * keep >= 0;
      if (aIn) out.push(a);
      if (aIn !== bIn) out.push([edge, a[1]! + ((edge - a[0]!) * (b[1]! - a[1]!)) / (b[0]! - a[0]!)]);
    }
    pts = out;
  }
  if (pts.length < 3) return [];
  return [...pts, pts[0]!];
}

function sameVertex(a: readonly number[], b: readonly number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Longitude moved into −180 … 180 (values already there are kept as they are). */
function wrapLon(lon: number): number {
  return lon >= -180 && lon <= 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
}

function gridCol(lon: number): number {
  return Math.min(GRID_COLS - 1, Math.max(0, Math.floor((lon + 180) / GRID_DEG)));
}

function gridRow(lat: number): number {
  return Math.min(GRID_ROWS - 1, Math.max(0, Math.floor((lat + 90) / GRID_DEG)));
}

/**
 * The edges of all rings of a piece, bucketed by latitude band: band r holds records
 * `offsets[r] … offsets[r+1]-1` of `edges`, 4 numbers each: lower y, upper y, x at the
 * lower y, dx/dy (horizontal edges, which a horizontal ray never crosses, are left out).
 */
interface Bands {
  west: number;
  south: number;
  east: number;
  north: number;
  rows: number;
  yScale: number;
  offsets: Int32Array;
  edges: Float64Array;
}

/** Edges per band aimed at (the band count is clamped to 1 … MAX_BANDS). */
const EDGES_PER_BAND = 4;
const MAX_BANDS = 1024;

/** Builds the {@link Bands} of a piece; null when it encloses no area. */
function buildBands(piece: PolygonCoords): Bands | null {
  const segs: number[] = []; // x1, y1, x2, y2 per non-horizontal edge
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ring of piece) {
    const n = ring.length;
    if (n < 3) continue;
    const closed = sameVertex(ring[0]!, ring[n - 1]!);
    const last = closed ? n - 1 : n;
    for (let i = 0; i < last; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % n]!;
      west = Math.min(west, a[0]!);
      east = Math.max(east, a[0]!);
      south = Math.min(south, a[1]!);
      north = Math.max(north, a[1]!);
      if (a[1] !== b[1]) segs.push(a[0]!, a[1]!, b[0]!, b[1]!);
    }
  }
  if (!(north > south && east > west) || segs.length === 0) return null;
  const count = segs.length / 4;
  const rows = Math.min(MAX_BANDS, Math.max(1, Math.ceil(count / EDGES_PER_BAND)));
  const yScale = rows / (north - south);
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - south) * yScale)));

  const offsets = new Int32Array(rows + 1);
  for (let s = 0; s < segs.length; s += 4) {
    const r1 = rowOf(Math.max(segs[s + 1]!, segs[s + 3]!));
    for (let r = rowOf(Math.min(segs[s + 1]!, segs[s + 3]!)); r <= r1; r++) offsets[r + 1]!++;
  }
  for (let r = 0; r < rows; r++) offsets[r + 1]! += offsets[r]!;
  const fill = offsets.slice(0, rows);
  const edges = new Float64Array(offsets[rows]! * 4);
  for (let s = 0; s < segs.length; s += 4) {
    const low = segs[s + 1]! < segs[s + 3]! ? s : s + 2;
    const high = low === s ? s + 2 : s;
    const slope = (segs[high]! - segs[low]!) / (segs[high + 1]! - segs[low + 1]!);
    const r1 = rowOf(segs[high + 1]!);
    for (let r = rowOf(segs[low + 1]!); r <= r1; r++) {
      const at = fill[r]!++ * 4;
      edges[at] = segs[low + 1]!;
      edges[at + 1] = segs[high + 1]!;
      edges[at + 2] = segs[low]!;
      edges[at + 3] = slope;
    }
  }
  return { west, south, east, north, rows, yScale, offsets, edges };
}

/** Even–odd ray cast (towards +x) of (x, y) against the edges of y's band. */
function insideBands(b: Bands, x: number, y: number): boolean {
  if (!(x >= b.west && x <= b.east && y >= b.south && y <= b.north)) return false;
  const row = Math.min(b.rows - 1, Math.floor((y - b.south) * b.yScale));
  const { edges } = b;
  let odd = false;
  for (let e = b.offsets[row]! * 4, end = b.offsets[row + 1]! * 4; e < end; e += 4) {
    // Half-open in y so a ray through a vertex counts the two edges meeting there once.
    if (y < edges[e]! || y >= edges[e + 1]!) continue;
    if (x < edges[e + 2]! + (y - edges[e]!) * edges[e + 3]!) odd = !odd;
  }
  return odd;
}
