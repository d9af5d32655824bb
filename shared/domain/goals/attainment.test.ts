import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { resolveAccountTerritories } from './account-territory';
import { computeAttainment, type AttainmentInput } from './attainment';

/** Builds sparse actuals from [row, period, value] triples. */
const actualsOf = (triples: readonly (readonly [number, number, number])[]) => ({
  row: Int32Array.from(triples.map((t) => t[0])),
  period: Int32Array.from(triples.map((t) => t[1])),
  value: Float64Array.from(triples.map((t) => t[2])),
});

// Territory 1: two accounts; territory 2: goal 0; territory 3: no actuals.
// Account 3 is in no territory, account 4 in territory 9, which is not listed.
const base: AttainmentInput = {
  territoryIds: [1, 2, 3],
  accountTerritory: Int32Array.from([1, 1, 2, -1, 9, 3]),
  actuals: actualsOf([
    [0, 0, 50], [0, 1, 60], [0, 2, 70],
    [1, 0, 30], [1, 2, 50],
    [2, 1, 40],
    [3, 0, 5], [3, 2, 10],
    [4, 1, 7],
  ]),
  periods: ['2026-01', '2026-02', '2026-03'],
  goalOfTerritory: new Map([
    [1, 1200],
    [2, 0],
    [3, 2400],
  ]),
  potentialOfTerritory: new Map([
    [1, 1000],
    [2, 500],
    [3, 800],
  ]),
  threshold: 0.9,
};

