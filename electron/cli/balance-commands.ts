import { resolve } from 'node:path';
import { planHash } from '../../shared/domain/balancing/evaluate-plan';
import { ContractError } from '../../shared/contract/errors';
import { colorCreated, type TerritoryLayout } from '../../shared/domain/model/territory-layout';
import type { ScenarioSummary } from '../../shared/domain/model/workspace';
import { balanceCommands, layoutChange } from '../backend/balancing/assign-commands';
import { evaluateDisruption, evaluationProblem, scenarioMetrics } from '../backend/balancing/plan-report';
import { problemFromWorkspace, requireMeasures, type MeasureChoice } from '../backend/balancing/problem-from-workspace';
import { runJob } from '../backend/balancing/run-job';
import { Workspace } from '../backend/workspace/workspace';
import type { Io } from './commands';
import { intFlag, UsageError, type ParsedArgs } from './parse-args';

const now = () => new Date();

function stringFlag(args: ParsedArgs, name: string): string {
  const value = args.flags.get(name);
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}

/** `5%`, `0.05` → 0.05; NaN when it is neither, or outside 0–10. */
function parseTolerance(text: string): number {
  const t = text.trim();
  const value = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  return t !== '' && Number.isFinite(value) && value >= 0 && value <= 10 ? value : NaN;
}

function toleranceFlag(args: ParsedArgs, fallback: number): number {
  const raw = args.flags.get('tolerance');
  if (raw === undefined) return fallback;
  const value = raw === true ? NaN : parseTolerance(String(raw));
  if (Number.isNaN(value)) throw new UsageError('--tolerance must be a fraction such as 0.05, or a percentage such as 5%.');
  return value;
}

/** `--measure workload:2 --measure revenue:1:8%` → choices (weight 1 and `--tolerance` by default). */
function measureFlags(args: ParsedArgs, tolerance: number): MeasureChoice[] {
  const list = args.lists.get('measure') ?? [];
  if (list.length === 0) throw new UsageError('Give at least one --measure <name>[:weight[:tolerance]].');
  return list.map((spec) => {
    const [key, weightText, toleranceText, ...rest] = spec.split(':') as [string, string | undefined, string | undefined];
    const weight = weightText === undefined || weightText === '' ? 1 : Number(weightText);
    const own = toleranceText === undefined ? tolerance : parseTolerance(toleranceText);
    if (!key || rest.length > 0 || !Number.isFinite(weight) || weight <= 0 || Number.isNaN(own)) {
      throw new UsageError(`--measure ${spec}: expected <name>[:<positive weight>[:<tolerance such as 0.05 or 5%>]].`);
    }
    return { key, weight, tolerance: own };
  });
}

function findScenario(ws: Workspace, name: string): ScenarioSummary | undefined {
  return ws.scenarios().find((s) => s.name === name);
}

/**
 * `tessera metrics --workspace <ws> --scenario <name> [--against <name>] [--measure m ...]
 *  [--tolerance t] [--json]` — what moved is measured against `--against`, or else against
 * the scenario this one was copied from (as `balance --into` does), when it still exists.
 */
export function metricsCommand(args: ParsedArgs, io: Io): void {
  const ws = Workspace.open(resolve(stringFlag(args, 'workspace')), now);
  try {
    const name = stringFlag(args, 'scenario');
    const scenario = findScenario(ws, name);
    if (!scenario) throw new ContractError('NOT_FOUND', `There is no scenario named "${name}" (there are: ${ws.scenarios().map((s) => s.name).join(', ')}).`);
    const tolerance = toleranceFlag(args, 0.05);
    const measures = args.lists.has('measure')
      ? measureFlags(args, tolerance)
      : ws.measures().map((m) => ({ key: m.key, weight: 1, tolerance }));
    const againstFlag = args.flags.get('against');
    if (againstFlag === true || againstFlag === '') throw new UsageError('--against needs a scenario name.');
    const against = typeof againstFlag === 'string' ? findScenario(ws, againstFlag) : ws.scenarios().find((s) => s.id === scenario.parentId);
    if (typeof againstFlag === 'string' && !against) {
      throw new ContractError('NOT_FOUND', `There is no scenario named "${againstFlag}" to compare with (there are: ${ws.scenarios().map((s) => s.name).join(', ')}).`);
    }
    const report = scenarioMetrics(ws, scenario, measures, against);
    if (args.flags.has('json')) io.out(JSON.stringify(report, null, 2));
    else {
      io.out(`${report.scenario}: ${report.territories.length} territories`);
      const { summary } = report;
      if (summary.movedShare) {
        const shares = Object.entries(summary.movedShare).map(([k, v]) => `${(v * 100).toFixed(1)} % of ${k}`).join(', ');
        io.out(`  against "${summary.movedAgainst}": ${summary.movedAccounts} accounts and ${summary.movedCells} cells moved (${shares})`);
      }
      for (const [k, v] of Object.entries(report.summary.maxDeviation)) io.out(`  ${k}: max deviation ${(v * 100).toFixed(1)} % (granularity ${(report.summary.granularity[k]! * 100).toFixed(1)} %)`);
      io.out(`  contiguity breaks ${report.summary.contiguityBreaks}, cut edges ${report.summary.cutEdges}, mean travel ${report.summary.meanTravelKm?.toFixed(0) ?? '–'} km`);
    }
  } finally {
    ws.close();
  }
}

