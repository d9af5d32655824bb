/**
 * Territory outlines: sets of H3 cells dissolved into RFC 7946 polygons — outer rings
 * counter-clockwise, holes clockwise, every ring closed with at least four positions, and
 * shapes that straddle the antimeridian cut at ±180° into pieces within −180 … 180.
 */
import { cellsToMultiPolygon } from 'h3-js';
import type { PolygonRings, Position, Ring } from './types';
import { signedArea } from './ring-area';
import { inRing } from '../geo/point-in-ring';

/** A ring without its closing position, in working (possibly unwrapped) longitudes. */
type Path = Position[];
/** A polygon of open paths: the outer first (counter-clockwise), then its holes (clockwise). */
type Shape = Path[];

/**
 * The union of same-resolution H3 cells as polygons, one per connected piece, holes kept
 * (h3-js `cellsToMultiPolygon`, then made valid RFC 7946):
 * - winding by signed area: outer rings counter-clockwise, holes clockwise;
 * - a polygon that crosses the antimeridian (its rings jump by ~360° in longitude) is
 *   unwrapped and cut at ±180° into pieces within −180 … 180, each with the holes (or the
 *   parts of holes) on its side; positions on the cut are written 180 on the eastern-hemisphere
 *   piece and −180 on the western one (RFC 7946 §3.1.9);
 * - a piece round a pole is closed along the pole's latitude (±90) and cut the same way
 *   (a hole round a pole — a territory ringing a pole without covering it — is dropped,
 *   so that territory is drawn over the pole);
 * - consecutive duplicate positions (and zero-width spikes) are dropped; each ring is closed
 *   and has at least four positions; degenerate rings are left out.
 * Duplicate cells are ignored; cells must share one resolution.
 * @throws h3-js's error for an invalid cell index
 * @example dissolveCells(gridDisk(latLngToCell(48.85, 2.35, 7), 1)) // one hexagon-ish polygon, no hole
 */
export function dissolveCells(h3: readonly string[]): PolygonRings[] {
  if (h3.length === 0) return [];
  const unique = new Set(h3);
  const cells = unique.size === h3.length ? (h3 as string[]) : [...unique];
  const out: PolygonRings[] = [];
  for (const polygon of cellsToMultiPolygon(cells, true)) out.push(...normalizePolygon(polygon));
  return out;
}

/**
 * One polygon ([lon, lat] rings, outer first, then holes; closed or not, any winding) as
 * valid RFC 7946 polygons, as {@link dissolveCells} makes them: rewound, cleaned, and cut at
 * ±180° when a ring jumps across the antimeridian (consecutive longitudes > 180° apart) or
 * runs past it (a longitude beyond ±180). Rings must not cross each other or themselves.
 * @example normalizePolygon([[[179, 0], [181, 0], [181, 1], [179, 1]]]) // two pieces, east and west of 180
 */
export function normalizePolygon(polygon: readonly (readonly (readonly number[])[])[]): PolygonRings[] {
  return planarShapes(polygon).map(closeShape);
}

/**
 * The cells of each territory, to dissolve one territory at a time. `territoryOfCell[i]` is
 * the territory of `h3[i]`; −1 (unassigned) and ids not in `territoryIds` are skipped.
 * Every id of `territoryIds` is in the result, with [] when it has no cells.
 * @throws RangeError when `territoryOfCell` and `h3` differ in length
 */
export function cellsByTerritory(h3: readonly string[], territoryOfCell: Int32Array, territoryIds: readonly number[]): Map<number, string[]> {
  if (territoryOfCell.length !== h3.length) {
    throw new RangeError(`territoryOfCell has ${territoryOfCell.length} entries for ${h3.length} cells`);
  }
  const out = new Map<number, string[]>(territoryIds.map((id) => [id, []]));
  for (let i = 0; i < h3.length; i++) out.get(territoryOfCell[i]!)?.push(h3[i]!);
  return out;
}

// ---------------------------------------------------------------------------------------
// One h3 polygon → planar pieces within −180 … 180.

