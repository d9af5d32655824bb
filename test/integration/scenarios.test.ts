import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/contract/events';
import { expectCode } from '../helpers/expect-code';
import { inProcessHarness, webHostHarness, type Harness } from '../helpers/clients';
import { makeSmallDemo, makeTempDir } from '../helpers/workspaces';

describe.each([
  ['in-process backend', inProcessHarness],
  ['web host', webHostHarness],
])('scenarios through the %s', (_name, makeHarness) => {
  const temp = makeTempDir();
  let h: Harness;
  const events: EventMessage[] = [];
  let baselineId: number;
  let branchId: number;
  /** Cells of the branch's first territory that the test moves to its second. */
  let movedCells: number[];
  let accountsInMovedCells: number;

  beforeAll(async () => {
    makeSmallDemo(join(temp.dir, 'demo.tessera'));
    h = await makeHarness(temp.dir);
    h.backend.subscribe((e) => events.push(e));
    await h.client.call('workspace.openDemo', {});
    baselineId = (await h.client.call('scenario.list', {})).find((s) => s.isBaseline)!.id;
  });
  afterAll(async () => {
    await h.close();
    temp.cleanup();
  });

  it('branches a scenario with its plan and an empty history, and announces the new list', async () => {
    events.length = 0;
    const branch = await h.client.call('scenario.branch', { from: baselineId, name: '  What-if East  ' });
    branchId = branch.id;
    expect(branch).toMatchObject({ name: 'What-if East', parentId: baselineId, isBaseline: false, archived: false, locked: false });
    const [base, copy] = await Promise.all([
      h.client.call('assignment.get', { scenarioId: baselineId }),
      h.client.call('assignment.get', { scenarioId: branchId }),
    ]);
    expect([...copy.territoryOfCell]).toEqual([...base.territoryOfCell]);
    expect(await h.client.call('history.state', { scenarioId: branchId })).toMatchObject({ undo: null, redo: null });
    const listed = events.find((e) => e.name === 'scenarios.changed');
    expect(listed?.payload).toMatchObject({ scenarios: expect.arrayContaining([expect.objectContaining({ id: branchId })]) });
    await expectCode(h.client.call('scenario.branch', { from: baselineId, name: 'What-if East' }), 'INVALID_INPUT', /already a scenario/);
    await expectCode(h.client.call('scenario.branch', { from: 999, name: 'Nope' }), 'NOT_FOUND');
  });

  it('compares two identical plans as no change', async () => {
    const c = await h.client.call('scenario.compare', { base: baselineId, other: branchId });
    expect(c.disruption).toMatchObject({ movedAccounts: 0, movedCells: 0, accountsChangingRep: 0 });
    expect(c.moved.ids).toEqual([]);
    expect(c.territories.every((t) => t.gained === 0 && t.lost === 0 && t.accounts.before === t.accounts.after)).toBe(true);
  });

  it('shows exactly what moved after an edit of the branch', async () => {
    const [assignment, territories, accounts] = await Promise.all([
      h.client.call('assignment.get', { scenarioId: branchId }),
      h.client.call('territory.list', { scenarioId: branchId }),
      h.client.call('account.list', {}),
    ]);
    const [first, second] = territories;
    movedCells = [...assignment.territoryOfCell.keys()].filter((c) => assignment.territoryOfCell[c] === first!.id).slice(0, 40);
    await h.client.call('command.execute', { scenarioId: branchId, command: { type: 'territory.assignCells', cells: movedCells, to: second!.id } });
    const moving = new Set(movedCells);
    const rows = [...accounts.cell.keys()].filter((r) => moving.has(accounts.cell[r]!));
    accountsInMovedCells = rows.length;
    expect(accountsInMovedCells).toBeGreaterThan(0);

    const c = await h.client.call('scenario.compare', { base: baselineId, other: branchId });
    expect(c.movedCells).toBeInstanceOf(Int32Array);
    expect([...c.movedCells]).toEqual(movedCells);
    expect(new Set(c.movedFrom)).toEqual(new Set([first!.id]));
    expect(new Set(c.movedTo)).toEqual(new Set([second!.id]));
    expect(c.disruption.movedAccounts).toBe(accountsInMovedCells);
    expect([...c.moved.ids].sort()).toEqual(rows.map((r) => accounts.ids[r]!).sort());
    // The moved share of each measure, recomputed from the accounts.
    for (const key of c.measures) {
      const values = accounts.measures[key]!;
      let total = 0;
      let moved = 0;
      values.forEach((v, r) => {
        if (!Number.isFinite(v)) return;
        total += v;
        if (moving.has(accounts.cell[r]!)) moved += v;
      });
      expect(c.disruption.movedShare[key]).toBeCloseTo(total > 0 ? moved / total : 0, 9);
    }
    const from = c.territories.find((t) => t.id === first!.id)!;
    const to = c.territories.find((t) => t.id === second!.id)!;
    expect(from.accounts.before - from.accounts.after).toBe(accountsInMovedCells);
    expect(to.accounts.after - to.accounts.before).toBe(accountsInMovedCells);
    expect([from.lost, to.gained]).toEqual([accountsInMovedCells, accountsInMovedCells]);
    expect(c.territories.reduce((s, t) => s + t.accounts.after - t.accounts.before, 0)).toBe(0);
  });

  it('writes the change list as CSV, one row per changed account', async () => {
    const { fileName, csv } = await h.client.call('scenario.diffCsv', { base: baselineId, other: branchId, bom: true });
    expect(fileName).toMatch(/^changes-.+-to-What-if-East\.csv$/);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^account_id,account_name,from_territory_id,/);
    expect(lines).toHaveLength(accountsInMovedCells + 1);
  });

  it('reports each scenario\'s figures with its distance from the baseline', async () => {
    const figures = await h.client.call('scenario.figures', {});
    const base = figures.find((f) => f.scenarioId === baselineId)!;
    const branch = figures.find((f) => f.scenarioId === branchId)!;
    expect(base.vsBaseline).toBeNull();
    expect(branch.vsBaseline).toMatchObject({ baselineId, movedAccounts: accountsInMovedCells });
    expect(Object.keys(branch.maxDeviation).length).toBeGreaterThan(0);
    expect(branch.meanTravelKm).toBeGreaterThan(0);
  });

  it('renames, annotates, locks (read-only) and unlocks', async () => {
    const renamed = await h.client.call('scenario.update', { scenarioId: branchId, name: 'East v2', note: 'Moves 40 cells east', locked: true });
    expect(renamed).toMatchObject({ name: 'East v2', note: 'Moves 40 cells east', locked: true });
    await expectCode(h.client.call('command.execute', { scenarioId: branchId, command: { type: 'territory.assignCells', cells: [0], to: null } }), 'SCENARIO_LOCKED');
    await expectCode(h.client.call('command.undo', { scenarioId: branchId }), 'SCENARIO_LOCKED');
    await h.client.call('scenario.update', { scenarioId: branchId, locked: false });
    await expectCode(h.client.call('scenario.update', { scenarioId: branchId, name: '   ' }), 'INVALID_INPUT', /needs a name/);
  });

  it('archives and restores; the baseline can be neither archived nor deleted', async () => {
    expect(await h.client.call('scenario.update', { scenarioId: branchId, archived: true })).toMatchObject({ archived: true });
    expect((await h.client.call('workspace.info', {})).scenarios).toBe(1);
    expect(await h.client.call('scenario.update', { scenarioId: branchId, archived: false })).toMatchObject({ archived: false });
    await expectCode(h.client.call('scenario.update', { scenarioId: baselineId, archived: true }), 'INVALID_INPUT', /baseline/);
    await expectCode(h.client.call('scenario.delete', { scenarioId: baselineId }), 'INVALID_INPUT', /baseline/);
    await expectCode(h.client.call('scenario.promote', { scenarioId: baselineId }), 'INVALID_INPUT', /already the baseline/);
  });

  it('promotes a branch as one undo step of the baseline, and undo takes it back', async () => {
    events.length = 0;
    const result = await h.client.call('scenario.promote', { scenarioId: branchId });
    expect(result.baselineId).toBe(baselineId);
    expect(events.some((e) => e.name === 'scenario.changed' && (e.payload as { scenarioId: number }).scenarioId === baselineId)).toBe(true);
    const after = await h.client.call('scenario.compare', { base: baselineId, other: branchId });
    expect(after.disruption.movedAccounts).toBe(0);
    const history = await h.client.call('history.state', { scenarioId: baselineId });
    expect(history.undo).toEqual({ key: 'command.promote', params: { name: 'East v2' } });
    await expectCode(h.client.call('scenario.promote', { scenarioId: branchId }), 'INVALID_INPUT', /same plan/);

    await h.client.call('command.undo', { scenarioId: baselineId });
    const undone = await h.client.call('scenario.compare', { base: baselineId, other: branchId });
    expect(undone.disruption.movedAccounts).toBe(accountsInMovedCells);
    expect([...undone.movedCells]).toEqual(movedCells);
  });

  it('moves the baseline mark and deletes a scenario with everything in it', async () => {
    expect(await h.client.call('scenario.setBaseline', { scenarioId: branchId })).toMatchObject({ isBaseline: true });
    const list = await h.client.call('scenario.list', {});
    expect(list.filter((s) => s.isBaseline).map((s) => s.id)).toEqual([branchId]);
    await h.client.call('scenario.delete', { scenarioId: baselineId });
    expect((await h.client.call('scenario.list', {})).map((s) => s.id)).toEqual([branchId]);
    await expectCode(h.client.call('assignment.get', { scenarioId: baselineId }), 'NOT_FOUND');
    await h.client.call('scenario.setBaseline', { scenarioId: branchId });
    await expectCode(h.client.call('scenario.delete', { scenarioId: branchId }), 'INVALID_INPUT');
  });
});