/**
 * `tessera balance --workspace <ws> --scenario <name> --mode build|realign [--territories K]
 *  --measure <name>[:weight] ... --tolerance <t> --seed <s> [--into <new scenario>] [--json]`
 */
export async function balanceCommand(args: ParsedArgs, io: Io): Promise<void> {
  const mode = stringFlag(args, 'mode');
  if (mode !== 'build' && mode !== 'realign') throw new UsageError('--mode must be build or realign.');
  const tolerance = toleranceFlag(args, 0.05);
  const measures = measureFlags(args, tolerance);
  const seed = intFlag(args.flags, 'seed', 1, 0, 2 ** 32 - 1);
  const ws = Workspace.open(resolve(stringFlag(args, 'workspace')), now);
  try {
    const name = stringFlag(args, 'scenario');
    let source = findScenario(ws, name);
    const into = args.flags.get('into');
    if (!source && mode === 'realign') throw new ContractError('NOT_FOUND', `There is no scenario named "${name}" to realign.`);
    const count = args.flags.has('territories') ? intFlag(args.flags, 'territories', 0, 1, 100_000) : null;
    if (count !== null && mode !== 'build') throw new UsageError('--territories goes with --mode build; a realign keeps the scenario’s territories.');
    // A new scenario gets one territory per rep (or K); an existing one keeps its own unless --territories asks for another number.
    const layout: TerritoryLayout = count !== null ? { count } : source ? 'current' : 'perRep';
    // Decided on the source (an --into copy has the same territories), so a refused ask creates no scenario.
    const change = layoutChange(source ? ws.territoryRecords(source.id) : [], ws.reps(), layout);
    requireMeasures(ws, measures);
    if (!source) source = ws.createScenario(name, null);
    const target = typeof into === 'string' ? ws.createScenario(into, source.id) : source;
    const changes = change.created.length + change.deleted.length > 0;
    const wp = problemFromWorkspace(ws, target.id, measures, changes ? change.territories : undefined);
    if (wp.territoryIds.length === 0) throw new ContractError('INVALID_INPUT', `Scenario "${target.name}" has no territories to balance; build with --territories K.`);
    const job = runJob({ problem: wp.problem, options: { mode, prior: wp.prior, seed, timeLimitMs: 60_000 } }, (fraction, phase) => {
      if (!args.flags.has('json')) io.err(`  ${phase} ${(fraction * 100).toFixed(0)} %`);
    });
    const outcome = await job.done;
    if (outcome.state !== 'done' || !outcome.plan) throw new ContractError('INTERNAL', `Balancing ${outcome.state}: ${outcome.error ?? ''}`);
    const plan = outcome.plan;
    const evaluation = evaluationProblem(wp, measures);
    const disruption = evaluateDisruption(evaluation, wp.prior, plan);
    const moved: number[] = [];
    for (let i = 0; i < plan.length; i++) if (plan[i] !== wp.prior[i]) moved.push(i);
    const created = colorCreated(change, plan, wp.problem);
    const commands = balanceCommands({ deleted: change.deleted, created }, moved, (cell) => (plan[cell]! >= 0 ? wp.territoryIds[plan[cell]!]! : -1));
    if (commands.length > 0) ws.execute(target.id, { type: 'batch', commands, label: { key: `command.balance.${mode}`, params: { count: disruption.movedCells } } });
    const report = scenarioMetrics(ws, ws.scenarios().find((s) => s.id === target.id)!, measures);
    const result = {
      ...report,
      mode,
      seed,
      elapsedMs: outcome.elapsedMs,
      planHash: planHash(plan),
      summary: {
        ...report.summary,
        ...(mode === 'realign' ? { movedShare: disruption.movedShare, movedLowerBound: disruption.movedLowerBound, movedAccounts: disruption.movedAccounts } : {}),
        movedCells: disruption.movedCells,
      },
    };
    if (args.flags.has('json')) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(`Balanced "${target.name}" (${mode}, seed ${seed}) in ${((outcome.elapsedMs ?? 0) / 1000).toFixed(1)} s; ${disruption.movedCells} cells moved.`);
      for (const [k, v] of Object.entries(result.summary.maxDeviation)) io.out(`  ${k}: max deviation ${(v * 100).toFixed(1)} % (granularity ${(result.summary.granularity[k]! * 100).toFixed(1)} %)`);
      io.out(`  contiguity breaks ${result.summary.contiguityBreaks}, cut edges ${result.summary.cutEdges}`);
    }
  } finally {
    ws.close();
  }
}

