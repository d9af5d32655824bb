import { EARTH_RADIUS_KM, greatCircleKm } from '../geo/great-circle';
import { minimalHexPerimeter } from '../metrics/territory-shape';

/**
 * The project's one plan evaluator: the quality figures of `shared/BENCHMARKS.md`
 * ("Quality figures (exact definitions)") for a territory plan on the study-area graph —
 * balance, granularity bound, contiguity, compactness (travel distance, moment of
 * inertia, cut edges, Polsby–Popper) and disruption against a prior plan — plus the plan
 * hash used for determinism checks. Pure, no I/O; every call is O(cells + edges).
 *
 * Notation: cells i, measures a, territories k (rows of `territories`, in input order),
 * plan x(i), targets T_{k,a} = total_a × capacity_k / Σ capacity, where total_a sums
 * w_{i,a} over ALL cells, assigned or not. Cells whose territory id is negative or not
 * among `territories` are unassigned: they add to total_a but to no territory's W.
 */

export interface PlanProblem {
  /** CSR adjacency of the study area */
  offsets: Int32Array;
  neighbors: Int32Array;
  /** cell centroids, degrees */
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  /** measure key → weight per cell (w_{i,a}) */
  weights: Record<string, ArrayLike<number>>;
  /** which measure is the travel weight w in D and I (e.g. 'workload'); if absent from weights, every cell weighs 1 */
  travelMeasure: string;
  /** K territories, in order: id, capacity (>0), home cell index or -1 (no home) */
  territories: readonly { id: number; capacity: number; home: number }[];
  /** study-area component per cell (islands), e.g. connectedComponents().component */
  studyComponent: Int32Array;
  /** per-measure tolerance τ_a (fraction, e.g. 0.02); missing → 0 */
  tolerance?: Record<string, number>;
  /** accounts per cell (for movedAccounts); optional */
  cellAccounts?: ArrayLike<number>;
}

export interface PlanFigures {
  /** per measure: Δ_a = max_k |W−T|/T (territories with T=0 skipped; 0 when every T is 0) */
  maxDeviation: Record<string, number>;
  /**
   * per measure: g_a = max_i w_{i,a} / min_k T_{k,a}. With unequal capacities the
   * smallest target (the hardest territory to hit) is used, so Δ_a / g_a ≤ ~1 still
   * means "at the limit" for that territory; with equal capacities it is total_a / K.
   * 0 when there are no territories or total_a ≤ 0.
   */
  granularity: Record<string, number>;
  /** B = Σ_k Σ_a max(0, |W−T|/T − τ_a) (territories with T=0 skipped); 0 ⇔ feasible */
  excess: number;
  /** Σ_k (components_k − distinct study components touched by k) — 0 for a contiguous plan */
  contiguityBreaks: number;
  /** D = Σ_i w_i·d(p_i, home_{x(i)}) / Σ_i w_i over cells of territories WITH a home (km, great circle); null if that weight is 0 */
  meanTravelKm: number | null;
  /**
   * I = Σ_i w_i ‖p_i − g_{x(i)}‖² (weight × km²), g = w-weighted centroid of x(i) in
   * degrees, longitudes averaged as offsets from the territory's first cell (wrapped to
   * ±180°, so territories across the antimeridian work). Distances in a local
   * equirectangular projection around g: x = R·Δlon·cos(lat_g), y = R·Δlat (radians,
   * R = 6371.0088 km).
   */
  inertia: number;
  /** undirected edges whose two cells are in different territories (all unassigned cells form one "territory" that is never cut from itself) */
  cutEdges: number;
  /** mean over non-empty territories of min(1, (minimalHexPerimeter(n)/P)²), P = Σ over its cells of max(0, 6 − same-territory neighbours); null if every territory is empty */
  meanCompactness: number | null;
  /** cells with no listed territory (id −1 or an id not in `territories`) */
  unassignedCells: number;
  /** per territory, in input order: W per measure, deviation (W−T)/T per measure (0 when T=0), cells */
  perTerritory: { id: number; cells: number; totals: Record<string, number>; deviation: Record<string, number> }[];
}

