import { describe, expect, it } from 'vitest';
import { DomainError } from '../model/domain-error';
import type { Region } from '../model/region';
import type { Territory } from '../model/territory';
import { applyCommand, type AlignmentView, type Change } from './apply-command';
import type { Command } from './command';

interface State {
  owner: Int32Array;
  territories: Map<number, Territory>;
  /** account id → cell */
  accounts: Map<string, number>;
  overrides: Map<string, number>;
  regions: Map<number, Region>;
  pinned: Set<number>;
}

const territory = (id: number, locked = false): Territory => ({ id, name: `T${id}`, color: '#112233', repId: null, parentId: null, locked });

function makeState(): State {
  return {
    owner: Int32Array.from([1, 1, 2, 2, -1, 3]),
    territories: new Map([1, 2, 3].map((id) => [id, id === 3 ? { ...territory(3), parentId: 1 } : territory(id)])),
    accounts: new Map([
      ['A-001', 0],
      ['a-001', 2],
      ['007', 4],
    ]),
    overrides: new Map([['a-001', 1]]),
    regions: new Map([[1, { id: 1, name: 'East' }]]),
    pinned: new Set([2]),
  };
}

const view = (s: State): AlignmentView => ({
  cellCount: s.owner.length,
  territoryOfCell: (c) => s.owner[c]!,
  territory: (id) => s.territories.get(id),
  territoryIds: () => [...s.territories.keys()].sort((a, b) => a - b),
  cellsOf: (id) => [...s.owner.keys()].filter((c) => s.owner[c] === id),
  accountCell: (id) => s.accounts.get(id),
  overrideOf: (id) => s.overrides.get(id) ?? null,
  overridesTo: (id) => [...s.overrides].filter(([, t]) => t === id).map(([a]) => a).sort(),
  region: (id) => s.regions.get(id),
  isPinned: (cell) => s.pinned.has(cell),
});

function persist(s: State, changes: Change[]): void {
  for (const c of changes) {
    if (c.kind === 'assign') for (const cell of c.cells) s.owner[cell] = c.to ?? -1;
    else if (c.kind === 'territory') s.territories.set(c.territoryId, { ...s.territories.get(c.territoryId)!, ...c.patch });
    else if (c.kind === 'createTerritory') s.territories.set(c.territory.id, c.territory);
    else if (c.kind === 'deleteTerritory') s.territories.delete(c.territoryId);
    else if (c.kind === 'override') for (const a of c.accountIds) c.to === null ? s.overrides.delete(a) : s.overrides.set(a, c.to);
    else if (c.kind === 'createRegion') s.regions.set(c.region.id, c.region);
    else if (c.kind === 'region') s.regions.set(c.regionId, { ...s.regions.get(c.regionId)!, ...c.patch });
    else if (c.kind === 'pin') for (const cell of c.cells) c.pinned ? s.pinned.add(cell) : s.pinned.delete(cell);
    else s.regions.delete(c.regionId);
  }
}

function snapshot(s: State) {
  const sorted = <T>(m: Map<string | number, T>) => [...m].sort(([a], [b]) => String(a).localeCompare(String(b)));
  return {
    owner: [...s.owner],
    territories: [...s.territories.values()].sort((a, b) => a.id - b.id),
    overrides: sorted(s.overrides),
    regions: sorted(s.regions),
    pinned: [...s.pinned].sort((a, b) => a - b),
  };
}