/** The pieces of one polygon ([lng, lat] rings, outer first) within −180 … 180, open rings. */
function planarShapes(polygon: readonly (readonly (readonly number[])[])[]): Shape[] {
  const rings = polygon.map((ring) => tidy(openPath(ring)));
  const outer = rings[0];
  if (!outer || outer.length < 3) return [];
  const holes = rings.slice(1).filter((h) => h.length >= 3);
  if (!rings.some(crossesAntimeridian)) {
    const shape = orient([outer, ...holes]);
    return shape ? [shape] : [];
  }

  const unwrapped = unwrap(outer);
  if (unwrapped.turns !== 0) return polarShapes(unwrapped.path, unwrapped.turns, holes);

  let west = Infinity;
  let east = -Infinity;
  for (const [x] of unwrapped.path) {
    west = Math.min(west, x);
    east = Math.max(east, x);
  }
  const middle = (west + east) / 2;
  const shapeRings: Path[] = [unwrapped.path];
  for (const hole of holes) {
    const h = unwrap(hole);
    if (h.turns !== 0) continue; // cannot be inside a ring that does not go round the pole
    shapeRings.push(shiftPath(h.path, 360 * Math.round((middle - h.path[0]![0]) / 360)));
  }
  const shape = orient(shapeRings);
  if (!shape) return [];

  const pieces: Shape[] = [];
  const k0 = Math.floor((west + 180) / 360);
  const k1 = Math.ceil((east - 180) / 360);
  for (let k = k0; k <= k1; k++) pieces.push(...windowPieces(shape, k, west, east));
  return pieces;
}

/** The part of `shape` within longitudes −180 + 360k … 180 + 360k, moved into −180 … 180. */
function windowPieces(shape: Shape, k: number, west: number, east: number): Shape[] {
  const left = -180 + 360 * k;
  const right = 180 + 360 * k;
  let shapes = [shape];
  if (west < left) shapes = shapes.flatMap((s) => clipShape(s, left, -1));
  if (east > right) shapes = shapes.flatMap((s) => clipShape(s, right, 1));
  if (k === 0) return shapes;
  return shapes.map((s) => s.map((p) => p.map(([x, y]): Position => [Math.min(180, Math.max(-180, x - 360 * k)), y])));
}

/**
 * Pieces of a polygon whose outer ring goes round a pole (`turns` = ±1: the unwrapped ring
 * ends 360° east or west of where it began). The ring is repeated east and west, closed
 * along the pole's latitude (a position every 90°), and clipped to −180 … 180 with copies
 * of the holes.
 */
function polarShapes(curve: Path, turns: number, holes: readonly Path[]): Shape[] {
  let latSum = 0;
  for (const [, y] of curve) latSum += y;
  const pole = latSum >= 0 ? 90 : -90;
  const step = 360 * turns;
  const x0 = curve[0]![0];
  const outer: Path = [];
  for (let c = -2; c <= 2; c++) for (const [x, y] of curve) outer.push([x + step * c, y]);
  outer.push([x0 + step * 3, curve[0]![1]]);
  // Along the pole in steps of 90°, so no edge of a piece spans more than 180° of longitude.
  for (let i = 0; i <= 20; i++) outer.push([x0 + step * 3 - (step / 4) * i, pole]);
  const rings: Path[] = [outer];
  for (const hole of holes) {
    const h = unwrap(hole);
    if (h.turns !== 0) continue; // a hole round the pole: dropped (see dissolveCells)
    for (const c of [-1, 0, 1]) rings.push(shiftPath(h.path, 360 * c));
  }
  const shape = orient(rings);
  if (!shape) return [];
  return clipShape(shape, -180, -1).flatMap((s) => clipShape(s, 180, 1));
}

/**
 * `ring` with each longitude moved by a multiple of 360 so consecutive positions are less
 * than 180° apart; `turns` is how many times 360° the ring then fails to close by
 * (0 unless it goes round a pole).
 */
function unwrap(ring: Path): { path: Path; turns: number } {
  const path: Path = [];
  let prev = ring[0]![0];
  for (const [x, y] of ring) {
    const ux = x + 360 * Math.round((prev - x) / 360);
    path.push([ux, y]);
    prev = ux;
  }
  const turns = Math.round((prev - ring[0]![0]) / 360);
  return { path, turns };
}