export interface Disruption {
  /** per measure: M_a = Σ_{x(i)≠x⁰(i)} w_{i,a} / total_a (0 when total_a is 0) */
  movedShare: Record<string, number>;
  /** per measure: M_LB,a = max(Σ_k max(0, W⁰_{k,a} − (1+τ_a)T_{k,a}), Σ_k max(0, (1−τ_a)T_{k,a} − W⁰_{k,a})) / total_a (0 when total_a is 0) */
  movedLowerBound: Record<string, number>;
  /** Σ cellAccounts over cells whose territory changed (0 if cellAccounts absent) */
  movedAccounts: number;
  movedCells: number;
}

const RAD = Math.PI / 180;
/** km per degree along a great circle. */
const KM_PER_DEG = EARTH_RADIUS_KM * RAD;
/** Every cell is treated as a hexagon (H3 pentagons are rare enough to ignore). */
const HEX_SIDES = 6;
/** Largest territory id served by a dense id → row array; larger ids fall back to a Map. */
const DENSE_ID_LIMIT = 1 << 20;
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The measure columns, totals and targets shared by both evaluations. */
interface Setup {
  n: number;
  k: number;
  keys: string[];
  columns: ArrayLike<number>[];
  /** total_a per measure */
  totals: Float64Array;
  /** T_{k,a} at [k·M + a] */
  targets: Float64Array;
  /** τ_a per measure */
  tolerance: Float64Array;
}

/**
 * Computes every quality figure of a plan.
 * @param problem study area, measures, territories and tolerances (see {@link PlanProblem})
 * @param territoryOfCell territory id per cell; −1 (or any id not listed) = unassigned
 * @returns the figures (see {@link PlanFigures})
 * @throws RangeError on mismatched array lengths, duplicate or negative territory ids,
 *   non-positive capacities or home cells outside the study area
 */
export function evaluatePlan(problem: PlanProblem, territoryOfCell: Int32Array): PlanFigures {
  const setup = prepare(problem, territoryOfCell.length);
  const rows = rowsOfCells(problem.territories, territoryOfCell);
  const { cells, sums } = territorySums(setup, rows);
  const shape = walkShapes(problem, rows, setup.k);
  const travel = travelFigures(problem, rows, setup.k);

  const { k, keys, totals, targets, tolerance } = setup;
  const m = keys.length;
  const maxDeviation: Record<string, number> = {};
  const granularity: Record<string, number> = {};
  let excess = 0;
  for (let a = 0; a < m; a++) {
    let worst = 0;
    let smallestTarget = Infinity;
    for (let r = 0; r < k; r++) {
      const target = targets[r * m + a]!;
      if (target < smallestTarget) smallestTarget = target;
      if (target === 0) continue;
      const deviation = Math.abs(sums[r * m + a]! - target) / target;
      if (deviation > worst) worst = deviation;
      excess += Math.max(0, deviation - tolerance[a]!);
    }
    maxDeviation[keys[a]!] = worst;
    granularity[keys[a]!] = k > 0 && totals[a]! > 0 ? maxOf(setup.columns[a]!, setup.n) / smallestTarget : 0;
  }

  let compactnessSum = 0;
  let nonEmpty = 0;
  const perTerritory = problem.territories.map((territory, r) => {
    const count = cells[r]!;
    if (count > 0) {
      nonEmpty++;
      const perimeter = shape.perimeter[r]!;
      compactnessSum += perimeter <= 0 ? 1 : Math.min(1, (minimalHexPerimeter(count) / perimeter) ** 2);
    }
    const rowTotals: Record<string, number> = {};
    const deviation: Record<string, number> = {};
    for (let a = 0; a < m; a++) {
      const w = sums[r * m + a]!;
      const target = targets[r * m + a]!;
      rowTotals[keys[a]!] = w;
      deviation[keys[a]!] = target === 0 ? 0 : (w - target) / target;
    }
    return { id: territory.id, cells: count, totals: rowTotals, deviation };
  });

  let assigned = 0;
  for (let r = 0; r < k; r++) assigned += cells[r]!;
  return {
    maxDeviation,
    granularity,
    excess,
    contiguityBreaks: shape.contiguityBreaks,
    meanTravelKm: travel.meanTravelKm,
    inertia: travel.inertia,
    cutEdges: shape.cutEdges,
    meanCompactness: nonEmpty > 0 ? compactnessSum / nonEmpty : null,
    unassignedCells: setup.n - assigned,
    perTerritory,
  };
}

