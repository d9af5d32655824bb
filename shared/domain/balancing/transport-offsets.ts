/**
 * Balanced assignment of cells to homes by offsets: cell i goes to the candidate k that
 * minimises cost(i, k) − λ_k, with the offsets λ chosen so every territory receives its
 * target weight. With cost = distance this is the least-travel assignment that meets the
 * targets (an additively weighted Voronoi diagram); with cost = distance² it is a power
 * diagram (balanced k-means with fixed centres).
 */

import { EARTH_RADIUS_KM } from '../geo/great-circle';
import { cubeBoxes } from './cube-boxes';

export interface NearestHomes {
  /** Per cell, its `c` candidate territories, nearest home first (-1 past the end, and for cells that are not free). */
  near: Int32Array;
  /** Distance (km) to each candidate's home, same layout. */
  nearKm: Float64Array;
  c: number;
  /** Mean distance of a free cell to its nearest home (km): the natural length scale. */
  meanNearestKm: number;
}

/** Free cells per cube of the search grid in `nearestHomes`. */
const CELLS_PER_CUBE = 48;

/**
 * The `candidates` nearest homes of every free cell (start < 0), among the territories
 * listed in `growing`, nearest first (ties to the territory listed first). The cells are
 * grouped into small cubes (`cubeBoxes`); a cube lists the homes within its own c-th
 * nearest distance plus twice its radius, which by the triangle inequality holds the c
 * nearest of each of its cells, and each cell scans only those. The same result as scanning
 * every home for every cell: 500 homes on 1.47M cells took 4.3–4.7 s that way, 1.2–1.6 s so.
 */
export function nearestHomes(units: Float64Array, homes: Int32Array, growing: readonly number[], start: Int32Array, candidates: number): NearestHomes {
  const n = start.length;
  const g = growing.length;
  const c = Math.min(candidates, g);
  const near = new Int32Array(n * c).fill(-1);
  const nearKm = new Float64Array(n * c).fill(Infinity);
  if (c === 0) return { near, nearKm, c, meanNearestKm: 1 };
  const hx = Float64Array.from(growing, (t) => units[3 * homes[t]!]!);
  const hy = Float64Array.from(growing, (t) => units[3 * homes[t]! + 1]!);
  const hz = Float64Array.from(growing, (t) => units[3 * homes[t]! + 2]!);
  const cubes = cubeBoxes(units, (i) => start[i]! < 0, CELLS_PER_CUBE);
  const listed = new Int32Array(g);
  const best = new Float64Array(c);
  for (let b = 0; b + 1 < cubes.start.length; b++) {
    const cx = cubes.centre[3 * b]!;
    const cy = cubes.centre[3 * b + 1]!;
    const cz = cubes.centre[3 * b + 2]!;
    // The c-th nearest home of the centre, then every home within it plus twice the radius.
    best.fill(Infinity);
    for (let j = 0; j < g; j++) {
      const d = Math.sqrt((cx - hx[j]!) ** 2 + (cy - hy[j]!) ** 2 + (cz - hz[j]!) ** 2);
      if (d >= best[c - 1]!) continue;
      let p = c - 1;
      while (p > 0 && best[p - 1]! > d) {
        best[p] = best[p - 1]!;
        p--;
      }
      best[p] = d;
    }
    const reach = (best[c - 1]! + 2 * cubes.radius[b]!) * (1 + 1e-9) + 1e-12;
    let count = 0;
    for (let j = 0; j < g; j++) {
      if (Math.sqrt((cx - hx[j]!) ** 2 + (cy - hy[j]!) ** 2 + (cz - hz[j]!) ** 2) <= reach) listed[count++] = j;
    }
    for (let q = cubes.start[b]!; q < cubes.start[b + 1]!; q++) {
      const i = cubes.cells[q]!;
      const x = units[3 * i]!;
      const y = units[3 * i + 1]!;
      const z = units[3 * i + 2]!;
      const base = i * c;
      for (let e = 0; e < count; e++) {
        const j = listed[e]!;
        const d2 = (x - hx[j]!) ** 2 + (y - hy[j]!) ** 2 + (z - hz[j]!) ** 2;
        if (d2 >= nearKm[base + c - 1]!) continue;
        let p = c - 1;
        while (p > 0 && nearKm[base + p - 1]! > d2) {
          nearKm[base + p] = nearKm[base + p - 1]!;
          near[base + p] = near[base + p - 1]!;
          p--;
        }
        nearKm[base + p] = d2;
        near[base + p] = growing[j]!;
      }
    }
  }
  let meanNearestKm = 0;
  let free = 0;
  for (let i = 0; i < n; i++) {
    if (start[i]! >= 0) continue;
    free++;
    const base = i * c;
    for (let p = 0; p < c; p++) nearKm[base + p] = EARTH_RADIUS_KM * Math.sqrt(nearKm[base + p]!);
    meanNearestKm += nearKm[base]!;
  }
  return { near, nearKm, c, meanNearestKm: free > 0 ? meanNearestKm / free : 1 };
}

