import type { ImportIssue } from '../domain/import/types';

/** A territory's goal of one measure. */
export interface TerritoryGoal {
  id: number;
  name: string;
  goal: number;
}

/** A scenario's goals of one measure, as derived and as they fall under its current alignment. */
export interface GoalSetReport {
  measure: string;
  total: number;
  /** Measure key → weight of the blend that split the total. */
  basis: Record<string, number>;
  /** Rounding step (0: none). */
  step: number;
  updatedAt: string;
  territories: TerritoryGoal[];
  /** Goal on unassigned cells (it counts for no territory until they are assigned). */
  unassigned: number;
  /** The baseline's name when the scenario has no goals of this measure of its own and reads the baseline's (per cell, under its own alignment); null for its own. */
  inheritedFrom: string | null;
}

/** What an actuals import did. `issues` holds the first 1,000; `issueCount` counts them all. */
export interface ActualsReport {
  fileName: string;
  rowsRead: number;
  /** Values written (one per row and measure). */
  imported: number;
  rejected: number;
  /** Periods in the file (their actuals were replaced), in order of first appearance. */
  periods: string[];
  kind: 'month' | 'quarter' | null;
  measures: string[];
  issues: ImportIssue[];
  issueCount: number;
  /** Every issue as CSV (`row,column,value,reason`), as the account import offers it; null when there is none. */
  rejects: { fileName: string; csv: string } | null;
  elapsedMs: number;
}

/** Measures and periods with actuals. */
export interface ActualsCatalog {
  measures: string[];
  /** Canonical keys, in time order. */
  periods: string[];
}

/** One territory's attainment. */
export interface TerritoryAttainmentRow {
  id: number;
  name: string;
  /** The goal prorated to the selected periods. */
  goal: number;
  actual: number;
  /** actual / goal (fraction); null when the goal is 0. */
  attainment: number | null;
  /** Potential minus the actual of all periods; null without a potential measure. */
  potentialLeft: number | null;
  /** Slope of attainment per period; null with fewer than two periods. */
  trend: number | null;
  flagged: boolean;
  byPeriod: { period: string; actual: number; goal: number; attainment: number | null }[];
}

/** A region's roll-up: the sums of its territories' goals and actuals. */
export interface RegionAttainmentRow {
  id: number;
  name: string;
  territories: number;
  goal: number;
  actual: number;
  attainment: number | null;
  flagged: boolean;
}

/** Attainment of a scenario's goals of one measure (also `tessera attainment --json`). */
export interface AttainmentReport {
  scenario: string;
  measure: string;
  /** Every period with actuals of the measure, in time order. */
  periods: string[];
  /** The periods the headline figures cover. */
  selected: string[];
  threshold: number;
  /** The measure potential left is measured against (null: none). */
  potential: string | null;
  territories: TerritoryAttainmentRow[];
  /** Roll-ups per region (the sums of its territories), in region order; empty without regions. */
  regions: RegionAttainmentRow[];
  totals: { goal: number; actual: number; attainment: number | null };
  /** Actuals of accounts in no territory, or no longer in the workspace. */
  unassignedActual: number;
  /** Flagged territory ids, lowest attainment first. */
  flagged: number[];
}
