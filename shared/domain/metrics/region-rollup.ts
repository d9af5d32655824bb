import type { RegionId, TerritoryId } from '../model/ids';
import type { Region } from '../model/region';

/** The figures a territory contributes to its region. */
export interface RollUpSource {
  id: TerritoryId;
  parentId: RegionId | null;
  accounts: number;
  cells: number;
  areaKm2: number;
  measures: Record<string, number>;
}

export interface RegionTotals {
  /** null: the territories that belong to no region. */
  regionId: RegionId | null;
  name: string | null;
  territories: TerritoryId[];
  accounts: number;
  cells: number;
  areaKm2: number;
  measures: Record<string, number>;
}

/**
 * Sums territories into their regions, in region order; territories in no region (or in
 * an unknown one) are gathered in a last row with `regionId: null`, present only when
 * there are such territories. Regions without territories get zero rows.
 */
export function rollUpRegions(territories: readonly RollUpSource[], regions: readonly Region[]): RegionTotals[] {
  const rows = new Map<RegionId | null, RegionTotals>();
  const row = (regionId: RegionId | null, name: string | null) => {
    let r = rows.get(regionId);
    if (!r) {
      r = { regionId, name, territories: [], accounts: 0, cells: 0, areaKm2: 0, measures: {} };
      rows.set(regionId, r);
    }
    return r;
  };
  for (const region of regions) row(region.id, region.name);
  for (const t of territories) {
    const r = t.parentId !== null && rows.has(t.parentId) ? rows.get(t.parentId)! : row(null, null);
    r.territories.push(t.id);
    r.accounts += t.accounts;
    r.cells += t.cells;
    r.areaKm2 += t.areaKm2;
    for (const [k, v] of Object.entries(t.measures)) r.measures[k] = (r.measures[k] ?? 0) + v;
  }
  const none = rows.get(null);
  return [...regions.map((r) => rows.get(r.id)!), ...(none ? [none] : [])];
}