/**
 * Measures how much a plan moves against a prior plan. A cell has moved when its
 * territory id differs between the two; all negative ids mean "unassigned" and are
 * equal to each other (ids not listed in `territories` are compared as they are).
 * The lower bound uses the prior plan's totals W⁰ of the listed territories.
 * @param problem study area, measures, territories and tolerances
 * @param prior territory id per cell before
 * @param plan territory id per cell after
 * @returns moved shares, their lower bounds, moved accounts and cells
 * @throws RangeError on mismatched array lengths or an invalid territory list
 */
export function evaluateDisruption(problem: PlanProblem, prior: Int32Array, plan: Int32Array): Disruption {
  if (plan.length !== prior.length) {
    throw new RangeError(`The plan has ${plan.length} cells but the prior plan ${prior.length}.`);
  }
  const setup = prepare(problem, plan.length);
  const { n, k, keys, columns, totals, targets, tolerance } = setup;
  const m = keys.length;
  const accounts = problem.cellAccounts;
  const moved = new Float64Array(m);
  let movedCells = 0;
  let movedAccounts = 0;
  for (let i = 0; i < n; i++) {
    const before = prior[i]!;
    const after = plan[i]!;
    if (before === after || (before < 0 && after < 0)) continue;
    movedCells++;
    if (accounts) movedAccounts += accounts[i]!;
    for (let a = 0; a < m; a++) moved[a]! += columns[a]![i]!;
  }

  const { sums } = territorySums(setup, rowsOfCells(problem.territories, prior));
  const movedShare: Record<string, number> = {};
  const movedLowerBound: Record<string, number> = {};
  for (let a = 0; a < m; a++) {
    const total = totals[a]!;
    const tau = tolerance[a]!;
    let over = 0;
    let under = 0;
    for (let r = 0; r < k; r++) {
      const w = sums[r * m + a]!;
      const target = targets[r * m + a]!;
      over += Math.max(0, w - (1 + tau) * target);
      under += Math.max(0, (1 - tau) * target - w);
    }
    movedShare[keys[a]!] = total === 0 ? 0 : moved[a]! / total;
    movedLowerBound[keys[a]!] = total === 0 ? 0 : Math.max(over, under) / total;
  }
  return { movedShare, movedLowerBound, movedAccounts, movedCells };
}

/**
 * FNV-1a (32-bit) over the plan's bytes, each id taken as 4 little-endian bytes (so the
 * hash is the same on every platform and equals hashing the array's memory on
 * little-endian machines).
 * @param territoryOfCell territory id per cell
 * @returns 8 lowercase hex digits
 */
