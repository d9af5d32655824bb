import { evaluationOf } from '../../../shared/domain/balancing/evaluation-of';
import { evaluateDisruption, evaluatePlan, type Disruption, type PlanFigures, type PlanProblem } from '../../../shared/domain/balancing/evaluate-plan';
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

/**
 * Another scenario's plan in the positions of `wp`'s territories: a territory id this
 * scenario also has maps to its position; any other id to a number past them, so its
 * cells count as moved wherever they are now; unassigned stays -1.
 */
function planAsPositions(ws: Workspace, wp: WorkspaceProblem, other: ScenarioSummary): Int32Array {
  const position = new Map(wp.territoryIds.map((id, i) => [id, i]));
  const k = wp.territoryIds.length;
  const cells = ws.assignment(other.id).territoryOfCell;
  return Int32Array.from(cells, (t) => (t < 0 ? -1 : (position.get(t) ?? k + t)));
}

/**
 * The metrics JSON of BENCHMARKS.md / issue 5 for a scenario's current plan. With
 * `against` (the scenario it was realigned from), the summary also carries what moved:
 * `movedShare` and its lower bound `movedLowerBound` per measure, `movedAccounts`,
 * `movedCells`, and `movedAgainst` naming that scenario.
 */
export function scenarioMetrics(ws: Workspace, scenario: ScenarioSummary, measures: MeasureChoice[], against?: ScenarioSummary) {
  const wp = problemFromWorkspace(ws, scenario.id, measures);
  const evaluation = evaluationProblem(wp, measures);
  const figures = evaluatePlan(evaluation, wp.prior);
  const moved: Partial<Disruption & { movedAgainst: string }> = against ? { movedAgainst: against.name, ...evaluateDisruption(evaluation, planAsPositions(ws, wp, against), wp.prior) } : {};
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
    summary: { ...summarize(figures), ...moved },
  };
}

export { evaluateDisruption, evaluatePlan };
