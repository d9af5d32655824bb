/**
 * Resolves each account's territory under one scenario's alignment: its named override
 * when it has one, else the territory of its cell. Feeding the result to
 * `computeAttainment` gives that scenario's attainment from the shared per-account actuals.
 * @param accountCell cell index per account row, -1 when the account has no cell
 * @param territoryOfCell territory id per cell, -1 when unassigned
 * @param overrideOfAccount account row → territory id set by name (optional)
 * @returns territory id per account row, -1 when none
 * @throws RangeError when an account's cell is outside `territoryOfCell` or an override
 *   names an account row out of range
 */
export function resolveAccountTerritories(
  accountCell: Int32Array,
  territoryOfCell: Int32Array,
  overrideOfAccount?: ReadonlyMap<number, number>,
): Int32Array {
  const out = new Int32Array(accountCell.length);
  for (let a = 0; a < accountCell.length; a++) {
    const cell = accountCell[a]!;
    if (cell !== -1 && !(cell >= 0 && cell < territoryOfCell.length)) {
      throw new RangeError(`Account ${a} lies in cell ${cell}, outside the study area.`);
    }
    out[a] = cell === -1 ? -1 : territoryOfCell[cell]!;
  }
  for (const [a, id] of overrideOfAccount ?? []) {
    if (!(Number.isInteger(a) && a >= 0 && a < out.length)) throw new RangeError(`Override names account row ${a}, out of range.`);
    out[a] = id;
  }
  return out;
}
