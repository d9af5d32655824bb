import { describe, expect, it } from 'vitest';
import { TERRITORY_PALETTE } from './palette';
import { colorCreated, layoutTerritories } from './territory-layout';
import type { Territory } from './territory';

const territory = (id: number, repId: string | null, locked = false, name = `T${id}`): Territory => ({ id, name, color: TERRITORY_PALETTE[id % 12]!, repId, parentId: null, locked });
const reps = [
  { id: 'a', name: 'Ana' },
  { id: 'b', name: 'Ben' },
  { id: 'c', name: 'Cy' },
];
const unnamed = (n: number) => `Territory ${n}`;

describe('layoutTerritories', () => {
  it('keeps the current territories unchanged', () => {
    const current = [territory(1, 'a'), territory(2, null)];
    expect(layoutTerritories(current, reps, 'current', unnamed)).toEqual({ territories: current, created: [], deleted: [] });
  });

  it('one per rep: keeps each rep’s first territory, creates the missing ones, removes the rest', () => {
    const current = [territory(1, 'a'), territory(2, null), territory(3, 'a'), territory(4, 'gone'), territory(5, 'b', true), territory(6, 'b')];
    const change = layoutTerritories(current, reps, 'perRep', unnamed);
    expect(change.territories.map((t) => t.id)).toEqual([1, 5, 7]);
    expect(change.created).toEqual([{ id: 7, name: 'Cy', color: '', repId: 'c', parentId: null, locked: false }]);
    expect(change.deleted.map((t) => t.id)).toEqual([2, 3, 4, 6]);
  });

  it('one per rep on an empty scenario: a territory per rep, named after them (made unique)', () => {
    const change = layoutTerritories([], [...reps, { id: 'd', name: 'ana' }], 'perRep', unnamed);
    expect(change.territories.map((t) => [t.id, t.name, t.repId])).toEqual([
      [1, 'Ana', 'a'],
      [2, 'Ben', 'b'],
      [3, 'Cy', 'c'],
      [4, 'ana (2)', 'd'],
    ]);
    expect(change.deleted).toEqual([]);
    expect(() => layoutTerritories([], [], 'perRep', unnamed)).toThrow(/no reps/);
  });

  it('a number: locked ones stay, those with reps are kept first, new ones are named after their ids', () => {
    const current = [territory(1, null), territory(2, 'a'), territory(3, null, true), territory(4, 'b', false, 'Territory 6')];
    const fewer = layoutTerritories(current, reps, { count: 3 }, unnamed);
    expect(fewer.territories.map((t) => t.id)).toEqual([2, 3, 4]);
    expect(fewer.deleted.map((t) => t.id)).toEqual([1]);
    const more = layoutTerritories(current, reps, { count: 6 }, unnamed);
    expect(more.territories.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(more.created.map((t) => [t.name, t.repId])).toEqual([
      ['Territory 5', null],
      ['Territory 6 (2)', null],
    ]);
    expect(() => layoutTerritories(current, reps, { count: 0 }, unnamed)).toThrow(/at least 1/);
    expect(() => layoutTerritories([territory(1, null, true), territory(2, null, true)], reps, { count: 1 }, unnamed)).toThrow(/2 territories are locked/);
  });
});

describe('colorCreated', () => {
  it('gives a new territory a colour none of its neighbours has', () => {
    // A path of cells 0-1-2-3: territories [kept A, kept B, new, kept C].
    const graph = { offsets: Int32Array.from([0, 1, 3, 5, 6]), neighbors: Int32Array.from([1, 0, 2, 1, 3, 2]) };
    const P = TERRITORY_PALETTE;
    const kept = [
      { ...territory(1, null), color: P[0] },
      { ...territory(2, null), color: P[1] },
    ];
    const created = { ...territory(3, null), color: '' };
    const change = { territories: [...kept, created], created: [created], deleted: [] };
    // Cells: 0 → A, 1 → B, 2 → new, 3 → A. The new one touches B and A, so neither P[0] nor P[1].
    const [colored] = colorCreated(change, Int32Array.from([0, 1, 2, 0]), graph);
    expect(colored!.color).toBe(P[2]);
  });
});
