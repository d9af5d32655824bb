import { connectedComponents } from '../graph/connected-components';
import { minCostAssignment } from '../graph/min-cost-assignment';
import { chordKm } from './geometry';
import { allocateIslands } from './island-allocation';
import type { BalanceProblem } from './problem';

/**
 * Buckets of the key that each growth queue orders its cells by: about one per two cells
 * of the region (within a bucket the order is last in, first out, so coarse buckets grow
 * ragged boundaries), at most MAX_BUCKETS.
 */
const MAX_BUCKETS = 65536;
/**
 * Islands count as balanced within this share of the tolerance when territories are
 * allocated to them (`allocateIslands`), as a build aims at ±0.5 τ. On a 36-rep, 57k-cell
 * Indonesia/Philippines workspace (before an island kept its last territory) the full τ left
 * 2 of 36 territories inside ±5 % (median 12.6 %), half of it 11 (median 9.0 %). Now 11
 * (median 9.0 %); the rule before, lightest island to heaviest, 12 (median 10.4 %) but
 * B 5.25 against 3.98 and a worst territory at +49 % against +38 %.
 */
const ISLAND_DEAD_ZONE = 0.5;
/** A half whose growth is walled in by the other below this share of its target grows alone instead. */
const WALLED_SHARE = 0.9;

/**
 * A start that is balanced by construction: recursive bisection of the weight that carries
 * the homes along. Each island's free cells are split in two along the main axis of its
 * territories' anchors: the territories are sorted along that axis and cut into two groups,
 * and the cells are grown from the two ends of the island at once, each side taking the
 * neighbouring cell lying furthest its way and the side further behind its share of the
 * weight growing next, so both halves are connected and their weights match the groups'
 * capacities to within a cell. The halves are split again until each holds one territory.
 *
 * Unlike the offset diagram this needs no candidate homes and cannot leave a region with
 * more weight than its territories can take, which is what fails when homes and weight
 * disagree (reps at large places, weight spread over the land). The price is that a
 * territory's region need not hold its anchor: such a territory's anchor moves to its
 * region's cell nearest the old one (the returned anchors).
 *
 * @param start territory per cell, ≥ 0 for cells that keep their territory
 * @param anchors anchor per territory (≥ 0 for every territory that grows)
 * @returns the plan and the anchors that go with it
 */
export function splitStart(
  problem: BalanceProblem,
  start: Int32Array,
  anchors: Int32Array,
  units: Float64Array,
  weight: Float64Array,
  share: ArrayLike<number>,
): { plan: Int32Array; anchors: Int32Array } {
  const n = start.length;
  const k = anchors.length;
  const plan = Int32Array.from(start);
  const moved = Int32Array.from(anchors);
  const free = new Uint8Array(n);
  for (let i = 0; i < n; i++) free[i] = start[i]! < 0 ? 1 : 0;
  const { component: label, count } = connectedComponents(problem, free);
  const components = { label, count };
  const members = groupBy(label, count, free);
  // Territories grow on the island of their anchor.
  const onIsland: number[][] = Array.from({ length: components.count }, () => []);
  for (let t = 0; t < k; t++) {
    const a = anchors[t]!;
    if (problem.locked[t] || a < 0 || !free[a]) continue;
    onIsland[components.label[a]!]!.push(t);
  }
  allocateIslands(members, onIsland, moved, units, weight, share, ISLAND_DEAD_ZONE * Math.min(...problem.tolerance));
  // Each island is split by what its territories still need after their frozen cells.
  const held = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weight[i]!;
    if (plan[i]! >= 0) held[plan[i]!]! += weight[i]!;
  }
  const splitter = new Splitter(problem, units, weight, moved, plan);
  for (let c = 0; c < components.count; c++) {
    const territories = onIsland[c]!;
    if (territories.length === 0) continue;
    let island = 0;
    for (const i of members[c]!) island += weight[i]!;
    const floor = 1e-6 * island + 1e-12;
    splitter.split(members[c]!, territories, territories.map((t) => Math.max(floor, share[t]! * total - held[t]!)));
  }
  // An island no territory is anchored on goes whole to the nearest anchor. (Counting it
  // against that territory's share above changed nothing measurable, as the transfers
  // even it out, and perturbed every plan near it.)
  for (let c = 0; c < components.count; c++) {
    if (onIsland[c]!.length > 0) continue;
    const first = members[c]![0]!;
    let best = -1;
    let bestKm = Infinity;
    for (let t = 0; t < k; t++) {
      if (problem.locked[t] || moved[t]! < 0) continue;
      const d = chordKm(units, first, moved[t]!);
      if (d < bestKm) [best, bestKm] = [t, d];
    }
    if (best >= 0) for (const i of members[c]!) plan[i] = best;
  }
  matchRegions(problem, plan, anchors, units);
  relocateAnchors(plan, moved, units);
  return { plan, anchors: moved };
}

