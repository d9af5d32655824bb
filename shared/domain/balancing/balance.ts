import { createRng } from '../random/create-rng';
import { buildAnchors, relocateStarved, seedEmpty, standInAnchors } from './anchors';
import { chordKm, unitVectors } from './geometry';
import { combinedWeight, growBalanced } from './grow-balanced';
import { flowTransfer } from './flow-transfer';
import { localSearch } from './local-search';
import { POLISH_MAX_CELLS, polishSmall } from './polish';
import { rematchHomes } from './rematch-homes';
import { returnEmptyCells } from './return-empty-cells';
import { powerDiagramStart } from './power-start';
import { restrictTo } from './sub-problem';
import { splitStart } from './split-start';
import { combinedFill, excessOutside, measureTotals } from './territory-loads';
import type { BalanceOptions, BalanceProblem, BalanceResult } from './problem';

/**
 * Travel weight of a build's local search from the diagram start, measured on H-220k
 * (K = 100, three measures at ±2 %) before the wall. With 0.03 and 1e-5 per cut edge: D 260 km,
 * 33k cut edges, median deviation 3.6–3.9 %, Δ 0.30–0.35. Without them: D 282 km, 47.6k cut edges, medians
 * 2.2–3.6 %, the same Δ. Stronger settings trade balance away: 0.1 and 1e-3 gave D 233 km
 * and 26k cut edges but medians near 10 %; 0.3 gave D 194 km and Δ 0.49. A realign uses
 * neither by default: moving cells for shape is disruption.
 */
const BUILD_COMPACTNESS = 0.03;
/**
 * Travel weight of a build's local search from the split start (`splitStart`), measured on
 * H-220k: its regions start compact but not around the homes: before the wall, 0.08 gave D 1.09×
 * the reference, I 0.38×, 16.4k cut edges, median deviation 5.8 %; 0.05 gave D 1.11× at 5.1 %.
 * With the wall (0.5, 1e-4 per cut edge), 0.16 gave D 1.15× but 18 territories inside instead of 27.
 */
const SPLIT_COMPACTNESS = 0.08;
/**
 * Cell visits a build's local search may make (rounds × cells): on H-220k it settles after
 * about 140 rounds (29M visits), within this; on H-1.5M it would run on for minutes, each
 * round shaving a little travel and boundary, so it stops after 21 rounds (6.3 s for the
 * whole build) rather than at the time limit, where the plan would depend on the machine's speed.
 */
const BUILD_SEARCH_VISITS = 30_000_000;
/**
 * Linear cost (per unit of deviation, in units of the balance weight) for a territory past
 * 0.95 τ in a build's local search, on top of the square of its deviation beyond the dead
 * zone. Without it the square is too gentle near τ and travel pulls territories through: on
 * the demo workspace (K = 40, workload at ±10 %) 3 territories ended outside, Δ 11.4 %.
 * Measured with the wall at τ itself: 0.2 kept 39 of 40 inside, 1.0 all 40; from 0.95 τ,
 * 0.1 held at SPLIT_COMPACTNESS 0.08 but let 0.12–0.16 push 1–5 territories through again, 0.5
 * held at both (40 of 40 at ±10 % and ±5 %, 39 of 40 at ±3 %). Where τ is out of reach
 * (H-220k at ±2 %) it buys balance with travel (at 1e-5 per cut edge, before the next
 * constant): median deviation 5.8 → 3.2 %, territories inside 4 → 28 of 100, B 7.6 → 3.2,
 * D 1.09 → 1.17× the reference, cut edges 16.4k → 20.1k.
 */
const BUILD_WALL = 0.5;
/**
 * Cost per cut edge in a build's local search. With the wall, 1e-5 left boundaries ragged
 * (H-220k 20.1k cut edges, H-1.5M 121.8k); 1e-4 gives 17.2k and 109.2k at the same balance
 * (H-220k median 3.1 %, 27 of 100 inside; H-1.5M 277 of 500 inside against 91 before the
 * wall) and D 1.16×; 3e-4 gave 16.1k but the median rose to 3.5 % (15 inside).
 */
const BUILD_BOUNDARY_COST = 1e-4;
/** Fractions of the tolerance: a build aims well inside it; a realign leaves territories within it alone and brings the others just inside. */
const BUILD_DEAD_ZONE = 0.5;
/**
 * Transfer rounds. A build needs them all (its start is only roughly balanced: stopping
 * once a round shrank the load outside the band by less than 5–15 % left the median
 * deviation at 4.3–4.9 %, against 3.6–3.9 % after all 12). A realign starts near
 * balance, and on R-220k (τ = 5 %) more rounds only churned cells around territories held
 * off by heavy cells: 2 rounds took the excess B from 6.5 to 4.6 moving 3.9 % of the
 * weight; 12 rounds ended at 5.0 moving 6.0 %.
 */
