import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../random/create-rng';
import { diffPlans, type DiffAccounts, type DiffSide } from './diff-plans';
import { territoryDeltas } from './territory-deltas';

const CELLS = 150;
const ACCOUNTS = 400;

/** A random plan: some territory ids shared with the other side, some cells on ids the side does not list, random overrides and reps. */
function randomSide(rng: Rng, ids: number[], accounts: DiffAccounts): DiffSide {
  const reps = ['r1', 'r2', 'r3', null];
  const repOf = new Map(ids.map((id) => [id, reps[rng.int(reps.length)]!]));
  const territoryOfCell = Int32Array.from({ length: CELLS }, () => {
    const roll = rng.next();
    if (roll < 0.1) return -1;
    if (roll < 0.15) return 99; // an id the side does not list: unassigned
    return ids[rng.int(ids.length)]!;
  });
  const overrides = new Map<string, number>();
  for (let r = 0; r < accounts.ids.length; r++) if (rng.next() < 0.05) overrides.set(accounts.ids[r]!, ids[rng.int(ids.length)]!);
  return { territoryOfCell, overrides, repOf };
}

function randomAccounts(rng: Rng): DiffAccounts {
  const revenue = new Float64Array(ACCOUNTS);
  const visits = new Float64Array(ACCOUNTS);
  for (let r = 0; r < ACCOUNTS; r++) {
    revenue[r] = rng.next() < 0.1 ? Number.NaN : Math.round(rng.next() * 1000);
    visits[r] = rng.int(12);
  }
  return {
    ids: Array.from({ length: ACCOUNTS }, (_, r) => `A${String(r).padStart(4, '0')}`),
    names: Array.from({ length: ACCOUNTS }, (_, r) => `Account ${r}`),
    cell: Int32Array.from({ length: ACCOUNTS }, () => rng.int(CELLS)),
    measures: { revenue, visits },
  };
}

/** The definitions, written out the slow, obvious way. */
function bruteForce(base: DiffSide, other: DiffSide, accounts: DiffAccounts) {
  const effective = (side: DiffSide, r: number) => {
    const t = side.overrides.has(accounts.ids[r]!) ? side.overrides.get(accounts.ids[r]!)! : side.territoryOfCell[accounts.cell[r]!]!;
    return side.repOf.has(t) ? t : -1;
  };
  const rep = (side: DiffSide, t: number) => (t === -1 ? null : side.repOf.get(t)!);
  const movedCells: number[] = [];
  for (let c = 0; c < CELLS; c++) {
    const a = base.repOf.has(base.territoryOfCell[c]!) ? base.territoryOfCell[c]! : -1;
    const b = other.repOf.has(other.territoryOfCell[c]!) ? other.territoryOfCell[c]! : -1;
    if (a !== b) movedCells.push(c);
  }
  const rows: { row: number; from: number; to: number; repChanged: boolean }[] = [];
  const share: Record<string, number> = {};
  for (const key of Object.keys(accounts.measures)) {
    let total = 0;
    let moved = 0;
    for (let r = 0; r < ACCOUNTS; r++) {
      const v = accounts.measures[key]![r]!;
      if (Number.isNaN(v)) continue;
      total += v;
      if (effective(base, r) !== effective(other, r)) moved += v;
    }
    share[key] = total > 0 ? moved / total : 0;
  }
  for (let r = 0; r < ACCOUNTS; r++) {
    const from = effective(base, r);
    const to = effective(other, r);
    const repChanged = rep(base, from) !== rep(other, to);
    if (from !== to || repChanged) rows.push({ row: r, from, to, repChanged });
  }
  return { movedCells, rows, share };
}

