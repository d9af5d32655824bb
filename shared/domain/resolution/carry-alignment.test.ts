import { cellToCenterChild, cellToChildren, cellToLatLng, cellToParent, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { carryAlignment, planCarry, type CarryInput } from './carry-alignment';
import { cellCountAtResolution, gridOfCells, studyAreaAtResolution } from './resolution-study-area';

const P = latLngToCell(40.0, -100.0, 5);
const Q = gridDisk(P, 1).find((c) => c !== P)!;

/** Indices of `cells` in `h3`. */
const at = (h3: readonly string[], ...cells: string[]) => cells.map((c) => {
  const i = h3.indexOf(c);
  if (i < 0) throw new Error(`${c} is not in the study area`);
  return i;
});

function input(from: number, to: number, oldH3: string[], newH3: string[], accounts: { id: string; old: string; new: string }[]): CarryInput {
  return {
    from,
    to,
    oldH3,
    newH3,
    accountIds: accounts.map((a) => a.id),
    accountOldCell: Int32Array.from(accounts, (a) => at(oldH3, a.old)[0]!),
    accountNewCell: Int32Array.from(accounts, (a) => at(newH3, a.new)[0]!),
  };
}

describe('studyAreaAtResolution', () => {
  it('finer: every child of every cell, plus extra cells, sorted and unique', () => {
    const outside = latLngToCell(10, 10, 6);
    const cells = studyAreaAtResolution([Q, P], 5, 6, [outside, cellToCenterChild(P, 6)]);
    expect(cells).toEqual([...cellToChildren(P, 6), ...cellToChildren(Q, 6), outside].sort());
    expect(cellCountAtResolution([P, Q], 5, 7)).toBe(98);
  });

  it('coarser: the parents, once each', () => {
    const children = [...cellToChildren(P, 7), ...cellToChildren(Q, 7)];
    expect(studyAreaAtResolution(children, 7, 5)).toEqual([P, Q].sort());
    expect(studyAreaAtResolution(children, 7, 6)).toHaveLength(14);
  });

  it('coarser: leaves out a parent whose centre lies outside, unless an account or rep is in it', () => {
    const fringe = cellToChildren(P, 6).filter((c) => c !== cellToCenterChild(P, 6));
    expect(studyAreaAtResolution([...fringe, ...cellToChildren(Q, 6)], 6, 5)).toEqual([Q]);
    expect(studyAreaAtResolution(fringe, 6, 5, [P])).toEqual([P]);
  });

  it('refuses extra cells at another resolution', () => {
    expect(() => studyAreaAtResolution([P], 5, 6, [P])).toThrow(RangeError);
  });

  it('builds centroids, a symmetric adjacency, areas and islands', () => {
    const cells = studyAreaAtResolution([P, Q], 5, 6, [latLngToCell(10, 10, 6)]);
    const grid = gridOfCells(cells);
    expect(grid.lat).toHaveLength(15);
    expect(Math.max(...grid.component)).toBe(1);
    expect(grid.areaKm2.every((a) => a > 20 && a < 50)).toBe(true);
    expect(grid.graph.offsets[15]).toBe(grid.graph.neighbors.length);
  });
});

describe('carryAlignment going finer', () => {
  const oldH3 = [P, Q];
  const newH3 = studyAreaAtResolution(oldH3, 5, 6);

  it('gives empty cells their parent’s territory and keeps accounts where they were', () => {
    const a = cellToCenterChild(P, 6);
    const b = cellToCenterChild(Q, 6);
    const plan = planCarry(input(5, 6, oldH3, newH3, [
      { id: 'a1', old: P, new: a },
      { id: 'a2', old: P, new: a },
      { id: 'b1', old: Q, new: b },
    ]));
    const carried = carryAlignment(plan, Int32Array.of(1, 2));
    newH3.forEach((c, i) => expect(carried.territoryOfCell[i]).toBe(cellToParent(c, 5) === P ? 1 : 2));
    expect(carried).toMatchObject({ accountsChanged: 0, changedAccountIds: [], cellsUnassigned: 0 });
  });

  it('gives a cell straddling two old cells the majority’s territory (a tie: the lowest id) and reports the rest', () => {
    // An outer child of P can hold points whose res-5 cell is Q: H3 children only roughly cover their parent.
    const straddling = cellToChildren(P, 6).find((c) => c !== cellToCenterChild(P, 6))!;
    const accounts = [
      { id: 'p', old: P, new: straddling },
      { id: 'q', old: Q, new: straddling },
    ];
    const tie = carryAlignment(planCarry(input(5, 6, oldH3, newH3, accounts)), Int32Array.of(7, 3));
    expect(tie.territoryOfCell[at(newH3, straddling)[0]!]).toBe(3);
    expect(tie).toMatchObject({ accountsChanged: 1, changedAccountIds: ['p'] });
    const two = carryAlignment(planCarry(input(5, 6, oldH3, newH3, [...accounts, { id: 'p2', old: P, new: straddling }])), Int32Array.of(7, 3));
    expect(two.territoryOfCell[at(newH3, straddling)[0]!]).toBe(7);
    expect(two).toMatchObject({ accountsChanged: 1, changedAccountIds: ['q'] });
  });

  it('leaves cells of an unassigned parent unassigned, without counting them as lost', () => {
    const carried = carryAlignment(planCarry(input(5, 6, oldH3, newH3, [])), Int32Array.of(-1, 4));
    newH3.forEach((c, i) => expect(carried.territoryOfCell[i]).toBe(cellToParent(c, 5) === P ? -1 : 4));
    expect(carried.cellsUnassigned).toBe(0);
  });

  it('never changes an account’s territory when the accounts’ cells nest (property)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createRng(seed);
      const old = gridDisk(P, 3).sort();
      const fine = studyAreaAtResolution(old, 5, 7);
      const territories = Int32Array.from(old, () => 1 + Math.floor(rng.next() * 4) - (rng.next() < 0.1 ? 5 : 0)).map((t) => Math.max(t, -1));
      const accounts: { id: string; old: string; new: string }[] = [];
      for (let k = 0; k < 300; k++) {
        const parent = old[Math.floor(rng.next() * old.length)]!;
        const children = cellToChildren(parent, 7);
        accounts.push({ id: `a${k}`, old: parent, new: children[Math.floor(rng.next() * children.length)]! });
      }
      const carried = carryAlignment(planCarry(input(5, 7, old, fine, accounts)), territories);
      expect(carried.accountsChanged).toBe(0);
      fine.forEach((c, i) => expect(carried.territoryOfCell[i]).toBe(territories[old.indexOf(cellToParent(c, 5))]));
    }
  });

  it('changes an account of real points only where its new cell also holds accounts of another territory (property)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createRng(seed);
      const old = gridDisk(P, 2).sort();
      const [lat0, lon0] = cellToLatLng(P);
      const points = Array.from({ length: 400 }, () => [lat0 + (rng.next() - 0.5) * 0.6, lon0 + (rng.next() - 0.5) * 0.6] as const);
      const accounts = points
        .map(([lat, lon], k) => ({ id: `a${k}`, old: latLngToCell(lat, lon, 5), new: latLngToCell(lat, lon, 6) }))
        .filter((a) => old.includes(a.old));
      const fine = studyAreaAtResolution(old, 5, 6, accounts.map((a) => a.new));
      const territories = Int32Array.from(old, () => 1 + Math.floor(rng.next() * 3));
      const carried = carryAlignment(planCarry(input(5, 6, old, fine, accounts)), territories);
      const territoryOf = (cell: string) => territories[old.indexOf(cell)]!;
      const mixed = new Set(accounts.filter((a) => accounts.some((b) => b.new === a.new && territoryOf(b.old) !== territoryOf(a.old))).map((a) => a.new));
      let changed = 0;
      for (const a of accounts) {
        const after = carried.territoryOfCell[fine.indexOf(a.new)];
        if (after !== territoryOf(a.old)) {
          changed++;
          expect(mixed.has(a.new)).toBe(true);
        }
      }
      expect(carried.accountsChanged).toBe(changed);
    }
  });
});

