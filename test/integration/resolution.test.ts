import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cellArea, cellToCenterChild, cellToChildren, cellToParent, getResolution, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeResolution } from '../../electron/backend/workspace/change-resolution';
import { Workspace } from '../../electron/backend/workspace/workspace';
import type { ResolutionReport } from '../../shared/contract/api';
import type { EventMessage } from '../../shared/contract/events';
import { buildAdjacency } from '../../shared/domain/h3/build-adjacency';
import { expectCode } from '../helpers/expect-code';
import { inProcessHarness, webHostHarness, type Harness } from '../helpers/clients';
import { fixedNow, makeSmallDemo, makeTempDir, SMALL_DEMO } from '../helpers/workspaces';

/** The study area and where each account lies, read from the file (accounts by id). */
interface Snapshot {
  resolution: number;
  cells: string[];
  /** id, lat, lon, h3 of its cell */
  accounts: [string, number, number, string][];
  territoryOfCell: Map<number, Int32Array>;
}

describe.each([
  ['in-process backend', inProcessHarness],
  ['web host', webHostHarness],
])('changing the H3 resolution of a workspace through the %s', (_name, makeHarness) => {
  const temp = makeTempDir();
  let h: Harness;
  const events: EventMessage[] = [];
  let baselineId: number;
  let branchId: number;
  let original: Snapshot;
  let originalTerritories: Map<number, Map<number, number>>;
  let originalTotals: Record<string, number>;
  let overrides: { accountId: string; territoryId: number }[];
  let res4Cells: string[];
  /** H3 cells pinned in the branch, ascending. */
  let pinnedH3: string[];
  const pinnedOf = async (id: number) => {
    const cells = db().prepare('SELECT h3 FROM cells ORDER BY idx').pluck().all() as string[];
    return Array.from((await h.client.call('assignment.get', { scenarioId: id })).pinned, (c) => cells[c]!).sort();
  };
  const db = () => h.backend.session.require().db;

  async function snapshot(): Promise<Snapshot> {
    const info = await h.client.call('workspace.info', {});
    const territoryOfCell = new Map<number, Int32Array>();
    for (const id of [baselineId, branchId]) territoryOfCell.set(id, (await h.client.call('assignment.get', { scenarioId: id })).territoryOfCell);
    return {
      resolution: info.resolution,
      cells: db().prepare('SELECT h3 FROM cells ORDER BY idx').pluck().all() as string[],
      accounts: db().prepare('SELECT a.id, a.lat, a.lon, c.h3 FROM accounts a JOIN cells c ON c.idx = a.cell ORDER BY a.id').raw().all() as Snapshot['accounts'],
      territoryOfCell,
    };
  }

  /** Accounts per territory (overrides included), per scenario. */
  async function territoryAccounts(): Promise<Map<number, Map<number, number>>> {
    const out = new Map<number, Map<number, number>>();
    for (const id of [baselineId, branchId]) {
      out.set(id, new Map((await h.client.call('territory.list', { scenarioId: id })).map((t) => [t.id, t.accounts])));
    }
    return out;
  }

  async function measureTotals(): Promise<Record<string, number>> {
    const area = await h.client.call('studyArea.get', {});
    return Object.fromEntries(Object.entries(area.measures).map(([key, values]) => [key, values.reduce((a, b) => a + b, 0)]));
  }

  /** Every table's rows, hashed: equal fingerprints mean an unchanged file content. */
  function fingerprint(): string {
    const hash = createHash('sha256');
    for (const table of ['meta', 'cells', 'grid', 'accounts', 'reps', 'cell_totals', 'scenarios', 'territories', 'assignments', 'account_overrides', 'pinned_cells', 'history']) {
      for (const row of db().prepare(`SELECT * FROM ${table}`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
    return hash.digest('hex');
  }

  /**
   * The alignment carried by brute force, straight from the rules: a new cell with
   * accounts takes their most common old territory (ties: lowest id; unassigned only with
   * a strict majority); an empty one takes its parent's (finer) or its centre child's
   * (coarser) territory.
   */
  function bruteForce(before: Snapshot, after: Snapshot, scenarioId: number) {
    const oldIndex = new Map(before.cells.map((c, i) => [c, i]));
    const oldT = before.territoryOfCell.get(scenarioId)!;
    const territoryOfOld = (c: string) => (oldIndex.has(c) ? oldT[oldIndex.get(c)!]! : -1);
    const votes = new Map<string, Map<number, number>>();
    before.accounts.forEach(([id, , , cell], k) => {
      expect(after.accounts[k]![0]).toBe(id);
      const target = after.accounts[k]![3];
      const v = votes.get(target) ?? new Map<number, number>();
      v.set(territoryOfOld(cell), (v.get(territoryOfOld(cell)) ?? 0) + 1);
      votes.set(target, v);
    });
    const expected = after.cells.map((cell) => {
      const v = votes.get(cell);
      if (!v) return territoryOfOld(after.resolution > before.resolution ? cellToParent(cell, before.resolution) : cellToCenterChild(cell, before.resolution));
      const ranked = [...v].filter(([t]) => t !== -1).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return ranked.length === 0 || (v.get(-1) ?? 0) > ranked[0]![1] ? -1 : ranked[0]![0];
    });
    const newIndex = new Map(after.cells.map((c, i) => [c, i]));
    const changed = before.accounts.filter(([, , , cell], k) => territoryOfOld(cell) !== expected[newIndex.get(after.accounts[k]![3])!]).map(([id]) => id);
    return { expected, changed };
  }

  async function expectCarried(report: ResolutionReport, before: Snapshot): Promise<Snapshot> {
    const after = await snapshot();
    expect(after.resolution).toBe(report.to);
    expect(report.cellsAfter).toBe(after.cells.length);
    expect(report.scenarios.map((s) => s.scenarioId).sort()).toEqual([baselineId, branchId].sort());
    for (const s of report.scenarios) {
      const { expected, changed } = bruteForce(before, after, s.scenarioId);
      expect([...after.territoryOfCell.get(s.scenarioId)!]).toEqual(expected);
      expect(s.accountsChanged).toBe(changed.length);
      expect(s.changedAccountIds).toEqual(changed.slice(0, 1000));
    }
    return after;
  }

  beforeAll(async () => {
    makeSmallDemo(join(temp.dir, 'demo.tessera'));
    h = await makeHarness(temp.dir);
    h.backend.subscribe((e) => events.push(e));
  });
  afterAll(async () => {
    await h.close();
    temp.cleanup();
  });

  it('needs an open workspace', async () => {
    await expectCode(h.client.call('workspace.setResolution', { resolution: 5 }), 'NO_WORKSPACE');
    await h.client.call('workspace.openDemo', {});
    baselineId = (await h.client.call('scenario.list', {})).find((s) => s.isBaseline)!.id;
  });

  it('sets up two different plans with undo history and an override', async () => {
    branchId = (await h.client.call('scenario.branch', { from: baselineId, name: 'What-if' })).id;
    const [assignment, territories, accounts] = await Promise.all([
      h.client.call('assignment.get', { scenarioId: branchId }),
      h.client.call('territory.list', { scenarioId: branchId }),
      h.client.call('account.list', {}),
    ]);
    const [first, second] = territories;
    const cells = [...assignment.territoryOfCell.keys()].filter((c) => assignment.territoryOfCell[c] === first!.id).slice(0, 60);
    await h.client.call('command.execute', { scenarioId: branchId, command: { type: 'territory.assignCells', cells, to: second!.id } });
    await h.client.call('command.execute', { scenarioId: branchId, command: { type: 'account.override', accountIds: [accounts.ids[0]!], to: first!.id } });
    await h.client.call('command.execute', { scenarioId: branchId, command: { type: 'cells.pin', cells: cells.slice(10, 13), pinned: true } });
    pinnedH3 = await pinnedOf(branchId);
    expect(pinnedH3).toHaveLength(3);
    // The baseline: one edit undone (a redo step), one kept.
    await h.client.call('command.execute', { scenarioId: baselineId, command: { type: 'territory.update', territoryId: first!.id, changes: { name: 'Renamed' } } });
    await h.client.call('command.execute', { scenarioId: baselineId, command: { type: 'territory.assignCells', cells: cells.slice(0, 5), to: second!.id } });
    await h.client.call('command.undo', { scenarioId: baselineId });
    expect(await h.client.call('history.state', { scenarioId: baselineId })).toMatchObject({ undo: expect.anything(), redo: expect.anything() });
    overrides = (await h.client.call('assignment.get', { scenarioId: branchId })).overrides;
    expect(overrides).toHaveLength(1);
    original = await snapshot();
    res4Cells = original.cells;
    originalTerritories = await territoryAccounts();
    originalTotals = await measureTotals();
    expect([...original.territoryOfCell.get(branchId)!]).not.toEqual([...original.territoryOfCell.get(baselineId)!]);
  });

  it('refuses the current resolution, a bad one, and one with too many cells, changing nothing', async () => {
    const before = fingerprint();
    await expectCode(h.client.call('workspace.setResolution', { resolution: SMALL_DEMO.resolution }), 'INVALID_INPUT', /already at H3 resolution 4/);
    await expectCode(h.client.call('workspace.setResolution', { resolution: 16 }), 'BAD_REQUEST');
    await expectCode(h.client.call('workspace.setResolution', { resolution: 4.5 }), 'BAD_REQUEST');
    await expectCode(h.client.call('workspace.setResolution', { resolution: 9 }), 'INVALID_INPUT', /at most 3,000,000/);
    expect(() => changeResolution(h.backend.session.require(), -1)).toThrow(/whole number from 0 to 15/);
    expect(fingerprint()).toBe(before);
  });

  it('changes nothing when a write fails part-way', async () => {
    const ws = h.backend.session.require();
    const before = fingerprint();
    expect(() =>
      changeResolution(ws, 5, {
        beforeCommit: (d) => {
          // Everything is written by now: the study area is at res 5 inside the transaction.
          expect(d.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('resolution')).toBe('5');
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(fingerprint()).toBe(before);
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect((await h.client.call('workspace.info', {})).resolution).toBe(4);
    expect((await h.client.call('studyArea.get', {})).h3Hi.length).toBe(original.cells.length);
    expect((await h.client.call('history.state', { scenarioId: baselineId })).undo).not.toBeNull();
  });

  it('goes finer: 7× the cells, every account in its res-5 cell, figures kept, history cleared', async () => {
    events.length = 0;
    const revisions = new Map((await h.client.call('scenario.list', {})).map((s) => [s.id, s.revision]));
    const report = await h.client.call('workspace.setResolution', { resolution: 5 });
    expect(report).toMatchObject({ from: 4, to: 5, cellsBefore: original.cells.length, historyCleared: 5 });
    expect(report.elapsedMs).toBeGreaterThan(0);
    expect(report.cellsAfter).toBeGreaterThanOrEqual(7 * original.cells.length);
    expect(report.cellsAfter).toBeLessThan(7.05 * original.cells.length);
    const announced = events.find((e) => e.name === 'workspace.changed');
    expect(announced?.payload).toMatchObject({ state: 'open', info: { resolution: 5, cells: report.cellsAfter, accounts: SMALL_DEMO.accounts } });

    const after = await expectCarried(report, original);
    for (const [, lat, lon, cell] of after.accounts) {
      expect(getResolution(cell)).toBe(5);
      expect(cell).toBe(latLngToCell(lat, lon, 5));
    }
    expect(after.accounts).toHaveLength(SMALL_DEMO.accounts);
    for (const [lat, lon, cell] of db().prepare('SELECT r.lat, r.lon, c.h3 FROM reps r LEFT JOIN cells c ON c.idx = r.cell').raw().all() as [number, number, string | null][]) {
      expect(cell).toBe(latLngToCell(lat, lon, 5));
    }
    // Every child of every res-4 cell is in the study area.
    const inArea = new Set(after.cells);
    for (const cell of original.cells) for (const child of cellToChildren(cell, 5)) expect(inArea.has(child)).toBe(true);

    const area = await h.client.call('studyArea.get', {});
    expect(area.resolution).toBe(5);
    expect(area.accounts.reduce((a, b) => a + b, 0)).toBe(SMALL_DEMO.accounts);
    const graph = buildAdjacency(after.cells);
    expect([...area.adjacencyOffsets]).toEqual([...graph.offsets]);
    expect([...area.adjacencyNeighbors]).toEqual([...graph.neighbors]);
    for (const i of [0, 1000, after.cells.length - 1]) expect(area.areaKm2[i]).toBeCloseTo(cellArea(after.cells[i]!, 'km2'), 0);
    const totals = await measureTotals();
    for (const [key, total] of Object.entries(originalTotals)) expect(totals[key]).toBeCloseTo(total, 6);

    // Going finer moves only the few accounts whose res-5 cell straddles two res-4 cells of
    // different territories (H3 children only roughly cover their parent).
    const territories = await territoryAccounts();
    for (const s of report.scenarios) {
      expect(s.accountsChanged).toBeLessThan(SMALL_DEMO.accounts * 0.01);
      expect(s.cellsUnassigned).toBe(0);
      let shifted = 0;
      for (const [t, n] of originalTerritories.get(s.scenarioId)!) shifted += Math.abs(territories.get(s.scenarioId)!.get(t)! - n);
      expect(shifted).toBeLessThanOrEqual(2 * s.accountsChanged);
    }

    for (const id of [baselineId, branchId]) {
      expect(await h.client.call('history.state', { scenarioId: id })).toMatchObject({ undo: null, redo: null, revision: revisions.get(id)! + 1 });
    }
    expect((await h.client.call('assignment.get', { scenarioId: branchId })).overrides).toEqual(overrides);
    // Pins carry over to the children of the pinned cells.
    expect(await pinnedOf(branchId)).toEqual(pinnedH3.flatMap((c) => cellToChildren(c, 5)).sort());
    expect(await pinnedOf(baselineId)).toEqual([]);
    expect(db().prepare('SELECT count(*) FROM history').pluck().get()).toBe(0);
    original = after;
  });

  it('goes back coarser: the original study area, and every alignment as the majority of its accounts', async () => {
    const report = await h.client.call('workspace.setResolution', { resolution: 4 });
    expect(report).toMatchObject({ from: 5, to: 4, historyCleared: 0 });
    const after = await expectCarried(report, original);
    expect(after.cells).toEqual(res4Cells);
    expect((await h.client.call('workspace.info', {})).cells).toBe(res4Cells.length);
    for (const [, lat, lon, cell] of after.accounts) expect(cell).toBe(latLngToCell(lat, lon, 4));
    expect((await h.client.call('studyArea.get', {})).accounts.reduce((a, b) => a + b, 0)).toBe(SMALL_DEMO.accounts);
    const totals = await measureTotals();
    for (const [key, total] of Object.entries(originalTotals)) expect(totals[key]).toBeCloseTo(total, 6);
    expect((await h.client.call('assignment.get', { scenarioId: branchId })).overrides).toEqual(overrides);
    expect(await pinnedOf(branchId)).toEqual(pinnedH3);
    // The plans stay editable, and undo works again from here.
    const cells = [0, 1, 2];
    await h.client.call('command.execute', { scenarioId: branchId, command: { type: 'territory.assignCells', cells, to: 1 } });
    await h.client.call('command.undo', { scenarioId: branchId });
    expect([...(await h.client.call('assignment.get', { scenarioId: branchId })).territoryOfCell]).toEqual([...after.territoryOfCell.get(branchId)!]);
  });
});

describe('changing the resolution of an empty workspace', () => {
  it('only records the new resolution', () => {
    const temp = makeTempDir();
    const ws = Workspace.create(join(temp.dir, 'empty.tessera'), 7, fixedNow);
    try {
      expect(changeResolution(ws, 8)).toMatchObject({ from: 7, to: 8, cellsBefore: 0, cellsAfter: 0, historyCleared: 0, scenarios: [] });
      expect(ws.info()).toMatchObject({ resolution: 8, cells: 0 });
    } finally {
      ws.close();
      temp.cleanup();
    }
  });
});
