import { parsePeriod, periodOrdinal, periodsPerYear } from './periods';

/**
 * Goal attainment per territory and period, for one measure.
 *
 * Model: goals are annual amounts per territory (the sum of its per-cell goals under the
 * scenario's alignment, see `cell-goals.ts`); actual results are imported per account and
 * period (all months or all quarters). An account counts for the territory given by
 * `accountTerritory`, resolved by the caller for the scenario at hand (a named override,
 * else its cell's territory), so the same goals per cell and actuals per account give each
 * scenario its own attainment. A period's goal is the annual goal / periods per year (12 or
 * 4); a territory's headline goal over the selected periods is that per-period goal × their
 * number. Actuals of accounts in no territory, or in a territory not listed, are reported
 * under `unassigned`: never dropped.
 */
export interface AttainmentInput {
  /** Territories to report, in output order (a territory without actuals still gets a row). */
  territoryIds: readonly number[];
  /** Territory id per account row (-1 none), already resolved (override or cell). */
  accountTerritory: Int32Array;
  /** Sparse actuals of one measure: account row, index into `periods`, value. */
  actuals: { row: Int32Array; period: Int32Array; value: Float64Array };
  /** Canonical period keys (`2026-03` or `2026-Q1`), strictly ascending, all the same kind. */
  periods: readonly string[];
  /** Annual goal of the measure per territory; a territory absent from the map has goal 0. */
  goalOfTerritory: ReadonlyMap<number, number>;
  /** Potential per territory, for `potentialLeft` (absent key → 0); omit to get null. */
  potentialOfTerritory?: ReadonlyMap<number, number>;
  /** Indices into `periods` the headline `actual`/`goal`/`attainment` cover; default all. */
  selected?: readonly number[];
  /** A territory is flagged when its attainment is below this, e.g. 0.9. */
  threshold: number;
}

/** Attainment figures of one territory, or of all listed territories together. */
export interface AttainmentFigures {
  /** Σ actuals per period, parallel to `periods`. */
  actualByPeriod: number[];
  /** Annual goal / periods per year. */
  goalPerPeriod: number;
  /** actualByPeriod / goalPerPeriod; null for every period when goalPerPeriod is 0. */
  attainmentByPeriod: (number | null)[];
  /** Σ actuals over the selected periods. */
  actual: number;
  /** Annual goal × selected periods / periods per year. */
  goal: number;
  /** actual / goal; null when goal is 0. */
  attainment: number | null;
  /** Potential − Σ actuals over ALL loaded periods; null without potentials. */
  potentialLeft: number | null;
  /**
   * Least-squares slope of attainmentByPeriod against the periods' calendar positions
   * (change of attainment per period, e.g. 0.02 = +2 points a month); null with fewer
   * than two non-null points.
   */
  trend: number | null;
}

/** Attainment of one territory. */
export interface TerritoryAttainment extends AttainmentFigures {
  territoryId: number;
  /** attainment !== null && attainment < threshold. */
  flagged: boolean;
}

/** Result of {@link computeAttainment}. */
export interface AttainmentResult {
  /** One row per `territoryIds` entry, same order. */
  territories: TerritoryAttainment[];
  /** Figures over all listed territories (goals, potentials and actuals summed). */
  totals: AttainmentFigures;
  /** Actuals of accounts in no territory (-1) or in a territory not in `territoryIds`. */
  unassigned: { actualByPeriod: number[]; actual: number };
  /** Territory ids met in `accountTerritory` (with actuals) that are neither listed nor -1, ascending. */
  unlistedTerritories: number[];
  /** Flagged territory ids, lowest attainment first (ties in `territoryIds` order). */
  flagged: number[];
}

/**
 * Computes actual, goal, attainment, trend and potential left per territory, the totals,
 * the unassigned actuals and the flagged territories. See {@link AttainmentInput} for the
 * model. Invariant: Σ territories' actual + unassigned.actual = Σ of the selected actuals
 * (likewise per period).
 * @throws RangeError when `periods` is empty, not canonical, not strictly ascending or
 *   mixes months and quarters; when the actual arrays differ in length, name an account row
 *   or period out of range, or hold a non-finite value; when `selected` holds an index out
 *   of range or twice; when a goal, potential or the threshold is not finite; or when
 *   `territoryIds` holds an id twice
 */