const BUILD_TRANSFER_ROUNDS = 12;
const REALIGN_TRANSFER_ROUNDS = 2;
const REALIGN_DEAD_ZONE = 0.9;
const REALIGN_AIM = 0.8;

/**
 * Balances territories. `build` starts from a balanced least-travel diagram of the homes
 * (seeded k-means++ picks where a territory has no home), grown through the grid, then
 * evens it out by transfers between neighbours and local moves;
 * `realign` starts from `prior` and moves as little as it can to bring every territory
 * within tolerance; `local` does the same but only among the `touched` territories and
 * their neighbours. Every territory stays contiguous (cells of islands excepted), locked
 * territories and frozen cells keep their cells, and the same input and seed give the same
 * plan, byte for byte.
 *
 * @throws RangeError on inconsistent input (array lengths, no territories, realign without a prior)
 */
export function balance(problem: BalanceProblem, options: BalanceOptions): BalanceResult {
  const started = Date.now();
  validate(problem, options);
  if (options.mode === 'local') {
    // Only the touched territories and their neighbours change: balance them on their own
    // cells (a realign of the part), so the cost follows the part, not the whole map.
    // A touched territory with no cell yet first takes one, so it has neighbours to draw from.
    const prior = Int32Array.from(options.prior!);
    const touched = options.touched ?? [];
    if (touched.some((t) => t >= 0 && t < problem.capacity.length && !prior.includes(t))) {
      const units = unitVectors(problem.lat, problem.lon);
      seedEmpty(problem, prior, standInAnchors(problem, prior, units), units, combinedWeight(problem), capacityShares(problem), touched);
    }
    const part = restrictTo(problem, prior, neighbourhoodOf(problem, prior, touched));
    const result = balance(part.problem, { ...options, mode: 'realign', prior: part.plan, touched: undefined });
    const plan = Int32Array.from(prior);
    part.cells.forEach((i, x) => (plan[i] = part.territories[result.plan[x]!]!));
    return { ...result, plan, elapsedMs: Date.now() - started };
  }
  const n = problem.offsets.length - 1;
  const k = problem.capacity.length;
  const units = unitVectors(problem.lat, problem.lon);
  const progress = options.onProgress ?? (() => {});
  const deadline = started + (options.timeLimitMs ?? 10_000);
  // The combined balance weight and each territory's share of it, for every phase that needs them (home picks, the start, growth, transfers).
  const weight = combinedWeight(problem);
  const share = capacityShares(problem);

  const minTolerance = Math.max(1e-4, Math.min(...problem.tolerance));
  const deadZone = options.mode === 'build' ? BUILD_DEAD_ZONE : REALIGN_DEAD_ZONE;

  /** Transfers, the local search and (small builds) the polish, on `plan` in place. */
  const improve: Improve = (plan, anchors, compactness, report, transferRounds) => {
    // Coarse: move load along the least-movement flows between neighbouring territories.
    report(0.1, 'transferring');
    const transfer = flowTransfer(problem, plan, {
      weight,
      share,
      anchors,
      units,
      band: deadZone * minTolerance,
      aim: (options.mode === 'build' ? BUILD_DEAD_ZONE : REALIGN_AIM) * minTolerance,
      iterations: transferRounds ?? (options.mode === 'build' ? BUILD_TRANSFER_ROUNDS : REALIGN_TRANSFER_ROUNDS),
      keepBest: options.mode === 'build',
      deadline,
      shouldStop: options.shouldStop,
    });
    if (transfer.cancelled) return { plan, cancelled: true, moves: 0, rounds: transfer.rounds };

    // Fine: single-cell moves for every measure, compactness and (realign) staying put.
    report(0.4, 'improving');
    const outcome = localSearch(problem, plan, {
      anchors,
      units,
      compactness: options.compactness ?? (options.mode === 'build' ? compactness : 0),
      boundary: options.mode === 'build' ? BUILD_BOUNDARY_COST : 0,
      disruption: options.mode === 'build' ? 0 : 0.25 * minTolerance,
      prior: options.mode === 'build' ? null : options.prior,
      deadZone,
      wall: options.mode === 'build' ? (options.wall ?? BUILD_WALL) : 0,
      deadline,
      shouldStop: options.shouldStop,
      maxRounds: options.mode === 'build' ? Math.ceil(BUILD_SEARCH_VISITS / Math.max(1, n)) : undefined,
      onRound: (round) => report(Math.min(0.99, 0.4 + 0.6 * (1 - 1 / (1 + round / 20))), 'improving'),
    });
    let cancelled = outcome.cancelled;
    if (options.mode === 'build' && !cancelled && n <= POLISH_MAX_CELLS && plan.every((t) => t >= 0)) {
      report(0.95, 'polishing');
      cancelled = polishSmall(problem, plan, { anchors, units, rng: createRng(options.seed ^ 0x5eed), deadline, shouldStop: options.shouldStop }).cancelled;
    }
    return { plan, cancelled, moves: outcome.moves, rounds: outcome.rounds };
  };

  if (options.mode !== 'build') {
    const plan = Int32Array.from(options.prior!);
    const anchors = standInAnchors(problem, plan, units);
    // A territory with no cell (a rep just added) needs one to grow from.
    seedEmpty(problem, plan, anchors, units, weight, share);
    const grown = plan.some((t) => t < 0) ? growBalanced(problem, plan, anchors, units, weight, share) : plan;
    // Near balance, single-cell moves alone restore it and move far less than the
    // transfers, which hand over whole regions; far from it they stall. So try them alone
    // first and keep that plan unless the transfers end less outside the tolerances.
    let result = improve(Int32Array.from(grown), anchors, 0, (f, phase) => progress(0.5 * f, phase), 0);
    if (!result.cancelled && Date.now() < deadline) {
      const direct = excessOverTolerance(problem, result.plan);
      if (direct > 0) {
        const full = improve(grown, anchors, 0, (f, phase) => progress(0.5 + 0.5 * f, phase));
        if (full.cancelled) result = { ...full, plan: result.plan };
        else if (excessOverTolerance(problem, full.plan) < direct - 1e-9 * (1 + direct)) result = full;
      }
    }
    if (!result.cancelled) returnEmptyCells(problem, result.plan, options.prior!);
    progress(1, 'done');
    return { ...result, elapsedMs: Date.now() - started };
  }

  progress(0, 'seeding');
  const start = new Int32Array(n).fill(-1);
  if (options.prior) {
    for (let i = 0; i < n; i++) {
      const t = options.prior[i]!;
      if (t >= 0 && (problem.frozen[i] || problem.locked[t])) start[i] = t;
    }
  }
  const anchors = buildAnchors(problem, units, options.seed, weight, start);
  progress(0.05, 'growing');
  if (n > POLISH_MAX_CELLS) {
    const split = splitStart(problem, start, anchors, units, weight, share);
    const result = improve(split.plan, split.anchors, SPLIT_COMPACTNESS, progress);
    // The regions were matched to the homes before they were reshaped: match them again.
    if (!result.cancelled) rematchHomes(problem, result.plan, units);
    progress(1, 'done');
    return { ...result, elapsedMs: Date.now() - started };
  }
  // Small areas: the least-travel diagram ends with less travel (what the exact optimum
  // minimises) where it can meet the tolerances; where it cannot, the split start often can.
  let result = diagramBuild(problem, start, anchors, units, weight, share, (f, phase) => progress(0.5 * f, phase), improve, deadline);
  if (!result.cancelled && Date.now() < deadline && excessOverTolerance(problem, result.plan) > 0) {
    const split = splitStart(problem, start, anchors, units, weight, share);
    const other = improve(split.plan, split.anchors, SPLIT_COMPACTNESS, (f, phase) => progress(0.5 + 0.5 * f, phase));
    if (other.cancelled || betterPlan(problem, units, other.plan, result.plan)) result = { ...other, plan: other.cancelled ? result.plan : other.plan };
  }
  progress(1, 'done');
  return { ...result, elapsedMs: Date.now() - started };
}

