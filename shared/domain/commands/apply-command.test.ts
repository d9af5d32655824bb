import { describe, expect, it } from 'vitest';
import { DomainError } from '../model/domain-error';
import type { Territory } from '../model/territory';
import { applyCommand, type AlignmentView, type Change } from './apply-command';
import type { Command } from './command';

interface State {
  owner: Int32Array;
  territories: Map<number, Territory>;
}

const territory = (id: number, locked = false): Territory => ({ id, name: `T${id}`, color: '#112233', repId: null, parentId: null, locked });

function makeState(): State {
  return {
    owner: Int32Array.from([1, 1, 2, 2, -1, 3]),
    territories: new Map([1, 2, 3].map((id) => [id, territory(id)])),
  };
}

const view = (s: State): AlignmentView => ({
  cellCount: s.owner.length,
  territoryOfCell: (c) => s.owner[c]!,
  territory: (id) => s.territories.get(id),
  cellsOf: (id) => [...s.owner.keys()].filter((c) => s.owner[c] === id),
});

function persist(s: State, changes: Change[]): void {
  for (const c of changes) {
    if (c.kind === 'assign') for (const cell of c.cells) s.owner[cell] = c.to ?? -1;
    else if (c.kind === 'territory') s.territories.set(c.territoryId, { ...s.territories.get(c.territoryId)!, ...c.patch });
    else if (c.kind === 'createTerritory') s.territories.set(c.territory.id, c.territory);
    else s.territories.delete(c.territoryId);
  }
}

function snapshot(s: State) {
  return { owner: [...s.owner], territories: [...s.territories.values()].sort((a, b) => a.id - b.id) };
}

describe('applyCommand', () => {
  const commands: [string, Command][] = [
    ['assign cells from several territories', { type: 'territory.assignCells', cells: [0, 2, 4], to: 3 }],
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
});
