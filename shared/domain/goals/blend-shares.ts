/**
 * Blends several measures into one share per territory, e.g. 70 % potential + 30 % last
 * year's revenue. Each measure m with a positive weight w_m is first normalised to shares
 * v_km / Σ_k v_km; the blend is
 *
 *   share_k = Σ_m w_m · v_km / Σ_k v_km  /  Σ_m w_m
 *
 * over the contributing measures only: a measure whose values total 0 (or whose weight is
 * 0) contributes nothing and its weight is left out of the divisor. Negative or non-finite
 * values count as 0. The shares sum to 1 (to float rounding), or are all 0 when no measure
 * contributes. Measures present in `values` but absent from `weights` get weight 0.
 *
 * @param values measure key → value per territory (all the same length)
 * @param weights measure key → weight (≥ 0); only measures in `values` may be named
 * @returns one share per territory (length of the value arrays; [] when `values` is empty)
 * @throws RangeError when a weight names a measure not in `values`, a weight is negative
 *   or not finite, or the value arrays differ in length
 * @example blendShares({ potential: [1, 3], revenue: [1, 1] }, { potential: 1, revenue: 1 }); // [0.375, 0.625]
 */
export function blendShares(values: Record<string, readonly number[]>, weights: Record<string, number>): number[] {
  const keys = Object.keys(values);
  const length = keys.length === 0 ? 0 : values[keys[0]!]!.length;
  for (const key of keys) {
    if (values[key]!.length !== length) {
      throw new RangeError(`Measure "${key}" has ${values[key]!.length} values; expected ${length}.`);
    }
  }
  for (const [key, w] of Object.entries(weights)) {
    if (!Object.hasOwn(values, key)) throw new RangeError(`Weight given for unknown measure "${key}".`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Weight ${w} of measure "${key}" must be a finite number ≥ 0.`);
  }

  const shares = new Array<number>(length).fill(0);
  let weightTotal = 0;
  for (const key of keys) {
    const w = weights[key] ?? 0;
    if (w <= 0) continue;
    const column = values[key]!.map(clean);
    let sum = 0;
    for (const v of column) sum += v;
    if (sum === 0) continue;
    weightTotal += w;
    for (let k = 0; k < length; k++) shares[k]! += (w * column[k]!) / sum;
  }
  if (weightTotal === 0) return shares;
  return shares.map((s) => s / weightTotal);
}

function clean(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}
