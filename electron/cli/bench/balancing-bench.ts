import { balance } from '../../../shared/domain/balancing/balance';
import { evaluateDisruption, evaluatePlan, planHash, type PlanFigures } from '../../../shared/domain/balancing/evaluate-plan';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';
import { createRng } from '../../../shared/domain/random/create-rng';
import { evaluationProblem } from '../../backend/balancing/plan-report';
import { problemFromWorkspace, type MeasureChoice } from '../../backend/balancing/problem-from-workspace';
import type { Workspace } from '../../backend/workspace/workspace';
import { metisPeerFigures } from './metis-peer';
import { perMeasureReference } from './per-measure-reference';
import { powerDiagramReference } from './power-diagram-reference';

/** Manual edits timed for the local rebalance: enough that the 95th percentile is not simply the slowest one. */
const EDITS = 40;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

export function figuresOf(f: PlanFigures, tolerance: number) {
  const ratio: Record<string, number> = {};
  for (const [k, v] of Object.entries(f.maxDeviation)) ratio[k] = f.granularity[k]! > 0 ? round(v / f.granularity[k]!) : 0;
  return {
    maxDeviation: Object.fromEntries(Object.entries(f.maxDeviation).map(([k, v]) => [k, round(v)])),
    granularity: Object.fromEntries(Object.entries(f.granularity).map(([k, v]) => [k, round(v)])),
    deviationOverGranularity: ratio,
    feasibleAtTolerance: Object.values(f.maxDeviation).every((d) => d <= tolerance + 1e-12),
    excess: round(f.excess),
    contiguityBreaks: f.contiguityBreaks,
    meanTravelKm: f.meanTravelKm === null ? null : round(f.meanTravelKm, 1),
    inertia: round(f.inertia, 0),
    cutEdges: f.cutEdges,
    meanCompactness: f.meanCompactness === null ? null : round(f.meanCompactness),
  };
}

/**
 * The balancing suite of BENCHMARKS.md on one workspace (the H-220k instance in
 * `npm run bench`): build (time, Δ, Δ/g, contiguity, D, I, cut edges), determinism over
 * seeds, the two compactness references (the combined weight balanced, and every measure
 * within its band), realign after a weight drift (M/M_LB), and local rebalances after
 * manual edits (p50/p95).
 */
