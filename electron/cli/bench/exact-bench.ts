import { createRequire } from 'node:module';
import { evaluationOf } from '../../../shared/domain/balancing/evaluation-of';
import { balance } from '../../../shared/domain/balancing/balance';
import { evaluatePlan, planHash, type PlanFigures, type PlanProblem } from '../../../shared/domain/balancing/evaluate-plan';
import { latticeInstance, type LatticeInstance } from '../../../shared/domain/balancing/lattice-instance';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';
import { greatCircleKm } from '../../../shared/domain/geo/great-circle';

/**
 * The S-exact suite of BENCHMARKS.md: the optimality gap of the engine's build against an
 * exact MIP solved by HiGHS (the `highs` npm package, WebAssembly, a devDependency). The
 * MIP assigns every cell to one territory, keeps every measure of every territory within
 * ±τ_a of its target and minimises the travel Σ_i w_i·d(i, home_x(i)); it has no
 * contiguity constraints, so its optimum is a lower bound for any contiguous plan at the
 * same tolerance.
 */

/** The slice of the `highs` runtime this suite uses (see node_modules/highs/types.d.ts). */
export interface HighsModel {
  options: { set(values: Record<string, string | number | boolean>): unknown };
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: ArrayLike<number> };
  getDimensions(): { numCols: number };
  getColName(index: number): string;
  info: { get(name: string): number | bigint };
}
export interface HighsRuntime {
  version: { string: string };
  constants: { modelStatus: Record<string, number> };
  withModel<R>(source: { format: 'lp'; data: string }, operation: (model: HighsModel) => R): R;
}

/** The package name, kept out of a literal `require('highs')` so the bundler leaves it to Node at run time. */
const HIGHS_PACKAGE = 'highs';

/**
 * Loads HiGHS at run time from node_modules (it is a devDependency, never bundled).
 * @returns the runtime, or the reason it could not be loaded
 */