describe('carryAlignment going coarser', () => {
  const oldH3 = [...cellToChildren(P, 6), ...cellToChildren(Q, 6)].sort();
  const newH3 = [P, Q].sort();
  const iP = newH3.indexOf(P);
  const iQ = newH3.indexOf(Q);

  it('gives a cell with accounts their majority territory, and an empty one its centre child’s', () => {
    const children = cellToChildren(P, 6);
    const territories = new Int32Array(oldH3.length).fill(5);
    for (const c of cellToChildren(P, 6)) territories[oldH3.indexOf(c)] = 2;
    territories[oldH3.indexOf(children[1]!)] = 3;
    territories[oldH3.indexOf(children[2]!)] = 3;
    territories[oldH3.indexOf(cellToCenterChild(Q, 6))] = 4;
    const plan = planCarry(input(6, 5, oldH3, newH3, [
      { id: 'x', old: children[0]!, new: P },
      { id: 'y', old: children[1]!, new: P },
      { id: 'z', old: children[2]!, new: P },
    ]));
    const carried = carryAlignment(plan, territories);
    expect(carried.territoryOfCell[iP]).toBe(3);
    expect(carried.territoryOfCell[iQ]).toBe(4);
    // x was in territory 2 and now counts for 3.
    expect(carried).toMatchObject({ accountsChanged: 1, changedAccountIds: ['x'], cellsUnassigned: 0 });
  });

  it('leaves an empty cell unassigned when its centre child is outside the study area, and reports it', () => {
    const without = oldH3.filter((c) => c !== cellToCenterChild(Q, 6));
    const carried = carryAlignment(planCarry(input(6, 5, without, newH3, [])), new Int32Array(without.length).fill(1));
    expect(carried.territoryOfCell[iQ]).toBe(-1);
    expect(carried.territoryOfCell[iP]).toBe(1);
    expect(carried.cellsUnassigned).toBe(1);
  });

  it('agrees with a brute-force majority on random accounts (property)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createRng(seed);
      const fine = [...new Set(gridDisk(P, 3).flatMap((c) => cellToChildren(c, 6)))].sort();
      const coarse = studyAreaAtResolution(fine, 6, 5);
      const territories = Int32Array.from(fine, () => (rng.next() < 0.05 ? -1 : 1 + Math.floor(rng.next() * 5)));
      const accounts = Array.from({ length: 500 }, (_, k) => {
        const old = fine[Math.floor(rng.next() * fine.length)]!;
        return { id: `a${String(k).padStart(3, '0')}`, old, new: cellToParent(old, 5) };
      });
      const carried = carryAlignment(planCarry(input(6, 5, fine, coarse, accounts)), territories);
      let changed = 0;
      coarse.forEach((cell, i) => {
        const mine = accounts.filter((a) => a.new === cell);
        let expected: number;
        if (mine.length === 0) {
          const centre = fine.indexOf(cellToCenterChild(cell, 6));
          expected = centre < 0 ? -1 : territories[centre]!;
        } else {
          const votes = new Map<number, number>();
          for (const a of mine) {
            const t = territories[fine.indexOf(a.old)]!;
            votes.set(t, (votes.get(t) ?? 0) + 1);
          }
          const assigned = [...votes].filter(([t]) => t !== -1).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
          expected = assigned.length === 0 || (votes.get(-1) ?? 0) > assigned[0]![1] ? -1 : assigned[0]![0];
          changed += mine.filter((a) => territories[fine.indexOf(a.old)] !== expected).length;
        }
        expect(carried.territoryOfCell[i]).toBe(expected);
      });
      expect(carried.accountsChanged).toBe(changed);
      expect(carried.changedAccountIds).toEqual([...carried.changedAccountIds].sort());
    }
  });
});
