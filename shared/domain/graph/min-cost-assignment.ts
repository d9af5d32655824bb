/**
 * Minimum-cost perfect assignment of rows to columns of a square cost matrix (row-major),
 * by shortest augmenting paths with potentials: O(k³).
 * @returns the column of each row
 */
export function minCostAssignment(cost: Float64Array, k: number): Int32Array {
  // 1-based internally; column 0 is the virtual start of each augmenting path.
  const u = new Float64Array(k + 1);
  const v = new Float64Array(k + 1);
  const rowOfColumn = new Int32Array(k + 1);
  const previous = new Int32Array(k + 1);
  const slack = new Float64Array(k + 1);
  const used = new Uint8Array(k + 1);
  for (let row = 1; row <= k; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    slack.fill(Infinity);
    used.fill(0);
    do {
      used[column] = 1;
      const r = rowOfColumn[column]!;
      let delta = Infinity;
      let next = -1;
      for (let j = 1; j <= k; j++) {
        if (used[j]) continue;
        const reduced = cost[(r - 1) * k + (j - 1)]! - u[r]! - v[j]!;
        if (reduced < slack[j]!) {
          slack[j] = reduced;
          previous[j] = column;
        }
        if (slack[j]! < delta) {
          delta = slack[j]!;
          next = j;
        }
      }
      for (let j = 0; j <= k; j++) {
        if (used[j]) {
          u[rowOfColumn[j]!]! += delta;
          v[j]! -= delta;
        } else {
          slack[j]! -= delta;
        }
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    // Flip the path back to its start.
    do {
      const before = previous[column]!;
      rowOfColumn[column] = rowOfColumn[before]!;
      column = before;
    } while (column !== 0);
  }
  const columnOfRow = new Int32Array(k);
  for (let j = 1; j <= k; j++) columnOfRow[rowOfColumn[j]! - 1] = j - 1;
  return columnOfRow;
}
