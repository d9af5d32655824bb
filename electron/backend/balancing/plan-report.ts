import { evaluationOf } from '../../../shared/domain/balancing/evaluation-of';
import { evaluateDisruption, evaluatePlan, type PlanFigures, type PlanProblem } from '../../../shared/domain/balancing/evaluate-plan';
import type { PlanSummary } from '../../../shared/contract/api';
import type { ScenarioSummary } from '../../../shared/domain/model/workspace';
import type { Workspace } from '../workspace/workspace';
import { problemFromWorkspace, type MeasureChoice, type WorkspaceProblem } from './problem-from-workspace';

/** The evaluator's view of a workspace problem (territory positions as ids). */
export function evaluationProblem(wp: WorkspaceProblem, measures: readonly MeasureChoice[]): PlanProblem {
  const travelMeasure = measures.some((m) => m.key === 'workload') ? 'workload' : measures[0]!.key;
  return evaluationOf(wp.problem, measures.map((m) => m.key), travelMeasure, { cellAccounts: wp.cellAccounts });
}

export function summarize(f: PlanFigures): PlanSummary {
  const { perTerritory: _, ...summary } = f;
  return summary;
}

/** The metrics JSON of BENCHMARKS.md / issue 5 for a scenario's current plan. */
export function scenarioMetrics(ws: Workspace, scenario: ScenarioSummary, measures: MeasureChoice[]) {
  const wp = problemFromWorkspace(ws, scenario.id, measures);
  const evaluation = evaluationProblem(wp, measures);
  const figures = evaluatePlan(evaluation, wp.prior);
  const territories = ws.territories(scenario.id);
  const reps = new Map(ws.reps().map((r) => [r.id, r]));
  return {
    scenario: scenario.name,
    territories: territories.map((t, i) => ({
      id: t.id,
      name: t.name,
      rep: t.repId === null ? null : { id: t.repId, name: reps.get(t.repId)?.name ?? t.repId },
      accounts: t.accounts,
      cells: figures.perTerritory[i]!.cells,
      measures: figures.perTerritory[i]!.totals,
      deviation: figures.perTerritory[i]!.deviation,
    })),
    summary: summarize(figures),
  };
}

export { evaluateDisruption, evaluatePlan };