describe('applyCommand', () => {
  const commands: [string, Command][] = [
    ['assign cells from several territories', { type: 'territory.assignCells', cells: [0, 2, 4], to: 3 }],
    ['pin cells (one already pinned, one unassigned)', { type: 'cells.pin', cells: [0, 2, 4], pinned: true }],
    ['unpin cells', { type: 'cells.pin', cells: [2, 3], pinned: false }],
    ['unassign cells', { type: 'territory.assignCells', cells: [1, 5], to: null }],
    ['rename and recolour', { type: 'territory.update', territoryId: 2, changes: { name: 'North', color: '#abcdef' } }],
    ['create a territory', { type: 'territory.create', territory: territory(7) }],
    ['delete a territory with cells', { type: 'territory.delete', territoryId: 2 }],
    [
      'a batch that creates a territory and paints into it',
      { type: 'batch', commands: [{ type: 'territory.create', territory: territory(8) }, { type: 'territory.assignCells', cells: [0, 4], to: 8 }] },
    ],
    [
      'a batch that moves the same cell twice',
      {
        type: 'batch',
        commands: [
          { type: 'territory.assignCells', cells: [0], to: 2 },
          { type: 'territory.assignCells', cells: [0, 1], to: 3 },
          { type: 'territory.update', territoryId: 3, changes: { locked: true } },
        ],
      },
    ],
    ['delete a territory that holds named accounts', { type: 'territory.delete', territoryId: 1 }],
    ['merge two territories', { type: 'territory.merge', from: 1, into: 2 }],
    ['override accounts (ids differing only in case)', { type: 'account.override', accountIds: ['A-001', '007'], to: 3 }],
    ['clear an override', { type: 'account.override', accountIds: ['a-001'], to: null }],
    ['create a region and move a territory into it', {
      type: 'batch',
      commands: [
        { type: 'region.create', region: { id: 2, name: 'West' } },
        { type: 'territory.update', territoryId: 1, changes: { parentId: 2 } },
      ],
    }],
    ['rename a region', { type: 'region.update', regionId: 1, changes: { name: 'North-East' } }],
    ['delete a region that has territories', { type: 'region.delete', regionId: 1 }],
  ];

  it.each(commands)('undoes exactly: %s', (_name, command) => {
    const s = makeState();
    const before = snapshot(s);
    const applied = applyCommand(view(s), command);
    persist(s, applied.changes);
    const after = snapshot(s);
    expect(after).not.toEqual(before);
    const undo = applyCommand(view(s), applied.inverse);
    persist(s, undo.changes);
    expect(snapshot(s)).toEqual(before);
    const redo = applyCommand(view(s), command);
    persist(s, redo.changes);
    expect(snapshot(s)).toEqual(after);
  });

  it('skips cells already in the target and labels the edit', () => {
    const s = makeState();
    const applied = applyCommand(view(s), { type: 'territory.assignCells', cells: [0, 1, 2, 2], to: 1 });
    expect(applied.changes).toEqual([{ kind: 'assign', cells: [2], to: 1 }]);
    expect(applied.label).toEqual({ key: 'command.assignCells', params: { count: 4, territory: 'T1' } });
  });

  it('labels a rename with both names', () => {
    const s = makeState();
    const applied = applyCommand(view(s), { type: 'territory.update', territoryId: 1, changes: { name: 'North' } });
    expect(applied.label).toEqual({ key: 'command.renameTerritory', params: { from: 'T1', to: 'North' } });
  });

  it('refuses to paint into or out of a locked territory', () => {
    const s = makeState();
    s.territories.set(2, territory(2, true));
    expect(() => applyCommand(view(s), { type: 'territory.assignCells', cells: [0], to: 2 })).toThrow(DomainError);
    expect(() => applyCommand(view(s), { type: 'territory.assignCells', cells: [2], to: 1 })).toThrow(/locked/);
  });

  it('refuses to create a duplicate id or delete a locked territory', () => {
    const s = makeState();
    expect(() => applyCommand(view(s), { type: 'territory.create', territory: territory(1) })).toThrow(/already exists/);
    s.territories.set(3, territory(3, true));
    expect(() => applyCommand(view(s), { type: 'territory.delete', territoryId: 3 })).toThrow(/locked/);
  });

  it('rejects cells outside the study area and unknown territories', () => {
    const s = makeState();
    expect(() => applyCommand(view(s), { type: 'territory.assignCells', cells: [6], to: 1 })).toThrow(/not in the study area/);
    expect(() => applyCommand(view(s), { type: 'territory.assignCells', cells: [0], to: 9 })).toThrow(/does not exist/);
    expect(() => applyCommand(view(s), { type: 'territory.update', territoryId: 1, changes: { name: '  ' } })).toThrow(/empty/);
  });

  it('merges cells and named accounts, then removes the source territory', () => {
    const s = makeState();
    const applied = applyCommand(view(s), { type: 'territory.merge', from: 1, into: 2 });
    persist(s, applied.changes);
    expect([...s.owner]).toEqual([2, 2, 2, 2, -1, 3]);
    expect(s.overrides.get('a-001')).toBe(2);
    expect(s.territories.has(1)).toBe(false);
    expect(applied.label).toEqual({ key: 'command.mergeTerritories', params: { from: 'T1', into: 'T2' } });
  });

  it('refuses to merge a territory into itself or into a locked one', () => {
    const s = makeState();
    expect(() => applyCommand(view(s), { type: 'territory.merge', from: 1, into: 1 })).toThrow(/itself/);
    s.territories.set(2, territory(2, true));
    expect(() => applyCommand(view(s), { type: 'territory.merge', from: 1, into: 2 })).toThrow(/locked/);
  });

  it('keeps account ids exact and refuses unknown ones', () => {
    const s = makeState();
    expect(() => applyCommand(view(s), { type: 'account.override', accountIds: ['a-001 '], to: 2 })).toThrow(/"a-001 " does not exist/);
    const applied = applyCommand(view(s), { type: 'account.override', accountIds: ['A-001'], to: 2 });
    expect(applied.changes).toEqual([{ kind: 'override', accountIds: ['A-001'], to: 2 }]);
    expect(applied.inverse).toEqual({ type: 'account.override', accountIds: ['A-001'], to: null });
    expect(applied.label).toEqual({ key: 'command.overrideAccounts', params: { count: 1, account: 'A-001', territory: 'T2' } });
  });

  it('refuses to take a named account out of, or put it into, a locked territory', () => {
    const s = makeState();
    s.territories.set(1, territory(1, true));
    // a-001 is placed in T1 by name; A-001 lies in a cell of T1.
    expect(() => applyCommand(view(s), { type: 'account.override', accountIds: ['a-001'], to: 2 })).toThrow(/locked/);
    expect(() => applyCommand(view(s), { type: 'account.override', accountIds: ['A-001'], to: 3 })).toThrow(/locked/);
    expect(() => applyCommand(view(s), { type: 'account.override', accountIds: ['007'], to: 1 })).toThrow(/locked/);
  });

  it('refuses a territory in an unknown region', () => {
    const s = makeState();
    expect(() => applyCommand(view(s), { type: 'territory.update', territoryId: 1, changes: { parentId: 9 } })).toThrow(/Region 9/);
    expect(() => applyCommand(view(s), { type: 'region.update', regionId: 1, changes: { name: ' ' } })).toThrow(/empty/);
  });
});
