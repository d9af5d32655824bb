/**
 * Goals that follow their cells.
 *
 * Model: a goal (quota) of one measure is stored as an amount per study-area cell, never
 * per territory. A territory's goal is the sum over the cells it holds under an
 * alignment, so when cells move between territories (or between scenarios' alignments)
 * their goal moves with them, and every scenario reads its own territory goals from the
 * same per-cell goals. Setting goals goes the other way: territory goals (typed in, or
 * derived with `splitTotal` / `blendShares`) are spread over each territory's cells in
 * proportion to a per-cell basis, normally the same measure or blend the goals were
 * derived from, so that later moves carry a fair part of the goal. "Recompute goals" is
 * simply spreading freshly derived territory goals again under the current alignment.
 */

/** Cell value marking "no territory" in an assignment array. */
const NONE = -1;

/** Result of {@link spreadToCells}. */
export interface SpreadResult {
  /** Goal per cell (0 for cells of territories without a goal). */
  perCell: Float64Array;
  /**
   * Territories with a non-zero goal but no cells, in the order of the goal map: their goal
   * could not be placed and is NOT in `perCell`. The caller should warn, not ignore.
   */
  unplaced: number[];
}

/**
 * Spreads each territory's goal over its cells in proportion to the cells' basis. A
 * territory whose cells all have basis 0 spreads its goal evenly over them. Negative or
 * non-finite basis values count as 0. The key -1 spreads an amount over the unassigned
 * cells, so `spreadToCells(territoryGoals(x, t), t, b)` round-trips. Territories absent
 * from the goal map get 0 on their cells. Each territory's cells sum back (in cell order,
 * as {@link territoryGoals} sums) to its goal up to a few units in the last place: the
 * spread's rounding residue is put on the territory's largest-basis cell.
 *
 * @param goalOfTerritory territory id → goal amount (finite; may be 0)
 * @param territoryOfCell territory id per cell, -1 when unassigned
 * @param basisOfCell weight per cell (same length as `territoryOfCell`)
 * @returns the goal per cell and the ids of territories whose goal had nowhere to go
 * @throws RangeError when the two arrays differ in length or a goal is not finite
 */
export function spreadToCells(
  goalOfTerritory: ReadonlyMap<number, number>,
  territoryOfCell: Int32Array,
  basisOfCell: ArrayLike<number>,
): SpreadResult {
  const n = territoryOfCell.length;
  if (basisOfCell.length !== n) {
    throw new RangeError(`basisOfCell has ${basisOfCell.length} entries; expected ${n}.`);
  }
  for (const [id, goal] of goalOfTerritory) {
    if (!Number.isFinite(goal)) throw new RangeError(`Goal ${goal} of territory ${id} is not finite.`);
  }

  interface Tally {
    cells: number;
    basis: number;
    /** Cell with the largest basis (first on ties): where the rounding residue goes. */
    top: number;
  }
  const tallies = new Map<number, Tally>();
  for (let c = 0; c < n; c++) {
    const id = territoryOfCell[c]!;
    if (!goalOfTerritory.has(id)) continue;
    const b = clean(basisOfCell[c]!);
    const tally = tallies.get(id);
    if (!tally) {
      tallies.set(id, { cells: 1, basis: b, top: c });
      continue;
    }
    tally.cells++;
    tally.basis += b;
    if (b > clean(basisOfCell[tally.top]!)) tally.top = c;
  }

  const perCell = new Float64Array(n);
  const sums = new Map<number, number>();
  for (let c = 0; c < n; c++) {
    const id = territoryOfCell[c]!;
    const tally = tallies.get(id);
    if (!tally) continue;
    const goal = goalOfTerritory.get(id)!;
    const value = tally.basis > 0 ? (goal * clean(basisOfCell[c]!)) / tally.basis : goal / tally.cells;
    perCell[c] = value;
    sums.set(id, (sums.get(id) ?? 0) + value);
  }
  for (const [id, tally] of tallies) {
    const residue = goalOfTerritory.get(id)! - sums.get(id)!;
    if (residue !== 0) perCell[tally.top] = perCell[tally.top]! + residue;
  }

  const unplaced: number[] = [];
  for (const [id, goal] of goalOfTerritory) {
    if (goal !== 0 && !tallies.has(id)) unplaced.push(id);
  }
  return { perCell, unplaced };
}

/**
 * Sums per-cell goals per territory under an alignment.
 * @param perCell goal per cell
 * @param territoryOfCell territory id per cell, -1 when unassigned
 * @returns territory id → Σ of its cells' goals, for every territory holding at least one
 *   cell, plus the key -1, always present, holding the amount on unassigned cells (0 when
 *   there is none); nothing is dropped, so the values sum to Σ perCell
 * @throws RangeError when the two arrays differ in length
 */
export function territoryGoals(perCell: ArrayLike<number>, territoryOfCell: Int32Array): Map<number, number> {
  if (perCell.length !== territoryOfCell.length) {
    throw new RangeError(`perCell has ${perCell.length} entries; expected ${territoryOfCell.length}.`);
  }
  const goals = new Map<number, number>([[NONE, 0]]);
  for (let c = 0; c < perCell.length; c++) {
    const id = territoryOfCell[c]!;
    goals.set(id, (goals.get(id) ?? 0) + perCell[c]!);
  }
  return goals;
}

function clean(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}