export async function loadHighs(): Promise<{ highs: HighsRuntime } | { error: string }> {
  try {
    const requireHere = createRequire(__filename);
    const loader = requireHere(HIGHS_PACKAGE) as (options?: object) => Promise<HighsRuntime>;
    return { highs: await loader() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export interface ExactSolution {
  /** HiGHS' model status by name (optimal, infeasible, timeLimit, …). */
  status: string;
  /** Territory per cell, or null when HiGHS has no feasible solution. */
  plan: Int32Array | null;
  /** Σ_i w_i·d(i, home) of `plan` (km × workload), as HiGHS reports it. */
  objective: number | null;
  /** HiGHS' best bound on the optimum (the dual bound). */
  dualBound: number | null;
  /** HiGHS' relative MIP gap (incumbent vs bound). */
  mipGap: number | null;
  timeLimitHit: boolean;
  ms: number;
  nodes: number;
}

/** Travel cost of cell i in territory k: travel weight × great-circle km to the home (the evaluator's D, unnormalised). */
export function travelCost(problem: BalanceProblem, i: number, k: number): number {
  const home = problem.home[k]!;
  const w = problem.travelWeight ? problem.travelWeight[i]! : 1;
  return w * greatCircleKm(problem.lat[home]!, problem.lon[home]!, problem.lat[i]!, problem.lon[i]!);
}

/** Total travel Σ_i w_i·d(i, home_x(i)) of a plan. */
export function totalTravel(problem: BalanceProblem, plan: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < plan.length; i++) sum += travelCost(problem, i, plan[i]!);
  return sum;
}

/** The targets T_a of equal-capacity territories (total_a × capacity_k / Σ capacity, per territory). */
function targets(problem: BalanceProblem): number[][] {
  const capacityTotal = problem.capacity.reduce((s, c) => s + c, 0);
  return problem.weights.map((w) => {
    const total = w.reduce((s, v) => s + v, 0);
    return problem.capacity.map((c) => (total * c) / capacityTotal);
  });
}

/**
 * The MIP in CPLEX LP format: binaries x{i}_{k}; Σ_k x_ik = 1 per cell;
 * (1 − τ_a) ≤ Σ_i (w_ia / T_ka) x_ik ≤ 1 + τ_a per measure and territory (scaled by the
 * target); minimise Σ_i Σ_k w_i·d(i, home_k)·x_ik.
 *
 * With `contiguous`, every territory must also be connected and hold its home: a
 * single-commodity flow f{i}_{j}_{k} ≥ 0 per arc and territory leaves the home and drops
 * one unit at each other cell of the territory (inflow − outflow = x_ik), and an arc
 * carries flow only between two cells of that territory (f ≤ (n − K)·x at both ends).
 * A connected study area is assumed (the S-exact lattices are).
 */
export function exactModel(problem: BalanceProblem, tolerance: readonly number[], options: { contiguous?: boolean } = {}): string {
  const n = problem.offsets.length - 1;
  const k = problem.capacity.length;
  const target = targets(problem);
  const lines: string[] = ['Minimize'];
  const terms: string[] = [];
  const flush = (head: string, tail = '') => {
    // Short lines: a few terms each.
    for (let s = 0; s < terms.length; s += 8) lines.push(`${s === 0 ? head : ' '} ${terms.slice(s, s + 8).join(' ')}`);
    if (terms.length === 0) lines.push(`${head} 0 x0_0`);
    if (tail) lines.push(` ${tail}`);
    terms.length = 0;
  };
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const c = travelCost(problem, i, t);
      if (c !== 0) terms.push(`+ ${num(c)} x${i}_${t}`);
    }
  }
  flush(' obj:');
  lines.push('Subject To');
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) terms.push(`+ x${i}_${t}`);
    flush(` one${i}:`, '= 1');
  }
  problem.weights.forEach((w, a) => {
    for (let t = 0; t < k; t++) {
      const T = target[a]![t]!;
      if (!(T > 0)) continue;
      for (const [name, bound] of [
        ['lo', `>= ${num(1 - tolerance[a]!)}`],
        ['hi', `<= ${num(1 + tolerance[a]!)}`],
      ] as const) {
        for (let i = 0; i < n; i++) if (w[i]! !== 0) terms.push(`+ ${num(w[i]! / T)} x${i}_${t}`);
        flush(` ${name}${a}_${t}:`, bound);
      }
    }
  });
  if (options.contiguous) contiguityRows(problem, lines);
  lines.push('Binaries');
  const names: string[] = [];
  for (let i = 0; i < n; i++) for (let t = 0; t < k; t++) names.push(`x${i}_${t}`);
  for (let s = 0; s < names.length; s += 16) lines.push(` ${names.slice(s, s + 16).join(' ')}`);
  lines.push('End');
  return lines.join('\n');
}

/** The contiguity rows of `exactModel` (homes fixed, flow conservation, arc capacities). */
function contiguityRows(problem: BalanceProblem, lines: string[]): void {
  const { offsets, neighbors, home } = problem;
  const n = offsets.length - 1;
  const k = problem.capacity.length;
  const capacity = Math.max(1, n - k);
  for (let t = 0; t < k; t++) {
    const h = home[t]!;
    lines.push(` home${t}: + x${h}_${t} = 1`);
    for (let i = 0; i < n; i++) {
      const terms: string[] = [];
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const j = neighbors[e]!;
        terms.push(`+ f${j}_${i}_${t}`, `- f${i}_${j}_${t}`);
        lines.push(` cap${i}_${j}_${t}a: + f${i}_${j}_${t} - ${capacity} x${i}_${t} <= 0`);
        lines.push(` cap${i}_${j}_${t}b: + f${i}_${j}_${t} - ${capacity} x${j}_${t} <= 0`);
      }
      if (i === h) continue;
      terms.push(`- x${i}_${t}`);
      for (let s = 0; s < terms.length; s += 8) lines.push(`${s === 0 ? ` flow${i}_${t}:` : ' '} ${terms.slice(s, s + 8).join(' ')}`);
      lines.push(' = 0');
    }
  }
}

/** A coefficient for the LP text (full double precision, no exponent surprises). */
function num(x: number): string {
  return Number(x.toPrecision(15)).toString();
}