/** Whether consecutive longitudes jump by more than 180° or one lies beyond ±180. */
function crossesAntimeridian(path: Path): boolean {
  for (let i = 0; i < path.length; i++) {
    const a = path[i]!;
    const b = path[(i + 1) % path.length]!;
    if (Math.abs(b[0] - a[0]) > 180 || Math.abs(a[0]) > 180) return true;
  }
  return false;
}

function shiftPath(path: Path, by: number): Path {
  return by === 0 ? path : path.map(([x, y]): Position => [x + by, y]);
}

// ---------------------------------------------------------------------------------------
// Half-plane clipping.

/** One place where a ring crosses the clip line. */
interface Crossing {
  y: number;
  /** dy/dx of the crossing edge: orders crossings at the same y (see {@link clipLeftOf}). */
  slope: number;
  chain: number;
  exit: boolean;
}

/**
 * The part of `shape` on one side of the meridian x = `at` (side 1: west of it, −1: east
 * of it), as separate polygons. Keeping the east side is keeping the west side of the
 * shape turned by 180°, which keeps its winding.
 */
function clipShape(shape: Shape, at: number, side: 1 | -1): Shape[] {
  if (side === 1) return clipLeftOf(shape, at) ?? fallbackClip(shape, at);
  const turned = shape.map((p) => p.map(([x, y]): Position => [-x, -y]));
  const clipped = clipLeftOf(turned, -at) ?? fallbackClip(turned, -at);
  return clipped.map((s) => s.map((p) => p.map(([x, y]): Position => [-x, -y])));
}

/**
 * The part of `shape` (outer counter-clockwise, holes clockwise: the inside always on the
 * left) where x < `at`, as polygons with their holes — without the zero-width bridges that
 * Sutherland–Hodgman leaves between the pieces of a concave shape.
 *
 * Each ring is cut into chains running inside from an entry to an exit on the line. Along
 * the line the shape's inside spans alternate with its outside; going north (the inside on
 * the left), each span runs from an exit (its south end) to an entry (its north end), so
 * sorting all crossings by y and pairing them links every exit to the chain that continues
 * the boundary. A position exactly on the line counts as outside (as if the line were moved
 * a hair west); crossings at the same y are then ordered as on that moved line, by
 * descending slope. Rings wholly inside are kept, wholly outside dropped.
 * @returns null when the crossings do not pair up as they must (an invalid input shape)
 */
function clipLeftOf(shape: Shape, at: number): Shape[] | null {
  const whole: Path[] = [];
  const chains: Path[] = [];
  const crossings: Crossing[] = [];
  for (const ring of shape) {
    const n = ring.length;
    let start = -1;
    for (let i = 0; i < n; i++) {
      if (ring[i]![0] >= at) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      whole.push(ring);
      continue;
    }
    let chain: Path | null = null;
    for (let s = 1; s <= n; s++) {
      const a = ring[(start + s - 1) % n]!;
      const b = ring[(start + s) % n]!;
      const aIn = a[0] < at;
      const bIn = b[0] < at;
      if (aIn && bIn) {
        chain!.push(b);
      } else if (aIn !== bIn) {
        const y = crossingY(a, b, at);
        const slope = (b[1] - a[1]) / (b[0] - a[0]);
        if (bIn) {
          crossings.push({ y, slope, chain: chains.length, exit: false });
          chain = [[at, y], b];
        } else {
          crossings.push({ y, slope, chain: chains.length, exit: true });
          chain!.push([at, y]);
          chains.push(chain!);
          chain = null;
        }
      }
    }
  }

  crossings.sort((p, q) => p.y - q.y || q.slope - p.slope);
  const next = new Int32Array(chains.length).fill(-1);
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const south = crossings[i]!;
    const north = crossings[i + 1]!;
    if (!south.exit || north.exit) return null;
    next[south.chain] = north.chain;
  }
  if (crossings.length % 2 !== 0) return null;

  const rings: Path[] = [...whole];
  const used = new Uint8Array(chains.length);
  for (let c = 0; c < chains.length; c++) {
    if (used[c]) continue;
    const ring: Path = [];
    let k = c;
    while (k >= 0 && !used[k]) {
      used[k] = 1;
      for (const p of chains[k]!) ring.push(p);
      k = next[k]!;
    }
    if (k !== c) return null;
    rings.push(ring);
  }
  return assemble(rings);
}