/** Travel is summed over at most this many (cell, territory) pairs when regions are matched to territories. */
const MATCH_PAIRS = 30_000_000;

/**
 * The bisection groups territories by where their anchors lie, not by which region suits
 * which anchor best: give each region the territory (of the same capacity) whose anchor
 * minimises the travel Σ w·d to the region's cells (summed over a regular sample of cells
 * on large areas), by a minimum-cost assignment.
 */
function matchRegions(problem: BalanceProblem, plan: Int32Array, anchors: Int32Array, units: Float64Array): void {
  // A territory holding frozen cells keeps its region: relabelling would move them.
  const pinned = new Uint8Array(anchors.length);
  for (let i = 0; i < plan.length; i++) if (problem.frozen[i] && plan[i]! >= 0) pinned[plan[i]!] = 1;
  const growing: number[] = [];
  for (let t = 0; t < anchors.length; t++) if (!problem.locked[t] && !pinned[t] && anchors[t]! >= 0) growing.push(t);
  const m = growing.length;
  if (m < 2) return;
  const position = new Int32Array(anchors.length).fill(-1);
  growing.forEach((t, x) => (position[t] = x));
  const cost = new Float64Array(m * m);
  const stride = Math.max(1, Math.ceil((plan.length * m) / MATCH_PAIRS));
  const travel = problem.travelWeight;
  for (let i = 0; i < plan.length; i += stride) {
    const r = plan[i]! >= 0 ? position[plan[i]!]! : -1;
    const w = travel ? travel[i]! : 1;
    if (r < 0 || w === 0) continue;
    for (let x = 0; x < m; x++) cost[r * m + x]! += w * chordKm(units, i, anchors[growing[x]!]!);
  }
  let big = 1;
  for (let x = 0; x < cost.length; x++) big += cost[x]!;
  for (let r = 0; r < m; r++) {
    for (let x = 0; x < m; x++) if (problem.capacity[growing[r]!] !== problem.capacity[growing[x]!]) cost[r * m + x] = big;
  }
  const column = minCostAssignment(cost, m);
  const relabel = Int32Array.from({ length: anchors.length }, (_, t) => t);
  for (let r = 0; r < m; r++) relabel[growing[r]!] = growing[column[r]!]!;
  for (let i = 0; i < plan.length; i++) if (plan[i]! >= 0) plan[i] = relabel[plan[i]!]!;
}

/** Cells of each component, in index order. */
function groupBy(label: Int32Array, count: number, member: Uint8Array): Int32Array[] {
  const size = new Int32Array(count);
  for (let i = 0; i < label.length; i++) if (member[i]) size[label[i]!]!++;
  const out = Array.from({ length: count }, (_, c) => new Int32Array(size[c]!));
  const fill = new Int32Array(count);
  for (let i = 0; i < label.length; i++) if (member[i]) out[label[i]!]![fill[label[i]!]!++] = i;
  return out;
}

