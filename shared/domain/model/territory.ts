import type { RegionId, RepId, TerritoryId } from './ids';

/** A territory of one scenario, as stored. `color` is `#rrggbb`. */
export interface Territory {
  id: TerritoryId;
  name: string;
  color: string;
  repId: RepId | null;
  /** The region (hierarchy level above territories) this territory rolls up into. */
  parentId: RegionId | null;
  locked: boolean;
}

/** Per-territory figures: account count, cell count and each measure's total. */
export interface TerritoryTotals {
  territoryId: TerritoryId;
  accounts: number;
  cells: number;
  /** measure key → total over the territory's accounts (missing values count as 0). */
  measures: Record<string, number>;
}
