/**
 * A balancing problem over typed arrays: everything the engine needs, nothing that needs
 * h3-js or I/O. Territories are addressed by position 0 … K-1; plans are Int32Arrays of
 * positions (-1 = unassigned).
 */
export interface BalanceProblem {
  /** CSR edge adjacency of the study area. */
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Cell centroids, degrees. */
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  /** Balanced measures: weight per cell of each, in the order of `measureWeights`. */
  weights: Float64Array[];
  /** Importance of each measure in the balance (β_a > 0). */
  measureWeights: number[];
  /** Tolerance of each measure (fraction, e.g. 0.05). */
  tolerance: number[];
  /** Weight per cell that travel is measured by (e.g. workload); null: every cell the same. */
  travelWeight: Float64Array | null;
  /** Relative capacity per territory (rep capacity; 1 = full time). */
  capacity: number[];
  /** Home cell per territory, or -1 when the territory has no home (vacant). */
  home: Int32Array;
  /** Cells that must keep their territory (locked cells; a locked territory's cells are frozen too). */
  frozen: Uint8Array;
  /** Per territory: 1 = locked (it neither gives nor takes cells). */
  locked: Uint8Array;
  /**
   * Load that belongs to a territory whatever its cells (accounts placed by name),
   * per territory × measure (row-major). Null: none. Such accounts must already be left
   * out of `weights`.
   */
  fixedLoad: Float64Array | null;
}

export type BalanceMode = 'build' | 'realign' | 'local';

export interface BalanceOptions {
  mode: BalanceMode;
  /** Starting plan (realign, local); ignored by build. */
  prior: Int32Array | null;
  /** For `local`: the territories that were edited; only they and their neighbours change. */
  touched?: readonly number[];
  /** Seed for every random choice (home picking when territories have no home). */
  seed: number;
  /** Weight of travel distance against balance (0 = balance only). Default 0.1 for a build, 0 otherwise. */
  compactness?: number;
  /** Build only: linear cost per unit of deviation past 0.95 of a measure's tolerance, on top of the square (default 0.5, `BUILD_WALL`; 0 lets travel push territories past τ). */
  wall?: number;
  /** Stop after this long (ms); the best plan so far is returned. Default 10 s. */
  timeLimitMs?: number;
  /** Polled every few thousand moves; returning true stops the run (the result is marked cancelled). */
  shouldStop?: () => boolean;
  /** Progress in [0, 1] with a phase name. */
  onProgress?: (fraction: number, phase: string) => void;
}

export interface BalanceResult {
  plan: Int32Array;
  cancelled: boolean;
  /** Moves the local search applied. */
  moves: number;
  rounds: number;
  elapsedMs: number;
}
