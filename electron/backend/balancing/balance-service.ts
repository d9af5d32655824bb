import type { BalanceJobState, BalanceProposal, BalanceRequest, CommandResult, PlanSummary } from '../../../shared/contract/api';
import { ContractError } from '../../../shared/contract/errors';
import type { Events } from '../../../shared/contract/events';
import type { WorkspaceSession } from '../workspace/session';
import type { Workspace } from '../workspace/workspace';
import { colorCreated, type LayoutChange } from '../../../shared/domain/model/territory-layout';
import { balanceCommands, layoutChange } from './assign-commands';
import { evaluateDisruption, evaluatePlan, evaluationProblem, summarize } from './plan-report';
import { problemFromWorkspace } from './problem-from-workspace';
import { runJob, type RunningJob } from './run-job';

interface Job {
  id: number;
  path: string;
  request: BalanceRequest;
  /** Territories the build adds and removes. */
  change: LayoutChange;
  /** The scenario's figures with the territories it has now, when the build changes them. */
  before: PlanSummary | null;
  baseRevision: number;
  state: BalanceJobState['state'];
  progress: number;
  phase: string;
  error?: string;
  running: RunningJob | null;
  proposal?: BalanceProposal;
}

type Emit = <E extends 'balance.progress' | 'balance.finished' | 'scenario.changed'>(name: E, payload: Events[E]) => void;

/**
 * Balancing jobs of the open workspace: each runs off the main thread and ends in a
 * proposal (the new plan, its figures before and after, what moved) that the user can
 * accept as one undo step or discard. Proposals are kept in memory, not in the file.
 */
export class BalanceService {
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(
    private readonly session: WorkspaceSession,
    private readonly emit: Emit,
  ) {}

  start(request: BalanceRequest): { jobId: number } {
    const ws = this.session.require();
    const scenario = ws.scenarios().find((s) => s.id === request.scenarioId);
    if (!scenario) throw new ContractError('NOT_FOUND', `Scenario ${request.scenarioId} does not exist in this workspace.`);
    if (scenario.locked) throw new ContractError('SCENARIO_LOCKED', `Scenario "${scenario.name}" is locked (read-only).`);
    const asked = request.territories ?? 'current';
    if (asked !== 'current' && request.mode !== 'build') throw new ContractError('INVALID_INPUT', 'Only a build can add or remove territories; realign keeps the scenario’s own.');
    const change = layoutChange(ws.territoryRecords(request.scenarioId), ws.reps(), asked);
    const changes = change.created.length + change.deleted.length > 0;
    let wp;
    try {
      wp = problemFromWorkspace(ws, request.scenarioId, request.measures, changes ? change.territories : undefined);
    } catch (error) {
      throw new ContractError('INVALID_INPUT', error instanceof Error ? error.message : String(error));
    }
    if (wp.territoryIds.length === 0) {
      throw new ContractError('INVALID_INPUT', 'This scenario has no territories to balance. Build one per rep, or a number of them.');
    }
    const touched = (request.touched ?? []).map((id) => wp.territoryIds.indexOf(id)).filter((t) => t >= 0);
    if (request.mode === 'local' && touched.length === 0) {
      throw new ContractError('INVALID_INPUT', 'A local rebalance needs the territories that were edited.');
    }
    const job: Job = {
      id: this.nextId++,
      path: ws.path,
      request,
      change,
      before: changes ? currentFigures(ws, request) : null,
      baseRevision: scenario.revision,
      state: 'running',
      progress: 0,
      phase: 'starting',
      running: null,
    };
    this.jobs.set(job.id, job);
    job.running = runJob(
      { problem: wp.problem, options: { mode: request.mode, prior: wp.prior, touched, seed: request.seed, timeLimitMs: request.timeLimitMs ?? 20_000 } },
      (fraction, phase) => {
        job.progress = fraction;
        job.phase = phase;
        this.emit('balance.progress', { jobId: job.id, fraction, phase });
      },
    );
    void job.running.done.then((outcome) => {
      job.running = null;
      if (outcome.state === 'done' && outcome.plan) {
        try {
          job.proposal = this.propose(job, wp, outcome.plan, outcome.elapsedMs ?? 0);
          job.state = 'done';
        } catch (error) {
          job.state = 'failed';
          job.error = error instanceof Error ? error.message : String(error);
        }
      } else {
        job.state = outcome.state;
        if (outcome.error) job.error = outcome.error;
      }
      this.emit('balance.finished', this.state(job.id));
    });
    return { jobId: job.id };
  }