/**
 * Solves the MIP with HiGHS.
 * @param timeLimitS HiGHS' `time_limit` (seconds)
 */
export function solveExact(highs: HighsRuntime, problem: BalanceProblem, tolerance: readonly number[], timeLimitS: number, options: { contiguous?: boolean } = {}): ExactSolution {
  const n = problem.offsets.length - 1;
  const lp = exactModel(problem, tolerance, options);
  const statusName = new Map(Object.entries(highs.constants.modelStatus).map(([name, code]) => [code, name]));
  const started = performance.now();
  return highs.withModel({ format: 'lp', data: lp }, (model) => {
    model.options.set({ output_flag: false, time_limit: timeLimitS });
    model.run();
    const ms = performance.now() - started;
    const code = model.getModelStatus();
    const status = statusName.get(code) ?? String(code);
    const info = (name: string): number | null => {
      try {
        const v = Number(model.info.get(name));
        return Number.isFinite(v) ? v : null;
      } catch {
        return null;
      }
    };
    // primal_solution_status 2 = feasible (HiGHS' kSolutionStatusFeasible).
    const hasSolution = info('primal_solution_status') === 2;
    let plan: Int32Array | null = null;
    if (hasSolution) {
      plan = new Int32Array(n).fill(-1);
      const values = model.getSolution().colValue;
      const columns = model.getDimensions().numCols;
      for (let j = 0; j < columns; j++) {
        if (values[j]! < 0.5) continue;
        const match = /^x(\d+)_(\d+)$/.exec(model.getColName(j));
        if (match) plan[Number(match[1])] = Number(match[2]);
      }
    }
    return {
      status,
      plan,
      objective: hasSolution ? model.getObjectiveValue() : null,
      dualBound: info('mip_dual_bound'),
      mipGap: hasSolution ? info('mip_gap') : null,
      timeLimitHit: code === highs.constants.modelStatus.timeLimit,
      ms,
      nodes: info('mip_node_count') ?? 0,
    };
  });
}

/** The evaluator's view of a lattice instance (territory positions as ids, the workload as the travel weight). */
export function latticeEvaluation(instance: LatticeInstance, tolerance: readonly number[]): PlanProblem {
  return evaluationOf({ ...instance.problem, tolerance: [...tolerance] }, instance.measures, 'workload', { cellAccounts: instance.accounts });
}

/** g_a = max_i w_ia / min_k T_ka per measure. */
export function granularityOf(problem: BalanceProblem): number[] {
  const target = targets(problem);
  return problem.weights.map((w, a) => {
    const smallest = Math.min(...target[a]!);
    return smallest > 0 ? w.reduce((m, v) => Math.max(m, v), 0) / smallest : 0;
  });
}

export interface ToleranceChoice {
  tolerance: number[];
  solution: ExactSolution;
  attempts: { tolerance: number[]; status: string; ms: number }[];
}

const BASE_TOLERANCE = 0.05;
const MAX_ATTEMPTS = 6;

/**
 * Solves at τ = 5 % on every measure; where HiGHS finds no feasible plan (proved
 * infeasible, or none found within the time limit), raises each τ_a to max(τ_a, g_a) and
 * then by ×1.25 per attempt until it has one.
 */
export function solveWithFeasibleTolerance(highs: HighsRuntime, problem: BalanceProblem, timeLimitS: number): ToleranceChoice {
  const g = granularityOf(problem);
  let tolerance = problem.weights.map(() => BASE_TOLERANCE);
  const attempts: ToleranceChoice['attempts'] = [];
  for (let attempt = 0; ; attempt++) {
    const solution = solveExact(highs, problem, tolerance, timeLimitS);
    attempts.push({ tolerance: tolerance.map((t) => round(t, 4)), status: solution.status, ms: Math.round(solution.ms) });
    if (solution.plan || attempt + 1 >= MAX_ATTEMPTS) return { tolerance, solution, attempts };
    tolerance = attempt === 0 ? tolerance.map((t, a) => Math.max(t, g[a]!)) : tolerance.map((t) => t * 1.25);
  }
}