/** The y where edge a–b meets x = `at` (exact when an end lies on the line). */
function crossingY(a: Position, b: Position, at: number): number {
  if (a[0] === at) return a[1];
  if (b[0] === at) return b[1];
  return a[1] + ((at - a[0]) * (b[1] - a[1])) / (b[0] - a[0]);
}

/** Counter-clockwise rings become polygons; each clockwise ring joins the polygon around it. */
function assemble(rings: readonly Path[]): Shape[] {
  const shapes: Shape[] = [];
  const holes: Path[] = [];
  for (const r of rings) {
    const ring = tidy(r);
    if (ring.length < 3) continue;
    const area = signedArea(ring);
    if (area > 0) shapes.push([ring]);
    else if (area < 0) holes.push(ring);
  }
  for (const hole of holes) {
    const owner = shapes.length === 1 ? shapes[0] : shapes.find((s) => inRing(s[0]!, hole[0]![0], hole[0]![1]));
    owner?.push(hole);
  }
  return shapes;
}


/**
 * Sutherland–Hodgman clip of each ring to x < `at`, for a shape whose crossings do not
 * pair up (never seen with h3 outlines): may keep zero-width bridges, still covers the
 * right ground.
 */
function fallbackClip(shape: Shape, at: number): Shape[] {
  const out: Shape = [];
  for (const ring of shape) {
    const kept: Path = [];
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      const aIn = a[0] < at;
      if (aIn) kept.push(a);
      if (aIn !== b[0] < at) kept.push([at, crossingY(a, b, at)]);
    }
    const t = tidy(kept);
    if (t.length < 3 || signedArea(t) === 0) {
      if (out.length === 0) return [];
      continue;
    }
    out.push(t);
  }
  return [out];
}

// ---------------------------------------------------------------------------------------
// Rings.

/** A ring's positions without the closing repeat. */
function openPath(ring: readonly (readonly number[])[]): Path {
  const path: Path = ring.map((p): Position => [p[0]!, p[1]!]);
  if (path.length > 1 && samePosition(path[0]!, path[path.length - 1]!)) path.pop();
  return path;
}

/**
 * `path` without consecutive duplicate positions (the wrap included) and without
 * zero-width spikes (… A B A … → … A …).
 */
function tidy(path: Path): Path {
  const out: Path = [];
  for (const p of path) {
    const n = out.length;
    if (n > 0 && samePosition(out[n - 1]!, p)) continue;
    if (n > 1 && samePosition(out[n - 2]!, p)) {
      out.pop();
      continue;
    }
    out.push(p);
  }
  // The same across the wrap, from either end.
  let first = 0;
  for (;;) {
    const n = out.length - first;
    if (n < 3) break;
    if (samePosition(out[first]!, out[out.length - 1]!)) out.pop();
    else if (samePosition(out[out.length - 2]!, out[first]!)) out.pop();
    else if (samePosition(out[out.length - 1]!, out[first + 1]!)) first++;
    else break;
  }
  return first === 0 ? out : out.slice(first);
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}


/** Outer counter-clockwise, holes clockwise; null when the outer ring encloses nothing. */
function orient(shape: Shape): Shape | null {
  const outerArea = signedArea(shape[0]!);
  if (outerArea === 0) return null;
  const out: Shape = [outerArea > 0 ? shape[0]! : shape[0]!.slice().reverse()];
  for (const hole of shape.slice(1)) {
    const area = signedArea(hole);
    if (area === 0) continue;
    out.push(area < 0 ? hole : hole.slice().reverse());
  }
  return out;
}

/** Closed rings (the first position repeated at the end). */
function closeShape(shape: Shape): PolygonRings {
  return shape.map((path): Ring => {
    const ring: Ring = path.slice();
    const [x, y] = path[0]!;
    ring.push([x, y]);
    return ring;
  });
}
