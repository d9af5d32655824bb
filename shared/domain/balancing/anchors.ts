import { connectedComponents } from '../graph/connected-components';
import { createRng } from '../random/create-rng';
import { chordKm } from './geometry';
import type { BalanceProblem } from './problem';
import { combinedFill } from './territory-loads';

/**
 * Anchors: the one cell per territory a build grows it from and keeps it by. Normally the
 * rep's home; a stand-in where two reps share a home cell, where a territory has no home,
 * or where its home is walled in by the homes around it (a starved territory).
 */

/**
 * A territory holding less than this share of its target after the start is starved: its
 * home is hemmed in by the homes around it (reps who all live in one town), and no
 * transfer between neighbours can feed it. On H-220k and H-1.5M no territory comes near.
 */
const STARVED_SHARE = 0.5;
/** Donors are looked for among the territories anchored nearest a starved one. */
const DONOR_CANDIDATES = 8;
/** The new anchor sits where this share of the donor's load lies further out from the donor's anchor. */
const OUTER_SHARE = 0.25;

/**
 * Anchors for a build: each rep's home; where several territories share a home cell, the
 * first keeps it and the others take the nearest free cells around it (breadth-first,
 * the same island); where a territory has no home, a weighted k-means++ pick (seeded),
 * far from the anchors already chosen and where the weight is.
 * @param taken cells that already belong to a territory (frozen cells, locked territories): never an anchor of another
 */
export function buildAnchors(problem: BalanceProblem, units: Float64Array, seed: number, weight: Float64Array, taken: Int32Array): Int32Array {
  const n = problem.offsets.length - 1;
  const k = problem.capacity.length;
  const anchors = Int32Array.from(problem.home);
  const used = new Uint8Array(n);
  for (let t = 0; t < k; t++) {
    const h = anchors[t]!;
    if (h < 0) continue;
    if (!used[h] && (taken[h]! < 0 || taken[h] === t)) used[h] = 1;
    else anchors[t] = nearestFreeCell(problem, h, used, taken, t);
  }
  if (anchors.every((h) => h >= 0)) return anchors;

  const rng = createRng(seed);
  const nearest = new Float64Array(n).fill(Infinity);
  const update = (h: number) => {
    for (let i = 0; i < n; i++) {
      const d = chordKm(units, i, h);
      if (d < nearest[i]!) nearest[i] = d;
    }
  };
  for (const h of anchors) if (h >= 0) update(h);
  for (let t = 0; t < k; t++) {
    if (anchors[t]! >= 0) continue;
    let total = 0;
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const d = Number.isFinite(nearest[i]!) ? nearest[i]! : 1;
      score[i] = used[i] ? 0 : weight[i]! * d * d;
      total += score[i]!;
    }
    let pick = -1;
    let r = rng.next() * total;
    for (let i = 0; i < n; i++) {
      if (score[i]! <= 0) continue;
      pick = i;
      r -= score[i]!;
      if (r <= 0) break;
    }
    if (pick < 0) continue; // every cell is an anchor already: the territory stays empty
    anchors[t] = pick;
    used[pick] = 1;
    update(pick);
  }
  return anchors;
}

/** The free cell nearest `from` in hops (then by index), on the same island; `from` itself when none is free. */
function nearestFreeCell(problem: BalanceProblem, from: number, used: Uint8Array, taken: Int32Array, t: number): number {
  const { offsets, neighbors } = problem;
  const seen = new Set<number>([from]);
  const queue = [from];
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h]!;
    if (!used[v] && (taken[v]! < 0 || taken[v] === t)) {
      used[v] = 1;
      return v;
    }
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = neighbors[e]!;
      if (!seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return from;
}

/**
 * Moves the anchor of each starved territory (below `STARVED_SHARE` of its target in
 * `plan`) into the territory furthest over its target on the same island, where the
 * outer quarter of that territory's load begins, so the next start splits the donor in two.
 * Territories on an island too light for them, locked ones and those without an anchor
 * are left alone: no move can feed them.
 * @returns the territories whose anchor moved (none: the plan has no starved territory)
 */
