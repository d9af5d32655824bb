import { unitVectors } from '../../../shared/domain/balancing/geometry';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';
import { nearestHomes } from '../../../shared/domain/balancing/transport-offsets';
import { EARTH_RADIUS_KM } from '../../../shared/domain/geo/great-circle';
import { choleskySolve } from './cholesky-solve';
import { repairBands, roundSplitCells, type SplitCell, type SplitProblem } from './per-measure-rounding';

export interface PerMeasureReference {
  plan: Int32Array;
  /**
   * No plan whose every load is within its band has a smaller D (km). Tight only where the
   * relaxation's λ, optimal over each cell's `candidates` homes, are near optimal over all:
   * on H-220k 239.5 km with 30 candidates (the relaxation itself 252.2), 251.3 with 60.
   */
  bandLowerBoundKm: number;
  /** Cells the relaxation left split, and the repair's moves. */
  splitCells: number;
  repairMoves: number;
}

export interface PerMeasureOptions {
  /** Candidate homes per cell in the relaxation (default 30, as the combined-weight reference). */
  candidates?: number;
  /** Candidate homes per cell in the repair (default 10; more lowers B a little and raises D and I). */
  repairCandidates?: number;
  /** Smoothing stages (default 12). */
  stages?: number;
  /** A line per stage and one for the rounding. */
  log?: (line: string) => void;
}

/**
 * The per-measure compactness reference: the least-travel assignment of cells to the fixed
 * homes (no contiguity) in which every territory k holds every measure a within its band
 * (1 ± τ_a)·T_ka, T_ka = total_a × capacity_k / Σ capacity over the territories with a
 * home (frozen cells, locks and fixed loads are ignored, as the evaluator ignores them).
 * Cell i costs u_i·d(i, home_k) in territory k, u the travel weight and d the great circle,
 * so Σ cost / Σ u is the evaluator's D.
 *
 * 1. Relaxation: the entropy-smoothed Lagrangian dual, one multiplier λ_ka per territory
 *    and measure. Cell i splits over its `candidates` nearest homes as
 *    p_ik ∝ exp(−(u_i·d_ik − Σ_a λ_ka·w_ia/T_ka) / (ε·m_i)), m_i its mean share of the
 *    measures in travel-weight units (so ε is a length). The dual, Σ_i soft-min_k +
 *    Σ_ka (λ_ka − τ_a·|λ_ka|) with |·| Huber-smoothed over ε·(Σu/K) (the band), is concave
 *    and smooth; its gradient is 1 − τ·sign λ − expected load / T, its negated Hessian a
 *    dense (K·M)² matrix built from the split cells. Damped Newton (Cholesky,
 *    Levenberg–Marquardt ridge, capped step, Armijo test) solves it for ε = ¼ × the mean
 *    nearest-home distance, then for each next ε half as large (12 stages), warm started.
 * 2. Rounding: each cell to its best candidate under the last λ; the cells still split,
 *    heaviest first, to whichever of their territories leaves the band excess B least
 *    (`roundSplitCells`); cells that weigh nothing in any measure to their nearest home.
 * 3. Repair: single-cell moves to one of the cell's `repairCandidates` nearest homes that
 *    lower B, cheapest travel per unit of B first (`repairBands`).
 *
 * Also returns a lower bound on D for any plan that meets every band (the unsmoothed dual
 * at the last λ). Deterministic; O(n·c·M) per Newton step plus (K·M)³/3 for the solve.
 */