type Improve = (
  plan: Int32Array,
  anchors: Int32Array,
  compactness: number,
  report: (fraction: number, phase: string) => void,
  /** Transfer rounds before the local search; by default the mode's. */
  transferRounds?: number,
) => { plan: Int32Array; cancelled: boolean; moves: number; rounds: number };

/**
 * A build from the least-travel diagram of the anchors (`powerDiagramStart`). A territory
 * walled in by the homes around it (reps who all live in one town) ends (nearly) empty:
 * build once more, growing it from inside the fullest territory near it, and keep
 * whichever plan has the smaller worst deviation of the combined weight.
 */
function diagramBuild(
  problem: BalanceProblem,
  start: Int32Array,
  anchors: Int32Array,
  units: Float64Array,
  weight: Float64Array,
  share: Float64Array,
  report: (fraction: number, phase: string) => void,
  improve: Improve,
  deadline: number,
): ReturnType<Improve> {
  let result = improve(powerDiagramStart(problem, start, anchors, units, weight, share), anchors, BUILD_COMPACTNESS, report);
  const moved = Int32Array.from(anchors);
  if (!result.cancelled && Date.now() < deadline && relocateStarved(problem, result.plan, moved, units, weight, share).length > 0) {
    const again = improve(powerDiagramStart(problem, start, moved, units, weight, share), moved, BUILD_COMPACTNESS, (f, phase) => report(0.9 + 0.1 * f, phase));
    if (again.cancelled || worstDeviation(again.plan, weight, share, problem.locked) < worstDeviation(result.plan, weight, share, problem.locked)) {
      result = { ...again, plan: again.cancelled ? result.plan : again.plan };
    }
  }
  return result;
}

