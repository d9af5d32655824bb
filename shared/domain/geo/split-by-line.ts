/**
 * Splits a set of cells by a drawn polyline: the cells on the LEFT of the line, walking
 * from its first vertex to its last, are returned as `left` (they go to the new territory),
 * the rest as `right`.
 *
 * Coordinates are plain degrees `[lon, lat]` treated as a flat plane (lon is x, lat is y),
 * with no antimeridian handling. So for a line drawn west → east, north is left; drawn
 * east → west, south is left.
 *
 * The rule, the sign of a signed distance to the polyline:
 * - The line is taken as its segments with the first one extended backwards and the last
 *   one extended forwards to infinity (a single segment becomes a whole line), so a line
 *   drawn only part-way across the cells still splits all of them.
 * - Each centroid is measured against its nearest point on that extended line. If the
 *   nearest point is inside a segment, the side is that segment's side. If it is a vertex
 *   where two segments meet, the side is that of the vertex's pseudo-normal (the sum of the
 *   two segments' unit left normals, i.e. along the bisector of the corner), which gives
 *   the same answer as the neighbouring segment interiors on both convex and reflex sides
 *   of a bend.
 * - When several segments are equally near, the first one (in drawing order) decides.
 * - Ties go right: a centroid exactly on the line, or at a vertex where the line turns
 *   straight back on itself (its pseudo-normal is zero), is on the right.
 *
 * Consecutive repeated vertices are ignored. A self-crossing line still yields a split by
 * this rule, but "left" then need not be one connected piece.
 *
 * @param cells the cell indices to split, in any order
 * @param lat centroid latitude per cell index, degrees
 * @param lon centroid longitude per cell index, degrees
 * @param line vertices `[lon, lat]`, finite, at least 2 distinct
 * @returns the cells left and right of the line, each in the order given in `cells`
 * @throws RangeError when the line has fewer than 2 distinct vertices, a vertex is not
 * finite, or a cell index is outside `lat`/`lon`
 * @example splitByLine([0, 1], [1, -1], [0, 0], [[-1, 0], [1, 0]]) // { left: [0], right: [1] }
 */
export function splitByLine(
  cells: readonly number[],
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  line: readonly (readonly [number, number])[],
): { left: number[]; right: number[] } {
  const path = distinctPath(line);
  const segments = path.xs.length - 1;
  // Segment s runs from vertex s along unit direction (ux, uy) for len.
  const ux = new Float64Array(segments);
  const uy = new Float64Array(segments);
  const len = new Float64Array(segments);
  for (let s = 0; s < segments; s++) {
    const dx = path.xs[s + 1]! - path.xs[s]!;
    const dy = path.ys[s + 1]! - path.ys[s]!;
    const d = Math.hypot(dx, dy);
    ux[s] = dx / d;
    uy[s] = dy / d;
    len[s] = d;
  }

  const left: number[] = [];
  const right: number[] = [];
  const n = Math.min(lat.length, lon.length);
  for (const c of cells) {
    if (!Number.isInteger(c) || c < 0 || c >= n) throw new RangeError(`splitByLine: cell ${c} is outside the ${n} centroids`);
    if (sideOf(lon[c]!, lat[c]!, path.xs, path.ys, ux, uy, len) > 0) left.push(c);
    else right.push(c);
  }
  return { left, right };
}

/**
 * Signed side of point (x, y) against the extended polyline: positive on the left,
 * negative on the right, 0 on the line (see {@link splitByLine} for the rule).
 */
function sideOf(x: number, y: number, xs: Float64Array, ys: Float64Array, ux: Float64Array, uy: Float64Array, len: Float64Array): number {
  const last = len.length - 1;
  let best = Infinity;
  let side = 0;
  for (let s = 0; s <= last; s++) {
    const qx = x - xs[s]!;
    const qy = y - ys[s]!;
    const along = qx * ux[s]! + qy * uy[s]!;
    // Vertex this segment's nearest point is clamped to, or -1 when it is inside the segment
    // (the end segments are never clamped at their outer ends: they extend to infinity).
    const vertex = along < 0 && s > 0 ? s : along > len[s]! && s < last ? s + 1 : -1;
    if (vertex === -1) {
      const across = ux[s]! * qy - uy[s]! * qx; // signed distance, left positive
      const d2 = across * across;
      if (d2 < best) {
        best = d2;
        side = across;
      }
    } else {
      const vx = x - xs[vertex]!;
      const vy = y - ys[vertex]!;
      const d2 = vx * vx + vy * vy;
      if (d2 < best) {
        best = d2;
        // Pseudo-normal: sum of the left normals (-uy, ux) of the segments meeting here.
        const nx = -(uy[vertex - 1]! + uy[vertex]!);
        const ny = ux[vertex - 1]! + ux[vertex]!;
        side = vx * nx + vy * ny;
      }
    }
  }
  return side;
}

/** The line's vertices with consecutive repeats removed; throws unless ≥ 2 remain. */
function distinctPath(line: readonly (readonly [number, number])[]): { xs: Float64Array; ys: Float64Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < line.length; k++) {
    const [x, y] = line[k]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`splitByLine: line vertex ${k} is not finite ([${x}, ${y}])`);
    if (xs.length > 0 && xs[xs.length - 1] === x && ys[ys.length - 1] === y) continue;
    xs.push(x);
    ys.push(y);
  }
  if (xs.length < 2) throw new RangeError(`splitByLine: the line needs at least 2 distinct vertices, got ${xs.length}`);
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}
