import { UNASSIGNED, type AccountId, type TerritoryId } from '../model/ids';

/** One side of a comparison: its plan and which rep each territory has. */
export interface DiffSide {
  territoryOfCell: Int32Array;
  /** account id → territory it is placed in by name. */
  overrides: ReadonlyMap<AccountId, TerritoryId>;
  /** territory id → its rep (null: vacant). Territories not listed count as unassigned. */
  repOf: ReadonlyMap<TerritoryId, string | null>;
}

/** The workspace's accounts as columns (row r is one account). */
export interface DiffAccounts {
  ids: readonly string[];
  names: readonly string[];
  cell: Int32Array;
  /** measure key → value per account; NaN where missing (counts as 0). */
  measures: Record<string, Float64Array>;
}

export interface PlanDiff {
  /** Cells whose territory differs, ascending, with their territory on each side. */
  movedCells: Int32Array;
  movedFrom: Int32Array;
  movedTo: Int32Array;
  /** Rows (into the accounts) whose territory or rep differs, ascending. */
  changedRows: Int32Array;
  /** Per changed row: territory on each side, and 1 where the rep differs. */
  from: Int32Array;
  to: Int32Array;
  repChanged: Uint8Array;
  /** Accounts whose territory differs. */
  movedAccounts: number;
  accountsChangingRep: number;
  /** measure key → Σ value of moved accounts / Σ value of all accounts (0 when that total is 0). */
  movedShare: Record<string, number>;
  /** territory id → accounts that came in from another territory (or from unassigned), and that left it. */
  gained: Map<TerritoryId, number>;
  lost: Map<TerritoryId, number>;
}

/**
 * Compares two plans of the same study area account by account. An account counts for
 * its override's territory when it has one, else for its cell's; a territory id that the
 * side does not list counts as unassigned (-1). An account "moves" when that territory
 * differs, and "changes rep" when the rep of its territory differs (an account can change
 * rep without moving, when its territory gets another rep). Pure; O(cells + accounts).
 */
export function diffPlans(base: DiffSide, other: DiffSide, accounts: DiffAccounts): PlanDiff {
  const n = base.territoryOfCell.length;
  if (other.territoryOfCell.length !== n) throw new RangeError('The two plans cover different numbers of cells.');
  const cellsMoved: number[] = [];
  for (let i = 0; i < n; i++) if (known(base, base.territoryOfCell[i]!) !== known(other, other.territoryOfCell[i]!)) cellsMoved.push(i);
  const movedCells = Int32Array.from(cellsMoved);
  const movedFrom = movedCells.map((c) => known(base, base.territoryOfCell[c]!));
  const movedTo = movedCells.map((c) => known(other, other.territoryOfCell[c]!));

  const keys = Object.keys(accounts.measures);
  const totals = new Float64Array(keys.length);
  const movedTotals = new Float64Array(keys.length);
  const rows: number[] = [];
  const froms: number[] = [];
  const tos: number[] = [];
  const reps: number[] = [];
  const gained = new Map<TerritoryId, number>();
  const lost = new Map<TerritoryId, number>();
  let movedAccounts = 0;
  let accountsChangingRep = 0;
  for (let r = 0; r < accounts.ids.length; r++) {
    const id = accounts.ids[r]!;
    const cell = accounts.cell[r]!;
    const a = known(base, base.overrides.get(id) ?? base.territoryOfCell[cell]!);
    const b = known(other, other.overrides.get(id) ?? other.territoryOfCell[cell]!);
    const moved = a !== b;
    for (let m = 0; m < keys.length; m++) {
      const v = accounts.measures[keys[m]!]![r]!;
      if (!Number.isFinite(v)) continue;
      totals[m]! += v;
      if (moved) movedTotals[m]! += v;
    }
    const repChanged = repAt(base, a) !== repAt(other, b);
    if (!moved && !repChanged) continue;
    if (moved) {
      movedAccounts++;
      if (a !== UNASSIGNED) lost.set(a, (lost.get(a) ?? 0) + 1);
      if (b !== UNASSIGNED) gained.set(b, (gained.get(b) ?? 0) + 1);
    }
    if (repChanged) accountsChangingRep++;
    rows.push(r);
    froms.push(a);
    tos.push(b);
    reps.push(repChanged ? 1 : 0);
  }
  const movedShare: Record<string, number> = {};
  keys.forEach((k, m) => {
    movedShare[k] = totals[m]! > 0 ? movedTotals[m]! / totals[m]! : 0;
  });
  return {
    movedCells,
    movedFrom,
    movedTo,
    changedRows: Int32Array.from(rows),
    from: Int32Array.from(froms),
    to: Int32Array.from(tos),
    repChanged: Uint8Array.from(reps),
    movedAccounts,
    accountsChangingRep,
    movedShare,
    gained,
    lost,
  };
}

/** The territory id when the side lists it, else unassigned. */
function known(side: DiffSide, territory: number): number {
  return territory !== UNASSIGNED && side.repOf.has(territory) ? territory : UNASSIGNED;
}

/** The rep of a territory; null for a vacant territory and for unassigned. */
function repAt(side: DiffSide, territory: number): string | null {
  return territory === UNASSIGNED ? null : (side.repOf.get(territory) ?? null);
}
