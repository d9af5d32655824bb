import type { Csr } from '../h3/build-adjacency';

/**
 * Starting a scenario from last year's alignment: a table that names, per account id or
 * per postal code, the territory (and optionally its rep and region). Cells take the
 * territory most rows name for them; accounts whose own row says otherwise become
 * account overrides, so the imported plan gives every listed account the territory its
 * row gives it.
 */

/** One row of an alignment table, resolved to cells. */
export interface AlignmentEntry {
  /** Row number as a spreadsheet shows it (for the caller's reports). */
  row: number;
  /** Cells the row names (e.g. all cells of the accounts with its postal code plus the code's centroid cell). */
  cells: readonly number[];
  /** The account the row names (its cell, from `accountCell`, is named too), or null. */
  accountId: string | null;
  /** Territory label, compared exactly; rows with an empty label are skipped. */
  territory: string;
  rep: string | null;
  region: string | null;
}

export interface AlignmentInput {
  cellCount: number;
  /** Study-area adjacency. */
  graph: Csr;
  /** Account id → cell index (ids exact). */
  accountCell: ReadonlyMap<string, number>;
  /** Per input row: the account (by id) or the cells it names, and the territory label. */
  entries: readonly AlignmentEntry[];
  /** Give unassigned cells the territory of the nearest assigned cell (graph distance), per connected component. */
  fillEmpty: boolean;
}

export interface AlignmentResult {
  /** In order of first appearance. */
  territories: { label: string; rep: string | null; region: string | null }[];
  /** Index into territories, −1 = unassigned. */
  territoryOfCell: Int32Array;
  /** Accounts whose territory differs from their cell's, in row order. */
  overrides: { accountId: string; territory: number }[];
  /** Cells named by more than one territory (resolved by majority). */
  conflicts: number;
  /** Cells assigned by fillEmpty. */
  filled: number;
}

/**
 * Builds territories, a cell assignment and account overrides from alignment rows.
 *
 * - A cell's territory is the one named for it by the most rows; on a tie, the one
 *   whose row named the cell first. A row names a cell at most once.
 * - An account's territory is that of the first row naming the account; later rows for
 *   the same account still count towards its cell. Account ids missing from
 *   `accountCell` name no cell (the caller reports them).
 * - A territory's rep and region are the first non-blank ones given for it.
 * - With `fillEmpty`, cells no row names take the territory of the nearest named cell
 *   (fewest graph steps; ties to the lower territory index). Fill never leaves a
 *   connected component, so an island no row names stays unassigned.
 *
 * @throws RangeError when a cell index is outside 0 … cellCount−1 or the graph does not
 * have cellCount nodes
 */
export function alignmentFromKeys(input: AlignmentInput): AlignmentResult {
  const { cellCount, graph, accountCell, entries } = input;
  if (graph.offsets.length !== cellCount + 1) {
    throw new RangeError(`alignmentFromKeys: the graph has ${graph.offsets.length - 1} nodes for ${cellCount} cells`);
  }
  const territories: AlignmentResult['territories'] = [];
  const territoryIndex = new Map<string, number>();
  // Votes per cell: the first territory and its count in typed arrays; a Map per cell
  // (in order of first naming) only where a second territory appears.
  const firstVote = new Int32Array(cellCount).fill(-1);
  const firstCount = new Int32Array(cellCount);
  const mixed = new Map<number, Map<number, number>>();
  const accountTerritory = new Map<string, number>();
  const named: number[] = [];
  const namedBy = new Int32Array(cellCount).fill(-1); // last entry that voted for the cell

  entries.forEach((entry, e) => {
    if (entry.territory === '') return;
    let t = territoryIndex.get(entry.territory);
    if (t === undefined) {
      t = territories.length;
      territoryIndex.set(entry.territory, t);
      territories.push({ label: entry.territory, rep: null, region: null });
    }
    const territory = territories[t]!;
    if (territory.rep === null && entry.rep?.trim()) territory.rep = entry.rep.trim();
    if (territory.region === null && entry.region?.trim()) territory.region = entry.region.trim();

    named.length = 0;
    for (const c of entry.cells) named.push(c);
    if (entry.accountId !== null) {
      const c = accountCell.get(entry.accountId);
      if (c !== undefined) {
        named.push(c);
        if (!accountTerritory.has(entry.accountId)) accountTerritory.set(entry.accountId, t);
      }
    }
    for (const c of named) {
      if (!Number.isInteger(c) || c < 0 || c >= cellCount) {
        throw new RangeError(`alignmentFromKeys: row ${entry.row} names cell ${c}, not a cell index (0 to ${cellCount - 1})`);
      }
      if (namedBy[c] === e) continue; // once per row
      namedBy[c] = e;
      vote(c, t);
    }
  });

  function vote(c: number, t: number): void {
    if (firstVote[c] === -1) {
      firstVote[c] = t;
      firstCount[c] = 1;
    } else if (firstVote[c] === t && !mixed.has(c)) {
      firstCount[c]!++;
    } else {
      let tally = mixed.get(c);
      if (!tally) mixed.set(c, (tally = new Map([[firstVote[c]!, firstCount[c]!]])));
      tally.set(t, (tally.get(t) ?? 0) + 1);
    }
  }

  const territoryOfCell = firstVote.slice();
  for (const [c, tally] of mixed) {
    let best = -1;
    let bestCount = 0;
    for (const [t, count] of tally) {
      if (count > bestCount) {
        best = t;
        bestCount = count;
      }
    }
    territoryOfCell[c] = best;
  }

  const overrides: AlignmentResult['overrides'] = [];
  for (const [accountId, t] of accountTerritory) {
    if (territoryOfCell[accountCell.get(accountId)!] !== t) overrides.push({ accountId, territory: t });
  }

  const filled = input.fillEmpty ? fillFromNearest(graph, territoryOfCell) : 0;
  return { territories, territoryOfCell, overrides, conflicts: mixed.size, filled };
}

/**
 * Multi-source breadth-first fill: each unassigned cell reachable from assigned ones
 * takes the lowest territory index among its neighbours one step nearer the sources.
 * Modifies `territoryOfCell`.
 * @returns the number of cells filled
 */
function fillFromNearest(graph: Csr, territoryOfCell: Int32Array): number {
  const n = territoryOfCell.length;
  let frontier: number[] = [];
  for (let v = 0; v < n; v++) if (territoryOfCell[v]! >= 0) frontier.push(v);
  let filled = 0;
  const pending = new Int32Array(n).fill(-1); // best territory offered this round
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const v of frontier) {
      const t = territoryOfCell[v]!;
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
        const w = graph.neighbors[e]!;
        if (territoryOfCell[w] !== -1) continue;
        if (pending[w] === -1) {
          pending[w] = t;
          next.push(w);
        } else if (t < pending[w]!) {
          pending[w] = t;
        }
      }
    }
    for (const w of next) territoryOfCell[w] = pending[w]!;
    filled += next.length;
    frontier = next;
  }
  return filled;
}