export function perMeasureReference(problem: BalanceProblem, options: PerMeasureOptions = {}): PerMeasureReference {
  const n = problem.offsets.length - 1;
  const growing = Array.from(problem.home, (h, t) => (h >= 0 ? t : -1)).filter((t) => t >= 0);
  const plan = new Int32Array(n).fill(-1);
  if (growing.length === 0) return { plan, bandLowerBoundKm: 0, splitCells: 0, repairMoves: 0 };
  const units = unitVectors(problem.lat, problem.lon);
  const { near, nearKm, c, meanNearestKm } = nearestHomes(units, problem.home, growing, new Int32Array(n).fill(-1), options.candidates ?? 30);
  const sp = splitProblem(problem, growing, near, nearKm, c);
  const { w, ma, invT, tau, row, mass, cost } = sp;
  const dim = invT.length;
  const scale = sp.travelTotal / growing.length;

  // Per-cell scratch: scores, the candidates within reach, their shares.
  const scores = new Float64Array(c);
  const live = new Int32Array(c);
  const prob = new Float64Array(c);
  const beta = new Float64Array(dim);
  const load = new Float64Array(dim);
  const hessian = new Float64Array(dim * dim);
  /** Cell i's soft assignment at temperature ε·m_i under β = λ/T: fills live/prob, returns [count, least score, log z]. */
  const soften = (i: number, eps: number): [number, number, number] => {
    const base = i * c;
    let least = Infinity;
    for (let p = 0; p < c; p++) {
      let score = cost[base + p]!;
      const r = row[near[base + p]!]!;
      for (let b = 0; b < ma; b++) score -= beta[r * ma + b]! * w[i * ma + b]!;
      scores[p] = score;
      if (score < least) least = score;
    }
    let count = 0;
    let z = 0;
    for (let p = 0; p < c; p++) {
      const x = (scores[p]! - least) / (eps * mass[i]!);
      if (x > 30) continue;
      live[count] = p;
      prob[count] = Math.exp(-x);
      z += prob[count++]!;
    }
    for (let e = 0; e < count; e++) prob[e]! /= z;
    return [count, least, Math.log(z)];
  };
  /** The smoothed dual at λ = `at`; leaves the expected loads in `load`, the negated Hessian of the soft minima in `hessian`. */
  const dual = (at: Float64Array, eps: number, delta: number): number => {
    for (let v = 0; v < dim; v++) beta[v] = at[v]! * invT[v]!;
    load.fill(0);
    hessian.fill(0);
    let value = 0;
    for (let i = 0; i < n; i++) {
      if (!(mass[i]! > 0)) continue;
      const [count, least, logZ] = soften(i, eps);
      // Less the nearest candidate's cost, a constant, to keep the sum's rounding small.
      value += least - cost[i * c]! - eps * mass[i]! * logZ;
      for (let e = 0; e < count; e++) {
        const r = row[near[i * c + live[e]!]!]!;
        for (let b = 0; b < ma; b++) load[r * ma + b]! += prob[e]! * w[i * ma + b]! * invT[r * ma + b]!;
      }
      if (count > 1) addCellHessian(i, count, 1 / (eps * mass[i]!));
    }
    for (let v = 0; v < dim; v++) {
      const x = Math.abs(at[v]!);
      value += at[v]! - tau[v]! * (x < delta ? (x * x) / (2 * delta) : x - delta / 2);
    }
    return value;
  };
  /** Adds (diag p − p pᵀ)/temperature, expanded by ŵ_kb = w_ib / T_kb, over the candidates with p ≥ 1e-6. */
  const addCellHessian = (i: number, count: number, coef: number) => {
    const base = i * c;
    for (let e = 0; e < count; e++) {
      if (prob[e]! < 1e-6) continue;
      const re = row[near[base + live[e]!]!]!;
      for (let f = e; f < count; f++) {
        if (prob[f]! < 1e-6) continue;
        const rf = row[near[base + live[f]!]!]!;
        const weight = coef * ((e === f ? prob[e]! : 0) - prob[e]! * prob[f]!);
        for (let a = 0; a < ma; a++) {
          const x = weight * w[i * ma + a]! * invT[re * ma + a]!;
          for (let b = 0; b < ma; b++) {
            const y = x * w[i * ma + b]! * invT[rf * ma + b]!;
            hessian[(re * ma + a) * dim + rf * ma + b]! += y;
            if (e !== f) hessian[(rf * ma + b) * dim + re * ma + a]! += y;
          }
        }
      }
    }
  };

  const lambda = new Float64Array(dim);
  const gradient = new Float64Array(dim);
  const step = new Float64Array(dim);
  const trial = new Float64Array(dim);
  const current = new Float64Array(dim * dim);
  const factor = new Float64Array(dim * dim);
  const stages = options.stages ?? 12;
  let damping = 0;
  let delta = 0;
  let eps = 0.25 * meanNearestKm;
  for (let stage = 0; stage < stages; stage++, eps *= 0.5) {
    // The Huber corner shrinks with ε, and multipliers inside it with it, so they stay
    // inside (they fix the gauge λ_·a + s·T_·a, which the soft minima do not see).
    const corner = eps * scale;
    for (let v = 0; v < dim; v++) if (Math.abs(lambda[v]!) < delta) lambda[v]! *= corner / delta;
    delta = corner;
    const cap = 20 * eps * scale;
    let value = dual(lambda, eps, delta);
    let steps = 0;
    let worst = Infinity;
    for (; steps < 40; steps++) {
      worst = 0;
      let top = 0;
      for (let v = 0; v < dim; v++) {
        gradient[v] = 1 - load[v]! - tau[v]! * Math.max(-1, Math.min(1, lambda[v]! / delta));
        worst = Math.max(worst, Math.abs(gradient[v]!));
        if (Math.abs(lambda[v]!) < delta) hessian[v * dim + v]! += tau[v]! / delta;
        top = Math.max(top, hessian[v * dim + v]!);
      }
      if (worst < 1e-5) break;
      current.set(hessian);
      // Levenberg–Marquardt: a failed step raises the ridge, a taken one lowers it.
      let accepted = false;
      for (let tries = 0; tries < 16 && !accepted; tries++) {
        choleskySolve(current, factor, (damping + 1e-9) * (top || 1), gradient, step, dim);
        let longest = 0;
        let slope = 0;
        for (let v = 0; v < dim; v++) {
          longest = Math.max(longest, Math.abs(step[v]!));
          slope += gradient[v]! * step[v]!;
        }
        const alpha = longest > cap ? cap / longest : 1;
        for (let v = 0; v < dim; v++) trial[v] = lambda[v]! + alpha * step[v]!;
        const next = dual(trial, eps, delta);
        if (next >= value + 1e-4 * alpha * slope - 1e-13 * Math.abs(value)) {
          lambda.set(trial);
          value = next;
          accepted = true;
          damping = damping < 1e-8 ? 0 : damping / 4;
        } else damping = Math.max(8 * damping, 1e-6);
      }
      if (!accepted) {
        dual(lambda, eps, delta);
        break;
      }
    }
    options.log?.(`stage ${stage}: ε ${eps.toFixed(3)} km, ${steps} Newton steps, largest gradient ${worst.toExponential(2)}`);
  }
  eps *= 2;

  // Round to the best candidate; keep the split cells for `roundSplitCells`.
  for (let v = 0; v < dim; v++) beta[v] = lambda[v]! * invT[v]!;
  const split: SplitCell[] = [];
  for (let i = 0; i < n; i++) {
    const base = i * c;
    if (!(mass[i]! > 0)) {
      plan[i] = near[base]!;
      continue;
    }
    const [count, least] = soften(i, eps);
    let best = -1;
    for (let p = 0; p < c; p++) if (scores[p] === least && (best < 0 || near[base + p]! < best)) best = near[base + p]!;
    plan[i] = best;
    if (count > 1 && Array.from(prob.subarray(0, count)).some((q) => q > 1e-9 && q < 1 - 1e-9)) {
      let size = 0; // in the first territory's targets: only the order matters
      for (let b = 0; b < ma; b++) size += w[i * ma + b]! * invT[b]!;
      split.push({ cell: i, size, rows: Array.from(live.subarray(0, count), (p) => row[near[base + p]!]!), shares: Array.from(prob.subarray(0, count)) });
    }
  }
  roundSplitCells(sp, plan, load, split);
  const repairMoves = repairBands(sp, plan, options.repairCandidates ?? 10);
  options.log?.(`rounded ${split.length} split cells, repaired with ${repairMoves} moves`);
  return { plan, bandLowerBoundKm: bandLowerBound(problem, sp, units, lambda) / sp.travelTotal, splitCells: split.length, repairMoves };
}

