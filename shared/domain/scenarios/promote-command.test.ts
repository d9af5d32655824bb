import { describe, expect, it } from 'vitest';
import { applyCommand, type AlignmentView, type Change } from '../commands/apply-command';
import { DomainError } from '../model/domain-error';
import type { Territory } from '../model/territory';
import { createRng, type Rng } from '../random/create-rng';
import { promoteCommand, type PlanState } from './promote-command';

const CELLS = 120;
const ACCOUNTS = Array.from({ length: 60 }, (_, i) => `acc-${i}`);
const accountCell = (id: string) => Number(id.slice(4)) * 2;

interface Mutable {
  territories: Map<number, Territory>;
  regions: Map<number, { id: number; name: string }>;
  owner: Int32Array;
  overrides: Map<string, number>;
  pinned: Set<number>;
}

function randomPlan(rng: Rng, ids: number[], regionIds: number[]): PlanState {
  const territories = ids.map<Territory>((id) => ({
    id,
    name: `T${id}-${rng.int(3)}`,
    color: ['#112233', '#445566', '#778899'][rng.int(3)]!,
    repId: rng.next() < 0.3 ? null : `rep${rng.int(4)}`,
    parentId: regionIds.length > 0 && rng.next() < 0.5 ? regionIds[rng.int(regionIds.length)]! : null,
    locked: rng.next() < 0.3,
  }));
  const owner = Int32Array.from({ length: CELLS }, () => (rng.next() < 0.1 ? -1 : ids[rng.int(ids.length)]!));
  const overrides = new Map<string, number>();
  for (const a of ACCOUNTS) if (rng.next() < 0.15) overrides.set(a, ids[rng.int(ids.length)]!);
  const pinned = new Set<number>();
  for (let i = 0; i < CELLS; i++) if (rng.next() < 0.1) pinned.add(i);
  return { territories, regions: regionIds.map((id) => ({ id, name: `R${id}-${rng.int(2)}` })), territoryOfCell: owner, overrides, pinned };
}

const mutable = (p: PlanState): Mutable => ({
  territories: new Map(p.territories.map((t) => [t.id, { ...t }])),
  regions: new Map(p.regions.map((r) => [r.id, { ...r }])),
  owner: p.territoryOfCell.slice(),
  overrides: new Map(p.overrides),
  pinned: new Set(p.pinned),
});

const view = (s: Mutable): AlignmentView => ({
  cellCount: s.owner.length,
  territoryOfCell: (c) => s.owner[c]!,
  territory: (id) => s.territories.get(id),
  territoryIds: () => [...s.territories.keys()].sort((a, b) => a - b),
  cellsOf: (id) => [...s.owner.keys()].filter((c) => s.owner[c] === id),
  accountCell: (id) => (ACCOUNTS.includes(id) ? accountCell(id) : undefined),
  overrideOf: (id) => s.overrides.get(id) ?? null,
  overridesTo: (id) => [...s.overrides].filter(([, t]) => t === id).map(([a]) => a).sort(),
  region: (id) => s.regions.get(id),
  isPinned: (cell) => s.pinned.has(cell),
});

function persist(s: Mutable, changes: Change[]): void {
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

const snapshot = (s: Mutable) => ({
  territories: [...s.territories.values()].sort((a, b) => a.id - b.id),
  regions: [...s.regions.values()].sort((a, b) => a.id - b.id),
  owner: [...s.owner],
  overrides: [...s.overrides].sort(([a], [b]) => a.localeCompare(b)),
  pinned: [...s.pinned].sort((a, b) => a - b),
});

describe('promoteCommand', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('turns the baseline into the promoted plan, and its inverse restores the baseline (seed %i)', (seed) => {
    const rng = createRng(seed);
    const target = randomPlan(rng, [1, 2, 3, 4, 5], [1, 2]);
    const source = randomPlan(rng, [2, 3, 5, 6, 7, 8], [2, 3]);
    const state = mutable(target);
    const before = snapshot(state);

    const applied = applyCommand(view(state), promoteCommand(target, source, 'What-if'));
    persist(state, applied.changes);
    expect(snapshot(state)).toEqual(snapshot(mutable(source)));
    expect(applied.label).toEqual({ key: 'command.promote', params: { name: 'What-if' } });

    const undone = applyCommand(view(state), applied.inverse);
    persist(state, undone.changes);
    expect(snapshot(state)).toEqual(before);
  });

  it('refuses when the plans are already the same, locks included', () => {
    const plan = randomPlan(createRng(3), [1, 2, 3], [1]);
    expect(() => promoteCommand(plan, { ...plan }, 'Same')).toThrow(DomainError);
    expect(() => promoteCommand(plan, { ...plan }, 'Same')).toThrow(/already has the same plan/);
  });

  it('promotes a change of lock alone', () => {
    const plan = randomPlan(createRng(4), [1, 2, 3], []);
    const relocked = { ...plan, territories: plan.territories.map((t) => (t.id === 1 ? { ...t, locked: !t.locked } : t)) };
    const state = mutable(plan);
    persist(state, applyCommand(view(state), promoteCommand(plan, relocked, 'Locks')).changes);
    expect(state.territories.get(1)!.locked).toBe(!plan.territories[0]!.locked);
  });
});
