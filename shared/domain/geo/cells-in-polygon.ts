/**
 * Point-in-polygon selection of cell centroids (lasso and rectangle select).
 *
 * Coordinates are plain degrees `[lon, lat]` treated as a flat plane: lon is x, lat is y.
 * The polygons come from a screen-space lasso unprojected through Web Mercator, whose
 * straight screen edges are close enough to straight lon/lat edges at selection scale.
 * There is no antimeridian handling: a shape crossing ±180° is read as spanning the
 * long way round, so callers must pass unwrapped longitudes.
 */

/**
 * Indices of the cells whose centroid lies inside a polygon, by the even–odd rule, so a
 * self-intersecting lasso selects the regions it encloses an odd number of times.
 *
 * The polygon is a list of `[lon, lat]` vertices, open or closed (the last may repeat the
 * first). With fewer than 3 distinct vertices, or no area, it encloses nothing and the
 * result is `[]`. A centroid exactly on an edge may fall either side.
 *
 * How it stays fast on ~10⁵ cells and ~10³ vertices: cells outside the polygon's bounding
 * box are dropped by four comparisons. The box is cut into a grid whose rows are
 * horizontal bands; each band lists the edges whose latitude range meets it. Grid squares
 * that no edge touches are wholly inside or wholly outside, decided once per run of such
 * squares by a ray cast, so most cells are answered by one lookup; only cells in squares
 * an edge passes through are ray cast, against their band's few edges.
 *
 * @param lat centroid latitude per cell, degrees
 * @param lon centroid longitude per cell, degrees
 * @param polygon vertices `[lon, lat]`, finite, in either winding order
 * @returns cell indices inside the polygon, ascending
 * @throws RangeError when a vertex is not finite
 * @example cellsInPolygon([0.5, 5], [0.5, 5], [[0, 0], [1, 0], [1, 1], [0, 1]]) // [0]
 */
export function cellsInPolygon(lat: ArrayLike<number>, lon: ArrayLike<number>, polygon: readonly (readonly [number, number])[]): number[] {
  let count = polygon.length;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const distinct = new Set<string>();
  for (let k = 0; k < count; k++) {
    const [x, y] = polygon[k]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`cellsInPolygon: vertex ${k} is not finite ([${x}, ${y}])`);
    xs[k] = x;
    ys[k] = y;
    if (distinct.size < 3) distinct.add(`${x},${y}`);
  }
  if (distinct.size < 3) return [];
  // A closing vertex only adds a zero-length edge; drop it so every edge is real.
  if (xs[count - 1] === xs[0] && ys[count - 1] === ys[0]) count--;

  const index = indexPolygon(xs, ys, count);
  if (!index) return [];
  const { west, south, east, north, rows, cols, yScale, xScale, offsets, edges, square } = index;
  const found = new Int32Array(lat.length);
  let hits = 0;
  for (let i = 0; i < lat.length; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    // NaN centroids fail every comparison and are never selected.
    if (!(x >= west && x <= east && y >= south && y <= north)) continue;
    const row = cellOf(y, south, yScale, rows);
    const state = square[row * cols + cellOf(x, west, xScale, cols)]!;
    if (state === INSIDE || (state === EDGE && rayCastOdd(x, y, offsets[row]!, offsets[row + 1]!, edges))) found[hits++] = i;
  }
  return prefixToArray(found, hits);
}

/**
 * Indices of the cells whose centroid lies in the lon/lat rectangle spanned by two
 * opposite corners, given in any order; the boundary counts as inside. Planar degrees,
 * no antimeridian handling (a rectangle always spans west ≤ lon ≤ east).
 *
 * @param lat centroid latitude per cell, degrees
 * @param lon centroid longitude per cell, degrees
 * @param a one corner `[lon, lat]`
 * @param b the opposite corner `[lon, lat]`
 * @returns cell indices inside the rectangle, ascending
 * @example cellsInRectangle([1, 5], [1, 5], [2, 2], [0, 0]) // [0]
 */
export function cellsInRectangle(lat: ArrayLike<number>, lon: ArrayLike<number>, a: readonly [number, number], b: readonly [number, number]): number[] {
  const west = Math.min(a[0], b[0]);
  const east = Math.max(a[0], b[0]);
  const south = Math.min(a[1], b[1]);
  const north = Math.max(a[1], b[1]);
  const found = new Int32Array(lat.length);
  let hits = 0;
  for (let i = 0; i < lat.length; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (x >= west && x <= east && y >= south && y <= north) found[hits++] = i;
  }
  return prefixToArray(found, hits);
}

/**
 * The first `count` values of `values` as a plain array. (Collecting hits in a typed
 * array and copying once is about twice as fast as pushing onto a growing array.)
 */
function prefixToArray(values: Int32Array, count: number): number[] {
  const out = new Array<number>(count);
  for (let j = 0; j < count; j++) out[j] = values[j]!;
  return out;
}

/** Grid square states: an edge may pass through it, or it is wholly inside / outside. */
const EDGE = 0;
const INSIDE = 1;
const OUTSIDE = 2;

/** Grid rows and columns are the vertex count clamped to this range. */
const MIN_GRID = 64;
const MAX_GRID = 512;

/**
 * A polygon prepared for many point tests: its bounding box, cut into `rows` × `cols`
 * squares. Row r is a horizontal band whose edges are records `offsets[r] … offsets[r+1]-1`
 * in `edges`, 4 numbers each: lower y, upper y, x at the lower y, dx/dy (horizontal edges,
 * which never cross a horizontal ray, are left out). `square` holds each square's state.
 */
interface PolygonIndex {
  west: number;
  south: number;
  east: number;
  north: number;
  rows: number;
  cols: number;
  yScale: number;
  xScale: number;
  offsets: Int32Array;
  edges: Float64Array;
  square: Uint8Array;
}

