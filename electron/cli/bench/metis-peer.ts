import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluatePlan, type PlanProblem } from '../../../shared/domain/balancing/evaluate-plan';
import { unitVectors } from '../../../shared/domain/balancing/geometry';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';
import { EARTH_RADIUS_KM } from '../../../shared/domain/geo/great-circle';
import { minCostAssignment } from '../../../shared/domain/graph/min-cost-assignment';
import { connectedComponents } from '../../../shared/domain/graph/connected-components';
import { bridgeComponents, chord2, integerWeights, metisGraphText, readPartition } from './metis-graph-file';

/**
 * METIS (`gpmetis`, Debian package `metis`) as a peer in the balancing benchmark
 * (BENCHMARKS.md: "cut edges ≤ 1.5× METIS at equal tolerance"). Measurement only: nothing
 * in the app or the tests needs METIS; a missing `gpmetis` gives `{ skipped }`.
 *
 * How METIS is driven:
 * - The study-area graph goes to a METIS graph file: vertices 1-based, every undirected
 *   edge listed from both ends, self loops and duplicates dropped, `fmt` 010 (vertex
 *   weights only) and `ncon` = the number of measures given as constraints. METIS needs
 *   integer weights, so each measure is scaled so that its total is about 2^28 (an
 *   integer factor when every value is already an integer), zeros staying 0.
 * - `-contig` is silently ignored by gpmetis 5.1 when the graph is not connected, and the
 *   study area has islands. So every connected component other than the largest one is
 *   joined to the largest by ONE virtual edge (the component's cell nearest to the hub
 *   cell nearest to its centre). With a single bridge per island, a part that is
 *   connected in the bridged graph is connected within each study component of the real
 *   graph, so METIS's contiguity carries over to the evaluator's (which does not count a
 *   territory spanning islands as broken). The bridges only exist in the file given to
 *   METIS; every figure is computed by the evaluator on the real graph.
 * - `-ufactor` = round(1000 τ): METIS's k-way imbalance is max_k W_k / (total / K) ≤
 *   1 + ufactor/1000 for every constraint. That bounds the overweight side only; METIS
 *   does not bound underweight parts, so Δ_a = max_k |W−T|/T can exceed τ.
 * - Unequal capacities go to METIS as target part weights (`-tpwgts`).
 * - METIS's parts carry no homes. Travel D needs one per territory, so parts are matched
 *   to the problem's territories (and so their home cells) by a minimum-cost assignment
 *   (Hungarian, O(K³)) whose cost is the travel Σ_i w_i·d(p_i, home) of the part's cells
 *   around that home: the matching that gives METIS's parts their best D. D of METIS is
 *   therefore a matched comparison. Only territories of equal capacity are interchanged.
 * - Locks, frozen cells and accounts placed by name (fixedLoad) are not given to METIS.
 */

/** gpmetis is missing, failed or refused the input: the reason, with METIS's own message. */
export interface MetisSkipped {
  skipped: string;
}

export interface MetisPeerOptions {
  /** Ask METIS for contiguous parts (`-contig`, islands bridged; see the module note). Default true. */
  contig?: boolean;
  /** Wall-clock limit for gpmetis (ms). Default 120 000. */
  timeoutMs?: number;
  /** Which of `problem.weights` METIS balances (its constraints), by index. Default: all. */
  constraints?: readonly number[];
  /** METIS's `-seed`; default: METIS's own (deterministic). */
  seed?: number;
  /** The executable. Default `gpmetis` on PATH. */
  gpmetis?: string;
}

export interface MetisPeerResult {
  /** METIS's part per cell, 0 … K−1, as read from `<file>.part.<K>`. */
  plan: Int32Array;
  /** Territory position per cell after matching parts to territories (evaluate THIS one). */
  matchedPlan: Int32Array;
  /** Territory position (0 … K−1) given to each part. */
  territoryOfPart: Int32Array;
  /** Home cell of each part's territory (−1 for a territory without a home). */
  homeOfPart: Int32Array;
  /** τ asked for, and METIS's `-ufactor` = round(1000 τ). */
  tolerance: number;
  ufactor: number;
  /** The gpmetis command line that was run (temp file names included). */
  command: string;
  contig: boolean;
  /** Measure indices (into problem.weights) given to METIS as constraints. */
  constraints: number[];
  /** Integer factor applied to each constraint's weights. */
  weightScale: number[];
  /** Connected components of the study area, and the virtual edges added to join them (contig only). */
  studyComponents: number;
  bridges: number;
  /** Edge cut METIS reports (on the graph it was given, bridges included). */
  metisEdgecut: number | null;
  /**
   * Parts METIS itself reports as non-contiguous on the graph it was given ("Each partition
   * is contiguous" → 0, "There are N non-contiguous partitions" → N); null if it printed neither.
   */
  metisNonContiguousParts: number | null;
  ms: {
    /** wall time of the gpmetis process (file read and write included) */
    gpmetis: number;
    /** "Partitioning: … sec (METIS time)" as METIS prints it, null if absent */
    metis: number | null;
    /** "I/O: … sec" as METIS prints it */
    metisIo: number | null;
    /** building and writing the graph file */
    write: number;
    /** matching parts to homes */
    matching: number;
  };
}

