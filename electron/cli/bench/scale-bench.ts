import { join } from 'node:path';
import { balance } from '../../../shared/domain/balancing/balance';
import { evaluatePlan, planHash } from '../../../shared/domain/balancing/evaluate-plan';
import { evaluationProblem } from '../../backend/balancing/plan-report';
import { problemFromWorkspace, type MeasureChoice } from '../../backend/balancing/problem-from-workspace';
import { Workspace } from '../../backend/workspace/workspace';
import { writeDemoWorkspace } from '../../backend/workspace/session';
import { figuresOf } from './balancing-bench';
import { metisPeerFigures } from './metis-peer';

/** H-1.5M of BENCHMARKS.md: the contiguous US at res 7, 1M accounts, 500 reps. */
const H15M = { resolution: 7, accounts: 1_000_000, reps: 500, seed: 2026 } as const;
const TOLERANCE = 0.03;

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * The million-cell tier: generates H-1.5M in `scratch` (about 2 minutes and 1.7 GB on the
 * 2-core build machine), then times a build of K = 500 at ±3 % twice (same seed: the
 * determinism check at this size, where the time limit may cut a run short), with the
 * figures of the H-220k build and METIS with one constraint when it is installed. The
 * resident memory is read right after the builds; the process peak includes generating
 * the instance.
 */
export function runScaleSuite(scratch: string, log: (line: string) => void) {
  const file = join(scratch, 'h15m.tessera');
  log(`scale: generating H-1.5M (res ${H15M.resolution}, ${H15M.accounts.toLocaleString('en-US')} accounts, ${H15M.reps} reps)…`);
  let started = Date.now();
  writeDemoWorkspace(file, H15M, () => new Date());
  const generateMs = Date.now() - started;
  const ws = Workspace.open(file, () => new Date());
  try {
    const measures: MeasureChoice[] = ['workload', 'revenue_potential', 'accounts'].map((key) => ({ key, weight: 1, tolerance: TOLERANCE }));
    started = Date.now();
    const wp = problemFromWorkspace(ws, 1, measures);
    const problemMs = Date.now() - started;
    const evaluation = evaluationProblem(wp, measures);
    const n = wp.problem.offsets.length - 1;
    const k = wp.problem.capacity.length;
    log(`scale: build, ${n} cells, K=${k}, 3 measures at ±${TOLERANCE * 100} % (twice)…`);
    const first = balance(wp.problem, { mode: 'build', prior: null, seed: 1 });
    const second = balance(wp.problem, { mode: 'build', prior: null, seed: 1 });
    const rssAfterBuild = process.memoryUsage().rss;
    const hashes = [planHash(first.plan), planHash(second.plan)];
    const built = evaluatePlan(evaluation, first.plan);
    log('scale: METIS, when installed (1 constraint)…');
    const metis = metisPeerFigures(wp.problem, evaluation, TOLERANCE, { constraints: [0] });
    return {
      instance: { ...H15M, cells: n, territories: k, measures: measures.map((m) => m.key), tolerance: TOLERANCE },
      generateMs,
      problemFromWorkspaceMs: problemMs,
      build: {
        ms: [first.elapsedMs, second.elapsedMs],
        searchRounds: first.rounds,
        searchMoves: first.moves,
        ...figuresOf(built, TOLERANCE),
      },
      determinism: { hashes, identical: hashes[0] === hashes[1] },
      memory: { rssAfterBuildMB: megabytes(rssAfterBuild), processPeakMB: Math.round(process.resourceUsage().maxRSS / 1024) },
      peers: { metisWorkloadOnly: metis },
    };
  } finally {
    ws.close();
  }
}
