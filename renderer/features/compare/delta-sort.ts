import type { TerritoryDelta } from '../../../shared/contract/scenario-api';

/**
 * Columns the territory delta table sorts by: name, rep (after), Δ accounts, Δ of a measure
 * (`m:<key>`), |deviation after| of the chosen measure, travel km after, gained, lost.
 */
export type DeltaSortKey = 'name' | 'rep' | 'accounts' | 'deviation' | 'travel' | 'gained' | 'lost' | `m:${string}`;

export interface DeltaSort {
  key: DeltaSortKey;
  desc: boolean;
  /** Measure whose deviation the `deviation` key uses. */
  deviationKey: string | null;
}

/** The value a territory sorts by; null sorts last in either direction. */
export function deltaSortValue(x: TerritoryDelta, sort: Pick<DeltaSort, 'key' | 'deviationKey'>, repName?: (id: string) => string): string | number | null {
  const { key } = sort;
  switch (key) {
    case 'name':
      return x.name;
    case 'rep': {
      const rep = x.rep.after ?? x.rep.before;
      return rep === null ? null : (repName?.(rep) ?? rep);
    }
    case 'accounts':
      return x.accounts.after - x.accounts.before;
    case 'deviation': {
      const d = sort.deviationKey ? x.deviation[sort.deviationKey]?.after : undefined;
      return d === undefined || d === null || Number.isNaN(d) ? null : Math.abs(d);
    }
    case 'travel':
      return x.travelKm.after;
    case 'gained':
      return x.gained;
    case 'lost':
      return x.lost;
    default: {
      const m = x.measures[key.slice(2)];
      return m ? m.after - m.before : null;
    }
  }
}

/** A sorted copy of the territory deltas; ties keep the comparison's order. */
export function sortDeltas(territories: readonly TerritoryDelta[], sort: DeltaSort, repName?: (id: string) => string): TerritoryDelta[] {
  const keyed = territories.map((x, i) => ({ x, i, v: deltaSortValue(x, sort, repName) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
    return c === 0 ? a.i - b.i : sort.desc ? -c : c;
  });
  return keyed.map((k) => k.x);
}