/** A territory whose region does not hold its anchor is anchored at its region's cell nearest the old anchor. */
function relocateAnchors(plan: Int32Array, anchors: Int32Array, units: Float64Array): void {
  const k = anchors.length;
  const lost = new Uint8Array(k);
  let any = false;
  for (let t = 0; t < k; t++) {
    if (anchors[t]! >= 0 && plan[anchors[t]!] !== t) {
      lost[t] = 1;
      any = true;
    }
  }
  if (!any) return;
  const best = new Float64Array(k).fill(Infinity);
  const next = Int32Array.from(anchors);
  for (let i = 0; i < plan.length; i++) {
    const t = plan[i]!;
    if (t < 0 || !lost[t]) continue;
    const d = chordKm(units, i, anchors[t]!);
    if (d < best[t]!) [best[t], next[t]] = [d, i];
  }
  anchors.set(next);
}

/** The recursive bisection, with its scratch arrays allocated once. */
class Splitter {
  private readonly key: Float64Array;
  private readonly side: Uint8Array;
  private readonly inRegion: Uint8Array;
  private readonly next1: Int32Array;
  private readonly next2: Int32Array;
  private readonly head1 = new Int32Array(MAX_BUCKETS);
  private readonly head2 = new Int32Array(MAX_BUCKETS);

  constructor(
    private readonly problem: BalanceProblem,
    private readonly units: Float64Array,
    private readonly weight: Float64Array,
    private readonly anchors: Int32Array,
    private readonly plan: Int32Array,
  ) {
    const n = plan.length;
    this.key = new Float64Array(n);
    this.side = new Uint8Array(n);
    this.inRegion = new Uint8Array(n);
    this.next1 = new Int32Array(n);
    this.next2 = new Int32Array(n);
  }

  /** Splits a connected region among territories with the given shares, writing the plan. */
  split(cells: Int32Array, territories: number[], shares: number[]): void {
    const stack: { cells: Int32Array; territories: number[]; shares: number[] }[] = [{ cells, territories, shares }];
    while (stack.length > 0) {
      const job = stack.pop()!;
      if (job.territories.length === 1) {
        const t = job.territories[0]!;
        for (const i of job.cells) this.plan[i] = t;
        continue;
      }
      const axis = this.axisOf(job.territories, job.cells);
      const order = job.territories
        .map((t, x) => ({ t, s: job.shares[x]!, p: dot(this.units, this.anchors[t]!, axis) }))
        .sort((a, b) => a.p - b.p || a.t - b.t);
      const half = order.length >> 1;
      const low = order.slice(0, half);
      const high = order.slice(half);
      const lowShare = low.reduce((a, x) => a + x.s, 0);
      const highShare = high.reduce((a, x) => a + x.s, 0);
      const [cellsLow, cellsHigh] = this.bisect(job.cells, axis, lowShare / (lowShare + highShare));
      stack.push({ cells: cellsHigh, territories: high.map((x) => x.t), shares: high.map((x) => x.s) });
      stack.push({ cells: cellsLow, territories: low.map((x) => x.t), shares: low.map((x) => x.s) });
    }
  }

  /** The main axis of the territories' anchors (of the region's cells where the anchors coincide). */
  private axisOf(territories: number[], cells: Int32Array): Float64Array {
    const points = territories.map((t) => this.anchors[t]!);
    const axis = principalAxis(this.units, points);
    if (axis) return axis;
    const stride = Math.max(1, Math.floor(cells.length / 4096));
    const sample: number[] = [];
    for (let x = 0; x < cells.length; x += stride) sample.push(cells[x]!);
    return principalAxis(this.units, sample) ?? Float64Array.of(1, 0, 0);
  }