/** The engine's figures on one instance: the plan, its evaluation, the median time over `runs` builds. */
function runEngine(problem: BalanceProblem, seed: number, compactness: number | undefined, runs: number) {
  const times: number[] = [];
  let plan: Int32Array | null = null;
  let identical = true;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = balance(problem, { mode: 'build', prior: null, seed, ...(compactness === undefined ? {} : { compactness }) });
    times.push(performance.now() - started);
    if (plan && planHash(plan) !== planHash(result.plan)) identical = false;
    plan = result.plan;
  }
  times.sort((a, b) => a - b);
  return { plan: plan!, ms: times[Math.floor(times.length / 2)]!, identical };
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function planFigures(f: PlanFigures, tolerance: Record<string, number>) {
  return {
    meanTravelKm: f.meanTravelKm === null ? null : round(f.meanTravelKm, 3),
    maxDeviation: Object.fromEntries(Object.entries(f.maxDeviation).map(([m, v]) => [m, round(v)])),
    feasible: Object.entries(f.maxDeviation).every(([m, v]) => v <= tolerance[m]! + 1e-9),
    /** max_a Δ_a / τ_a (≤ 1: feasible) */
    deviationOverTolerance: round(Math.max(...Object.entries(f.maxDeviation).map(([m, v]) => v / tolerance[m]!)), 3),
    excess: round(f.excess),
    contiguityBreaks: f.contiguityBreaks,
    cutEdges: f.cutEdges,
  };
}