/**
 * Partitions the problem's study area with gpmetis into K = territories parts at the
 * tolerance τ (one for every constraint), and matches the parts to the territories.
 * @returns the plan and timings, or `{ skipped }` when gpmetis is not installed, fails,
 *   times out or the input cannot be given to it
 */
export function runMetisPeer(problem: BalanceProblem, tolerance: number, options: MetisPeerOptions = {}): MetisPeerResult | MetisSkipped {
  const executable = options.gpmetis ?? 'gpmetis';
  const probe = spawnSync(executable, ['-help'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) {
    const code = (probe.error as NodeJS.ErrnoException).code;
    return { skipped: code === 'ENOENT' ? 'gpmetis is not installed (apt-get install metis)' : `gpmetis could not be run: ${probe.error.message}` };
  }

  const n = problem.offsets.length - 1;
  const k = problem.capacity.length;
  const contig = options.contig ?? true;
  const constraints = [...(options.constraints ?? problem.weights.map((_, a) => a))];
  if (k < 1) return { skipped: 'METIS needs at least one territory.' };
  if (constraints.length === 0) return { skipped: 'METIS needs at least one measure to balance.' };
  if (!(tolerance > 0)) return { skipped: `METIS needs a positive tolerance (got ${tolerance}).` };

  const writeStart = performance.now();
  let integer: { columns: Int32Array[]; scale: number[] };
  try {
    integer = integerWeights(constraints.map((a) => {
      const column = problem.weights[a];
      if (!column) throw new RangeError(`There is no measure ${a} (the problem has ${problem.weights.length}).`);
      return column;
    }));
  } catch (e) {
    return { skipped: `METIS was not run: ${(e as Error).message}` };
  }
  const components = connectedComponents({ offsets: problem.offsets, neighbors: problem.neighbors });
  const graph = contig && components.count > 1 ? bridgeComponents(problem, components) : { offsets: problem.offsets, neighbors: problem.neighbors, bridges: 0 };

  const ufactor = Math.max(1, Math.round(1000 * tolerance));
  const dir = mkdtempSync(join(tmpdir(), 'tessera-metis-'));
  try {
    const file = join(dir, 'study-area.graph');
    try {
      writeFileSync(file, metisGraphText(graph, integer.columns));
    } catch (e) {
      return { skipped: `METIS was not run: ${(e as Error).message}` };
    }
    const args = ['-ptype=kway', ...(contig ? ['-contig'] : []), `-ufactor=${ufactor}`];
    if (options.seed !== undefined) args.push(`-seed=${options.seed}`);
    const capacityTotal = problem.capacity.reduce((s, c) => s + c, 0);
    if (problem.capacity.some((c) => c !== problem.capacity[0])) {
      const tpwgts = join(dir, 'targets.tpwgts');
      writeFileSync(tpwgts, problem.capacity.map((c, p) => `${p} = ${c / capacityTotal}\n`).join(''));
      args.push(`-tpwgts=${tpwgts}`);
    }
    args.push(file, String(k));
    const command = [executable, ...args].join(' ');
    const write = performance.now() - writeStart;

    const start = performance.now();
    const run = spawnSync(executable, args, { encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 << 20 });
    const gpmetisMs = performance.now() - start;
    const stdout = run.stdout ?? '';
    const said = `${run.stderr ?? ''}\n${stdout}`.trim();
    if (run.error || run.signal) {
      const why = run.signal ? `was stopped by ${run.signal} after ${Math.round(gpmetisMs)} ms` : run.error!.message;
      return { skipped: `gpmetis failed (${why}): ${command}\n${tail(said)}` };
    }
    if (run.status !== 0) return { skipped: `gpmetis exited with ${run.status}: ${command}\n${tail(said)}` };
    if (contig && /contig\S* option will be ignored/i.test(said)) {
      return { skipped: `gpmetis ignored -contig: ${command}\n${tail(said)}` };
    }

    let plan: Int32Array;
    try {
      plan = readPartition(readFileSync(`${file}.part.${k}`, 'utf8'), n, k);
    } catch (e) {
      return { skipped: `gpmetis gave no usable partition (${(e as Error).message}): ${command}\n${tail(said)}` };
    }

    const matchStart = performance.now();
    const territoryOfPart = matchPartsToTerritories(problem, plan);
    const matching = performance.now() - matchStart;
    const matchedPlan = Int32Array.from(plan, (p) => territoryOfPart[p]!);
    return {
      plan,
      matchedPlan,
      territoryOfPart,
      homeOfPart: Int32Array.from(territoryOfPart, (t) => problem.home[t]!),
      tolerance,
      ufactor,
      command,
      contig,
      constraints,
      weightScale: integer.scale,
      studyComponents: components.count,
      bridges: graph.bridges,
      metisEdgecut: numberAfter(stdout, /Edgecut:\s*(\d+)/),
      metisNonContiguousParts: /Each partition is contiguous/.test(stdout) ? 0 : numberAfter(stdout, /There are\s+(\d+)\s+non-contiguous/),
      ms: {
        gpmetis: gpmetisMs,
        metis: secondsToMs(numberAfter(stdout, /Partitioning:\s*([\d.]+)\s*sec/)),
        metisIo: secondsToMs(numberAfter(stdout, /I\/O:\s*([\d.]+)\s*sec/)),
        write,
        matching,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The figures of a METIS run by the project's one evaluator (`evaluatePlan`), shaped like
 * the balancing bench's: Δ per measure, contiguity breaks, cut edges, D (matched), I,
 * plus METIS's times and command.
 * @param evaluation the evaluator's problem (`evaluationProblem(wp, measures)`)
 * @param result a run of {@link runMetisPeer}
 */
export function metisFigures(evaluation: PlanProblem, result: MetisPeerResult) {
  const f = evaluatePlan(evaluation, result.matchedPlan);
  const keys = Object.keys(evaluation.weights);
  return {
    command: result.command,
    ufactor: result.ufactor,
    constraints: result.constraints.map((a) => keys[a] ?? String(a)),
    contig: result.contig,
    bridges: result.bridges,
    ms: round(result.ms.gpmetis, 0),
    metisReportedMs: result.ms.metis === null ? null : round(result.ms.metis, 0),
    tolerance: result.tolerance,
    maxDeviation: Object.fromEntries(Object.entries(f.maxDeviation).map(([key, v]) => [key, round(v)])),
    granularity: Object.fromEntries(Object.entries(f.granularity).map(([key, v]) => [key, round(v)])),
    /** Δ ≤ τ for every measure (METIS bounds only the overweight side, through ufactor) */
    feasibleAtTolerance: Object.values(f.maxDeviation).every((d) => d <= result.tolerance + 1e-12),
    contiguityBreaks: f.contiguityBreaks,
    /** parts METIS left without a cell (its balance bounds only the overweight side) */
    emptyParts: f.perTerritory.filter((t) => t.cells === 0).length,
    cutEdges: f.cutEdges,
    meanTravelKm: f.meanTravelKm === null ? null : round(f.meanTravelKm, 1),
    travelNote: 'matched: METIS parts have no homes; each part is given the territory (home) that minimises its travel (Hungarian)',
    inertia: round(f.inertia, 0),
    meanCompactness: f.meanCompactness === null ? null : round(f.meanCompactness),
  };
}

/** The METIS figures for the balancing bench, as plain JSON. */
export type MetisFigures = ReturnType<typeof metisFigures>;

/**
 * One call for the bench: runs METIS on the problem at τ and evaluates the matched plan.
 * @returns the figures of {@link metisFigures}, or `{ skipped }` (gpmetis missing or failed)
 */
export function metisPeerFigures(problem: BalanceProblem, evaluation: PlanProblem, tolerance: number, options: MetisPeerOptions = {}): MetisFigures | MetisSkipped {
  const result = runMetisPeer(problem, tolerance, options);
  return 'skipped' in result ? result : metisFigures(evaluation, result);
}

/**
 * Gives each METIS part a territory (and so a home): the assignment of parts to
 * territories of the same capacity that minimises the total travel Σ_i w_i·d(p_i, home)
 * (w = the problem's travel weight, 1 per cell without one; d great-circle). Territories
 * without a home cost 0 for any part.
 * @returns territory position per part
 */
export function matchPartsToTerritories(problem: Pick<BalanceProblem, 'lat' | 'lon' | 'home' | 'capacity' | 'travelWeight'>, plan: Int32Array): Int32Array {
  const k = problem.capacity.length;
  const units = unitVectors(problem.lat, problem.lon);
  const homes = Array.from(problem.home);
  const cost = new Float64Array(k * k);
  const weight = problem.travelWeight;
  for (let i = 0; i < plan.length; i++) {
    const w = weight ? weight[i]! : 1;
    if (w === 0) continue;
    const row = plan[i]! * k;
    for (let t = 0; t < k; t++) {
      const h = homes[t]!;
      if (h < 0) continue;
      // Great-circle distance from the chord between unit vectors.
      cost[row + t]! += w * 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(chord2(units, i, h)) / 2));
    }
  }
  // Parts are cut to capacity p's target (tpwgts): only territories of the same capacity may take part p.
  let big = 1;
  for (let x = 0; x < cost.length; x++) big += cost[x]!;
  for (let p = 0; p < k; p++) for (let t = 0; t < k; t++) if (problem.capacity[p] !== problem.capacity[t]) cost[p * k + t] = big;
  return minCostAssignment(cost, k);
}

function numberAfter(text: string, pattern: RegExp): number | null {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : null;
}

function secondsToMs(seconds: number | null): number | null {
  return seconds === null ? null : seconds * 1000;
}

function tail(text: string, lines = 12): string {
  return text.split('\n').slice(-lines).join('\n');
}

function round(x: number, digits = 4): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