/** Row or column holding coordinate v (clamped to the grid): monotone in v. */
function cellOf(v: number, origin: number, scale: number, size: number): number {
  return Math.min(size - 1, Math.max(0, Math.floor((v - origin) * scale)));
}

/** Even–odd ray cast (towards +x) of (x, y) against edge records first … end - 1. */
function rayCastOdd(x: number, y: number, first: number, end: number, edges: Float64Array): boolean {
  let odd = false;
  for (let e = first * 4; e < end * 4; e += 4) {
    // Half-open in y so a ray through a vertex counts the two edges meeting there once.
    if (y < edges[e]! || y >= edges[e + 1]!) continue;
    if (x < edges[e + 2]! + (y - edges[e]!) * edges[e + 3]!) odd = !odd;
  }
  return odd;
}

/**
 * Builds the {@link PolygonIndex} of the closed polygon through vertices 0 … count - 1
 * (edge k joins vertex k to vertex k + 1, wrapping). Null when it has no area (all
 * vertices on one parallel or one meridian).
 */
function indexPolygon(xs: Float64Array, ys: Float64Array, count: number): PolygonIndex | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let k = 0; k < count; k++) {
    west = Math.min(west, xs[k]!);
    east = Math.max(east, xs[k]!);
    south = Math.min(south, ys[k]!);
    north = Math.max(north, ys[k]!);
  }
  if (!(north > south && east > west)) return null;
  const rows = Math.min(MAX_GRID, Math.max(MIN_GRID, count));
  const cols = rows;
  const yScale = rows / (north - south);
  const xScale = cols / (east - west);
  const next = (k: number): number => (k + 1 === count ? 0 : k + 1);

  // Edge k goes into every row its half-open y range meets. A point's row comes from the
  // same monotone cellOf, so an edge whose y range holds the point's y is in its row.
  const firstRow = new Int32Array(count);
  const lastRow = new Int32Array(count).fill(-1);
  const offsets = new Int32Array(rows + 1);
  for (let k = 0; k < count; k++) {
    const y1 = ys[k]!;
    const y2 = ys[next(k)]!;
    if (y1 === y2) continue;
    firstRow[k] = cellOf(Math.min(y1, y2), south, yScale, rows);
    lastRow[k] = cellOf(Math.max(y1, y2), south, yScale, rows);
    for (let r = firstRow[k]!; r <= lastRow[k]!; r++) offsets[r + 1]!++;
  }
  for (let r = 0; r < rows; r++) offsets[r + 1]! += offsets[r]!;
  const fill = offsets.slice(0, rows);
  const edges = new Float64Array(offsets[rows]! * 4);
  for (let k = 0; k < count; k++) {
    if (lastRow[k] === -1) continue;
    const low = ys[k]! < ys[next(k)]! ? k : next(k);
    const high = low === k ? next(k) : k;
    const slope = (xs[high]! - xs[low]!) / (ys[high]! - ys[low]!);
    for (let r = firstRow[k]!; r <= lastRow[k]!; r++) {
      const at = fill[r]!++ * 4;
      edges[at] = ys[low]!;
      edges[at + 1] = ys[high]!;
      edges[at + 2] = xs[low]!;
      edges[at + 3] = slope;
    }
  }

  // Mark every square an edge passes through (or nearly: a row's band is widened by a
  // hair and the columns by one each side, so rounding never leaves an edge unmarked).
  const square = new Uint8Array(rows * cols); // all EDGE until proven clear
  const clear = new Uint8Array(rows * cols).fill(1);
  const rowHeight = 1 / yScale;
  const markSpan = (row: number, xa: number, xb: number): void => {
    const c0 = Math.max(0, cellOf(Math.min(xa, xb), west, xScale, cols) - 1);
    const c1 = Math.min(cols - 1, cellOf(Math.max(xa, xb), west, xScale, cols) + 1);
    clear.fill(0, row * cols + c0, row * cols + c1 + 1);
  };
  for (let k = 0; k < count; k++) {
    const x1 = xs[k]!;
    const y1 = ys[k]!;
    const x2 = xs[next(k)]!;
    const y2 = ys[next(k)]!;
    if (y1 === y2) {
      // Horizontal edges count for no ray cast, but still part inside from outside.
      const row = cellOf(y1, south, yScale, rows);
      for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) markSpan(r, x1, x2);
      continue;
    }
    const slope = (x2 - x1) / (y2 - y1);
    const yLow = Math.min(y1, y2);
    const yHigh = Math.max(y1, y2);
    for (let r = firstRow[k]!; r <= lastRow[k]!; r++) {
      const bandLow = Math.max(yLow, south + (r - 1e-6) * rowHeight);
      const bandHigh = Math.min(yHigh, south + (r + 1 + 1e-6) * rowHeight);
      markSpan(r, x1 + (bandLow - y1) * slope, x1 + (bandHigh - y1) * slope);
    }
  }

  // A run of clear squares along a row meets no edge, so all its points share one parity:
  // ray cast the centre of the run's first square and give the whole run its answer.
  for (let r = 0; r < rows; r++) {
    const y = south + (r + 0.5) * rowHeight;
    let c = 0;
    while (c < cols) {
      if (!clear[r * cols + c]) {
        c++;
        continue;
      }
      const state = rayCastOdd(west + (c + 0.5) / xScale, y, offsets[r]!, offsets[r + 1]!, edges) ? INSIDE : OUTSIDE;
      while (c < cols && clear[r * cols + c]) square[r * cols + c++] = state;
    }
  }
  return { west, south, east, north, rows, cols, yScale, xScale, offsets, edges, square };
}
