import { connectedComponents } from '../../../shared/domain/graph/connected-components';
import { evaluateDisruption, evaluatePlan, type PlanFigures, type PlanProblem } from '../../../shared/domain/balancing/evaluate-plan';
import type { PlanSummary } from '../../../shared/contract/api';
import type { MeasureChoice, WorkspaceProblem } from './problem-from-workspace';


/** The evaluator's view of a workspace problem (territory positions as ids). */
export function evaluationProblem(wp: WorkspaceProblem, measures: readonly MeasureChoice[]): PlanProblem {
  const p = wp.problem;
  const weights: Record<string, ArrayLike<number>> = {};
  measures.forEach((m, a) => (weights[m.key] = p.weights[a]!));
  const travelMeasure = measures.some((m) => m.key === 'workload') ? 'workload' : measures[0]!.key;
  return {
    offsets: p.offsets,
    neighbors: p.neighbors,
    lat: p.lat,
    lon: p.lon,
    weights,
    travelMeasure,
    territories: p.capacity.map((capacity, id) => ({ id, capacity, home: p.home[id]! })),
    studyComponent: connectedComponents({ offsets: p.offsets, neighbors: p.neighbors }).component,
    tolerance: Object.fromEntries(measures.map((m) => [m.key, m.tolerance])),
    cellAccounts: wp.cellAccounts,
  };
}

export function summarize(f: PlanFigures): PlanSummary {
  const { perTerritory: _, ...summary } = f;
  return summary;
}

export { evaluateDisruption, evaluatePlan };
