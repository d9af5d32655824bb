import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/backend/workspace/workspace';
import { tesseraInProcess as tessera, tesseraJson } from '../helpers/cli-in-process';
import { fixedNow, makeSmallDemo, makeTempDir, withWorkspaceAt } from '../helpers/workspaces';

const temp = makeTempDir();
let demo: string;
const BASE = 'Current alignment';
let ids: string[] = [];

const json = tesseraJson;

const withWorkspace = <T>(fn: (ws: Workspace) => T, path = demo): T => withWorkspaceAt(path, fn);

/** Account id → territory id in a scenario (override, else the cell's territory). */
function territoryOfAccounts(ws: Workspace, scenario: string): Map<string, number> {
  const s = ws.scenarios().find((x) => x.name === scenario)!;
  const accounts = ws.accountColumns();
  const { territoryOfCell, overrides } = ws.assignment(s.id);
  const override = new Map(overrides.map((o) => [o.accountId, o.territoryId]));
  return new Map(accounts.ids.map((id, i) => [id, override.get(id) ?? territoryOfCell[accounts.cell[i]!]!]));
}

/** Actual revenue of account i in month m (1–3): a simple rule the test recomputes by hand. */
const revenue = (i: number, m: number) => 100 * ((i % 7) + 1) + 10 * m;

beforeAll(() => {
  demo = makeSmallDemo(join(temp.dir, 'demo.tessera'));
  ids = withWorkspace((ws) => {
    // A what-if branched before any goals exist: it reads the baseline's goals under its own alignment.
    ws.createScenario('Early', ws.scenarios()[0]!.id);
    return ws.accountColumns().ids.slice(0, 600);
  });
  const lines = ['Account ID,Month,Revenue'];
  ids.forEach((id, i) => {
    for (const m of [1, 2, 3]) lines.push(`${id},2026-0${m},${revenue(i, m)}`);
  });
  // Bad rows: an unknown account, an impossible month, a quarter among months, a bad number, a repeated row.
  lines.push('NOPE-1,2026-01,5', `${ids[0]},2026-13,5`, `${ids[1]},2026-Q1,5`, `${ids[2]},2026-04,12x`, `${ids[3]},Jan 2026,5`);
  writeFileSync(join(temp.dir, 'actuals.csv'), `${lines.join('\n')}\n`);
});
afterAll(() => temp.cleanup());