export function runBalancingSuite(ws: Workspace, log: (line: string) => void) {
  const tolerance = 0.02;
  const measures: MeasureChoice[] = ['workload', 'revenue_potential', 'accounts'].map((key) => ({ key, weight: 1, tolerance }));
  const wp = problemFromWorkspace(ws, 1, measures);
  const problem = wp.problem;
  const evaluation = evaluationProblem(wp, measures);
  const n = problem.offsets.length - 1;
  const k = problem.capacity.length;

  log(`balancing: build, ${n} cells, K=${k}, 3 measures at ±${tolerance * 100} %…`);
  const build = balance(problem, { mode: 'build', prior: null, seed: 1 });
  const built = evaluatePlan(evaluation, build.plan);

  log('balancing: determinism and feasibility over 10 seeds…');
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => {
    const a = balance(problem, { mode: 'build', prior: null, seed });
    const b = balance(problem, { mode: 'build', prior: null, seed });
    const f = evaluatePlan(evaluation, a.plan);
    return { seed, hash: planHash(a.plan), identical: planHash(a.plan) === planHash(b.plan), ms: a.elapsedMs, maxDeviation: round(Math.max(...Object.values(f.maxDeviation))), contiguityBreaks: f.contiguityBreaks };
  });

  log('balancing: the compactness reference (balanced least-travel split, no contiguity)…');
  const t0 = Date.now();
  const reference = evaluatePlan(evaluation, powerDiagramReference(problem));
  const referenceMs = Date.now() - t0;

  log('balancing: the per-measure compactness reference (least travel with every measure in its band, no contiguity)…');
  const t1 = Date.now();
  const perMeasure = perMeasureReference(problem);
  const perMeasureMs = Date.now() - t1;
  const perMeasureFigures = evaluatePlan(evaluation, perMeasure.plan);

  log('balancing: realign after a ±15 % drift and 5 % new accounts (R-220k)…');
  const rng = createRng(2026);
  const drifted: BalanceProblem = {
    ...problem,
    weights: problem.weights.map((w) =>
      Float64Array.from(w, (v) => v * (0.85 + 0.3 * rng.next()) + (rng.next() < 0.05 && v > 0 ? v * rng.next() : 0)),
    ),
  };
  const driftedEvaluation = { ...evaluation, weights: Object.fromEntries(measures.map((m, a) => [m.key, drifted.weights[a]!])), tolerance: Object.fromEntries(measures.map((m) => [m.key, 0.05])) };
  const realignProblem = { ...drifted, tolerance: measures.map(() => 0.05) };
  const realign = balance(realignProblem, { mode: 'realign', prior: build.plan, seed: 1 });
  const realigned = evaluatePlan(driftedEvaluation, realign.plan);
  const before = evaluatePlan(driftedEvaluation, build.plan);
  const disruption = evaluateDisruption(driftedEvaluation, build.plan, realign.plan);

  log('balancing: 40 manual edits, each followed by a local rebalance…');
  const local: number[] = [];
  const plan = Int32Array.from(build.plan);
  for (let e = 0; e < EDITS; e++) {
    // A manual edit: a territory takes a 40-cell patch from a neighbour, starting at a cell on their boundary.
    const boundary: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let x = problem.offsets[i]!; x < problem.offsets[i + 1]!; x++) {
        if (plan[problem.neighbors[x]!] !== plan[i]) {
          boundary.push(i);
          break;
        }
      }
    }
    const start = boundary[rng.int(boundary.length)]!;
    const owner = plan[start]!;
    let thief = -1;
    const queue = [start];
    const seen = new Set(queue);
    const patch: number[] = [];
    for (let h = 0; h < queue.length && patch.length < 40; h++) {
      const v = queue[h]!;
      if (plan[v] === owner) patch.push(v);
      for (let x = problem.offsets[v]!; x < problem.offsets[v + 1]!; x++) {
        const w = problem.neighbors[x]!;
        if (plan[w] !== owner && thief < 0) thief = plan[w]!;
        if (!seen.has(w) && plan[w] === owner) {
          seen.add(w);
          queue.push(w);
        }
      }
    }
    if (thief < 0) continue;
    for (const c of patch) plan[c] = thief;
    const t = Date.now();
    const r = balance(problem, { mode: 'local', prior: plan, touched: [thief, owner], seed: e });
    local.push(Date.now() - t);
    plan.set(r.plan);
  }

  log('balancing: METIS, when installed (1 constraint, then all measures)…');
  const metis = {
    workloadOnly: metisPeerFigures(problem, evaluation, tolerance, { constraints: [0] }),
    allMeasures: metisPeerFigures(problem, evaluation, tolerance),
  };
  const metisCut = 'cutEdges' in metis.workloadOnly ? metis.workloadOnly.cutEdges : null;
  return {
    instance: { cells: n, territories: k, measures: measures.map((m) => m.key), tolerance },
    build: { ms: build.elapsedMs, ...figuresOf(built, tolerance) },
    determinism: { seeds, identicalHashes: seeds.every((s) => s.identical), contiguousOverSeeds: seeds.every((s) => s.contiguityBreaks === 0) },
    reference: {
      name: 'least-travel balanced split of the combined weight (additively weighted Voronoi diagram of the homes; no contiguity)',
      ms: referenceMs,
      ...figuresOf(reference, tolerance),
      travelRatio: built.meanTravelKm && reference.meanTravelKm ? round(built.meanTravelKm / reference.meanTravelKm, 3) : null,
      inertiaRatio: reference.inertia > 0 ? round(built.inertia / reference.inertia, 3) : null,
    },
    referencePerMeasure: {
      name: 'least-travel split with every measure of every territory in its band (Lagrangian relaxation per territory and measure, rounded and repaired; no contiguity)',
      ms: perMeasureMs,
      ...figuresOf(perMeasureFigures, tolerance),
      bandLowerBoundKm: round(perMeasure.bandLowerBoundKm, 1),
      splitCells: perMeasure.splitCells,
      repairMoves: perMeasure.repairMoves,
      travelRatio: built.meanTravelKm && perMeasureFigures.meanTravelKm ? round(built.meanTravelKm / perMeasureFigures.meanTravelKm, 3) : null,
      inertiaRatio: perMeasureFigures.inertia > 0 ? round(built.inertia / perMeasureFigures.inertia, 3) : null,
    },
    realign: {
      tolerance: 0.05,
      ms: realign.elapsedMs,
      before: figuresOf(before, 0.05),
      after: figuresOf(realigned, 0.05),
      movedShare: Object.fromEntries(Object.entries(disruption.movedShare).map(([m, v]) => [m, round(v)])),
      movedLowerBound: Object.fromEntries(Object.entries(disruption.movedLowerBound).map(([m, v]) => [m, round(v)])),
      movedOverLowerBound: Object.fromEntries(
        Object.entries(disruption.movedShare).map(([m, v]) => [m, disruption.movedLowerBound[m]! > 0 ? round(v / disruption.movedLowerBound[m]!, 2) : null]),
      ),
      movedAccounts: disruption.movedAccounts,
      movedCells: disruption.movedCells,
    },
    localRebalance: { edits: local.length, p50Ms: local.length ? percentile(local, 0.5) : null, p95Ms: local.length ? percentile(local, 0.95) : null },
    peers: {
      metis,
      cutEdgesOverMetisWorkloadOnly: metisCut ? round(built.cutEdges / metisCut, 2) : null,
      highs: 'see the exact suite (bench-results/exact.json)',
    },
  };
}
