/**
 * Rounding for `perMeasureReference`: from the relaxation's split cells to a plan, and
 * single-cell repairs of the band excess B = Σ_k Σ_a max(0, |W/T − 1| − τ_a) after it.
 */

/** The relaxation's arrays. Territories appear as rows r (those with a home), measures b as the active ones (total > 0). */
export interface SplitProblem {
  n: number;
  /** Candidate territories per cell, nearest home first, and u_i·d(i, home) of each (cell-major, c per cell). */
  c: number;
  near: Int32Array;
  cost: Float64Array;
  /** Active measures, and w_ib at [i·ma + b]. */
  ma: number;
  w: Float64Array;
  /** 1 / T_rb and τ_b at [r·ma + b]. */
  invT: Float64Array;
  tau: Float64Array;
  /** Row per territory (−1: no home) and territory per row. */
  row: Int32Array;
  growing: readonly number[];
  /** > 0 where the cell weighs something in some active measure. */
  mass: Float64Array;
}

export interface SplitCell {
  cell: number;
  /** Σ_b w_ib / T_b, for the order. */
  size: number;
  /** The rows the cell is split over, and its share in each. */
  rows: number[];
  shares: number[];
}

const excessOf = (load: number, tau: number) => Math.max(0, Math.abs(load - 1) - tau);

/**
 * Rounds the split cells, heaviest first: each goes to the row it has a share in whose
 * band excess grows least when it takes the whole cell (the cells not yet rounded still
 * counted by their shares), ties to the larger share. `expected` holds the relaxation's
 * loads W/T (it is not changed).
 */
export function roundSplitCells(sp: SplitProblem, plan: Int32Array, expected: Float64Array, split: SplitCell[]): void {
  const { ma, w, invT, tau, growing } = sp;
  const load = Float64Array.from(expected);
  const ordered = [...split].sort((a, b) => b.size - a.size || a.cell - b.cell);
  for (const { cell: i, rows, shares } of ordered) {
    rows.forEach((r, e) => {
      for (let b = 0; b < ma; b++) load[r * ma + b]! -= shares[e]! * w[i * ma + b]! * invT[r * ma + b]!;
    });
    let best = -1;
    let bestGrowth = Infinity;
    rows.forEach((r, e) => {
      if (shares[e]! < 1e-9) return;
      let growth = 0;
      for (let b = 0; b < ma; b++) {
        const v = r * ma + b;
        growth += excessOf(load[v]! + w[i * ma + b]! * invT[v]!, tau[v]!) - excessOf(load[v]!, tau[v]!);
      }
      if (growth < bestGrowth - 1e-12 || (Math.abs(growth - bestGrowth) <= 1e-12 && shares[e]! > shares[best]!)) {
        bestGrowth = growth;
        best = e;
      }
    });
    const r = rows[best]!;
    for (let b = 0; b < ma; b++) load[r * ma + b]! += w[i * ma + b]! * invT[r * ma + b]!;
    plan[i] = growing[r]!;
  }
}

/**
 * Lowers B by single-cell moves into one of the cell's `candidates` nearest homes, round
 * after round: each round lists, for every cell in or next to a territory outside its band,
 * the move that lowers B at the least travel per unit of B, then applies them in that order
 * while each still lowers B. Stops when a round applies none (at most 100 rounds).
 * @returns the moves applied
 */
export function repairBands(sp: SplitProblem, plan: Int32Array, candidates: number): number {
  const { n, c, near, cost, ma, w, invT, tau, row, mass } = sp;
  const reach = Math.min(c, candidates);
  const rows = invT.length / ma;
  const load = new Float64Array(rows * ma);
  for (let i = 0; i < n; i++) {
    const r = row[plan[i]!]!;
    for (let b = 0; b < ma; b++) load[r * ma + b]! += w[i * ma + b]! * invT[r * ma + b]!;
  }
  /** Change of B when cell i moves from row s to row t. */
  const change = (i: number, s: number, t: number) => {
    let d = 0;
    for (let b = 0; b < ma; b++) {
      const vs = s * ma + b;
      const vt = t * ma + b;
      d += excessOf(load[vs]! - w[i * ma + b]! * invT[vs]!, tau[vs]!) - excessOf(load[vs]!, tau[vs]!);
      d += excessOf(load[vt]! + w[i * ma + b]! * invT[vt]!, tau[vt]!) - excessOf(load[vt]!, tau[vt]!);
    }
    return d;
  };
  const outside = new Uint8Array(rows);
  let moves = 0;
  for (let round = 0; round < 100; round++) {
    for (let r = 0; r < rows; r++) {
      outside[r] = 0;
      for (let b = 0; b < ma; b++) if (excessOf(load[r * ma + b]!, tau[r * ma + b]!) > 0) outside[r] = 1;
    }
    const listed: { cell: number; to: number; ratio: number }[] = [];
    for (let i = 0; i < n; i++) {
      if (!(mass[i]! > 0)) continue;
      const base = i * c;
      const s = row[plan[i]!]!;
      let here = 0;
      for (let p = 0; p < c; p++) if (row[near[base + p]!] === s) here = cost[base + p]!;
      let best = -1;
      let bestRatio = Infinity;
      for (let p = 0; p < reach; p++) {
        const t = row[near[base + p]!]!;
        if (t === s || !(outside[s] || outside[t])) continue;
        const d = change(i, s, t);
        if (!(d < -1e-12)) continue;
        const ratio = (cost[base + p]! - here) / -d;
        if (ratio < bestRatio) {
          bestRatio = ratio;
          best = near[base + p]!;
        }
      }
      if (best >= 0) listed.push({ cell: i, to: best, ratio: bestRatio });
    }
    listed.sort((a, b) => a.ratio - b.ratio || a.cell - b.cell);
    let applied = 0;
    for (const { cell: i, to } of listed) {
      const s = row[plan[i]!]!;
      const t = row[to]!;
      if (!(change(i, s, t) < -1e-12)) continue;
      for (let b = 0; b < ma; b++) {
        load[s * ma + b]! -= w[i * ma + b]! * invT[s * ma + b]!;
        load[t * ma + b]! += w[i * ma + b]! * invT[t * ma + b]!;
      }
      plan[i] = to;
      applied++;
    }
    moves += applied;
    if (applied === 0) break;
  }
  return moves;
}