export function planHash(territoryOfCell: Int32Array): string {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < territoryOfCell.length; i++) {
    const v = territoryOfCell[i]!;
    hash = Math.imul(hash ^ (v & 0xff), FNV_PRIME);
    hash = Math.imul(hash ^ ((v >>> 8) & 0xff), FNV_PRIME);
    hash = Math.imul(hash ^ ((v >>> 16) & 0xff), FNV_PRIME);
    hash = Math.imul(hash ^ (v >>> 24), FNV_PRIME);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Validates the problem against the cell count and derives measure columns, totals
 * over all cells, targets per territory and tolerances.
 * @throws RangeError on any mismatch (see {@link evaluatePlan})
 */
function prepare(problem: PlanProblem, n: number): Setup {
  if (problem.offsets.length !== n + 1) {
    throw new RangeError(`offsets has ${problem.offsets.length} entries; expected ${n + 1}.`);
  }
  const perCell: Record<string, ArrayLike<number> | undefined> = {
    lat: problem.lat,
    lon: problem.lon,
    studyComponent: problem.studyComponent,
    cellAccounts: problem.cellAccounts,
  };
  const keys = Object.keys(problem.weights);
  const columns = keys.map((key) => problem.weights[key]!);
  keys.forEach((key, a) => (perCell[`weights.${key}`] = columns[a]));
  for (const [name, values] of Object.entries(perCell)) {
    if (values && values.length < n) throw new RangeError(`${name} has ${values.length} entries; expected ${n}.`);
  }

  let capacityTotal = 0;
  const seen = new Set<number>();
  for (const { id, capacity, home } of problem.territories) {
    if (!Number.isInteger(id) || id < 0) throw new RangeError(`Territory id ${id} is not a non-negative integer.`);
    if (seen.has(id)) throw new RangeError(`Territory id ${id} is listed twice.`);
    seen.add(id);
    if (!(capacity > 0) || !Number.isFinite(capacity)) {
      throw new RangeError(`Territory ${id} has capacity ${capacity}; expected a positive number.`);
    }
    if (home !== -1 && !(Number.isInteger(home) && home >= 0 && home < n)) {
      throw new RangeError(`Territory ${id} has home cell ${home}, outside 0…${n - 1}.`);
    }
    capacityTotal += capacity;
  }

  const k = problem.territories.length;
  const m = keys.length;
  const totals = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const column = columns[a]!;
    let total = 0;
    for (let i = 0; i < n; i++) total += column[i]!;
    totals[a] = total;
  }
  const targets = new Float64Array(k * m);
  problem.territories.forEach(({ capacity }, r) => {
    for (let a = 0; a < m; a++) targets[r * m + a] = (totals[a]! * capacity) / capacityTotal;
  });
  const given = problem.tolerance ?? {};
  const tolerance = Float64Array.from(keys, (key) => (Object.hasOwn(given, key) ? (given[key] ?? 0) : 0));
  return { n, k, keys, columns, totals, targets, tolerance };
}

/**
 * Maps each cell's territory id to its row in `territories`; −1 for negative or unlisted ids.
 * Ids must already be validated (distinct non-negative integers).
 */
function rowsOfCells(territories: PlanProblem['territories'], territoryOfCell: Int32Array): Int32Array {
  const n = territoryOfCell.length;
  const rows = new Int32Array(n);
  let maxId = -1;
  for (const { id } of territories) if (id > maxId) maxId = id;
  if (maxId < DENSE_ID_LIMIT) {
    const dense = new Int32Array(maxId + 1).fill(-1);
    territories.forEach(({ id }, r) => (dense[id] = r));
    for (let i = 0; i < n; i++) {
      const id = territoryOfCell[i]!;
      rows[i] = id >= 0 && id <= maxId ? dense[id]! : -1;
    }
  } else {
    const rowOfId = new Map<number, number>();
    territories.forEach(({ id }, r) => rowOfId.set(id, r));
    for (let i = 0; i < n; i++) {
      const id = territoryOfCell[i]!;
      rows[i] = id >= 0 ? (rowOfId.get(id) ?? -1) : -1;
    }
  }
  return rows;
}

/**
 * Cells and W_{k,a} per territory row.
 * @returns cells per row and W at [row·M + a]
 */
function territorySums(setup: Setup, rows: Int32Array): { cells: Int32Array; sums: Float64Array } {
  const { n, k, columns } = setup;
  const m = columns.length;
  const cells = new Int32Array(k);
  const sums = new Float64Array(k * m);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (r >= 0) cells[r]!++;
  }
  for (let a = 0; a < m; a++) {
    const column = columns[a]!;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      if (r >= 0) sums[r * m + a]! += column[i]!;
    }
  }
  return { cells, sums };
}

/**
 * One breadth-first walk over each territory's own cells: counts its pieces and the
 * distinct study components they start in (contiguity), its hex perimeter and the cut
 * edges. A piece is assigned the study component of its first cell, which assumes the
 * component labels agree with the graph. Each cell and edge is looked at once.
 */
