import { targetDeviation } from '../metrics/target-deviation';
import type { TerritoryId } from '../model/ids';

/** A territory with its figures on one side of a comparison. */
export interface TerritoryFigures {
  id: TerritoryId;
  name: string;
  color: string;
  repId: string | null;
  accounts: number;
  cells: number;
  measures: Record<string, number>;
  meanDistanceKm: number | null;
}

export interface Pair<T> {
  before: T;
  after: T;
}

export interface TerritoryDeltaRow {
  id: TerritoryId;
  name: string;
  names: Pair<string | null>;
  color: string;
  colors: Pair<string | null>;
  inBase: boolean;
  inOther: boolean;
  rep: Pair<string | null>;
  accounts: Pair<number>;
  cells: Pair<number>;
  measures: Record<string, Pair<number>>;
  deviation: Record<string, Pair<number | null>>;
  travelKm: Pair<number | null>;
  gained: number;
  lost: number;
}

/**
 * Pairs the territories of two plans by id: base territories in base order, then those only
 * the other plan has. Deviations are computed within each plan against its own targets
 * (total × capacity / Σ capacity, `capacityOf` giving a territory's rep capacity).
 */
export function territoryDeltas(input: {
  base: readonly TerritoryFigures[];
  other: readonly TerritoryFigures[];
  measures: readonly string[];
  capacityOf: (repId: string | null) => number;
  gained: ReadonlyMap<TerritoryId, number>;
  lost: ReadonlyMap<TerritoryId, number>;
}): TerritoryDeltaRow[] {
  const deviationOf = (side: readonly TerritoryFigures[]) => {
    const capacity = side.map((t) => input.capacityOf(t.repId));
    const out = new Map<TerritoryId, Record<string, number>>(side.map((t) => [t.id, {}]));
    for (const key of input.measures) {
      const values = targetDeviation(
        side.map((t) => t.measures[key] ?? 0),
        capacity,
      );
      side.forEach((t, i) => {
        out.get(t.id)![key] = values[i]!;
      });
    }
    return out;
  };
  const baseDeviation = deviationOf(input.base);
  const otherDeviation = deviationOf(input.other);
  const baseById = new Map(input.base.map((t) => [t.id, t]));
  const otherById = new Map(input.other.map((t) => [t.id, t]));
  const ids = [...input.base.map((t) => t.id), ...input.other.filter((t) => !baseById.has(t.id)).map((t) => t.id)];
  return ids.map((id) => {
    const b = baseById.get(id);
    const o = otherById.get(id);
    const shown = (o ?? b)!;
    const measures: Record<string, Pair<number>> = {};
    const deviation: Record<string, Pair<number | null>> = {};
    for (const key of input.measures) {
      measures[key] = { before: b?.measures[key] ?? 0, after: o?.measures[key] ?? 0 };
      deviation[key] = { before: b ? baseDeviation.get(id)![key]! : null, after: o ? otherDeviation.get(id)![key]! : null };
    }
    return {
      id,
      name: shown.name,
      names: { before: b?.name ?? null, after: o?.name ?? null },
      color: shown.color,
      colors: { before: b?.color ?? null, after: o?.color ?? null },
      inBase: b !== undefined,
      inOther: o !== undefined,
      rep: { before: b?.repId ?? null, after: o?.repId ?? null },
      accounts: { before: b?.accounts ?? 0, after: o?.accounts ?? 0 },
      cells: { before: b?.cells ?? 0, after: o?.cells ?? 0 },
      measures,
      deviation,
      travelKm: { before: b?.meanDistanceKm ?? null, after: o?.meanDistanceKm ?? null },
      gained: input.gained.get(id) ?? 0,
      lost: input.lost.get(id) ?? 0,
    };
  });
}