export interface OffsetProblem {
  /** ≥ 0: the cell keeps this territory (its weight is in `fixed`); < 0: free. */
  start: Int32Array;
  near: Int32Array;
  /** cost(i, candidate), same layout as `near`. */
  cost: Float64Array;
  c: number;
  weight: Float64Array;
  /** Weight each territory holds already (fixed cells). */
  fixed: Float64Array;
  target: Float64Array;
  /** Territories whose offsets move. */
  growing: readonly number[];
  /** The typical cost difference between neighbouring homes (sets the smoothing). */
  scale: number;
  /** Smoothing stages (the first at a quarter of `scale`, each next one half as smooth) and scaling steps per stage. */
  stages: number;
  iterationsPerStage: number;
}

/** Stop a stage when every territory is within this fraction of its target. */
const SETTLED = 0.001;

/**
 * Offsets λ for a balanced split: entropy-smoothed transport (Sinkhorn scaling on the
 * territories), with the smoothing ε halved stage by stage so the split sharpens into a
 * diagram. The smoothing keeps the steps stable where homes crowd together (a city shared
 * by several territories), where exact per-territory steps chase each other. Rows whose
 * other candidates are out of the kernel's reach count as fixed in a stage, so the late,
 * sharp stages touch only the cells near boundaries.
 */
export function solveOffsets(problem: OffsetProblem): Float64Array {
  const { start, near, cost, c, weight, fixed, target, growing } = problem;
  const n = start.length;
  const k = target.length;
  const { stages, iterationsPerStage: iterations } = problem;
  const lambda = new Float64Array(k);
  // Per stage, the kernel of the rows with more than one candidate in reach, packed: only
  // its non-zero entries (late stages leave few per row), row after row.
  const rowStart = new Int32Array(n + 1);
  const entryOf = new Int32Array(n * c);
  const kernel = new Float64Array(n * c);
  const rowWeight = new Float64Array(n);
  const u = new Float64Array(k);
  const mass = new Float64Array(k);
  const stageFixed = new Float64Array(k);
  for (let stage = 0, eps = 0.25 * problem.scale; stage < stages; stage++, eps *= 0.5) {
    stageFixed.set(fixed);
    let rowCount = 0;
    let entries = 0;
    for (let i = 0; i < n; i++) {
      if (start[i]! >= 0) continue;
      const base = i * c;
      let best = Infinity;
      let bestP = 0;
      for (let p = 0; p < c; p++) {
        const score = cost[base + p]! - lambda[near[base + p]!]!;
        if (score < best) {
          best = score;
          bestP = p;
        }
      }
      let live = 0;
      for (let p = 0; p < c; p++) {
        const x = (cost[base + p]! - lambda[near[base + p]!]! - best) / eps;
        if (x > 30) continue;
        entryOf[entries + live] = near[base + p]!;
        kernel[entries + live] = Math.exp(-x);
        live++;
      }
      if (live > 1) {
        rowWeight[rowCount] = weight[i]!;
        entries += live;
        rowStart[++rowCount] = entries;
      } else stageFixed[near[base + bestP]!]! += weight[i]!;
    }
    u.fill(1);
    for (let iteration = 0; iteration < iterations; iteration++) {
      mass.set(stageFixed);
      for (let r = 0, e0 = 0; r < rowCount; r++) {
        const e1 = rowStart[r + 1]!;
        let row = 0;
        for (let e = e0; e < e1; e++) row += kernel[e]! * u[entryOf[e]!]!;
        if (row > 0) {
          const f = rowWeight[r]! / row;
          for (let e = e0; e < e1; e++) mass[entryOf[e]!]! += f * kernel[e]! * u[entryOf[e]!]!;
        }
        e0 = e1;
      }
      let worst = 0;
      for (const t of growing) {
        if (!(mass[t]! > 0) || !(target[t]! > 0)) continue;
        worst = Math.max(worst, Math.abs(mass[t]! / target[t]! - 1));
        u[t]! *= target[t]! / mass[t]!;
      }
      if (worst < SETTLED) break;
    }
    for (const t of growing) if (u[t]! > 0) lambda[t]! += eps * Math.log(u[t]!);
  }
  return lambda;
}

/** Gives every free cell its best candidate under the offsets (ties to the lower territory). */
export function assignByOffsets(owner: Int32Array, start: Int32Array, near: Int32Array, cost: Float64Array, c: number, lambda: Float64Array): void {
  for (let i = 0; i < start.length; i++) {
    if (start[i]! >= 0) continue;
    const base = i * c;
    let best = near[base]!;
    let bestScore = cost[base]! - lambda[best]!;
    for (let p = 1; p < c; p++) {
      const t = near[base + p]!;
      const score = cost[base + p]! - lambda[t]!;
      if (score < bestScore || (score === bestScore && t < best)) {
        bestScore = score;
        best = t;
      }
    }
    owner[i] = best;
  }
}