/**
 * The unsmoothed dual at λ, Σ_i min_k (u_i·d_ik − Σ_b λ_kb·w_ib/T_kb) + Σ_kb (λ_kb − τ_b·|λ_kb|),
 * over every territory with a home: by weak duality no plan (not even a split one) whose
 * every load is within its band travels less. d is taken as the chord (at most the great
 * circle), which keeps the bound valid.
 */
function bandLowerBound(problem: BalanceProblem, sp: SplitProblem & { travelTotal: number }, units: Float64Array, lambda: Float64Array): number {
  const { n, ma, w, invT, tau, growing } = sp;
  const u = problem.travelWeight;
  let bound = 0;
  for (let v = 0; v < lambda.length; v++) bound += lambda[v]! - tau[v]! * Math.abs(lambda[v]!);
  const hx = Float64Array.from(growing, (t) => units[3 * problem.home[t]!]!);
  const hy = Float64Array.from(growing, (t) => units[3 * problem.home[t]! + 1]!);
  const hz = Float64Array.from(growing, (t) => units[3 * problem.home[t]! + 2]!);
  const beta = Float64Array.from(lambda, (l, v) => l * invT[v]!);
  for (let i = 0; i < n; i++) {
    const perKm = (u ? u[i]! : 1) * EARTH_RADIUS_KM;
    let least = Infinity;
    for (let r = 0; r < growing.length; r++) {
      let score = perKm * Math.sqrt((units[3 * i]! - hx[r]!) ** 2 + (units[3 * i + 1]! - hy[r]!) ** 2 + (units[3 * i + 2]! - hz[r]!) ** 2);
      for (let b = 0; b < ma; b++) score -= beta[r * ma + b]! * w[i * ma + b]!;
      if (score < least) least = score;
    }
    bound += least;
  }
  return bound;
}