describe('goals and attainment from the command line', () => {
  it('imports actuals per account and month, rejecting bad rows with row, column and reason', async () => {
    const report = await json('import', 'actuals', join(temp.dir, 'actuals.csv'), '--workspace', demo, '--rejects', join(temp.dir, 'rejects.csv'));
    const rejects = readFileSync(join(temp.dir, 'rejects.csv'), 'utf8').split('\r\n');
    expect(rejects[0]).toBe('row,column,value,reason');
    expect(rejects[1]).toBe('1802,Account ID,NOPE-1,no account with this id in the workspace');
    expect(rejects).toHaveLength(7);
    expect(report).toMatchObject({ rowsRead: 1805, imported: 1800, rejected: 5, periods: ['2026-01', '2026-02', '2026-03'], kind: 'month', measures: ['revenue'] });
    expect(report.errors).toEqual([
      { row: 1802, column: 'Account ID', value: 'NOPE-1', reason: 'no account with this id in the workspace' },
      { row: 1803, column: 'Month', value: '2026-13', reason: 'not a month or quarter (e.g. 2026-03, Mar 2026, 2026-Q1)' },
      { row: 1804, column: 'Month', value: '2026-Q1', reason: 'a quarter in a file of months' },
      { row: 1805, column: 'Revenue', value: '12x', reason: expect.any(String) },
      { row: 1806, column: 'Account ID', value: ids[3], reason: 'account and period given twice (first on row 11)' },
    ]);
  });

  it('splits a total by potential, rounded to 1,000, summing exactly to the total', async () => {
    const goals = await json('goals', 'set', '--workspace', demo, '--scenario', BASE, '--measure', 'revenue', '--total', '1000000', '--by', 'revenue_potential', '--round', '1000');
    expect(goals.territories).toHaveLength(8);
    expect(goals.territories.reduce((s: number, t: { goal: number }) => s + t.goal, 0)).toBe(1_000_000);
    for (const t of goals.territories) expect(t.goal % 1000).toBe(0);
    // Shares follow the potential: the territory with the most potential gets the largest goal.
    const potential = withWorkspace((ws) => ws.territories(ws.scenarios()[0]!.id).map((t) => ({ id: t.id, v: t.measures.revenue_potential ?? 0 })));
    const top = potential.reduce((a, b) => (b.v > a.v ? b : a));
    expect(goals.territories.reduce((a: { goal: number }, b: { goal: number }) => (b.goal > a.goal ? b : a)).id).toBe(top.id);
  });

  it('reports attainment per territory against hand-computed figures', async () => {
    const out = await json('attainment', '--workspace', demo, '--scenario', BASE, '--threshold', '0.5');
    const goals = (await json('goals', 'list', '--workspace', demo, '--scenario', BASE))[0].territories as { id: number; goal: number }[];
    const owner = withWorkspace((ws) => territoryOfAccounts(ws, BASE));
    expect(out.periods).toEqual(['2026-01', '2026-02', '2026-03']);
    for (const t of out.territories) {
      let actual = 0;
      ids.forEach((id, i) => {
        if (owner.get(id) === t.id) actual += revenue(i, 1) + revenue(i, 2) + revenue(i, 3);
      });
      const goal = (goals.find((g) => g.id === t.id)!.goal * 3) / 12;
      expect(t.actual).toBeCloseTo(actual, 6);
      expect(t.goal).toBeCloseTo(goal, 6);
      expect(t.attainment).toBeCloseTo(actual / goal, 6);
      expect(t.flagged).toBe(actual / goal < 0.5);
      expect(t.byPeriod).toHaveLength(3);
    }
    expect(out.regions).toEqual([]);
    // Regions roll up their territories' goals and actuals.
    const [a, b] = [out.territories[0], out.territories[1]];
    withWorkspace((ws) => {
      const s = ws.scenarios().find((x) => x.name === BASE)!;
      ws.execute(s.id, { type: 'region.create', region: { id: 1, name: 'North' } });
      ws.execute(s.id, { type: 'territory.update', territoryId: a.id, changes: { parentId: 1 } });
      ws.execute(s.id, { type: 'territory.update', territoryId: b.id, changes: { parentId: 1 } });
    });
    const rolled = await json('attainment', '--workspace', demo, '--scenario', BASE, '--threshold', '0.5');
    expect(rolled.regions).toHaveLength(1);
    expect(rolled.regions[0]).toMatchObject({ name: 'North', territories: 2 });
    expect(rolled.regions[0].goal).toBeCloseTo(a.goal + b.goal, 6);
    expect(rolled.regions[0].actual).toBeCloseTo(a.actual + b.actual, 6);
    expect(rolled.regions[0].attainment).toBeCloseTo((a.actual + b.actual) / (a.goal + b.goal), 6);
    const march = await json('attainment', '--workspace', demo, '--scenario', BASE, '--period', 'Mar 2026');
    expect(march.selected).toEqual(['2026-03']);
    for (const t of march.territories) expect(t.actual).toBeCloseTo(t.byPeriod[2].actual, 6);
  });

  it('shows a scenario without goals of its own the goals of the baseline under its own alignment', async () => {
    const [inherited] = await json('goals', 'list', '--workspace', demo, '--scenario', 'Early');
    expect(inherited).toMatchObject({ measure: 'revenue', inheritedFrom: BASE, total: 1_000_000 });
    const early = await json('attainment', '--workspace', demo, '--scenario', 'Early');
    expect(early.territories.reduce((s: number, t: { goal: number }) => s + t.goal, 0)).toBeCloseTo(250_000, 6);
    const [own] = await json('goals', 'list', '--workspace', demo, '--scenario', BASE);
    expect(own.inheritedFrom).toBeNull();
  });

  it('moves goals with their cells in a branch, and recomputes them on request', async () => {
    await json('scenario', 'branch', '--workspace', demo, '--from', BASE, '--name', 'Realigned');
    const before = (await json('goals', 'list', '--workspace', demo, '--scenario', 'Realigned'))[0].territories as { id: number; goal: number }[];
    const [from, to] = [before[0]!.id, before[1]!.id];
    const moved = withWorkspace((ws) => {
      const s = ws.scenarios().find((x) => x.name === 'Realigned')!;
      const owner = ws.assignment(s.id).territoryOfCell;
      const cells = [...owner.keys()].filter((c) => owner[c] === from).slice(0, 20);
      ws.execute(s.id, { type: 'territory.assignCells', cells, to });
      return cells;
    });
    expect(moved.length).toBe(20);
    const after = (await json('goals', 'list', '--workspace', demo, '--scenario', 'Realigned'))[0];
    const goal = (id: number, list: { id: number; goal: number }[]) => list.find((t) => t.id === id)!.goal;
    const shift = goal(from, before) - goal(from, after.territories);
    expect(shift).toBeGreaterThan(0);
    expect(goal(to, after.territories) - goal(to, before)).toBeCloseTo(shift, 6);
    expect(after.territories.reduce((s: number, t: { goal: number }) => s + t.goal, 0)).toBeCloseTo(1_000_000, 6);
    // The baseline's goals did not move.
    expect((await json('goals', 'list', '--workspace', demo, '--scenario', BASE))[0].territories).toEqual(before);
    const recomputed = await json('goals', 'recompute', '--workspace', demo, '--scenario', 'Realigned', '--measure', 'revenue');
    expect(recomputed.territories.reduce((s: number, t: { goal: number }) => s + t.goal, 0)).toBe(1_000_000);
    for (const t of recomputed.territories) expect(t.goal % 1000).toBe(0);
  });

  it('sets one territory by hand, replaces a re-imported period, and explains what is missing', async () => {
    const list = (await json('goals', 'list', '--workspace', demo, '--scenario', BASE))[0];
    const first = list.territories[0];
    const hand = await json('goals', 'territory', '--workspace', demo, '--scenario', BASE, '--measure', 'revenue', '--territory', first.name, '--goal', '250000');
    expect(hand.territories[0].goal).toBeCloseTo(250000, 6);
    expect(hand.total).toBeCloseTo(1_000_000 - first.goal + 250000, 6);

    writeFileSync(join(temp.dir, 'march.csv'), `account,period,revenue\n${ids[0]},2026-03,1\n`);
    const again = await json('import', 'actuals', join(temp.dir, 'march.csv'), '--workspace', demo);
    expect(again).toMatchObject({ imported: 1, periods: ['2026-03'] });
    const march = await json('attainment', '--workspace', demo, '--scenario', BASE, '--period', '2026-03');
    expect(march.territories.reduce((s: number, t: { actual: number }) => s + t.actual, 0) + march.unassignedActual).toBe(1);

    const noGoals = await tessera('attainment', '--workspace', demo, '--scenario', BASE, '--measure', 'visits');
    expect(noGoals.status).toBe(1);
    expect(noGoals.stderr).toMatch(/has no goals of "visits"; set them first/);
    const badBasis = await tessera('goals', 'set', '--workspace', demo, '--scenario', BASE, '--measure', 'revenue', '--total', '10', '--by', 'nope');
    expect(badBasis.status).toBe(1);
    expect(badBasis.stderr).toMatch(/no measure "nope"/);
    const badPeriod = await tessera('attainment', '--workspace', demo, '--scenario', BASE, '--period', '2025-01');
    expect(badPeriod.status).toBe(1);
    expect(badPeriod.stderr).toMatch(/no actuals for period "2025-01"/);
  });

  it('derives the goals again at a new resolution, from their total, basis and step', async () => {
    await json('resolution', '--workspace', demo, '--to', '5');
    const [set] = await json('goals', 'list', '--workspace', demo, '--scenario', 'Realigned');
    expect(set).toMatchObject({ measure: 'revenue', total: 1_000_000, step: 1000 });
    expect(set.territories.reduce((s: number, t: { goal: number }) => s + t.goal, 0)).toBe(1_000_000);
    expect(set.territories.every((t: { goal: number }) => t.goal % 1000 === 0)).toBe(true);
  });
});
