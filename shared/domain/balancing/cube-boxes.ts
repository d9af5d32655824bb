/**
 * Cells grouped into the cubes of a grid laid over their unit vectors, for searches that
 * can bound a whole cube at once (the homes that can be near any of its cells).
 */
export interface CubeBoxes {
  /** Cells cube by cube: those of cube b are `cells[start[b]..start[b+1])`, in increasing order. */
  start: Int32Array;
  cells: Int32Array;
  /** Centre of each cube's cells (mean of their unit vectors, not normalised), 3 per cube. */
  centre: Float64Array;
  /** Greatest chord (unit sphere) from a cube's centre to one of its cells. */
  radius: Float64Array;
}

/** Side of the probing grid (unit sphere): about 32 km. */
const PROBE_SIDE = 0.005;

/**
 * Groups the cells with `include(i)` into cubes of about `perCube` cells each. The side is
 * found from one probe: the number of occupied cubes on a surface goes with the inverse
 * square of the side.
 */
export function cubeBoxes(units: Float64Array, include: (i: number) => boolean, perCube: number): CubeBoxes {
  const n = units.length / 3;
  const keyOf = (i: number, side: number) =>
    (Math.floor(units[3 * i]! / side) + 2048) * 16_777_216 + (Math.floor(units[3 * i + 1]! / side) + 2048) * 4096 + (Math.floor(units[3 * i + 2]! / side) + 2048);
  let count = 0;
  const probe = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (!include(i)) continue;
    count++;
    probe.add(keyOf(i, PROBE_SIDE));
  }
  const wanted = Math.max(1, count / Math.max(1, perCube));
  // At least 1/2048 of the sphere's width, so the packed key stays exact.
  const side = Math.min(1, Math.max(1 / 1024, PROBE_SIDE * Math.sqrt(probe.size / wanted)));

  const cubeOf = new Int32Array(n).fill(-1);
  const id = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!include(i)) continue;
    const key = keyOf(i, side);
    let b = id.get(key);
    if (b === undefined) id.set(key, (b = id.size));
    cubeOf[i] = b;
  }
  const m = id.size;
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) if (cubeOf[i]! >= 0) start[cubeOf[i]! + 1]!++;
  for (let b = 0; b < m; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, m);
  const cells = new Int32Array(start[m]!);
  const centre = new Float64Array(3 * m);
  for (let i = 0; i < n; i++) {
    const b = cubeOf[i]!;
    if (b < 0) continue;
    cells[fill[b]!++] = i;
    for (let d = 0; d < 3; d++) centre[3 * b + d]! += units[3 * i + d]!;
  }
  const radius = new Float64Array(m);
  for (let b = 0; b < m; b++) {
    const size = start[b + 1]! - start[b]!;
    for (let d = 0; d < 3; d++) centre[3 * b + d]! /= size;
    let r2 = 0;
    for (let p = start[b]!; p < start[b + 1]!; p++) {
      const i = cells[p]!;
      r2 = Math.max(r2, (units[3 * i]! - centre[3 * b]!) ** 2 + (units[3 * i + 1]! - centre[3 * b + 1]!) ** 2 + (units[3 * i + 2]! - centre[3 * b + 2]!) ** 2);
    }
    radius[b] = Math.sqrt(r2);
  }
  return { start, cells, centre, radius };
}