/** The cost, measure and target arrays of the relaxation (see `SplitProblem`). */
function splitProblem(problem: BalanceProblem, growing: number[], near: Int32Array, nearKm: Float64Array, c: number): SplitProblem & { travelTotal: number } {
  const n = problem.offsets.length - 1;
  const row = new Int32Array(problem.home.length).fill(-1);
  growing.forEach((t, r) => (row[t] = r));
  const active = problem.weights.map((w, a) => ({ w, a, total: w.reduce((s, v) => s + v, 0) })).filter((m) => m.total > 0);
  const ma = active.length;
  const w = new Float64Array(n * ma);
  active.forEach((m, b) => {
    for (let i = 0; i < n; i++) w[i * ma + b] = m.w[i]!;
  });
  const capacity = growing.reduce((s, t) => s + problem.capacity[t]!, 0);
  const invT = new Float64Array(growing.length * ma);
  const tau = new Float64Array(growing.length * ma);
  growing.forEach((t, r) => {
    active.forEach((m, b) => {
      invT[r * ma + b] = capacity / (m.total * problem.capacity[t]!);
      tau[r * ma + b] = problem.tolerance[m.a] ?? 0;
    });
  });
  const u = problem.travelWeight;
  let travelTotal = 0;
  for (let i = 0; i < n; i++) travelTotal += u ? u[i]! : 1;
  if (!(travelTotal > 0)) travelTotal = 1;
  // Travel cost per candidate (the chord `nearestHomes` measures, turned into the great circle) and each cell's mass m_i.
  const cost = new Float64Array(n * c);
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < c; p++) cost[i * c + p] = (u ? u[i]! : 1) * 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, nearKm[i * c + p]! / (2 * EARTH_RADIUS_KM)));
    for (let b = 0; b < ma; b++) mass[i]! += (travelTotal * w[i * ma + b]!) / (ma * active[b]!.total);
  }
  return { n, c, near, cost, ma, w, invT, tau, row, growing, mass, travelTotal };
}
