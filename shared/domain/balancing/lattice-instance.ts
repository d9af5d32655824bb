import { EARTH_RADIUS_KM, greatCircleKm } from '../geo/great-circle';
import { createRng, type Rng } from '../random/create-rng';
import type { BalanceProblem } from './problem';

/**
 * S-exact instances of `shared/BENCHMARKS.md`: small hexagonal lattices (50–150 cells)
 * with seeded, heavy-tailed weights and K homes, small enough for an exact MIP. Pure, no
 * I/O: the same options give the same instance, byte for byte.
 *
 * Cells sit on a hexagonal lattice in axial coordinates (q, r); each cell has up to six
 * neighbours (q±1, r), (q, r±1), (q+1, r−1), (q−1, r+1). Centroids are placed
 * `spacingKm` apart (centre to centre) around a real latitude, so great-circle distances
 * between them are what the spacing says.
 */

/** The measures of a lattice instance, in the order of `BalanceProblem.weights`. */
export const LATTICE_MEASURES = ['workload', 'revenue_potential', 'accounts'] as const;
export type LatticeMeasure = (typeof LATTICE_MEASURES)[number];

export interface LatticeOptions {
  /** Cells (≥ 1). */
  n: number;
  /** Territories (1 … n). */
  k: number;
  seed: number;
  /** `round`: the n cells nearest the centre; `rectangle`: rows of ~√(n·1.15) cells, the last row partial. Default round. */
  shape?: 'round' | 'rectangle';
  /** How many of `LATTICE_MEASURES` are balanced (2: workload and revenue; 3: also accounts). Default 3. */
  measures?: 2 | 3;
  /** Tolerance given to every measure. Default 0.05. */
  tolerance?: number;
  /** Distance between neighbouring centroids, km. Default 10. */
  spacingKm?: number;
  /** Centre of the patch, degrees. Default 41.6° N, 93.6° W (central Iowa). */
  centre?: { lat: number; lon: number };
}

export interface LatticeInstance {
  problem: BalanceProblem;
  /** Keys of `problem.weights`, in order (a prefix of `LATTICE_MEASURES`). */
  measures: LatticeMeasure[];
  /** Axial lattice coordinates per cell. */
  q: Int32Array;
  r: Int32Array;
  /** Accounts per cell (also the `accounts` measure when three are balanced). */
  accounts: Float64Array;
}

const RAD = Math.PI / 180;
const KM_PER_DEG = EARTH_RADIUS_KM * RAD;
const SQRT3_2 = Math.sqrt(3) / 2;
/** Axial neighbour offsets, in a fixed order. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [1, -1],
  [0, -1],
  [-1, 0],
  [-1, 1],
  [0, 1],
];
/** Mean accounts per cell away from towns, and the extra at a town's centre. */
const BASE_ACCOUNTS = 1.5;
const TOWN_ACCOUNTS = 10;
/** Visits per account and year (the workload is Poisson with this mean per account). */
const VISITS_PER_ACCOUNT = 6;
/** Revenue potential per account: lognormal, median 20,000, σ = 1; key accounts ×20. */
const REVENUE_MEDIAN = 20_000;
const REVENUE_SIGMA = 1;
const KEY_ACCOUNT_SHARE = 0.02;
const KEY_ACCOUNT_FACTOR = 20;

/**
 * Generates one S-exact instance: a hexagonal patch of `n` cells, weights for the
 * workload (Poisson), the revenue potential (lognormal with a heavy tail) and the account
 * count, and K homes spread by a seeded weighted k-means++ pick. Capacities are equal;
 * nothing is frozen or locked; the travel weight is the workload.
 * @throws RangeError when n < 1 or k is not in 1 … n
 * @example const { problem } = latticeInstance({ n: 100, k: 5, seed: 1 });
 */
export function latticeInstance(options: LatticeOptions): LatticeInstance {
  const { n, k, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`A lattice needs at least one cell; got n = ${n}.`);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`K must be between 1 and n = ${n}; got ${k}.`);
  const rng = createRng(seed);
  const spacing = options.spacingKm ?? 10;
  const centre = options.centre ?? { lat: 41.6, lon: -93.6 };
  const measureCount = options.measures ?? 3;
  const tolerance = options.tolerance ?? 0.05;

  const { q, r } = options.shape === 'rectangle' ? rectanglePatch(n) : roundPatch(n, rng);
  const { offsets, neighbors } = latticeAdjacency(q, r);

  // Planar positions (km) of the centroids, then degrees around the centre.
  const x = Float64Array.from(q, (qi, i) => spacing * (qi + r[i]! / 2));
  const y = Float64Array.from(r, (ri) => spacing * SQRT3_2 * ri);
  const meanX = x.reduce((s, v) => s + v, 0) / n;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  const lat = Float64Array.from(y, (yi) => centre.lat + (yi - meanY) / KM_PER_DEG);
  const lon = Float64Array.from(x, (xi) => centre.lon + (xi - meanX) / (KM_PER_DEG * Math.cos(centre.lat * RAD)));

  const { accounts, workload, revenue } = sampleWeights(x, y, spacing, rng);
  const weights = [workload, revenue, accounts].slice(0, measureCount);
  const home = spreadHomes(lat, lon, accounts, k, rng);

  return {
    problem: {
      offsets,
      neighbors,
      lat,
      lon,
      weights,
      measureWeights: weights.map(() => 1),
      tolerance: weights.map(() => tolerance),
      travelWeight: workload,
      capacity: Array.from({ length: k }, () => 1),
      home,
      frozen: new Uint8Array(n),
      locked: new Uint8Array(k),
      fixedLoad: null,
    },
    measures: LATTICE_MEASURES.slice(0, measureCount),
    q,
    r,
    accounts,
  };
}