describe('computeAttainment', () => {
  it('computes per-territory figures by hand', () => {
    const result = computeAttainment(base);
    const [t1, t2, t3] = result.territories;
    // Monthly goal 1200 / 12 = 100; actuals 80, 60, 120; 3 months → goal 300.
    expect(t1).toMatchObject({
      territoryId: 1,
      actualByPeriod: [80, 60, 120],
      goalPerPeriod: 100,
      attainmentByPeriod: [0.8, 0.6, 1.2],
      actual: 260,
      goal: 300,
      potentialLeft: 740,
      flagged: true,
    });
    expect(t1!.attainment).toBeCloseTo(260 / 300, 12);
    // Slope of 0.8, 0.6, 1.2 at x = 0, 1, 2: (1.2 − 0.8) / 2.
    expect(t1!.trend).toBeCloseTo(0.2, 12);
    // A zero goal: no attainment, no trend, never flagged.
    expect(t2).toEqual({
      territoryId: 2,
      actualByPeriod: [0, 40, 0],
      goalPerPeriod: 0,
      attainmentByPeriod: [null, null, null],
      actual: 40,
      goal: 0,
      attainment: null,
      potentialLeft: 460,
      trend: null,
      flagged: false,
    });
    // No actuals at all: attainment 0, flat trend.
    expect(t3).toEqual({
      territoryId: 3,
      actualByPeriod: [0, 0, 0],
      goalPerPeriod: 200,
      attainmentByPeriod: [0, 0, 0],
      actual: 0,
      goal: 600,
      attainment: 0,
      potentialLeft: 800,
      trend: 0,
      flagged: true,
    });
    expect(result.flagged).toEqual([3, 1]);
  });

  it('reports totals and never drops actuals outside the listed territories', () => {
    const { totals, unassigned, unlistedTerritories } = computeAttainment(base);
    expect(totals).toMatchObject({ actualByPeriod: [80, 100, 120], goalPerPeriod: 300, actual: 300, goal: 900, potentialLeft: 2000 });
    expect(totals.attainment).toBeCloseTo(1 / 3, 12);
    expect(totals.trend).toBeCloseTo(20 / 300, 12);
    // Account 3 (no territory) and account 4 (territory 9, unlisted).
    expect(unassigned).toEqual({ actualByPeriod: [5, 7, 10], actual: 22 });
    expect(unlistedTerritories).toEqual([9]);
  });

  it('prorates the goal to the selected periods; potential left still covers all periods', () => {
    const result = computeAttainment({ ...base, selected: [1, 2] });
    const [t1, t2, t3] = result.territories;
    // Territory 1: 180 of 200 → exactly at the threshold, not flagged.
    expect([t1!.actual, t1!.goal, t1!.attainment, t1!.flagged, t1!.potentialLeft]).toEqual([180, 200, 0.9, false, 740]);
    expect([t2!.actual, t2!.goal, t2!.attainment]).toEqual([40, 0, null]);
    expect([t3!.actual, t3!.goal, t3!.attainment]).toEqual([0, 400, 0]);
    expect(result.flagged).toEqual([3]);
    expect(result.unassigned.actual).toBe(17);
    expect(result.totals.actual).toBe(220);
    expect(result.totals.goal).toBe(600);

    const none = computeAttainment({ ...base, selected: [] });
    expect(none.territories.map((t) => [t.actual, t.goal, t.attainment, t.flagged])).toEqual([
      [0, 0, null, false],
      [0, 0, null, false],
      [0, 0, null, false],
    ]);
  });

  it('gives null potential left without potentials and missing goals count as 0', () => {
    const result = computeAttainment({ ...base, potentialOfTerritory: undefined, goalOfTerritory: new Map([[1, 1200]]) });
    expect(result.territories.map((t) => t.potentialLeft)).toEqual([null, null, null]);
    expect(result.totals.potentialLeft).toBeNull();
    expect(result.territories[2]!.attainment).toBeNull();
    expect(result.flagged).toEqual([1]);
  });

  it('measures the trend per calendar period, across gaps, for quarters', () => {
    const result = computeAttainment({
      territoryIds: [5],
      accountTerritory: Int32Array.from([5]),
      actuals: actualsOf([
        [0, 0, 80],
        [0, 1, 120],
      ]),
      periods: ['2025-Q4', '2026-Q2'],
      goalOfTerritory: new Map([[5, 400]]),
      threshold: 0.5,
    });
    const t = result.territories[0]!;
    expect(t.goalPerPeriod).toBe(100);
    expect(t.attainmentByPeriod).toEqual([0.8, 1.2]);
    expect(t.goal).toBe(200);
    expect(t.attainment).toBe(1);
    // Q4 2025 → Q2 2026 is two quarters: +0.4 over 2 → 0.2 per quarter.
    expect(t.trend).toBeCloseTo(0.2, 12);
    // One period only: no trend.
    expect(computeAttainment({ ...base, periods: ['2026-01'], actuals: actualsOf([[0, 0, 1]]) }).territories[0]!.trend).toBeNull();
  });

  it('rejects malformed input', () => {
    const bad = (patch: Partial<AttainmentInput>) => () => computeAttainment({ ...base, ...patch });
    expect(bad({ periods: [] })).toThrow(RangeError);
    expect(bad({ periods: ['2026-1', '2026-02', '2026-03'] })).toThrow(RangeError);
    expect(bad({ periods: ['2026-02', '2026-01', '2026-03'] })).toThrow(RangeError);
    expect(bad({ periods: ['2026-01', '2026-01', '2026-03'] })).toThrow(RangeError);
    expect(bad({ periods: ['2026-01', '2026-02', '2026-Q2'] })).toThrow(RangeError);
    expect(bad({ actuals: actualsOf([[6, 0, 1]]) })).toThrow(RangeError);
    expect(bad({ actuals: actualsOf([[0, 3, 1]]) })).toThrow(RangeError);
    expect(bad({ actuals: actualsOf([[0, 0, Number.NaN]]) })).toThrow(RangeError);
    expect(bad({ actuals: { row: Int32Array.of(0), period: Int32Array.of(), value: Float64Array.of(1) } })).toThrow(RangeError);
    expect(bad({ selected: [0, 0] })).toThrow(RangeError);
    expect(bad({ selected: [3] })).toThrow(RangeError);
    expect(bad({ territoryIds: [1, 1] })).toThrow(RangeError);
    expect(bad({ threshold: Number.NaN })).toThrow(RangeError);
    expect(bad({ goalOfTerritory: new Map([[1, Infinity]]) })).toThrow(RangeError);
  });

  it('accounts for every actual, under every alignment (seeded)', () => {
    const rng = createRng(2026);
    const periods = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
    for (let trial = 0; trial < 100; trial++) {
      const cells = 1 + rng.int(60);
      const k = 1 + rng.int(8);
      const accounts = 1 + rng.int(80);
      const accountCell = Int32Array.from({ length: accounts }, () => (rng.next() < 0.05 ? -1 : rng.int(cells)));
      const triples = Array.from({ length: rng.int(300) }, () => [rng.int(accounts), rng.int(periods.length), rng.int(10_000) - 1000] as const);
      const actuals = actualsOf(triples);
      const goalOfTerritory = new Map(Array.from({ length: k }, (_, i) => [i + 1, rng.next() < 0.2 ? 0 : rng.int(500_000)] as const));
      const selected = periods.map((_, i) => i).filter(() => rng.next() < 0.7);
      const all = triples.reduce((s, t) => s + t[2], 0);
      const allSelected = triples.reduce((s, t) => s + (selected.includes(t[1]) ? t[2] : 0), 0);

      // Two scenarios: two alignments of the same cells (the second with an override).
      for (let scenario = 0; scenario < 2; scenario++) {
        const territoryOfCell = Int32Array.from({ length: cells }, () => (rng.next() < 0.1 ? -1 : 1 + rng.int(k + 1)));
        const overrides = scenario === 1 ? new Map([[rng.int(accounts), 1]]) : undefined;
        const result = computeAttainment({
          territoryIds: Array.from({ length: k }, (_, i) => i + 1),
          accountTerritory: resolveAccountTerritories(accountCell, territoryOfCell, overrides),
          actuals,
          periods,
          goalOfTerritory,
          selected,
          threshold: 0.9,
        });
        const sumActual = result.territories.reduce((s, t) => s + t.actual, 0);
        expect(sumActual + result.unassigned.actual).toBe(allSelected);
        expect(result.totals.actual).toBe(sumActual);
        const everyPeriod = result.territories.reduce((s, t) => s + t.actualByPeriod.reduce((a, b) => a + b, 0), 0);
        expect(everyPeriod + result.unassigned.actualByPeriod.reduce((a, b) => a + b, 0)).toBe(all);
        for (const t of result.territories) {
          const goal = ((goalOfTerritory.get(t.territoryId) ?? 0) * selected.length) / 12;
          expect(t.goal).toBeCloseTo(goal, 9);
          expect(t.attainment).toBe(goal === 0 ? null : t.actual / t.goal);
          expect(t.flagged).toBe(t.attainment !== null && t.attainment < 0.9);
        }
        const flaggedAttainment = result.flagged.map((id) => result.territories.find((t) => t.territoryId === id)!.attainment!);
        expect(flaggedAttainment).toEqual([...flaggedAttainment].sort((a, b) => a - b));
        expect(result.flagged.length).toBe(result.territories.filter((t) => t.flagged).length);
      }
    }
  });
});
