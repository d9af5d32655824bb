import { cellToCenterChild, cellToParent } from 'h3-js';
import { UNASSIGNED, type AccountId, type H3Cell } from '../model/ids';

/** Changed accounts named in a report; the count covers them all. */
export const CHANGED_IDS_REPORTED = 1000;

export interface CarryInput {
  from: number;
  to: number;
  /** The study area now (cells at `from`), in index order. */
  oldH3: readonly H3Cell[];
  /** The study area after the change (cells at `to`), in index order. */
  newH3: readonly H3Cell[];
  /** Account ids, in the order changed accounts are reported (by id). */
  accountIds: readonly AccountId[];
  /** Each account's cell now (index into `oldH3`). */
  accountOldCell: ArrayLike<number>;
  /** Each account's cell after the change (index into `newH3`). */
  accountNewCell: ArrayLike<number>;
  /** Cell lookups when the caller has them already (built otherwise). */
  oldIndex?: ReadonlyMap<H3Cell, number>;
  newIndex?: ReadonlyMap<H3Cell, number>;
  /** Going finer: each new cell's parent (index into `oldH3`, -1 when none), when the caller has it already. */
  parent?: Int32Array | null;
  /** Going coarser: the new cell each old cell lies in (index into `newH3`, -1 when none), when the caller has it already. */
  image?: Int32Array | null;
}

/** What every scenario's carry shares: the accounts grouped by new cell, and each new cell's old counterpart. */
export interface CarryPlan {
  readonly input: CarryInput;
  /** Accounts of new cell c: order[start[c] … start[c+1]). */
  readonly start: Int32Array;
  readonly order: Int32Array;
  /**
   * Each new cell's old counterpart, whose territory it takes when it holds no account
   * (-1: not in the study area): finer, its parent; coarser, the old cell holding its
   * centroid (its centre child, which has the same centre).
   */
  readonly source: Int32Array;
  /** Coarser only: the new cell each old cell lies in (its parent); -1 when going finer. */
  readonly image: Int32Array;
}

export interface CarriedAlignment {
  /** The territory of every new cell (-1 unassigned). */
  territoryOfCell: Int32Array;
  /** Accounts whose territory (by cell; overrides left aside) is not the one they had. */
  accountsChanged: number;
  /** The first `CHANGED_IDS_REPORTED` of them, in `accountIds` order. */
  changedAccountIds: AccountId[];
  /** New cells left unassigned although a cell or an account they take over had a territory. */
  cellsUnassigned: number;
}

function indexOf(h3: readonly H3Cell[]): Map<H3Cell, number> {
  const index = new Map<H3Cell, number>();
  for (let i = 0; i < h3.length; i++) index.set(h3[i]!, i);
  return index;
}

/** Precomputes what carrying any scenario's alignment from `oldH3` to `newH3` needs (once per change). */
export function planCarry(input: CarryInput): CarryPlan {
  const { from, to, oldH3, newH3, accountNewCell } = input;
  const n = newH3.length;
  const accounts = accountNewCell.length;
  if (input.accountOldCell.length !== accounts || input.accountIds.length !== accounts) throw new RangeError('Every account needs an id, an old cell and a new cell.');

  const start = new Int32Array(n + 1);
  for (let a = 0; a < accounts; a++) start[accountNewCell[a]! + 1]!++;
  for (let c = 0; c < n; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, n);
  const order = new Int32Array(accounts);
  for (let a = 0; a < accounts; a++) order[fill[accountNewCell[a]!]!++] = a;

  let image: Int32Array = new Int32Array(0);
  if (to < from && input.image) {
    if (input.image.length !== oldH3.length) throw new RangeError('Every old cell needs an image.');
    image = input.image;
  } else if (to < from) {
    const newIndex = input.newIndex ?? indexOf(newH3);
    image = new Int32Array(oldH3.length);
    for (let i = 0; i < oldH3.length; i++) image[i] = newIndex.get(cellToParent(oldH3[i]!, to)) ?? -1;
  }

  let source: Int32Array;
  if (to > from && input.parent) {
    if (input.parent.length !== n) throw new RangeError('Every new cell needs a parent.');
    source = input.parent;
  } else if (to < from) {
    // The old cell holding a new cell's centre is its centre child, which lies in it:
    // found through the image, without an index of every old cell.
    const centre = newH3.map((cell) => cellToCenterChild(cell, from));
    source = new Int32Array(n).fill(-1);
    for (let i = 0; i < oldH3.length; i++) {
      const c = image[i]!;
      if (c >= 0 && oldH3[i] === centre[c]) source[c] = i;
    }
  } else {
    const oldIndex = input.oldIndex ?? indexOf(oldH3);
    source = new Int32Array(n).fill(-1);
    for (let c = 0; c < n; c++) source[c] = oldIndex.get(cellToParent(newH3[c]!, from)) ?? -1;
  }
  return { input, start, order, source, image };
}