export function relocateStarved(problem: BalanceProblem, plan: Int32Array, anchors: Int32Array, units: Float64Array, weight: Float64Array, share: ArrayLike<number>): number[] {
  const n = plan.length;
  const k = anchors.length;
  const { fill } = combinedFill(plan, weight, share);
  const starved: number[] = [];
  for (let t = 0; t < k; t++) if (!problem.locked[t] && anchors[t]! >= 0 && fill[t]! < STARVED_SHARE) starved.push(t);
  if (starved.length === 0) return [];

  const { component } = connectedComponents({ offsets: problem.offsets, neighbors: problem.neighbors });
  const isAnchor = new Uint8Array(n);
  for (const a of anchors) if (a >= 0) isAnchor[a] = 1;
  const donated = new Uint8Array(k);
  const moved: number[] = [];
  starved.sort((a, b) => fill[a]! - fill[b]! || a - b);
  for (const s of starved) {
    const home = anchors[s]!;
    const island = component[home]!;
    // Donors: the territories anchored nearest, so the rep still works near home.
    const candidates: number[] = [];
    for (let t = 0; t < k; t++) {
      if (t !== s && !donated[t] && !problem.locked[t] && anchors[t]! >= 0 && component[anchors[t]!] === island) candidates.push(t);
    }
    let donor = -1;
    for (const t of nearestTerritories(units, home, anchors, candidates)) if (fill[t]! > 1 && (donor < 0 || fill[t]! > fill[donor]!)) donor = t;
    if (donor < 0) continue;
    const cell = outerCell(problem, plan, donor, anchors[donor]!, units, weight, isAnchor);
    if (cell < 0) continue;
    donated[donor] = 1;
    isAnchor[anchors[s]!] = 0;
    anchors[s] = cell;
    isAnchor[cell] = 1;
    moved.push(s);
  }
  return moved;
}

/** The `DONOR_CANDIDATES` of `candidates` (all anchored) whose anchors lie nearest `from`, nearest first. */
function nearestTerritories(units: Float64Array, from: number, anchors: Int32Array, candidates: number[]): number[] {
  const distance = new Map(candidates.map((t) => [t, chordKm(units, from, anchors[t]!)]));
  return candidates.sort((a, b) => distance.get(a)! - distance.get(b)! || a - b).slice(0, DONOR_CANDIDATES);
}

/** The donor's free cell at which, counting from its far edge inwards, `OUTER_SHARE` of its load is reached. */
function outerCell(problem: BalanceProblem, plan: Int32Array, donor: number, anchor: number, units: Float64Array, weight: Float64Array, isAnchor: Uint8Array): number {
  const cells: number[] = [];
  let load = 0;
  for (let i = 0; i < plan.length; i++) {
    if (plan[i] !== donor) continue;
    load += weight[i]!;
    if (!problem.frozen[i] && !isAnchor[i]) cells.push(i);
  }
  const distance = new Map(cells.map((i) => [i, chordKm(units, i, anchor)]));
  cells.sort((a, b) => distance.get(b)! - distance.get(a)! || a - b);
  let outer = 0;
  for (const i of cells) {
    outer += weight[i]!;
    if (outer >= OUTER_SHARE * load) return i;
  }
  return cells.length > 0 ? cells[cells.length - 1]! : -1;
}

/**
 * Realign: gives each unlocked territory that has no cell (a rep just added) one cell to
 * grow from, in `plan`, and makes it the territory's anchor. Its home when another
 * unlocked territory holds it, it is not frozen and taking it leaves that territory in
 * one piece; else a cell of the fullest territory near the home (any, without a home),
 * where the outer quarter of its load begins, or failing that any cell it can spare.
 * @param only when given, only these territories are seeded
 * @returns the territories seeded
 */
