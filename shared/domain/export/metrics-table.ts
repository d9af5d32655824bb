import { homeOutside } from '../metrics/territory-shape';
import type { TableSheet, TableValue } from './types';

/** What the metrics report needs of a territory (the territory list's figures). */
export interface MetricsTerritory {
  id: number;
  name: string;
  color: string;
  repId: string | null;
  regionName: string | null;
  accounts: number;
  cells: number;
  areaKm2: number;
  measures: Record<string, number>;
  pieces: number;
  contiguityBreaks: number;
  compactness: number | null;
  meanDistanceKm: number | null;
  maxDistanceKm: number | null;
  /** km from the rep's home to the territory's nearest cell centre (see `territory-shape.ts`). */
  homeGapKm: number | null;
}

export interface MetricsTableInput {
  territories: readonly MetricsTerritory[];
  measures: readonly { key: string; label: string }[];
  /** rep id → name and capacity. */
  reps: ReadonlyMap<string, { name: string; capacity: number }>;
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * One row per territory: ids, names, rep and region, accounts, cells, area, then for
 * each measure its total, its target (the measure's total split by rep capacity, a vacant
 * territory counting 1) and the deviation from it in percent, then the shape figures.
 */
export function metricsSheet(input: MetricsTableInput): TableSheet {
  const capacity = input.territories.map((t) => (t.repId !== null ? (input.reps.get(t.repId)?.capacity ?? 1) : 1));
  const capacityTotal = capacity.reduce((a, b) => a + b, 0);
  const totals = new Map(input.measures.map((m) => [m.key, input.territories.reduce((s, t) => s + (t.measures[m.key] ?? 0), 0)]));
  const header = ['territory_id', 'territory', 'region', 'rep_id', 'rep', 'accounts', 'cells', 'area_km2'];
  for (const m of input.measures) header.push(m.label, `${m.label} target`, `${m.label} deviation %`);
  header.push('pieces', 'contiguity_breaks', 'compactness', 'mean_travel_km', 'max_travel_km', 'home_outside', 'home_gap_km');
  const rows = input.territories.map((t, k) => {
    const row: TableValue[] = [
      String(t.id),
      t.name,
      t.regionName ?? '',
      t.repId ?? '',
      t.repId !== null ? (input.reps.get(t.repId)?.name ?? '') : '',
      t.accounts,
      t.cells,
      round(t.areaKm2, 1),
    ];
    for (const m of input.measures) {
      const value = t.measures[m.key] ?? 0;
      const target = capacityTotal > 0 ? (totals.get(m.key)! * capacity[k]!) / capacityTotal : 0;
      row.push(round(value, 4), round(target, 2), target > 0 ? round(((value - target) / target) * 100, 2) : null);
    }
    row.push(
      t.pieces,
      t.contiguityBreaks,
      t.compactness === null ? null : round(t.compactness, 3),
      t.meanDistanceKm === null ? null : round(t.meanDistanceKm, 1),
      t.maxDistanceKm === null ? null : round(t.maxDistanceKm, 1),
      t.homeGapKm === null ? null : homeOutside(t) ? 'yes' : 'no',
      t.homeGapKm === null ? null : round(t.homeGapKm, 1),
    );
    return row;
  });
  return { name: 'Territories', header, rows };
}

/** Columns of the metrics table written exactly (ids). */
export const METRICS_ID_COLUMNS = [0, 3] as const;