function walkShapes(
  problem: PlanProblem,
  rows: Int32Array,
  k: number,
): { contiguityBreaks: number; cutEdges: number; perimeter: Int32Array } {
  const { offsets, neighbors, studyComponent } = problem;
  const n = rows.length;
  const perimeter = new Int32Array(k);
  const visited = new Uint8Array(n);
  const queue = new Int32Array(n);
  const touched = new Set<number>();
  let pieces = 0;
  let cutEdges = 0;
  for (let start = 0; start < n; start++) {
    const row = rows[start]!;
    // Edges from an unassigned cell to an assigned one are counted from the assigned side.
    if (row < 0 || visited[start]) continue;
    pieces++;
    // Rows stay far below 2^21, so the key is an exact integer below 2^53.
    touched.add(row * 4294967296 + (studyComponent[start]! >>> 0));
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    visited[start] = 1;
    while (head < tail) {
      const v = queue[head++]!;
      let same = 0;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = neighbors[e]!;
        if (w === v) continue;
        const other = rows[w]!;
        if (other === row) {
          same++;
          if (!visited[w]) {
            visited[w] = 1;
            queue[tail++] = w;
          }
        } else if (other < 0 || w > v) {
          cutEdges++;
        }
      }
      // Clamped so a malformed graph (more than six neighbours) cannot shrink the perimeter.
      perimeter[row]! += Math.max(0, HEX_SIDES - same);
    }
  }
  return { contiguityBreaks: pieces - touched.size, cutEdges, perimeter };
}

/**
 * Mean travel distance to the homes and the moment of inertia about the weighted
 * centroids, weighted by the travel measure (1 per cell when it is not a measure).
 */
function travelFigures(problem: PlanProblem, rows: Int32Array, k: number): { meanTravelKm: number | null; inertia: number } {
  const { lat, lon, territories } = problem;
  const weight = Object.hasOwn(problem.weights, problem.travelMeasure) ? problem.weights[problem.travelMeasure] : undefined;
  const n = rows.length;
  const homes = Int32Array.from(territories, (t) => t.home);
  const weightSum = new Float64Array(k);
  const latSum = new Float64Array(k);
  const lonOffsetSum = new Float64Array(k);
  /** longitude of each territory's first cell, the origin of its longitude offsets */
  const lonOrigin = new Float64Array(k).fill(NaN);
  let travelWeight = 0;
  let travelSum = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (r < 0) continue;
    const cellLon = lon[i]!;
    if (Number.isNaN(lonOrigin[r]!)) lonOrigin[r] = cellLon;
    const w = weight ? weight[i]! : 1;
    if (w === 0) continue;
    const cellLat = lat[i]!;
    weightSum[r]! += w;
    latSum[r]! += w * cellLat;
    lonOffsetSum[r]! += w * wrapDegrees(cellLon - lonOrigin[r]!);
    const home = homes[r]!;
    if (home >= 0) {
      travelWeight += w;
      travelSum += w * greatCircleKm(lat[home]!, lon[home]!, cellLat, cellLon);
    }
  }

  const centroidLat = new Float64Array(k);
  const centroidLon = new Float64Array(k);
  const xScale = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    const total = weightSum[r]!;
    if (total === 0) continue;
    centroidLat[r] = latSum[r]! / total;
    centroidLon[r] = lonOrigin[r]! + lonOffsetSum[r]! / total;
    xScale[r] = KM_PER_DEG * Math.cos(centroidLat[r]! * RAD);
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (r < 0) continue;
    const w = weight ? weight[i]! : 1;
    if (w === 0) continue;
    const x = xScale[r]! * wrapDegrees(lon[i]! - centroidLon[r]!);
    const y = KM_PER_DEG * (lat[i]! - centroidLat[r]!);
    inertia += w * (x * x + y * y);
  }
  return { meanTravelKm: travelWeight !== 0 ? travelSum / travelWeight : null, inertia };
}

/** A longitude difference brought into [−180°, 180°]. */
function wrapDegrees(d: number): number {
  return d - 360 * Math.round(d / 360);
}

/** Largest of the first n values (−Infinity when n is 0). */
function maxOf(values: ArrayLike<number>, n: number): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  return max;
}