/**
 * Whether plan a is better than plan b: less excess over the tolerances (Σ_k Σ_a
 * max(0, |W/T − 1| − τ_a), unlocked territories), and at equal excess less travel to the
 * homes (Σ travel weight × distance).
 */
function betterPlan(problem: BalanceProblem, units: Float64Array, a: Int32Array, b: Int32Array): boolean {
  const ea = excessOverTolerance(problem, a);
  const eb = excessOverTolerance(problem, b);
  if (Math.abs(ea - eb) > 1e-9 * (1 + eb)) return ea < eb;
  return travelToHomes(problem, units, a) < travelToHomes(problem, units, b);
}

function excessOverTolerance(problem: BalanceProblem, plan: Int32Array): number {
  return excessOutside(problem, plan, measureTotals(problem), capacityShares(problem), problem.tolerance, false);
}

function travelToHomes(problem: BalanceProblem, units: Float64Array, plan: Int32Array): number {
  let travel = 0;
  for (let i = 0; i < plan.length; i++) {
    const t = plan[i]!;
    const home = t >= 0 ? problem.home[t]! : -1;
    if (home >= 0) travel += (problem.travelWeight ? problem.travelWeight[i]! : 1) * chordKm(units, i, home);
  }
  return travel;
}

/** Each territory's share of the total: its capacity over all capacities. */
function capacityShares(problem: BalanceProblem): Float64Array {
  const total = problem.capacity.reduce((a, b) => a + b, 0);
  return Float64Array.from(problem.capacity, (c) => c / total);
}

/** The largest |load / target − 1| of the combined weight over unlocked territories. */
function worstDeviation(plan: Int32Array, weight: Float64Array, share: ArrayLike<number>, locked: Uint8Array): number {
  const { fill } = combinedFill(plan, weight, share);
  let worst = 0;
  for (let t = 0; t < fill.length; t++) if (!locked[t]) worst = Math.max(worst, Math.abs(fill[t]! - 1));
  return worst;
}

function validate(problem: BalanceProblem, options: BalanceOptions): void {
  const n = problem.offsets.length - 1;
  const k = problem.capacity.length;
  if (k === 0) throw new RangeError('There are no territories to balance.');
  if (problem.home.length !== k || problem.locked.length !== k) throw new RangeError('home and locked need one entry per territory.');
  if (problem.weights.length === 0) throw new RangeError('Choose at least one measure to balance.');
  if (problem.measureWeights.length !== problem.weights.length || problem.tolerance.length !== problem.weights.length) {
    throw new RangeError('Each measure needs a weight and a tolerance.');
  }
  for (const w of problem.weights) if (w.length !== n) throw new RangeError('Every measure needs one value per cell.');
  if (problem.frozen.length !== n || problem.lat.length !== n || problem.lon.length !== n) throw new RangeError('Per-cell arrays must match the cells.');
  if (problem.capacity.some((c) => !(c > 0))) throw new RangeError('Every capacity must be positive.');
  if (options.mode !== 'build' && (!options.prior || options.prior.length !== n)) {
    throw new RangeError(`Mode "${options.mode}" starts from an existing plan with one entry per cell.`);
  }
}

/** The touched territories and every territory that shares a cell edge with one of them. */
function neighbourhoodOf(problem: BalanceProblem, plan: Int32Array, touched: readonly number[]): Uint8Array {
  const k = problem.capacity.length;
  const active = new Uint8Array(k);
  for (const t of touched) if (t >= 0 && t < k) active[t] = 1;
  for (let i = 0; i < plan.length; i++) {
    const s = plan[i]!;
    if (s < 0 || !touchedSet(touched, s)) continue;
    for (let e = problem.offsets[i]!; e < problem.offsets[i + 1]!; e++) {
      const t = plan[problem.neighbors[e]!]!;
      if (t >= 0) active[t] = 1;
    }
  }
  return active;
}

function touchedSet(touched: readonly number[], t: number): boolean {
  for (const x of touched) if (x === t) return true;
  return false;
}
