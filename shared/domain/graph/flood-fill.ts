/**
 * The connected patch around `seed` (the bucket-fill select): every cell reachable from
 * `seed` through the CSR edges while staying on cells whose territory equals the seed's.
 * Unassigned cells (`-1`) count as one territory here, so seeding on an unassigned cell
 * returns the unassigned patch around it. Other patches of the same territory that are
 * not connected to the seed through it are not included.
 *
 * @param offsets CSR row offsets, length n + 1: the neighbours of v are
 * `neighbors[offsets[v]] … neighbors[offsets[v + 1] - 1]`
 * @param neighbors CSR neighbour cell indices
 * @param territoryOfCell territory per cell, length n, `-1` for unassigned
 * @param seed the cell to grow from, 0 ≤ seed < n
 * @param limit when given, the most cells the patch may hold: a larger patch stops the
 * search early and yields null
 * @returns the patch's cell indices ascending (always holding `seed`), or null when it
 * exceeds `limit`
 * @throws RangeError when `seed` is not a cell index, `limit` is negative or NaN, or
 * `territoryOfCell` does not have one entry per cell
 * @example floodFill(Int32Array.of(0, 1, 3, 4), Int32Array.of(1, 0, 2, 1), Int32Array.of(5, 5, 7), 0) // [0, 1]
 */
export function floodFill(offsets: Int32Array, neighbors: Int32Array, territoryOfCell: Int32Array, seed: number, limit?: number): number[] | null {
  const n = offsets.length - 1;
  if (territoryOfCell.length !== n) throw new RangeError(`floodFill: territoryOfCell has ${territoryOfCell.length} entries for ${n} cells`);
  if (!Number.isInteger(seed) || seed < 0 || seed >= n) throw new RangeError(`floodFill: seed ${seed} is not a cell index (0 to ${n - 1})`);
  if (limit !== undefined && (Number.isNaN(limit) || limit < 0)) throw new RangeError(`floodFill: limit ${limit} must be a non-negative number`);
  const max = limit ?? Infinity;
  if (max < 1) return null; // the patch always holds the seed

  const territory = territoryOfCell[seed]!;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  queue[tail++] = seed;
  seen[seed] = 1;
  while (head < tail) {
    const v = queue[head++]!;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = neighbors[e]!;
      if (seen[w] || territoryOfCell[w] !== territory) continue;
      if (tail >= max) return null;
      seen[w] = 1;
      queue[tail++] = w;
    }
  }
  return Array.from(queue.subarray(0, tail).sort());
}