/** One S-exact instance: HiGHS at the chosen τ, then the engine, both through the evaluator. */
function runInstance(
  highs: HighsRuntime,
  n: number,
  k: number,
  seed: number,
  settings: { timeLimitS: number; compactness: number | undefined; engineRuns: number; contiguousUpTo: number; contiguousTimeLimitS: number },
  log: (line: string) => void,
) {
  const { timeLimitS, compactness, engineRuns } = settings;
  const instance = latticeInstance({ n, k, seed });
  log(`exact: n=${n} K=${k} seed ${seed}: HiGHS…`);
  const choice = solveWithFeasibleTolerance(highs, instance.problem, timeLimitS);
  const problem: BalanceProblem = { ...instance.problem, tolerance: choice.tolerance };
  const evaluation = latticeEvaluation(instance, choice.tolerance);
  const toleranceByMeasure = evaluation.tolerance!;
  const exact = choice.solution;
  const exactFigures = exact.plan ? evaluatePlan(evaluation, exact.plan) : null;
  const totalWeight = problem.travelWeight!.reduce((s, v) => s + v, 0);
  const optimumMean = exactFigures?.meanTravelKm ?? null;
  const boundMean = exact.dualBound !== null && totalWeight > 0 ? exact.dualBound / totalWeight : null;

  const contiguous = contiguousOptimum(highs, problem, choice.tolerance, exact, exactFigures?.contiguityBreaks ?? null, n <= settings.contiguousUpTo ? settings.contiguousTimeLimitS : 0);
  const contiguousFigures = contiguous?.plan ? evaluatePlan(evaluation, contiguous.plan) : null;

  const ours = runEngine(problem, seed, compactness, engineRuns);
  const oursFigures = evaluatePlan(evaluation, ours.plan);
  // Without a compactness of its own, ours is already the engine's default.
  const byDefault = compactness === undefined ? ours : runEngine(problem, seed, undefined, 1);
  const defaultFigures = byDefault === ours ? oursFigures : evaluatePlan(evaluation, byDefault.plan);

  const row = {
    n,
    k,
    seed,
    measures: instance.measures,
    tolerance: Object.fromEntries(Object.entries(toleranceByMeasure).map(([m, v]) => [m, round(v)])),
    granularity: Object.fromEntries(Object.entries(oursFigures.granularity).map(([m, v]) => [m, round(v)])),
    toleranceAttempts: choice.attempts,
    highs: {
      status: exact.status,
      ms: Math.round(exact.ms),
      /** every attempt's solve, the infeasible ones at lower τ included */
      msAllAttempts: choice.attempts.reduce((sum, a) => sum + a.ms, 0),
      timeLimitHit: exact.timeLimitHit,
      mipGap: exact.mipGap === null ? null : round(exact.mipGap, 6),
      nodes: exact.nodes,
      travel: exact.objective === null ? null : round(exact.objective, 1),
      /** The evaluator's travel of HiGHS' plan against HiGHS' objective (should be ~0). */
      objectiveCheck: exact.objective && exactFigures?.meanTravelKm ? round((exactFigures.meanTravelKm * totalWeight) / exact.objective - 1, 8) : null,
      boundMeanTravelKm: boundMean === null ? null : round(boundMean, 3),
      ...(exactFigures ? planFigures(exactFigures, toleranceByMeasure) : {}),
    },
    /**
     * The least travel of a contiguous plan that keeps each home in its territory: HiGHS'
     * plan above where it is already contiguous, else the MIP with flow rows for contiguity
     * (n ≤ contiguousUpTo). null where not solved.
     */
    highsContiguous: contiguous
      ? {
          source: contiguous.source,
          status: contiguous.status,
          ms: contiguous.ms,
          timeLimitHit: contiguous.timeLimitHit,
          mipGap: contiguous.mipGap === null ? null : round(contiguous.mipGap, 6),
          boundMeanTravelKm: contiguous.dualBound === null || !(totalWeight > 0) ? null : round(contiguous.dualBound / totalWeight, 3),
          ...(contiguousFigures ? planFigures(contiguousFigures, toleranceByMeasure) : {}),
        }
      : null,
    ours: {
      compactness: compactness ?? 'engine default',
      ms: round(ours.ms, 2),
      deterministic: ours.identical,
      travel: oursFigures.meanTravelKm === null ? null : round(oursFigures.meanTravelKm * totalWeight, 1),
      ...planFigures(oursFigures, toleranceByMeasure),
      gap: round(gapOf(oursFigures.meanTravelKm, optimumMean) ?? NaN, 4),
      gapToBound: round(gapOf(oursFigures.meanTravelKm, boundMean) ?? NaN, 4),
      /** against the contiguous optimum (or HiGHS' best contiguous plan when its time ran out) */
      gapToContiguous: round(gapOf(oursFigures.meanTravelKm, contiguousFigures?.meanTravelKm ?? null) ?? NaN, 4),
    },
    oursDefaultCompactness: {
      ms: round(byDefault.ms, 2),
      ...planFigures(defaultFigures, toleranceByMeasure),
      gap: round(gapOf(defaultFigures.meanTravelKm, optimumMean) ?? NaN, 4),
    },
  };
  log(
    `exact: n=${n} K=${k} seed ${seed}: τ ${Object.values(row.tolerance).join('/')}, HiGHS ${exact.status} ${row.highs.ms} ms, ` +
      `gap ${(row.ours.gap * 100).toFixed(2)} %${Number.isFinite(row.ours.gapToContiguous) ? ` (${(row.ours.gapToContiguous * 100).toFixed(2)} % to the contiguous optimum)` : ''}, ours ${row.ours.ms} ms, feasible ${row.ours.feasible}`,
  );
  return row;
}

type InstanceRow = ReturnType<typeof runInstance>;

/**
 * The contiguous optimum for `runInstance`: the unconstrained plan itself when it has no
 * contiguity breaks and every home in its own territory (then no contiguous plan can do
 * better), else the MIP with contiguity rows when a time limit is given.
 */
function contiguousOptimum(
  highs: HighsRuntime,
  problem: BalanceProblem,
  tolerance: readonly number[],
  unconstrained: ExactSolution,
  breaks: number | null,
  timeLimitS: number,
): (ExactSolution & { source: 'unconstrained plan' | 'contiguous model' }) | null {
  const plan = unconstrained.plan;
  if (!plan) return null;
  // Its status, gap and bound carry over: a plan HiGHS did not prove optimal stays unproved.
  if (breaks === 0 && problem.home.every((h, t) => plan[h] === t)) return { ...unconstrained, ms: 0, source: 'unconstrained plan' };
  if (!(timeLimitS > 0)) return null;
  return { ...solveExact(highs, problem, tolerance, timeLimitS, { contiguous: true }), source: 'contiguous model' };
}

