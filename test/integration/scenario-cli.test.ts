import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/backend/workspace/workspace';
import { tesseraInProcess, tesseraJson } from '../helpers/cli-in-process';
import { fixedNow, makeSmallDemo, makeTempDir, withWorkspaceAt } from '../helpers/workspaces';

const temp = makeTempDir();
let demo: string;

const tessera = tesseraInProcess;

const json = tesseraJson;

const withWorkspace = <T>(fn: (ws: Workspace) => T, path = demo): T => withWorkspaceAt(path, fn);

const compare = (base: string, other: string, ...extra: string[]) => json('scenario', 'compare', '--workspace', demo, '--base', base, '--other', other, ...extra);

const BASELINE = 'Current alignment';
let movedCells: number[] = [];

beforeAll(() => {
  demo = makeSmallDemo(join(temp.dir, 'demo.tessera'));
});
afterAll(() => temp.cleanup());

describe('tessera scenario', () => {
  it('lists the scenarios with their figures as JSON, and as a table', async () => {
    const list = await json('scenario', 'list', '--workspace', demo);
    expect(list).toHaveLength(1);
    const [baseline] = list;
    expect(baseline).toMatchObject({ name: BASELINE, baseline: true, locked: false, archived: false, parent: null, territories: 8, vsBaseline: null });
    expect(Object.keys(baseline.maxDeviation).sort()).toEqual(['accounts', 'revenue_potential', 'workload']);
    for (const v of Object.values(baseline.maxDeviation)) expect(v).toEqual(expect.any(Number));
    expect(baseline.meanTravelKm).toBeGreaterThan(0);
    expect(baseline.contiguityBreaks).toEqual(expect.any(Number));
    const human = await tessera('scenario', 'list', '--workspace', demo);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/Current alignment\s+baseline/);
  });

  it('branches a scenario; an untouched branch compares as identical', async () => {
    const branch = await json('scenario', 'branch', '--workspace', demo, '--from', BASELINE, '--name', 'Plan B');
    expect(branch).toMatchObject({ name: 'Plan B', parent: BASELINE, baseline: false, territories: 8 });
    const c = await compare(BASELINE, 'Plan B');
    expect(c).toMatchObject({ movedAccounts: 0, accountsChangingRep: 0, movedCells: 0, accounts: [] });
    expect(c.territories).toHaveLength(8);
    const list = await json('scenario', 'list', '--workspace', demo);
    expect(list.find((s: { name: string }) => s.name === 'Plan B').vsBaseline).toMatchObject({ movedAccounts: 0 });
  });

  it('reports the accounts in cells moved on the branch, with shares, deltas and a change list', async () => {
    const expected = withWorkspace((ws) => {
      const branch = ws.scenarios().find((s) => s.name === 'Plan B')!;
      const owner = ws.assignment(branch.id).territoryOfCell;
      const accounts = ws.accountColumns();
      const perCell = new Map<number, number>();
      for (const cell of accounts.cell) perCell.set(cell, (perCell.get(cell) ?? 0) + 1);
      // 25 cells with accounts from territory 1 go to territory 2.
      movedCells = [];
      for (let c = 0; c < owner.length && movedCells.length < 25; c++) if (owner[c] === 1 && (perCell.get(c) ?? 0) > 0) movedCells.push(c);
      ws.execute(branch.id, { type: 'territory.assignCells', cells: movedCells, to: 2 });
      const moved = new Set(movedCells);
      const share: Record<string, number> = {};
      for (const [key, values] of Object.entries(accounts.measures)) {
        let all = 0;
        let part = 0;
        values.forEach((v, r) => {
          if (!Number.isFinite(v)) return;
          all += v;
          if (moved.has(accounts.cell[r]!)) part += v;
        });
        share[key] = part / all;
      }
      return { accounts: accounts.cell.filter((c) => moved.has(c)).length, share };
    });
    expect(expected.accounts).toBeGreaterThan(0);

    const csvPath = join(temp.dir, 'changes.csv');
    const c = await compare(BASELINE, 'Plan B', '--csv', csvPath);
    expect(c.movedAccounts).toBe(expected.accounts);
    expect(c.movedCells).toBe(movedCells.length);
    expect(c.accounts).toHaveLength(expected.accounts);
    for (const [key, share] of Object.entries(expected.share)) expect(c.movedShare[key]).toBeCloseTo(share, 12);
    expect(c.territories.reduce((sum: number, t: { accounts: { before: number; after: number } }) => sum + t.accounts.after - t.accounts.before, 0)).toBe(0);
    const t1 = c.territories.find((t: { id: number }) => t.id === 1);
    const t2 = c.territories.find((t: { id: number }) => t.id === 2);
    expect(t1).toMatchObject({ lost: expected.accounts, gained: 0 });
    expect(t2).toMatchObject({ gained: expected.accounts, lost: 0 });
    expect(c.accounts[0]).toMatchObject({ id: expect.any(String), from: 1, fromName: t1.names.before, to: 2, toName: t2.names.after, repChanged: true });
    expect(Object.keys(c.accounts[0].measures).sort()).toEqual(['accounts', 'revenue_potential', 'workload']);
    // No typed arrays leak into the JSON (they would print as {"0": …} objects).
    expect(JSON.stringify(c)).not.toMatch(/"0":/);

    const csv = readFileSync(csvPath, 'utf8');
    const lines = csv.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^account_id,account_name,from_territory_id/);
    expect(lines.length - 1).toBe(c.accounts.length);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    await compare(BASELINE, 'Plan B', '--csv', csvPath, '--bom');
    expect(readFileSync(csvPath, 'utf8').charCodeAt(0)).toBe(0xfeff);

    const human = await tessera('scenario', 'compare', '--workspace', demo, '--base', BASELINE, '--other', 'Plan B');
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toContain(`${expected.accounts} of 2000 accounts move`);

    const list = await json('scenario', 'list', '--workspace', demo);
    expect(list.find((s: { name: string }) => s.name === 'Plan B').vsBaseline.movedAccounts).toBe(expected.accounts);
  });

  it('refuses an unknown scenario name with exit 1, listing the names', async () => {
    const r = await tessera('scenario', 'compare', '--workspace', demo, '--base', BASELINE, '--other', 'Plan C');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no scenario named "Plan C"/);
    expect(r.stderr).toContain('"Current alignment", "Plan B"');
    expect(r.stdout).toBe('');
    expect((await tessera('scenario', 'frobnicate', '--workspace', demo)).status).toBe(2);
    expect((await tessera('scenario', 'branch', '--workspace', demo, '--from', BASELINE)).status).toBe(2);
  });

  it('promotes a branch into the baseline, and one undo in the baseline takes it back', async () => {
    const r = await tessera('scenario', 'promote', '--workspace', demo, '--name', 'Plan B');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Promoted "Plan B" into the baseline "Current alignment"/);
    const after = await compare(BASELINE, 'Plan B');
    expect(after).toMatchObject({ movedAccounts: 0, movedCells: 0 });
    withWorkspace((ws) => {
      expect(ws.undo(ws.baseline()!.id)).not.toBeNull();
    });
    const undone = await compare(BASELINE, 'Plan B');
    expect(undone.movedCells).toBe(movedCells.length);
    expect(undone.movedAccounts).toBeGreaterThan(0);
  });

  it('renames, annotates, locks, archives, sets the baseline and deletes', async () => {
    const run = async (...args: string[]) => {
      const r = await tessera('scenario', ...args, '--workspace', demo);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.split('\n')).toHaveLength(1);
      return r.stdout;
    };
    expect(await run('rename', '--name', 'Plan B', '--to', 'Plan West')).toBe('Renamed "Plan B" to "Plan West".');
    expect(await run('note', '--name', 'Plan West', '--text', 'for the Q3 review')).toMatch(/note/);
    expect(await run('lock', '--name', 'Plan West')).toMatch(/Locked/);
    let row = (await json('scenario', 'list', '--workspace', demo)).find((s: { name: string }) => s.name === 'Plan West');
    expect(row).toMatchObject({ note: 'for the Q3 review', locked: true });
    expect((await tessera('scenario', 'promote', '--workspace', demo, '--name', BASELINE)).status).toBe(1);
    await run('unlock', '--name', 'Plan West');
    await run('archive', '--name', 'Plan West');
    expect((await json('scenario', 'list', '--workspace', demo)).find((s: { name: string }) => s.name === 'Plan West').archived).toBe(true);
    await run('restore', '--name', 'Plan West');
    expect(await run('baseline', '--name', 'Plan West')).toBe('"Plan West" is now the baseline.');
    const list = await json('scenario', 'list', '--workspace', demo);
    expect(list.map((s: { name: string; baseline: boolean }) => [s.name, s.baseline])).toEqual([
      [BASELINE, false],
      ['Plan West', true],
    ]);
    row = list.find((s: { name: string }) => s.name === BASELINE);
    expect(row.vsBaseline.movedAccounts).toBeGreaterThan(0);
    expect((await tessera('scenario', 'delete', '--workspace', demo, '--name', 'Plan West')).status).toBe(1);
    expect(await run('delete', '--name', BASELINE)).toBe('Deleted scenario "Current alignment".');
    expect((await json('scenario', 'list', '--workspace', demo)).map((s: { name: string }) => s.name)).toEqual(['Plan West']);
  });
});