  /**
   * Splits the region into a low and a high half along the axis, with `lowShare` of its
   * weight in the low half, both halves connected. They grow from the region's two ends at
   * once, the half further behind its share growing next, each taking its frontier cell
   * lying furthest its way. Where one half is walled in by the other early (its ends can
   * only reach a small pocket), that half grows alone instead, and pockets it encloses join it.
   */
  private bisect(cells: Int32Array, axis: Float64Array, lowShare: number): [Int32Array, Int32Array] {
    const { key, inRegion, weight, units } = this;
    let lo = Infinity;
    let hi = -Infinity;
    let total = 0;
    let first = cells[0]!;
    let last = cells[0]!;
    for (const i of cells) {
      const p = dot(units, i, axis);
      key[i] = p;
      inRegion[i] = 1;
      total += weight[i]!;
      if (p < lo) [lo, first] = [p, i];
      if (p > hi) [hi, last] = [p, i];
    }
    const target: [number, number] = [total * lowShare, total * (1 - lowShare)];
    const span = hi - lo || 1;
    const walled = this.grow(cells, first, last, target, lo, span, 0);
    if (walled !== 0) {
      this.grow(cells, first, last, target, lo, span, walled);
      this.joinPockets(cells, walled === 1 ? 2 : 1, walled);
    }
    let countLow = 0;
    for (const i of cells) if (this.side[i] === 1) countLow++;
    const low = new Int32Array(countLow);
    const high = new Int32Array(cells.length - countLow);
    let a = 0;
    let b = 0;
    for (const i of cells) {
      inRegion[i] = 0;
      if (this.side[i] === 1) low[a++] = i;
      else high[b++] = i;
    }
    return [low, high];
  }

  /**
   * Grows the halves (side 1 from `first`, side 2 from `last`); `alone` = 0 grows both,
   * 1 or 2 grows that side alone up to its target and gives the rest to the other.
   * @returns (both) the side walled in below WALLED_SHARE of its target, else 0
   */
  private grow(cells: Int32Array, first: number, last: number, target: [number, number], lo: number, span: number, alone: 0 | 1 | 2): 0 | 1 | 2 {
    const { key, side, inRegion, next1, next2, head1, head2, weight } = this;
    const { offsets, neighbors } = this.problem;
    const BUCKETS = Math.max(16, Math.min(MAX_BUCKETS, cells.length >> 1));
    const bucketOf = (i: number) => Math.min(BUCKETS - 1, Math.floor(((key[i]! - lo) / span) * BUCKETS));
    for (const i of cells) side[i] = 0;
    head1.fill(-1, 0, BUCKETS);
    head2.fill(-1, 0, BUCKETS);
    let cursor1 = BUCKETS;
    let cursor2 = -1;
    // side: 1/2 = taken by that half; bits 4/8 = queued by that half.
    const queue = (i: number, s: 1 | 2) => {
      const b = bucketOf(i);
      if (s === 1) {
        next1[i] = head1[b]!;
        head1[b] = i;
        side[i] = side[i]! | 4;
        if (b < cursor1) cursor1 = b;
      } else {
        next2[i] = head2[b]!;
        head2[b] = i;
        side[i] = side[i]! | 8;
        if (b > cursor2) cursor2 = b;
      }
    };
    const pop = (s: 1 | 2) => {
      if (s === 1) {
        while (cursor1 < BUCKETS) {
          const i = head1[cursor1]!;
          if (i < 0) cursor1++;
          else {
            head1[cursor1] = next1[i]!;
            if ((side[i]! & 3) === 0) return i;
          }
        }
      } else {
        while (cursor2 >= 0) {
          const i = head2[cursor2]!;
          if (i < 0) cursor2--;
          else {
            head2[cursor2] = next2[i]!;
            if ((side[i]! & 3) === 0) return i;
          }
        }
      }
      return -1;
    };
    const load: [number, number] = [0, 0];
    const take = (i: number, s: 1 | 2) => {
      side[i] = (side[i]! & 12) | s;
      load[s - 1] = load[s - 1]! + weight[i]!;
      const bit = s === 1 ? 4 : 8;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const j = neighbors[e]!;
        if (inRegion[j] && (side[j]! & 3) === 0 && (side[j]! & bit) === 0) queue(j, s);
      }
    };
    if (alone !== 0) {
      take(alone === 1 ? first : last, alone);
      for (let i = pop(alone); i >= 0 && load[alone - 1]! < target[alone - 1]!; i = pop(alone)) take(i, alone);
      const other = alone === 1 ? 2 : 1;
      for (const i of cells) if ((side[i]! & 3) === 0) side[i] = other;
      for (const i of cells) side[i] = side[i]! & 3;
      return 0;
    }
    take(first, 1);
    if (last !== first) take(last, 2);
    let walled: 0 | 1 | 2 = 0;
    for (;;) {
      const s: 1 | 2 = load[0] * target[1] <= load[1] * target[0] ? 1 : 2;
      let i = pop(s);
      if (i >= 0) {
        take(i, s);
        continue;
      }
      if (walled === 0 && load[s - 1]! < WALLED_SHARE * target[s - 1]!) walled = s;
      const other = s === 1 ? 2 : 1;
      i = pop(other);
      if (i < 0) break;
      take(i, other);
    }
    for (const i of cells) side[i] = side[i]! & 3;
    return walled;
  }

  /** Cells of side `from` outside its heaviest connected piece go to side `to` (pockets `to` encloses). */
  private joinPockets(cells: Int32Array, from: 1 | 2, to: 1 | 2): void {
    const { side, next1: label, weight } = this;
    const { offsets, neighbors } = this.problem;
    for (const i of cells) label[i] = -1;
    const pieceWeight: number[] = [];
    const queue: number[] = [];
    for (const s of cells) {
      if (side[s] !== from || label[s] !== -1) continue;
      const id = pieceWeight.length;
      let w = 0;
      label[s] = id;
      queue.length = 0;
      queue.push(s);
      for (let h = 0; h < queue.length; h++) {
        const v = queue[h]!;
        w += weight[v]!;
        for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
          const j = neighbors[e]!;
          if (this.inRegion[j] && side[j] === from && label[j] === -1) {
            label[j] = id;
            queue.push(j);
          }
        }
      }
      pieceWeight.push(w);
    }
    if (pieceWeight.length < 2) return;
    let keep = 0;
    for (let p = 1; p < pieceWeight.length; p++) if (pieceWeight[p]! > pieceWeight[keep]!) keep = p;
    for (const i of cells) if (side[i] === from && label[i] !== keep) side[i] = to;
  }
}

