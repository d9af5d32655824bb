/**
 * Splits `total` into goals proportional to `shares` that sum exactly to `total`.
 *
 * Shares that are negative or not finite count as 0; when every share is 0 the total is
 * split equally. With `step` > 0 every goal is a whole number of steps, chosen by the
 * largest-remainder method: each territory first gets the floor of its exact quota (in
 * steps), then the steps still missing go one each to the territories with the largest
 * fractional remainders, ties to the lower index (deterministic). When `total` is not a
 * multiple of `step` (within 1e-12 relative), the leftover `total mod step` goes, on top
 * of its whole steps, to the territory with the largest share (the lowest index among
 * equal shares; index 0 for an equal split). With `step` = 0 the goals are the plain
 * proportional values.
 *
 * Guarantees, "sum" meaning the left-to-right double sum in index order:
 * - integer `total` and `step` (both below 2^53): all arithmetic is exact, every goal is an
 *   exact multiple of `step` (except the leftover's receiver) and the sum is exactly `total`;
 * - otherwise (fractional step, `step` = 0): the last-place float error of the sum is
 *   absorbed by the same largest-share territory, whose value is tuned (to the double) so
 *   that the sum is exactly `total`. Round-half-even ties in the later partial sums can make
 *   that impossible for one entry; then the next largest shares' entries are tried in turn,
 *   and only if none can do it is the sum left one unit in the last place off `total`. The
 *   tuned entry differs from its multiple of `step` / its proportional value by a few units
 *   in the last place of `total`.
 * Goals are never negative.
 *
 * @param total the amount to split; finite and ≥ 0
 * @param shares one weight per territory (e.g. each territory's potential)
 * @param step rounding unit (e.g. 1000); 0 for no rounding
 * @returns one goal per share, in the same order
 * @throws RangeError when `total` or `step` is negative or not finite, when `shares` is
 *   empty but `total` is not 0, or when `step` is so fine that `total / step` exceeds 2^53
 * @example splitTotal(100, [1, 1, 1], 1); // [34, 33, 33]
 * @example splitTotal(1050, [3, 1], 100); // [850, 200] (quotas 7.5 and 2.5 steps; tie → index 0; leftover 50 → index 0)
 */
export function splitTotal(total: number, shares: readonly number[], step: number): number[] {
  if (!Number.isFinite(total) || total < 0) throw new RangeError(`Total ${total} must be a finite number ≥ 0.`);
  if (!Number.isFinite(step) || step < 0) throw new RangeError(`Step ${step} must be a finite number ≥ 0.`);
  const n = shares.length;
  if (n === 0) {
    if (total !== 0) throw new RangeError(`Cannot split a total of ${total} over no territories.`);
    return [];
  }
  const weights = cleanShares(shares);
  let weightTotal = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    weightTotal += weights[i]!;
    if (weights[i]! > weights[largest]!) largest = i;
  }

  if (step === 0) {
    const goals = weights.map((w) => (total * w) / weightTotal);
    makeSumExact(goals, weights, largest, total);
    return goals;
  }

  const ratio = total / step;
  let units = Math.round(ratio);
  if (Math.abs(units * step - total) > 1e-12 * total) units = Math.floor(ratio);
  if (units > Number.MAX_SAFE_INTEGER) throw new RangeError(`Step ${step} is too fine for a total of ${total}.`);
  const counts = largestRemainder(units, weights, weightTotal);
  const goals = counts.map((c) => c * step);
  const leftover = total - units * step;
  if (leftover !== 0) goals[largest] = Math.max(0, goals[largest]! + leftover);
  makeSumExact(goals, weights, largest, total);
  return goals;
}

/** Negative or non-finite shares → 0; all zero → all 1 (equal split). */
function cleanShares(shares: readonly number[]): number[] {
  const weights = shares.map((s) => (Number.isFinite(s) && s > 0 ? s : 0));
  return weights.some((w) => w > 0) ? weights : weights.map(() => 1);
}

/** Whole units per weight summing to `units`, by largest remainder (ties → lower index). */
function largestRemainder(units: number, weights: readonly number[], weightTotal: number): number[] {
  const n = weights.length;
  const counts = new Array<number>(n);
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const quota = (units * weights[i]!) / weightTotal;
    const whole = Math.floor(quota);
    counts[i] = whole;
    remainders[i] = quota - whole;
    given += whole;
  }
  // Float error can leave the floors one unit above or (more often) below `units`.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  let missing = units - given;
  for (let k = 0; missing > 0; k = (k + 1) % n, missing--) counts[order[k]!]!++;
  for (let k = n - 1; missing < 0; k = (k - 1 + n) % n) {
    const i = order[k]!;
    if (counts[i]! > 0) {
      counts[i]!--;
      missing++;
    }
  }
  return counts;
}

/** Left-to-right double sum in index order. */
function sumInOrder(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

/**
 * Makes the index-order sum of `goals` equal `total` by tuning one entry: the largest
 * share's first and, should round-half-even ties in the later partial sums make that
 * impossible, the next largest shares' in turn. When no single entry can do it, the
 * largest share's entry is left at the value giving the closest sum (within one unit in
 * the last place of `total`).
 */
function makeSumExact(goals: number[], weights: readonly number[], largest: number, total: number): void {
  if (absorbResidue(goals, largest, total)) return;
  const others = Array.from({ length: goals.length }, (_, i) => i)
    .filter((i) => i !== largest)
    .sort((a, b) => weights[b]! - weights[a]! || a - b);
  for (const at of others) {
    const original = goals[at]!;
    if (absorbResidue(goals, at, total)) return;
    goals[at] = original;
  }
}

/**
 * Tunes `goals[at]` so that the index-order sum equals `total` exactly: first by adding
 * the residue, then, when re-rounding of the later partial sums still leaves an error, by
 * bisection over the doubles near that value (the sum is monotone in it). When no double
 * value of the entry hits `total`, the one giving the closest sum is kept.
 * @returns whether the sum is now exact
 */
function absorbResidue(goals: number[], at: number, total: number): boolean {
  const sumWith = (x: number) => {
    goals[at] = x;
    return sumInOrder(goals);
  };
  const start = Math.max(0, goals[at]! + (total - sumInOrder(goals)));
  const atStart = sumWith(start);
  if (atStart === total) return true;

  // Bracket: sumWith(lo) < total < sumWith(hi).
  let lo = start;
  let hi = start;
  let width = Math.max(total * Number.EPSILON, Number.MIN_VALUE);
  let tries = 0;
  if (atStart < total) {
    for (let s = atStart; s < total && tries < 1100; tries++, width *= 2) {
      lo = hi;
      hi = start + width;
      s = sumWith(hi);
      if (s === total) return true;
    }
  } else {
    for (let s = atStart; s > total && lo > 0 && tries < 1100; tries++, width *= 2) {
      hi = lo;
      lo = Math.max(0, start - width);
      s = sumWith(lo);
      if (s === total) return true;
    }
  }
  for (let step = 0; step < 1100; step++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    const s = sumWith(mid);
    if (s === total) return true;
    if (s < total) lo = mid;
    else hi = mid;
  }
  const errLo = Math.abs(sumWith(lo) - total);
  const errHi = Math.abs(sumWith(hi) - total);
  goals[at] = errLo <= errHi ? lo : hi;
  return false;
}
