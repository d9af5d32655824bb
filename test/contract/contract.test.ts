import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/contract/events';
import { expectCode } from '../helpers/expect-code';
import { inProcessHarness, webHostHarness, type Harness } from '../helpers/clients';
import { makeSmallDemo, makeTempDir, SMALL_DEMO } from '../helpers/workspaces';

/** Resolves with the next event of a name that passes `accept` (or rejects after a timeout). */
function nextEvent(h: Harness, name: EventMessage['name'], accept: (payload: unknown) => boolean = () => true): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event`)), 5000);
    const off = h.client.on(name, (payload) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

describe.each([
  ['in-process backend', inProcessHarness],
  ['web host', webHostHarness],
])('the contract through the %s', (_name, makeHarness) => {
  const temp = makeTempDir();
  let h: Harness;

  beforeAll(async () => {
    makeSmallDemo(join(temp.dir, 'demo.tessera'));
    h = await makeHarness(temp.dir);
  });
  afterAll(async () => {
    await h.close();
    temp.cleanup();
  });

  it('starts with no workspace and says so', async () => {
    expect(await h.client.call('workspace.status', {})).toEqual({ state: 'none' });
    await expectCode(h.client.call('workspace.info', {}), 'NO_WORKSPACE');
    expect(await h.client.call('app.about', {})).toMatchObject({ name: 'Tessera', version: 'test' });
  });

  it('opens the demo and announces it', async () => {
    const seen: string[] = [];
    const changed = nextEvent(h, 'workspace.changed', (p) => seen.push((p as { state: string }).state) > 0 && (p as { state: string }).state === 'open');
    const status = await h.client.call('workspace.openDemo', {});
    expect(status).toMatchObject({ state: 'open', info: { resolution: SMALL_DEMO.resolution, accounts: SMALL_DEMO.accounts, reps: SMALL_DEMO.reps } });
    expect(await changed).toMatchObject({ state: 'open' });
    expect(seen).toEqual(['opening', 'open']);
    expect(await h.client.call('workspace.recent', {})).toMatchObject([{ name: 'demo.tessera', exists: true }]);
  });

  it('serves the study area and the alignment as typed arrays', async () => {
    const info = await h.client.call('workspace.info', {});
    const area = await h.client.call('studyArea.get', {});
    expect(area.h3Hi).toBeInstanceOf(Uint32Array);
    expect(area.lat).toBeInstanceOf(Float32Array);
    expect(area.h3Lo.length).toBe(info.cells);
    expect(area.accounts.reduce((a, b) => a + b, 0)).toBe(info.accounts);
    const assignment = await h.client.call('assignment.get', { scenarioId: 1 });
    expect(assignment.territoryOfCell).toBeInstanceOf(Int32Array);
    expect(assignment.territoryOfCell.length).toBe(info.cells);
    expect(assignment.territoryOfCell.every((t) => t >= 1 && t <= SMALL_DEMO.reps)).toBe(true);
  });

  it('lists measures, reps, scenarios and territory totals that add up', async () => {
    expect((await h.client.call('measure.list', {})).map((m) => m.key)).toEqual(['revenue_potential', 'workload', 'accounts']);
    expect(await h.client.call('rep.list', {})).toHaveLength(SMALL_DEMO.reps);
    expect(await h.client.call('scenario.list', {})).toMatchObject([{ id: 1, isBaseline: true, territories: SMALL_DEMO.reps }]);
    const territories = await h.client.call('territory.list', { scenarioId: 1 });
    expect(territories.reduce((a, t) => a + t.accounts, 0)).toBe(SMALL_DEMO.accounts);
    expect(territories.reduce((a, t) => a + (t.measures.accounts ?? 0), 0)).toBe(SMALL_DEMO.accounts);
  });

  it('executes, undoes and redoes commands with events and labels', async () => {
    const before = await h.client.call('assignment.get', { scenarioId: 1 });
    const cells = [0, 1, 2, 3].filter((c) => before.territoryOfCell[c] !== 2);
    const changed = nextEvent(h, 'scenario.changed');
    const result = await h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.assignCells', cells, to: 2 } });
    expect(await changed).toEqual({ scenarioId: 1, revision: result.revision });
    expect(result.revision).toBe(before.revision + 1);
    const after = await h.client.call('assignment.get', { scenarioId: 1 });
    for (const c of cells) expect(after.territoryOfCell[c]).toBe(2);
    expect((await h.client.call('history.state', { scenarioId: 1 })).undo).toMatchObject({ key: 'command.assignCells' });

    await h.client.call('command.undo', { scenarioId: 1 });
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(Array.from(before.territoryOfCell));
    await h.client.call('command.redo', { scenarioId: 1 });
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(Array.from(after.territoryOfCell));
    expect(await h.client.call('command.redo', { scenarioId: 1 })).toBeNull();
  });

  it('refuses bad input with typed errors', async () => {
    await expectCode(h.client.call('territory.list', { scenarioId: -1 } as never), 'BAD_REQUEST');
    await expectCode(h.client.call('territory.list', { scenarioId: 99 }), 'NOT_FOUND');
    await expectCode(h.client.call('no.such' as never, {} as never), 'UNKNOWN_METHOD');
    await expectCode(
      h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.assignCells', cells: [10_000_000], to: 1 } }),
      'INVALID_INPUT',
    );
    await expectCode(h.client.call('workspace.open', { recentPath: '/etc/passwd' }), 'FORBIDDEN');
    await expectCode(h.client.call('workspace.saveAs', {}), 'UNSUPPORTED');
  });

  it('keeps locked territories unpainted', async () => {
    await h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.update', territoryId: 3, changes: { locked: true } } });
    await expectCode(h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.assignCells', cells: [0], to: 3 } }), 'TERRITORY_LOCKED');
    await h.client.call('command.undo', { scenarioId: 1 });
  });

  it('creates a territory, paints into it, deletes it and undoes the delete exactly', async () => {
    const territory = { id: 50, name: 'Overflow', color: '#123456', repId: null, parentId: null, locked: false };
    await h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.create', territory } });
    await h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.assignCells', cells: [10, 11, 12], to: 50 } });
    const painted = await h.client.call('assignment.get', { scenarioId: 1 });
    const deleted = await h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.delete', territoryId: 50 } });
    expect(deleted.label).toEqual({ key: 'command.deleteTerritory', params: { territory: 'Overflow' } });
    const after = await h.client.call('assignment.get', { scenarioId: 1 });
    expect([10, 11, 12].map((c) => after.territoryOfCell[c])).toEqual([-1, -1, -1]);
    expect((await h.client.call('territory.list', { scenarioId: 1 })).some((t) => t.id === 50)).toBe(false);
    await h.client.call('command.undo', { scenarioId: 1 });
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(Array.from(painted.territoryOfCell));
    expect((await h.client.call('territory.list', { scenarioId: 1 })).find((t) => t.id === 50)).toMatchObject({ name: 'Overflow', cells: 3 });
    await expectCode(h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.create', territory } }), 'INVALID_INPUT');
  });

  it('serves accounts as columns and shape figures per territory', async () => {
    const info = await h.client.call('workspace.info', {});
    const accounts = await h.client.call('account.list', {});
    expect(accounts.ids).toHaveLength(info.accounts);
    expect(accounts.lat).toBeInstanceOf(Float32Array);
    expect(accounts.measures.workload).toBeInstanceOf(Float64Array);
    const area = await h.client.call('studyArea.get', {});
    // Res-4 hexagons are about 1,770 km² on average.
    const mean = area.areaKm2.reduce((a, b) => a + b, 0) / area.areaKm2.length;
    expect(mean).toBeGreaterThan(1500);
    expect(mean).toBeLessThan(2100);
    const territories = await h.client.call('territory.list', { scenarioId: 1 });
    for (const t of territories.filter((x) => x.cells > 0)) {
      expect(t.areaKm2).toBeGreaterThan(0);
      expect(t.pieces).toBeGreaterThanOrEqual(1);
      expect(t.compactness).toBeGreaterThan(0);
      expect(t.compactness).toBeLessThanOrEqual(1);
      if (t.repId === null || t.accounts === 0) {
        expect(t.meanDistanceKm).toBeNull();
      } else {
        expect(t.meanDistanceKm).toBeGreaterThan(0);
        expect(t.meanDistanceKm).toBeLessThanOrEqual(t.maxDistanceKm!);
      }
    }
    expect(territories.reduce((a, t) => a + t.areaKm2, 0)).toBeCloseTo(area.areaKm2.reduce((a, b) => a + b, 0), -2);
  });

  it('places a named account in another territory, and undo returns it', async () => {
    const accounts = await h.client.call('account.list', {});
    const before = await h.client.call('territory.list', { scenarioId: 1 });
    const { territoryOfCell } = await h.client.call('assignment.get', { scenarioId: 1 });
    const row = 0;
    const id = accounts.ids[row]!;
    const from = territoryOfCell[accounts.cell[row]!]!;
    const to = before.find((t) => t.id !== from)!.id;
    const result = await h.client.call('command.execute', { scenarioId: 1, command: { type: 'account.override', accountIds: [id], to } });
    expect(result.label).toMatchObject({ key: 'command.overrideAccounts', params: { account: id } });
    expect((await h.client.call('assignment.get', { scenarioId: 1 })).overrides).toEqual([{ accountId: id, territoryId: to }]);
    const after = await h.client.call('territory.list', { scenarioId: 1 });
    const count = (list: typeof before, t: number) => list.find((x) => x.id === t)!.accounts;
    expect(count(after, to)).toBe(count(before, to) + 1);
    expect(count(after, from)).toBe(count(before, from) - 1);
    const workload = accounts.measures.workload![row]!;
    expect(after.find((x) => x.id === to)!.measures.workload).toBeCloseTo(before.find((x) => x.id === to)!.measures.workload! + workload, 6);
    await expectCode(h.client.call('command.execute', { scenarioId: 1, command: { type: 'account.override', accountIds: [`${id} `], to } }), 'NOT_FOUND');
    await h.client.call('command.undo', { scenarioId: 1 });
    expect((await h.client.call('assignment.get', { scenarioId: 1 })).overrides).toEqual([]);
    expect(count(await h.client.call('territory.list', { scenarioId: 1 }), to)).toBe(count(before, to));
  });

  it('merges two territories and undoes the merge exactly', async () => {
    const before = await h.client.call('assignment.get', { scenarioId: 1 });
    const territories = await h.client.call('territory.list', { scenarioId: 1 });
    const [a, b] = territories.filter((t) => !t.locked && t.cells > 0);
    const merged = await h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.merge', from: a!.id, into: b!.id } });
    expect(merged.label).toEqual({ key: 'command.mergeTerritories', params: { from: a!.name, into: b!.name } });
    const after = await h.client.call('territory.list', { scenarioId: 1 });
    expect(after.some((t) => t.id === a!.id)).toBe(false);
    expect(after.find((t) => t.id === b!.id)!.cells).toBe(a!.cells + b!.cells);
    await h.client.call('command.undo', { scenarioId: 1 });
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(Array.from(before.territoryOfCell));
    expect((await h.client.call('territory.list', { scenarioId: 1 })).find((t) => t.id === a!.id)).toMatchObject({ name: a!.name, color: a!.color });
  });

  it('groups territories into regions', async () => {
    await h.client.call('command.execute', {
      scenarioId: 1,
      command: {
        type: 'batch',
        commands: [
          { type: 'region.create', region: { id: 1, name: 'West' } },
          { type: 'territory.update', territoryId: 1, changes: { parentId: 1 } },
          { type: 'territory.update', territoryId: 2, changes: { parentId: 1 } },
        ],
      },
    });
    expect(await h.client.call('region.list', { scenarioId: 1 })).toEqual([{ id: 1, name: 'West' }]);
    const territories = await h.client.call('territory.list', { scenarioId: 1 });
    expect(territories.filter((t) => t.parentId === 1).map((t) => t.id)).toEqual([1, 2]);
    await expectCode(
      h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.update', territoryId: 3, changes: { parentId: 7 } } }),
      'NOT_FOUND',
    );
    await h.client.call('command.execute', { scenarioId: 1, command: { type: 'region.delete', regionId: 1 } });
    expect(await h.client.call('region.list', { scenarioId: 1 })).toEqual([]);
    expect((await h.client.call('territory.list', { scenarioId: 1 })).every((t) => t.parentId === null)).toBe(true);
    await h.client.call('command.undo', { scenarioId: 1 });
    expect((await h.client.call('territory.list', { scenarioId: 1 })).filter((t) => t.parentId === 1).map((t) => t.id)).toEqual([1, 2]);
  });

  it('balances in a job: progress, a proposal with its figures, accept as one undo step', async () => {
    const before = await h.client.call('assignment.get', { scenarioId: 1 });
    const progress: number[] = [];
    const offProgress = h.client.on('balance.progress', (p) => progress.push(p.fraction));
    const finished = nextEvent(h, 'balance.finished');
    const { jobId } = await h.client.call('balance.start', {
      scenarioId: 1,
      mode: 'realign',
      measures: [{ key: 'workload', weight: 1, tolerance: 0.1 }],
      seed: 7,
    });
    expect(await finished).toMatchObject({ jobId, state: 'done' });
    offProgress();
    expect(progress.length).toBeGreaterThan(0);
    const proposal = await h.client.call('balance.proposal', { jobId });
    expect(proposal.territoryOfCell).toBeInstanceOf(Int32Array);
    expect(proposal.after.contiguityBreaks).toBeLessThanOrEqual(proposal.before.contiguityBreaks);
    expect(proposal.after.maxDeviation.workload).toBeLessThan(proposal.before.maxDeviation.workload!);
    expect(proposal.disruption.movedCells).toBe(proposal.movedCells.length);
    for (const cell of proposal.movedCells) expect(proposal.territoryOfCell[cell]).not.toBe(before.territoryOfCell[cell]);
    // Nothing is written until the proposal is accepted.
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(Array.from(before.territoryOfCell));
    const accepted = await h.client.call('balance.accept', { jobId });
    expect(accepted.label).toMatchObject({ key: 'command.balance.realign' });
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(Array.from(proposal.territoryOfCell));
    await h.client.call('command.undo', { scenarioId: 1 });
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(Array.from(before.territoryOfCell));
    await expectCode(h.client.call('balance.proposal', { jobId }), 'NOT_FOUND');
  });

  it('gives a territory just added, with no cell yet, its share in a realign proposal', async () => {
    const territory = { id: 60, name: 'New hire', color: '#654321', repId: null, parentId: null, locked: false };
    await h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.create', territory } });
    const finished = nextEvent(h, 'balance.finished');
    const { jobId } = await h.client.call('balance.start', { scenarioId: 1, mode: 'realign', measures: [{ key: 'workload', weight: 1, tolerance: 0.1 }], seed: 3 });
    expect(await finished).toMatchObject({ jobId, state: 'done' });
    const proposal = await h.client.call('balance.proposal', { jobId });
    const cells = proposal.territoryOfCell.filter((t) => t === 60).length;
    expect(cells).toBeGreaterThan(0);
    expect(proposal.after.contiguityBreaks).toBeLessThanOrEqual(proposal.before.contiguityBreaks);
    expect(await h.client.call('balance.discard', { jobId })).toBeNull();
    await h.client.call('command.undo', { scenarioId: 1 });
  });

  it('builds a chosen number of territories, or one per rep, creating and removing them on accept as one undo step', async () => {
    const measures = [{ key: 'workload', weight: 1, tolerance: 0.1 }];
    // Keeps the web host's event socket open between jobs (it closes with its last listener, and an event sent while it reopens is lost).
    const hold = h.client.on('balance.progress', () => {});
    const before = await h.client.call('territory.list', { scenarioId: 1 });
    const assignmentBefore = Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell);
    const build = async (territories: 'perRep' | { count: number }) => {
      const finished = nextEvent(h, 'balance.finished');
      const { jobId } = await h.client.call('balance.start', { scenarioId: 1, mode: 'build', measures, seed: 5, territories });
      expect(await finished).toMatchObject({ jobId, state: 'done' });
      return { jobId, proposal: await h.client.call('balance.proposal', { jobId }) };
    };

    // Two more than there are: two vacant territories with colours, every cell drawn among all of them.
    const more = await build({ count: before.length + 2 });
    expect(more.proposal.deleted).toEqual([]);
    const nextId = Math.max(...before.map((t) => t.id)) + 1;
    expect(more.proposal.created.map((t) => [t.id, t.name, t.repId])).toEqual([
      [nextId, `Territory ${nextId}`, null],
      [nextId + 1, `Territory ${nextId + 1}`, null],
    ]);
    for (const t of more.proposal.created) {
      expect(t.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(more.proposal.territoryOfCell.filter((x) => x === t.id).length).toBeGreaterThan(0);
    }
    // "Before" is the scenario as it stands (as a realign sees it), not with two empty territories more.
    const finished = nextEvent(h, 'balance.finished');
    const realign = await h.client.call('balance.start', { scenarioId: 1, mode: 'realign', measures, seed: 5 });
    await finished;
    expect(more.proposal.before).toEqual((await h.client.call('balance.proposal', realign)).before);
    await h.client.call('balance.discard', realign);
    // Nothing changes until accepted; then one undo step adds them and draws their cells.
    expect(await h.client.call('territory.list', { scenarioId: 1 })).toHaveLength(before.length);
    const accepted = await h.client.call('balance.accept', { jobId: more.jobId });
    expect(accepted.label).toMatchObject({ key: 'command.balance.build' });
    const after = await h.client.call('territory.list', { scenarioId: 1 });
    expect(after.map((t) => t.id)).toEqual([...before.map((t) => t.id), ...more.proposal.created.map((t) => t.id)]);
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(Array.from(more.proposal.territoryOfCell));

    // One per rep from there: the territories without a rep go (the two new ones too), every rep keeps theirs.
    const perRep = await build('perRep');
    expect(perRep.proposal.created).toEqual([]);
    const repless = before.filter((t) => t.repId === null).map((t) => t.id);
    expect(perRep.proposal.deleted.map((t) => t.id)).toEqual([...repless, ...more.proposal.created.map((t) => t.id)]);
    await h.client.call('balance.accept', { jobId: perRep.jobId });
    const reps = await h.client.call('rep.list', {});
    const kept = await h.client.call('territory.list', { scenarioId: 1 });
    expect(kept.map((t) => t.id)).toEqual(before.filter((t) => t.repId !== null).map((t) => t.id));
    expect(kept.map((t) => t.repId).sort()).toEqual(reps.map((r) => r.id).sort());
    await h.client.call('command.undo', { scenarioId: 1 });
    await h.client.call('command.undo', { scenarioId: 1 });
    expect((await h.client.call('territory.list', { scenarioId: 1 })).map((t) => t.id)).toEqual(before.map((t) => t.id));
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).territoryOfCell)).toEqual(assignmentBefore);

    // Fewer: the territories past the number go (their cells are drawn again); a realign cannot change them.
    const fewer = await build({ count: before.length - 1 });
    expect(fewer.proposal.deleted.map((t) => t.id)).toEqual([before[before.length - 1]!.id]);
    expect(fewer.proposal.territoryOfCell.includes(before[before.length - 1]!.id)).toBe(false);
    expect(await h.client.call('balance.discard', { jobId: fewer.jobId })).toBeNull();
    await expectCode(h.client.call('balance.start', { scenarioId: 1, mode: 'realign', measures, seed: 1, territories: 'perRep' }), 'INVALID_INPUT');
    hold();
  });

  it('pins cells: a build keeps them in their territory, a branch copies them, undo unpins', async () => {
    const hold = h.client.on('balance.progress', () => {});
    const { territoryOfCell } = await h.client.call('assignment.get', { scenarioId: 1 });
    // Twelve cells spread over the map, from several territories.
    const cells = Array.from({ length: 12 }, (_, i) => Math.floor(((i + 0.5) * territoryOfCell.length) / 12)).filter((c) => territoryOfCell[c]! > 0);
    const pinned = await h.client.call('command.execute', { scenarioId: 1, command: { type: 'cells.pin', cells, pinned: true } });
    expect(pinned.label).toEqual({ key: 'command.pinCells', params: { count: cells.length } });
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: 1 })).pinned)).toEqual([...cells].sort((a, b) => a - b));

    const finished = nextEvent(h, 'balance.finished');
    const { jobId } = await h.client.call('balance.start', { scenarioId: 1, mode: 'build', measures: [{ key: 'workload', weight: 1, tolerance: 0.05 }], seed: 9 });
    await finished;
    const proposal = await h.client.call('balance.proposal', { jobId });
    expect(proposal.movedCells.length).toBeGreaterThan(0);
    for (const c of cells) expect(proposal.territoryOfCell[c]).toBe(territoryOfCell[c]);
    await h.client.call('balance.discard', { jobId });

    const branch = await h.client.call('scenario.branch', { from: 1, name: 'Pinned copy' });
    expect(Array.from((await h.client.call('assignment.get', { scenarioId: branch.id })).pinned)).toEqual([...cells].sort((a, b) => a - b));
    await h.client.call('scenario.delete', { scenarioId: branch.id });
    await h.client.call('command.undo', { scenarioId: 1 });
    expect((await h.client.call('assignment.get', { scenarioId: 1 })).pinned).toHaveLength(0);
    hold();
  });

  it('refuses to balance on an unknown measure, and a stale proposal', async () => {
    await expectCode(
      h.client.call('balance.start', { scenarioId: 1, mode: 'build', measures: [{ key: 'nope', weight: 1, tolerance: 0.1 }], seed: 1 }),
      'INVALID_INPUT',
    );
    const finished = nextEvent(h, 'balance.finished');
    const { jobId } = await h.client.call('balance.start', { scenarioId: 1, mode: 'build', measures: [{ key: 'workload', weight: 1, tolerance: 0.1 }], seed: 1 });
    await finished;
    await h.client.call('command.execute', { scenarioId: 1, command: { type: 'territory.update', territoryId: 1, changes: { name: 'Moved on' } } });
    await expectCode(h.client.call('balance.accept', { jobId }), 'INVALID_INPUT');
    expect(await h.client.call('balance.discard', { jobId })).toBeNull();
    await h.client.call('command.undo', { scenarioId: 1 });
  });

  it('closes the workspace', async () => {
    expect(await h.client.call('workspace.close', {})).toEqual({ state: 'none' });
    await expectCode(h.client.call('scenario.list', {}), 'NO_WORKSPACE');
  });
});