export interface ExactSuiteOptions {
  /** Cell counts, territory counts and seeds of the grid. Default {50, 100, 150} × {5, 10} × {1, 2, 3}. */
  sizes?: readonly number[];
  territories?: readonly number[];
  seeds?: readonly number[];
  /** HiGHS' time limit per solve, seconds. Default 20. */
  timeLimitS?: number;
  /** The engine's compactness for the comparison. Default: the engine's own (a build's default). */
  compactness?: number;
  /** Engine builds per instance (the time is their median). Default 5. */
  engineRuns?: number;
  /** Solve the contiguous MIP where HiGHS' plan breaks contiguity, for n up to this. Default 100. */
  contiguousUpTo?: number;
  /** HiGHS' time limit for a contiguous solve, seconds. Default 30. */
  contiguousTimeLimitS?: number;
  /** Loads HiGHS (tests replace it). */
  load?: () => Promise<{ highs: HighsRuntime } | { error: string }>;
}

/** Our build's relation to the exact optimum (positive: ours travels more). */
function gapOf(ours: number | null, optimum: number | null): number | null {
  return ours !== null && optimum !== null && optimum > 0 ? ours / optimum - 1 : null;
}

/**
 * Runs the S-exact comparison over the grid of instances.
 * @returns the suite's figures, or `{ skipped }` when HiGHS cannot be loaded
 */