/**
 * Carries one scenario's alignment to the new cells. A new cell holding accounts takes
 * the territory most of its accounts had (by their old cell's territory; a tie goes to
 * the lowest territory id, and "unassigned" wins only with a strict majority). An empty
 * new cell takes the territory of its counterpart (`CarryPlan.source`), or stays
 * unassigned when that is outside the study area or unassigned.
 * @param oldTerritoryOfCell the territory of every old cell (-1 unassigned)
 */
export function carryAlignment(plan: CarryPlan, oldTerritoryOfCell: Int32Array): CarriedAlignment {
  const { input, start, order, source, image } = plan;
  const { accountOldCell, accountNewCell, accountIds } = input;
  const n = source.length;
  if (oldTerritoryOfCell.length !== input.oldH3.length) throw new RangeError('The alignment does not fit the study area.');
  const territoryOfCell = new Int32Array(n).fill(UNASSIGNED);
  const votes = new Map<number, number>();
  for (let c = 0; c < n; c++) {
    const first = start[c]!;
    const end = start[c + 1]!;
    if (end === first) {
      const s = source[c]!;
      territoryOfCell[c] = s >= 0 ? oldTerritoryOfCell[s]! : UNASSIGNED;
      continue;
    }
    if (end - first === 1) {
      territoryOfCell[c] = oldTerritoryOfCell[accountOldCell[order[first]!]!]!;
      continue;
    }
    votes.clear();
    for (let k = first; k < end; k++) {
      const t = oldTerritoryOfCell[accountOldCell[order[k]!]!]!;
      votes.set(t, (votes.get(t) ?? 0) + 1);
    }
    territoryOfCell[c] = majority(votes);
  }

  let accountsChanged = 0;
  const changedAccountIds: AccountId[] = [];
  const had = new Uint8Array(n);
  for (let a = 0; a < accountNewCell.length; a++) {
    const before = oldTerritoryOfCell[accountOldCell[a]!]!;
    const cell = accountNewCell[a]!;
    if (before !== UNASSIGNED) had[cell] = 1;
    if (territoryOfCell[cell] === before) continue;
    accountsChanged++;
    if (changedAccountIds.length < CHANGED_IDS_REPORTED) changedAccountIds.push(accountIds[a]!);
  }
  if (image.length > 0) {
    for (let i = 0; i < image.length; i++) if (oldTerritoryOfCell[i] !== UNASSIGNED && image[i]! >= 0) had[image[i]!] = 1;
  } else {
    for (let c = 0; c < n; c++) if (source[c]! >= 0 && oldTerritoryOfCell[source[c]!] !== UNASSIGNED) had[c] = 1;
  }
  let cellsUnassigned = 0;
  for (let c = 0; c < n; c++) if (had[c] && territoryOfCell[c] === UNASSIGNED) cellsUnassigned++;
  return { territoryOfCell, accountsChanged, changedAccountIds, cellsUnassigned };
}

/** The most voted territory; ties go to the lowest territory id; unassigned only with a strict majority. */
function majority(votes: ReadonlyMap<number, number>): number {
  let best = UNASSIGNED;
  let bestCount = 0;
  for (const [t, count] of votes) {
    if (t === UNASSIGNED) continue;
    if (count > bestCount || (count === bestCount && t < best)) {
      best = t;
      bestCount = count;
    }
  }
  const none = votes.get(UNASSIGNED) ?? 0;
  return none > bestCount ? UNASSIGNED : best;
}