export function computeAttainment(input: AttainmentInput): AttainmentResult {
  const { territoryIds, accountTerritory, actuals, periods, goalOfTerritory, potentialOfTerritory, threshold } = input;
  const ordinals = checkPeriods(periods);
  const perYear = periodsPerYear(parsePeriod(periods[0]!)!.kind);
  const nPeriods = periods.length;
  const selected = checkSelected(input.selected, nPeriods);
  if (!Number.isFinite(threshold)) throw new RangeError(`Threshold ${threshold} is not finite.`);
  checkFinite(goalOfTerritory, 'Goal');
  if (potentialOfTerritory) checkFinite(potentialOfTerritory, 'Potential');

  const slot = new Map<number, number>();
  territoryIds.forEach((id, k) => {
    if (slot.has(id)) throw new RangeError(`Territory ${id} is listed twice.`);
    slot.set(id, k);
  });

  const { row, period, value } = actuals;
  if (period.length !== row.length || value.length !== row.length) {
    throw new RangeError('actuals.row, actuals.period and actuals.value must have the same length.');
  }
  // byPeriod[k] for listed territory k; the last slot collects unassigned actuals.
  const byPeriod = Array.from({ length: territoryIds.length + 1 }, () => new Array<number>(nPeriods).fill(0));
  const unlisted = new Set<number>();
  for (let i = 0; i < row.length; i++) {
    const r = row[i]!;
    const p = period[i]!;
    const v = value[i]!;
    if (!(r >= 0 && r < accountTerritory.length)) throw new RangeError(`Actual ${i} names account row ${r}, out of range.`);
    if (!(p >= 0 && p < nPeriods)) throw new RangeError(`Actual ${i} names period ${p}, out of range.`);
    if (!Number.isFinite(v)) throw new RangeError(`Actual ${i} has a non-finite value ${v}.`);
    const id = accountTerritory[r]!;
    const k = slot.get(id);
    if (k === undefined && id !== -1) unlisted.add(id);
    byPeriod[k ?? territoryIds.length]![p]! += v;
  }

  const figures = (actualByPeriod: number[], annualGoal: number, potential: number | null): AttainmentFigures => {
    const goalPerPeriod = annualGoal / perYear;
    const attainmentByPeriod = actualByPeriod.map((a) => (goalPerPeriod === 0 ? null : a / goalPerPeriod));
    const actual = sumAt(actualByPeriod, selected);
    const goal = (annualGoal * selected.length) / perYear;
    return {
      actualByPeriod,
      goalPerPeriod,
      attainmentByPeriod,
      actual,
      goal,
      attainment: goal === 0 ? null : actual / goal,
      potentialLeft: potential === null ? null : potential - sum(actualByPeriod),
      trend: slope(ordinals, attainmentByPeriod),
    };
  };

  const territories = territoryIds.map((territoryId, k): TerritoryAttainment => {
    const potential = potentialOfTerritory ? (potentialOfTerritory.get(territoryId) ?? 0) : null;
    const f = figures(byPeriod[k]!, goalOfTerritory.get(territoryId) ?? 0, potential);
    return { territoryId, ...f, flagged: f.attainment !== null && f.attainment < threshold };
  });

  const totalByPeriod = new Array<number>(nPeriods).fill(0);
  let totalGoal = 0;
  let totalPotential = 0;
  territoryIds.forEach((id, k) => {
    for (let p = 0; p < nPeriods; p++) totalByPeriod[p]! += byPeriod[k]![p]!;
    totalGoal += goalOfTerritory.get(id) ?? 0;
    totalPotential += potentialOfTerritory?.get(id) ?? 0;
  });
  const unassignedByPeriod = byPeriod[territoryIds.length]!;

  const flagged = territories
    .filter((t) => t.flagged)
    .sort((a, b) => a.attainment! - b.attainment!)
    .map((t) => t.territoryId);

  return {
    territories,
    totals: figures(totalByPeriod, totalGoal, potentialOfTerritory ? totalPotential : null),
    unassigned: { actualByPeriod: unassignedByPeriod, actual: sumAt(unassignedByPeriod, selected) },
    unlistedTerritories: [...unlisted].sort((a, b) => a - b),
    flagged,
  };
}

/** Validates the period keys and returns their calendar positions. */
function checkPeriods(periods: readonly string[]): number[] {
  if (periods.length === 0) throw new RangeError('No periods given.');
  const ordinals: number[] = [];
  let kind: string | null = null;
  for (const key of periods) {
    const p = parsePeriod(key);
    if (!p || p.key !== key) throw new RangeError(`"${key}" is not a canonical period key.`);
    if (kind !== null && p.kind !== kind) throw new RangeError('Periods mix months and quarters.');
    kind = p.kind;
    const ordinal = periodOrdinal(p);
    if (ordinals.length > 0 && ordinal <= ordinals[ordinals.length - 1]!) {
      throw new RangeError(`Periods are not strictly ascending at "${key}".`);
    }
    ordinals.push(ordinal);
  }
  return ordinals;
}

function checkSelected(selected: readonly number[] | undefined, nPeriods: number): number[] {
  if (selected === undefined) return Array.from({ length: nPeriods }, (_, i) => i);
  const seen = new Set<number>();
  for (const i of selected) {
    if (!(Number.isInteger(i) && i >= 0 && i < nPeriods)) throw new RangeError(`Selected period ${i} is out of range.`);
    if (seen.has(i)) throw new RangeError(`Selected period ${i} is given twice.`);
    seen.add(i);
  }
  return [...selected];
}

function checkFinite(map: ReadonlyMap<number, number>, what: string): void {
  for (const [id, v] of map) {
    if (!Number.isFinite(v)) throw new RangeError(`${what} ${v} of territory ${id} is not finite.`);
  }
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function sumAt(xs: readonly number[], at: readonly number[]): number {
  let s = 0;
  for (const i of at) s += xs[i]!;
  return s;
}

/** Least-squares slope of the non-null ys against xs; null with fewer than two points. */
function slope(xs: readonly number[], ys: readonly (number | null)[]): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null || y === undefined) continue;
    n++;
    sx += xs[i]!;
    sy += y;
  }
  if (n < 2) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null || y === undefined) continue;
    const dx = xs[i]! - mx;
    sxy += dx * (y - my);
    sxx += dx * dx;
  }
  return sxy / sxx;
}