function dot(units: Float64Array, i: number, axis: Float64Array): number {
  return units[3 * i]! * axis[0]! + units[3 * i + 1]! * axis[1]! + units[3 * i + 2]! * axis[2]!;
}

/** The unit eigenvector of the points' largest spread (null when they all coincide). */
function principalAxis(units: Float64Array, points: readonly number[]): Float64Array | null {
  const m = points.length;
  if (m < 2) return null;
  const mean = [0, 0, 0];
  for (const i of points) for (let d = 0; d < 3; d++) mean[d]! += units[3 * i + d]! / m;
  const cov = new Float64Array(9);
  for (const i of points) {
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) cov[3 * a + b]! += (units[3 * i + a]! - mean[a]!) * (units[3 * i + b]! - mean[b]!);
    }
  }
  const trace = cov[0]! + cov[4]! + cov[8]!;
  if (!(trace > 1e-18)) return null;
  // Power iteration from the coordinate axis of largest variance.
  let v = [0, 0, 0];
  v[cov[0]! >= cov[4]! && cov[0]! >= cov[8]! ? 0 : cov[4]! >= cov[8]! ? 1 : 2] = 1;
  for (let it = 0; it < 60; it++) {
    const w = [0, 1, 2].map((a) => cov[3 * a]! * v[0]! + cov[3 * a + 1]! * v[1]! + cov[3 * a + 2]! * v[2]!);
    const norm = Math.hypot(w[0]!, w[1]!, w[2]!);
    if (!(norm > 0)) break;
    v = w.map((x) => x / norm);
  }
  return Float64Array.from(v);
}