export function seedEmpty(
  problem: BalanceProblem,
  plan: Int32Array,
  anchors: Int32Array,
  units: Float64Array,
  weight: Float64Array,
  share: ArrayLike<number>,
  only?: readonly number[],
): number[] {
  const n = plan.length;
  const k = anchors.length;
  const cells = new Int32Array(k);
  const { fill, total } = combinedFill(plan, weight, share, cells);
  const empty = (t: number) => cells[t] === 0 && !problem.locked[t] && (!only || only.includes(t));
  if (!Array.from({ length: k }, (_, t) => t).some(empty)) return [];
  const isAnchor = new Uint8Array(n);
  for (let t = 0; t < k; t++) if (anchors[t]! >= 0 && cells[t]! > 0) isAnchor[anchors[t]!] = 1;
  const spare = (i: number, t: number) => {
    const s = plan[i]!;
    return s >= 0 && s !== t && !problem.locked[s] && !problem.frozen[i] && !isAnchor[i] && cells[s]! > 1 && staysWhole(problem, plan, i);
  };
  const seeded: number[] = [];
  for (let t = 0; t < k; t++) {
    if (!empty(t)) continue;
    const home = problem.home[t]!;
    let cell = home >= 0 && spare(home, t) ? home : -1;
    if (cell < 0) {
      const donors: number[] = [];
      for (let u = 0; u < k; u++) if (u !== t && cells[u]! > 1 && !problem.locked[u] && (home < 0 || anchors[u]! >= 0)) donors.push(u);
      const near = home >= 0 ? nearestTerritories(units, home, anchors, donors) : donors;
      near.sort((a, b) => fill[b]! - fill[a]! || a - b);
      for (const u of near) {
        const c = outerCell(problem, plan, u, anchors[u]! >= 0 ? anchors[u]! : plan.indexOf(u), units, weight, isAnchor);
        if (c >= 0 && spare(c, t)) {
          cell = c;
          break;
        }
      }
      for (let i = 0; i < n && cell < 0; i++) if (spare(i, t)) cell = i;
    }
    if (cell < 0) continue;
    const from = plan[cell]!;
    cells[from]!--;
    fill[from]! -= weight[cell]! / (share[from]! * total);
    plan[cell] = t;
    cells[t] = 1;
    anchors[t] = cell;
    isAnchor[cell] = 1;
    seeded.push(t);
  }
  return seeded;
}

/** Whether `i`'s territory stays in one piece without it: its neighbours there stay connected. */
function staysWhole(problem: BalanceProblem, plan: Int32Array, i: number): boolean {
  const { offsets, neighbors } = problem;
  const s = plan[i]!;
  const ends: number[] = [];
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) if (plan[neighbors[e]!] === s) ends.push(neighbors[e]!);
  if (ends.length <= 1) return true;
  const seen = new Set<number>([i, ends[0]!]);
  const queue = [ends[0]!];
  let found = 1;
  for (let h = 0; h < queue.length && found < ends.length; h++) {
    const v = queue[h]!;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = neighbors[e]!;
      if (plan[w] !== s || seen.has(w)) continue;
      seen.add(w);
      if (ends.includes(w)) found++;
      queue.push(w);
    }
  }
  return found === ends.length;
}

/** Realign: the rep's home where there is one, else the territory's own cell nearest its centroid. */
export function standInAnchors(problem: BalanceProblem, plan: Int32Array, units: Float64Array): Int32Array {
  const k = problem.capacity.length;
  const anchors = Int32Array.from(problem.home);
  const sum = new Float64Array(3 * k);
  for (let i = 0; i < plan.length; i++) {
    const t = plan[i]!;
    if (t < 0 || anchors[t]! >= 0) continue;
    sum[3 * t]! += units[3 * i]!;
    sum[3 * t + 1]! += units[3 * i + 1]!;
    sum[3 * t + 2]! += units[3 * i + 2]!;
  }
  const best = new Float64Array(k).fill(Infinity);
  for (let i = 0; i < plan.length; i++) {
    const t = plan[i]!;
    if (t < 0 || problem.home[t]! >= 0) continue;
    const norm = Math.hypot(sum[3 * t]!, sum[3 * t + 1]!, sum[3 * t + 2]!) || 1;
    const d = (units[3 * i]! - sum[3 * t]! / norm) ** 2 + (units[3 * i + 1]! - sum[3 * t + 1]! / norm) ** 2 + (units[3 * i + 2]! - sum[3 * t + 2]! / norm) ** 2;
    if (d < best[t]!) {
      best[t] = d;
      anchors[t] = i;
    }
  }
  return anchors;
}
