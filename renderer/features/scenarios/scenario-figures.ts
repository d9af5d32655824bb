import type { ScenarioFigures } from '../../../shared/contract/scenario-api';

/** The measure balance is judged on, picked as the territory panel does: the chosen one, else workload, else the first. */
export function balanceMeasure<M extends { key: string }>(measures: readonly M[], balanceKey: string | null): M | null {
  return measures.find((m) => m.key === balanceKey) ?? measures.find((m) => m.key === 'workload') ?? measures[0] ?? null;
}

/** What a scenario row shows; null where there is nothing to show ("—"). */
export interface RowFigures {
  /** Max |W − T| / T over territories on the balance measure (fraction). */
  maxDeviation: number | null;
  meanTravelKm: number | null;
  /** Accounts in another territory than in the baseline (null for the baseline or without one). */
  movedAccounts: number | null;
  /** Their share of the balance measure (fraction). */
  movedShare: number | null;
}

const NONE: RowFigures = { maxDeviation: null, meanTravelKm: null, movedAccounts: null, movedShare: null };

/** A scenario's row figures on measure `key` (all null when its figures are not loaded). */
export function rowFigures(figures: ScenarioFigures | undefined, key: string | null): RowFigures {
  if (!figures) return NONE;
  const finite = (v: number | undefined | null) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    maxDeviation: key === null ? null : finite(figures.maxDeviation[key]),
    meanTravelKm: finite(figures.meanTravelKm),
    movedAccounts: figures.vsBaseline ? figures.vsBaseline.movedAccounts : null,
    movedShare: figures.vsBaseline && key !== null ? finite(figures.vsBaseline.movedShare[key]) : null,
  };
}
