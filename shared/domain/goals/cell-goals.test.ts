import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { spreadToCells, territoryGoals } from './cell-goals';

const closeRel = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('spreadToCells', () => {
  it('spreads each goal over its cells by basis, evenly when the basis is all 0', () => {
    const owner = Int32Array.from([1, 1, 2, 2, 2, -1, 3]);
    const basis = [1, 3, 0, 0, 0, 9, 5];
    const { perCell, unplaced } = spreadToCells(
      new Map([
        [1, 100],
        [2, 90],
      ]),
      owner,
      basis,
    );
    // Territory 1: basis 1:3 → 25 / 75. Territory 2: basis all 0 → 30 each.
    // Unassigned cell and territory 3 (no goal) get 0.
    expect(Array.from(perCell)).toEqual([25, 75, 30, 30, 30, 0, 0]);
    expect(unplaced).toEqual([]);
  });

  it('counts negative and non-finite basis as 0 and spreads a -1 goal over unassigned cells', () => {
    const owner = Int32Array.from([4, 4, 4, -1, -1]);
    const { perCell } = spreadToCells(
      new Map([
        [4, 60],
        [-1, 10],
      ]),
      owner,
      [-2, Number.NaN, 6, 1, 4],
    );
    expect(Array.from(perCell)).toEqual([0, 0, 60, 2, 8]);
  });

  it('reports goals of territories without cells instead of dropping them', () => {
    const { perCell, unplaced } = spreadToCells(
      new Map([
        [7, 50],
        [1, 10],
        [8, 0],
        [9, 5],
      ]),
      Int32Array.from([1, 1]),
      [1, 1],
    );
    expect(Array.from(perCell)).toEqual([5, 5]);
    expect(unplaced).toEqual([7, 9]);
  });

  it('rejects mismatched lengths and non-finite goals', () => {
    expect(() => spreadToCells(new Map(), Int32Array.from([1, 2]), [1])).toThrow(RangeError);
    expect(() => spreadToCells(new Map([[1, Infinity]]), Int32Array.from([1]), [1])).toThrow(RangeError);
  });
});

describe('territoryGoals', () => {
  it('sums per territory and keeps the unassigned amount under -1', () => {
    const goals = territoryGoals([1, 2, 3, 4, 5], Int32Array.from([2, -1, 2, 5, -1]));
    expect(goals).toEqual(
      new Map([
        [-1, 7],
        [2, 4],
        [5, 4],
      ]),
    );
    expect(territoryGoals([1, 2], Int32Array.from([3, 3]))).toEqual(
      new Map([
        [-1, 0],
        [3, 3],
      ]),
    );
    expect(() => territoryGoals([1], Int32Array.from([1, 2]))).toThrow(RangeError);
  });
});

describe('goals that follow cells (seeded)', () => {
  const randomPlan = (seed: number) => {
    const rng = createRng(seed);
    const cells = 1 + rng.int(400);
    const k = 1 + rng.int(12);
    const owner = Int32Array.from({ length: cells }, () => (rng.next() < 0.05 ? -1 : 1 + rng.int(k)));
    const basis = Float64Array.from({ length: cells }, () => (rng.next() < 0.3 ? 0 : rng.next() * 1000));
    const goals = new Map<number, number>();
    for (let id = 1; id <= k; id++) if (rng.next() < 0.9) goals.set(id, rng.next() < 0.1 ? 0 : rng.next() * 1e7);
    return { rng, owner, basis, goals };
  };

  it('spread then sum gives back every goal', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { owner, basis, goals } = randomPlan(seed);
      const { perCell, unplaced } = spreadToCells(goals, owner, basis);
      const back = territoryGoals(perCell, owner);
      for (const [id, goal] of goals) {
        if (unplaced.includes(id)) {
          expect(goal).not.toBe(0);
          expect(owner.includes(id)).toBe(false);
        } else if (owner.includes(id)) {
          closeRel(back.get(id)!, goal);
        } else {
          expect(goal).toBe(0);
        }
      }
      // Cells of territories without a goal, and unassigned cells, carry nothing.
      const wrong = Array.from(owner.keys()).filter((c) => perCell[c]! < 0 || (!goals.has(owner[c]!) && perCell[c] !== 0));
      expect(wrong).toEqual([]);
    }
  });

  it('moving cells moves exactly their per-cell goals', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { rng, owner, basis, goals } = randomPlan(seed);
      const { perCell } = spreadToCells(goals, owner, basis);
      const before = territoryGoals(perCell, owner);
      const moved = Int32Array.from(owner);
      const delta = new Map<number, number>();
      const add = (id: number, v: number) => delta.set(id, (delta.get(id) ?? 0) + v);
      for (let c = 0; c < moved.length; c++) {
        if (rng.next() >= 0.1) continue;
        const to = rng.next() < 0.1 ? -1 : 1 + rng.int(14);
        add(moved[c]!, -perCell[c]!);
        add(to, perCell[c]!);
        moved[c] = to;
      }
      const after = territoryGoals(perCell, moved);
      const ids = new Set([...before.keys(), ...after.keys()]);
      let totalBefore = 0;
      let totalAfter = 0;
      for (const id of ids) {
        const b = before.get(id) ?? 0;
        const a = after.get(id) ?? 0;
        totalBefore += b;
        totalAfter += a;
        expect(Math.abs(a - b - (delta.get(id) ?? 0))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b), Math.abs(a)));
      }
      closeRel(totalAfter, totalBefore);
    }
  });

  it('moves goals exactly when the per-cell goals are whole numbers', () => {
    const perCell = [100, 250, 40, 10, 600];
    const owner = Int32Array.from([1, 1, 2, 2, 3]);
    const moved = Int32Array.from([1, 2, 2, 3, 3]);
    const before = territoryGoals(perCell, owner);
    const after = territoryGoals(perCell, moved);
    expect([before.get(1), before.get(2), before.get(3)]).toEqual([350, 50, 600]);
    // Cell 1 (250) went 1 → 2, cell 3 (10) went 2 → 3.
    expect([after.get(1), after.get(2), after.get(3)]).toEqual([100, 290, 610]);
  });
});
