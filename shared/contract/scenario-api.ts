import type { Revision, ScenarioId } from '../domain/model/ids';

/**
 * Summary figures of one scenario for the scenario tree (definitions as in BENCHMARKS.md:
 * balance Δ per measure, mean travel D, contiguity breaks) and how far it is from the
 * baseline (accounts whose territory differs and the moved share of each measure).
 */
export interface ScenarioFigures {
  scenarioId: ScenarioId;
  revision: Revision;
  territories: number;
  /** measure key → Δ = max over territories |W − T| / T (fraction). */
  maxDeviation: Record<string, number>;
  /** Account-weighted mean great-circle km from each territory's rep home to its cells; null when no territory has a rep. */
  meanTravelKm: number | null;
  /** Territory pieces beyond one per study-area island; 0 means every territory is contiguous. */
  contiguityBreaks: number;
  unassignedCells: number;
  /** Against the baseline; null for the baseline itself or when no scenario is the baseline. */
  vsBaseline: { baselineId: ScenarioId; movedAccounts: number; movedShare: Record<string, number> } | null;
}

/** A before → after pair (base scenario → other scenario). */
export interface Delta<T = number> {
  before: T;
  after: T;
}

/** One territory in a comparison, matched by territory id (a branch keeps its parent's ids). */
export interface TerritoryDelta {
  id: number;
  /** The other scenario's name for it, or the base's when it exists only there. */
  name: string;
  /** Its name on each side (null where it does not exist). */
  names: Delta<string | null>;
  /** The other scenario's colour for it, or the base's when it exists only there. */
  color: string;
  /** Its colour on each side (null where it does not exist). */
  colors: Delta<string | null>;
  inBase: boolean;
  inOther: boolean;
  rep: Delta<string | null>;
  accounts: Delta;
  cells: Delta;
  /** measure key → total over the territory's accounts. */
  measures: Record<string, Delta>;
  /** measure key → signed deviation from the target, (W − T) / T; null on the side without the territory. */
  deviation: Record<string, Delta<number | null>>;
  /** Account-weighted mean km from the rep's home; null without a rep or accounts. */
  travelKm: Delta<number | null>;
  /** Accounts that came in from other territories, and that left for others. */
  gained: number;
  lost: number;
}

/** Accounts whose territory differs between the two scenarios, as columns (row i is one account). */
export interface MovedAccounts {
  ids: string[];
  names: string[];
  /** Territory id in the base and in the other scenario (-1 = unassigned). */
  from: Int32Array;
  to: Int32Array;
  /** 1 where the account's rep differs (a vacant territory has no rep). */
  repChanged: Uint8Array;
  /** measure key → the account's value (NaN where missing). */
  measures: Record<string, Float64Array>;
}

/** Everything the compare view and `tessera scenario compare` show. */
export interface ScenarioComparison {
  base: { id: ScenarioId; name: string; revision: Revision };
  other: { id: ScenarioId; name: string; revision: Revision };
  /** Measure keys in display order. */
  measures: string[];
  /** Cells whose territory differs, with their territory in each scenario (-1 = unassigned). */
  movedCells: Int32Array;
  movedFrom: Int32Array;
  movedTo: Int32Array;
  /** Base territories in base order, then territories only the other scenario has. */
  territories: TerritoryDelta[];
  moved: MovedAccounts;
  /** BENCHMARKS.md disruption, counted on accounts: M_a = Σ value of moved accounts / Σ value of all accounts. */
  disruption: {
    totalAccounts: number;
    movedAccounts: number;
    movedShare: Record<string, number>;
    accountsChangingRep: number;
    movedCells: number;
  };
  /** Plan-level figures of each side. */
  summary: {
    maxDeviation: Record<string, Delta>;
    meanTravelKm: Delta<number | null>;
    contiguityBreaks: Delta;
  };
  elapsedMs: number;
}

/** The change list a CRM admin loads: one row per moved account. */
export interface DiffCsv {
  fileName: string;
  csv: string;
}