  state(jobId: number): BalanceJobState {
    const job = this.require(jobId);
    return { jobId, state: job.state, progress: job.progress, phase: job.phase, ...(job.error ? { error: job.error } : {}) };
  }

  cancel(jobId: number): BalanceJobState {
    const job = this.require(jobId);
    job.running?.cancel();
    return this.state(jobId);
  }

  proposal(jobId: number): BalanceProposal {
    const job = this.require(jobId);
    if (!job.proposal) throw new ContractError('NOT_FOUND', `Balancing job ${jobId} has no proposal (it is ${job.state}).`);
    return job.proposal;
  }

  /** Applies a proposal as one command (one undo step), if the scenario has not changed since the job started. */
  accept(jobId: number): CommandResult {
    const job = this.require(jobId);
    const proposal = this.proposal(jobId);
    const ws = this.session.require();
    if (ws.path !== job.path) throw new ContractError('NOT_FOUND', 'This proposal belongs to another workspace.');
    const scenario = ws.scenarios().find((s) => s.id === proposal.scenarioId);
    if (!scenario || scenario.revision !== job.baseRevision) {
      throw new ContractError('INVALID_INPUT', 'The scenario changed after balancing started; run the balance again.');
    }
    const current = ws.assignment(proposal.scenarioId).territoryOfCell;
    const moved = proposal.movedCells.filter((cell) => current[cell] !== proposal.territoryOfCell[cell]);
    const commands = balanceCommands(proposal, moved, (cell) => proposal.territoryOfCell[cell]!);
    const result = ws.execute(proposal.scenarioId, {
      type: 'batch',
      commands,
      label: { key: `command.balance.${proposal.mode}`, params: { count: proposal.movedCells.length } },
    });
    this.jobs.delete(jobId);
    this.emit('scenario.changed', { scenarioId: proposal.scenarioId, revision: result.revision });
    return result;
  }

  discard(jobId: number): null {
    const job = this.require(jobId);
    job.running?.cancel();
    this.jobs.delete(jobId);
    return null;
  }

  /** Forgets every job (the workspace closed or changed). */
  clear(): void {
    for (const job of this.jobs.values()) job.running?.cancel();
    this.jobs.clear();
  }

  private require(jobId: number): Job {
    this.session.require(); // NO_WORKSPACE first: jobs belong to the open workspace
    const job = this.jobs.get(jobId);
    if (!job) throw new ContractError('NOT_FOUND', `There is no balancing job ${jobId}.`);
    return job;
  }

  private propose(job: Job, wp: ReturnType<typeof problemFromWorkspace>, plan: Int32Array, elapsedMs: number): BalanceProposal {
    const evaluation = evaluationProblem(wp, job.request.measures);
    const before = job.before ?? summarize(evaluatePlan(evaluation, wp.prior));
    const afterFigures = evaluatePlan(evaluation, plan);
    const disruption = evaluateDisruption(evaluation, wp.prior, plan);
    const territoryOfCell = Int32Array.from(plan, (t) => (t >= 0 ? wp.territoryIds[t]! : -1));
    const moved: number[] = [];
    for (let i = 0; i < plan.length; i++) if (plan[i] !== wp.prior[i]) moved.push(i);
    const tolerance = Object.fromEntries(job.request.measures.map((m) => [m.key, m.tolerance]));
    const unmet = job.request.measures
      .filter((m) => afterFigures.maxDeviation[m.key]! > m.tolerance + 1e-12)
      .map((m) => ({
        measure: m.key,
        tolerance: m.tolerance,
        maxDeviation: afterFigures.maxDeviation[m.key]!,
        granularity: afterFigures.granularity[m.key]!,
        belowGranularity: m.tolerance < afterFigures.granularity[m.key]! / 2,
      }));
    return {
      jobId: job.id,
      scenarioId: job.request.scenarioId,
      mode: job.request.mode,
      seed: job.request.seed,
      baseRevision: job.baseRevision,
      territoryOfCell,
      movedCells: Int32Array.from(moved),
      before,
      after: summarize(afterFigures),
      tolerance,
      unmet,
      created: colorCreated(job.change, plan, wp.problem),
      deleted: job.change.deleted.map((t) => ({ id: t.id, name: t.name })),
      disruption,
      elapsedMs,
    };
  }
}

/** The figures of the scenario's plan as it stands (its own territories). */
function currentFigures(ws: Workspace, request: BalanceRequest): PlanSummary {
  const wp = problemFromWorkspace(ws, request.scenarioId, request.measures);
  return summarize(evaluatePlan(evaluationProblem(wp, request.measures), wp.prior));
}