export async function runExactSuite(log: (line: string) => void, options: ExactSuiteOptions = {}): Promise<object> {
  const loaded = await (options.load ?? loadHighs)();
  if ('error' in loaded) {
    log(`exact: skipped, highs is not installed (${loaded.error.split('\n')[0]})`);
    return { skipped: 'highs is not installed (npm install --save-dev highs)' };
  }
  const { highs } = loaded;
  const sizes = options.sizes ?? [50, 100, 150];
  const territoryCounts = options.territories ?? [5, 10];
  const seeds = options.seeds ?? [1, 2, 3];
  const timeLimitS = options.timeLimitS ?? 20;
  const compactness = options.compactness;
  const engineRuns = options.engineRuns ?? 5;
  const suiteStarted = performance.now();

  const instances: InstanceRow[] = [];
  for (const n of sizes) {
    for (const k of territoryCounts) {
      for (const seed of seeds) {
        instances.push(
          runInstance(highs, n, k, seed, { timeLimitS, compactness, engineRuns, contiguousUpTo: options.contiguousUpTo ?? 100, contiguousTimeLimitS: options.contiguousTimeLimitS ?? 30 }, log),
        );
      }
    }
  }

  const summarise = (rows: typeof instances) => {
    const withOptimum = rows.filter((r) => Number.isFinite(r.ours.gap));
    const gaps = withOptimum.map((r) => r.ours.gap);
    const feasibleGaps = withOptimum.filter((r) => r.ours.feasible).map((r) => r.ours.gap);
    const ms = rows.map((r) => r.ours.ms);
    const within = withOptimum.filter((r) => r.ours.gap <= 0.01);
    return {
      instances: rows.length,
      withExactPlan: withOptimum.length,
      provedOptimal: rows.filter((r) => r.highs.status === 'optimal').length,
      highsTimeLimitHit: rows.filter((r) => r.highs.timeLimitHit).length,
      medianGap: round(median(gaps) ?? NaN, 4),
      maxGap: gaps.length ? round(Math.max(...gaps), 4) : null,
      /** gap ≤ 1 %, feasible or not (an infeasible plan can travel less than the optimum: gap < 0) */
      shareGapAtMost1Percent: withOptimum.length ? round(within.length / withOptimum.length, 3) : null,
      oursFeasible: rows.filter((r) => r.ours.feasible).length,
      /** the target: feasible at τ and within 1 % of the optimum */
      shareFeasibleAndWithin1Percent: withOptimum.length ? round(within.filter((r) => r.ours.feasible).length / withOptimum.length, 3) : null,
      medianGapWhereFeasible: feasibleGaps.length ? round(median(feasibleGaps)!, 4) : null,
      /** instances with a contiguous plan from HiGHS (proved optimal or its best when time ran out) */
      withContiguousPlan: rows.filter((r) => Number.isFinite(r.ours.gapToContiguous)).length,
      contiguousProvedOptimal: rows.filter((r) => r.highsContiguous?.status === 'optimal').length,
      /** HiGHS found no contiguous plan within its time (none may exist) */
      contiguousNoPlan: rows.filter((r) => r.highsContiguous && !Number.isFinite(r.ours.gapToContiguous)).length,
      /** feasible at τ and within 1 % of the contiguous optimum (or HiGHS' best contiguous plan) */
      feasibleAndWithin1PercentOfContiguous: rows.filter((r) => r.ours.feasible && r.ours.gapToContiguous <= 0.01).length,
      oursMedianDeviationOverTolerance: round(median(rows.map((r) => r.ours.deviationOverTolerance)) ?? NaN, 3),
      oursMaxDeviationOverTolerance: rows.length ? Math.max(...rows.map((r) => r.ours.deviationOverTolerance)) : null,
      oursContiguityBreaks: rows.reduce((s, r) => s + r.ours.contiguityBreaks, 0),
      highsContiguityBreaks: rows.reduce((s, r) => s + (r.highs.contiguityBreaks ?? 0), 0),
      oursMedianMs: round(median(ms) ?? NaN, 2),
      oursMaxMs: ms.length ? round(Math.max(...ms), 2) : null,
      highsMedianMs: median(rows.map((r) => r.highs.ms)),
      highsMaxMs: rows.length ? Math.max(...rows.map((r) => r.highs.ms)) : null,
      highsTotalMsAllAttempts: rows.reduce((s, r) => s + r.highs.msAllAttempts, 0),
      defaultCompactnessMedianGap: round(median(withOptimum.map((r) => r.oursDefaultCompactness.gap)) ?? NaN, 4),
      defaultCompactnessFeasible: rows.filter((r) => r.oursDefaultCompactness.feasible).length,
      defaultCompactnessFeasibleAndWithin1Percent: withOptimum.filter((r) => r.oursDefaultCompactness.feasible && r.oursDefaultCompactness.gap <= 0.01).length,
    };
  };
  const upTo100 = summarise(instances.filter((r) => r.n <= 100));
  return {
    solver: `HiGHS ${highs.version.string} (npm highs, WebAssembly, one thread), time_limit ${timeLimitS} s per solve, default mip_rel_gap 1e-4`,
    model: 'binary x_ik; Σ_k x_ik = 1; (1−τ_a)T_a ≤ Σ_i w_ia x_ik ≤ (1+τ_a)T_a; minimise Σ w_i·d(i, home_k)·x_ik (w = workload, great-circle km); no contiguity',
    contiguousModel: `the same plus x_(home_k)k = 1 and a single-commodity flow from each home (inflow − outflow = x_ik, f ≤ (n−K)·x at both ends of an arc), where the plan above breaks contiguity and n ≤ ${options.contiguousUpTo ?? 100}; time_limit ${options.contiguousTimeLimitS ?? 30} s`,
    tolerance: 'τ = 5 % on every measure; where HiGHS finds no plan, τ_a = max(τ_a, g_a), then ×1.25 per retry',
    engine: `balance(build, seed = instance seed, compactness ${compactness ?? 'engine default'}); time = median of ${engineRuns} builds; oursDefaultCompactness: the engine's default`,
    target: 'S-exact n ≤ 100: within 1 % of the optimum, < 50 ms',
    instances,
    aggregate: summarise(instances),
    aggregateUpTo100: {
      ...upTo100,
      withinTarget: upTo100.shareFeasibleAndWithin1Percent === 1 && (upTo100.oursMaxMs ?? Infinity) < 50,
    },
    suiteMs: Math.round(performance.now() - suiteStarted),
  };
}