describe('diffPlans', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('equals a brute-force recomputation on random plans (seed %i)', (seed) => {
    const rng = createRng(seed);
    const accounts = randomAccounts(rng);
    const base = randomSide(rng, [1, 2, 3, 4, 5], accounts);
    const other = randomSide(rng, [2, 3, 4, 5, 6, 7], accounts);
    const diff = diffPlans(base, other, accounts);
    const expected = bruteForce(base, other, accounts);

    expect([...diff.movedCells]).toEqual(expected.movedCells);
    expect([...diff.changedRows]).toEqual(expected.rows.map((r) => r.row));
    expect([...diff.from]).toEqual(expected.rows.map((r) => r.from));
    expect([...diff.to]).toEqual(expected.rows.map((r) => r.to));
    expect([...diff.repChanged]).toEqual(expected.rows.map((r) => (r.repChanged ? 1 : 0)));
    expect(diff.movedAccounts).toBe(expected.rows.filter((r) => r.from !== r.to).length);
    expect(diff.accountsChangingRep).toBe(expected.rows.filter((r) => r.repChanged).length);
    for (const key of ['revenue', 'visits']) expect(diff.movedShare[key]).toBeCloseTo(expected.share[key]!, 12);
    // Every account that moves leaves one territory and enters another (or unassigned).
    const gained = [...diff.gained.values()].reduce((a, b) => a + b, 0);
    const lost = [...diff.lost.values()].reduce((a, b) => a + b, 0);
    const fromUnassigned = expected.rows.filter((r) => r.from !== r.to && r.from === -1).length;
    const toUnassigned = expected.rows.filter((r) => r.from !== r.to && r.to === -1).length;
    expect(gained + toUnassigned).toBe(diff.movedAccounts);
    expect(lost + fromUnassigned).toBe(diff.movedAccounts);
  });

  it('finds nothing between a plan and itself', () => {
    const rng = createRng(11);
    const accounts = randomAccounts(rng);
    const side = randomSide(rng, [1, 2, 3], accounts);
    const diff = diffPlans(side, side, accounts);
    expect(diff.movedCells.length).toBe(0);
    expect(diff.changedRows.length).toBe(0);
    expect(diff.movedShare).toEqual({ revenue: 0, visits: 0 });
  });

  it('counts a rep change without a move when a territory gets another rep', () => {
    const accounts: DiffAccounts = { ids: ['a', 'b'], names: ['A', 'B'], cell: Int32Array.from([0, 1]), measures: {} };
    const base: DiffSide = { territoryOfCell: Int32Array.from([1, 2]), overrides: new Map(), repOf: new Map([[1, 'r1'], [2, 'r2']]) };
    const other: DiffSide = { ...base, repOf: new Map([[1, 'r9'], [2, 'r2']]) };
    const diff = diffPlans(base, other, accounts);
    expect(diff.movedAccounts).toBe(0);
    expect(diff.accountsChangingRep).toBe(1);
    expect([...diff.changedRows]).toEqual([0]);
  });

  it('rejects plans of different study areas', () => {
    const accounts: DiffAccounts = { ids: [], names: [], cell: new Int32Array(0), measures: {} };
    const a: DiffSide = { territoryOfCell: new Int32Array(2), overrides: new Map(), repOf: new Map() };
    expect(() => diffPlans(a, { ...a, territoryOfCell: new Int32Array(3) }, accounts)).toThrow(RangeError);
  });
});

describe('territoryDeltas', () => {
  const t = (id: number, revenue: number, repId: string | null = null, name = `T${id}`) => ({
    id,
    name,
    color: '#123456',
    repId,
    accounts: revenue / 10,
    cells: 1,
    measures: { revenue },
    meanDistanceKm: null,
  });

  it('pairs territories by id, base order first, with deviations against each side\'s own targets', () => {
    const rows = territoryDeltas({
      base: [t(1, 100), t(2, 300)],
      other: [t(2, 200, null, 'North'), t(3, 200)],
      measures: ['revenue'],
      capacityOf: () => 1,
      gained: new Map([[3, 4]]),
      lost: new Map([[1, 4]]),
    });
    expect(rows.map((r) => [r.id, r.inBase, r.inOther, r.name])).toEqual([
      [1, true, false, 'T1'],
      [2, true, true, 'North'],
      [3, false, true, 'T3'],
    ]);
    expect(rows[1]!.names).toEqual({ before: 'T2', after: 'North' });
    expect(rows[0]!.measures.revenue).toEqual({ before: 100, after: 0 });
    // Base targets 200 each: T1 −50 %, T2 +50 %; other targets 200 each: both on target.
    expect(rows[0]!.deviation.revenue).toEqual({ before: -0.5, after: null });
    expect(rows[1]!.deviation.revenue).toEqual({ before: 0.5, after: 0 });
    expect(rows[2]!.deviation.revenue).toEqual({ before: null, after: 0 });
    expect([rows[0]!.lost, rows[2]!.gained]).toEqual([4, 4]);
  });

  it('weights targets by rep capacity', () => {
    const rows = territoryDeltas({
      base: [t(1, 100, 'half'), t(2, 200, 'full')],
      other: [t(1, 100, 'half'), t(2, 200, 'full')],
      measures: ['revenue'],
      capacityOf: (rep) => (rep === 'half' ? 0.5 : 1),
      gained: new Map(),
      lost: new Map(),
    });
    expect(rows.map((r) => r.deviation.revenue!.after)).toEqual([0, 0]);
  });
});