/**
 * The n lattice cells nearest the origin (Euclidean, in the plane), ties broken by a
 * seeded jitter. Every cell but the origin has a neighbour strictly nearer the origin,
 * so the patch is connected.
 */
function roundPatch(n: number, rng: Rng): { q: Int32Array; r: Int32Array } {
  // A hexagon of radius R holds 3R(R+1)+1 cells and contains the disc of radius R·√3/2.
  let radius = 0;
  while (3 * radius * (radius + 1) + 1 < 2 * n) radius++;
  const candidates: { q: number; r: number; d: number }[] = [];
  for (let qi = -radius; qi <= radius; qi++) {
    for (let ri = Math.max(-radius, -qi - radius); ri <= Math.min(radius, -qi + radius); ri++) {
      const px = qi + ri / 2;
      const py = SQRT3_2 * ri;
      candidates.push({ q: qi, r: ri, d: px * px + py * py + 1e-6 * rng.next() });
    }
  }
  candidates.sort((a, b) => a.d - b.d);
  const chosen = candidates.slice(0, n);
  // Cell order: row by row (r, then q), as a map reads.
  chosen.sort((a, b) => a.r - b.r || a.q - b.q);
  return { q: Int32Array.from(chosen, (c) => c.q), r: Int32Array.from(chosen, (c) => c.r) };
}

/** Rows of `width` cells in an offset layout (a rectangle on the map), the last row partial. */
function rectanglePatch(n: number): { q: Int32Array; r: Int32Array } {
  const width = Math.max(1, Math.round(Math.sqrt(n * 1.15)));
  const q = new Int32Array(n);
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / width);
    r[i] = row;
    q[i] = (i % width) - Math.floor(row / 2);
  }
  return { q, r };
}

/** CSR adjacency by the six-neighbour rule over the axial coordinates (sorted neighbour lists). */
export function latticeAdjacency(q: Int32Array, r: Int32Array): { offsets: Int32Array; neighbors: Int32Array } {
  const n = q.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(`${q[i]},${r[i]}`, i);
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    const list: number[] = [];
    for (const [dq, dr] of DIRECTIONS) {
      const j = index.get(`${q[i]! + dq},${r[i]! + dr}`);
      if (j !== undefined) list.push(j);
    }
    lists.push(list.sort((a, b) => a - b));
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  const neighbors = new Int32Array(offsets[n]!);
  lists.forEach((list, i) => neighbors.set(list, offsets[i]!));
  return { offsets, neighbors };
}

/**
 * Accounts per cell: Poisson around a base density plus 2–4 towns (Gaussian bumps of
 * 1.5–3 cells' radius); each account has a Poisson workload and a lognormal revenue
 * potential, a few key accounts twenty times that.
 */
function sampleWeights(x: Float64Array, y: Float64Array, spacing: number, rng: Rng) {
  const n = x.length;
  const towns = Array.from({ length: 2 + rng.int(3) }, () => {
    const at = rng.int(n);
    return { x: x[at]!, y: y[at]!, radius: spacing * (1.5 + 1.5 * rng.next()), size: 0.4 + 0.6 * rng.next() };
  });
  const accounts = new Float64Array(n);
  const workload = new Float64Array(n);
  const revenue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let mean = BASE_ACCOUNTS;
    for (const t of towns) {
      const d2 = (x[i]! - t.x) ** 2 + (y[i]! - t.y) ** 2;
      mean += TOWN_ACCOUNTS * t.size * Math.exp(-d2 / (2 * t.radius * t.radius));
    }
    const count = rng.poisson(mean);
    accounts[i] = count;
    workload[i] = rng.poisson(VISITS_PER_ACCOUNT * count);
    let potential = 0;
    for (let a = 0; a < count; a++) {
      const value = REVENUE_MEDIAN * Math.exp(REVENUE_SIGMA * rng.normal());
      potential += rng.next() < KEY_ACCOUNT_SHARE ? KEY_ACCOUNT_FACTOR * value : value;
    }
    revenue[i] = Math.round(potential);
  }
  return { accounts, workload, revenue };
}

/**
 * K distinct home cells: weighted k-means++ (the first in proportion to the accounts, each
 * next in proportion to accounts × squared distance to the nearest home so far). A small
 * floor on the weight keeps empty cells eligible, so K distinct cells always exist.
 */
function spreadHomes(lat: Float64Array, lon: Float64Array, accounts: Float64Array, k: number, rng: Rng): Int32Array {
  const n = lat.length;
  const home = new Int32Array(k);
  const nearest = new Float64Array(n).fill(Infinity);
  const chosen = new Uint8Array(n);
  for (let t = 0; t < k; t++) {
    const score = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (chosen[i]) continue;
      const d = t === 0 ? 1 : nearest[i]!;
      score[i] = (accounts[i]! + 0.1) * d * d;
      total += score[i]!;
    }
    let pick = -1;
    let draw = rng.next() * total;
    for (let i = 0; i < n; i++) {
      if (chosen[i] || score[i] === 0) continue;
      pick = i;
      draw -= score[i]!;
      if (draw <= 0) break;
    }
    // Every unchosen cell scores > 0 (a home's own cell is at distance 0 only when chosen).
    home[t] = pick;
    chosen[pick] = 1;
    for (let i = 0; i < n; i++) {
      const d = greatCircleKm(lat[pick]!, lon[pick]!, lat[i]!, lon[i]!);
      if (d < nearest[i]!) nearest[i] = d;
    }
  }
  return home;
}
