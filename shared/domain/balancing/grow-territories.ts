import type { Csr } from '../h3/build-adjacency';
import { connectedComponents } from '../graph/connected-components';
import { MinHeap } from '../graph/min-heap';
import { UNASSIGNED } from '../model/ids';

export interface GrowInput {
  graph: Csr;
  /** Balance weight per cell (≥ 0), e.g. workload. */
  weight: Float64Array;
  /** Cell centroids in degrees, used to place cells the growth cannot reach. */
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  /** Seed cell per territory (a rep's home cell). */
  seeds: readonly number[];
  /** Relative target per territory (rep capacity); defaults to equal shares. */
  capacity?: readonly number[];
}

/**
 * Grows contiguous territories from their seed cells at once, always extending the
 * territory that is furthest below its share of the total weight (breadth-first from
 * its own frontier). A fast, deterministic starting plan — every cell reachable from a
 * seed ends up in a contiguous territory; cells of islands without a seed go, whole
 * island at a time, to the territory whose seed is nearest.
 *
 * @returns territory position (0 … seeds.length-1) per cell
 * @throws RangeError when there are no seeds or a seed is not a cell of the graph
 */
export function growTerritories(input: GrowInput): Int32Array {
  const { graph, weight, seeds } = input;
  const n = graph.offsets.length - 1;
  const k = seeds.length;
  if (k === 0) throw new RangeError('At least one seed is needed to grow territories.');
  const capacity = input.capacity ?? seeds.map(() => 1);
  const capacityTotal = capacity.reduce((a, b) => a + b, 0);
  let total = 0;
  for (let i = 0; i < n; i++) total += weight[i]!;
  const perCell = n > 0 ? (total > 0 ? (total / n) * 0.05 : 1) : 1;
  const target = capacity.map((c) => ((total + perCell * n) * c) / capacityTotal);

  const owner = new Int32Array(n).fill(UNASSIGNED);
  const queues: number[][] = seeds.map(() => []);
  const heads = new Int32Array(k);
  const load = new Float64Array(k);

  const claim = (cell: number, t: number) => {
    owner[cell] = t;
    load[t]! += weight[cell]! + perCell;
    for (let e = graph.offsets[cell]!; e < graph.offsets[cell + 1]!; e++) {
      const w = graph.neighbors[e]!;
      if (owner[w] === UNASSIGNED) queues[t]!.push(w);
    }
  };

  seeds.forEach((seed, t) => {
    if (!Number.isInteger(seed) || seed < 0 || seed >= n) throw new RangeError(`Seed ${seed} is not a cell of the graph.`);
    const start = owner[seed] === UNASSIGNED ? seed : nearestFree(graph, owner, seed);
    if (start >= 0) claim(start, t);
  });

  const heap = new MinHeap();
  for (let t = 0; t < k; t++) heap.push(t, load[t]! / target[t]!);
  while (heap.size > 0) {
    const t = heap.pop();
    const queue = queues[t]!;
    let cell = -1;
    while (heads[t]! < queue.length) {
      const c = queue[heads[t]!++]!;
      if (owner[c] === UNASSIGNED) {
        cell = c;
        break;
      }
    }
    if (cell < 0) continue;
    claim(cell, t);
    heap.push(t, load[t]! / target[t]!);
  }

  assignUnreached(input, owner);
  return owner;
}

function nearestFree(graph: Csr, owner: Int32Array, from: number): number {
  const seen = new Set<number>([from]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    if (owner[v] === UNASSIGNED) return v;
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const w = graph.neighbors[e]!;
      if (!seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return -1;
}

function assignUnreached(input: GrowInput, owner: Int32Array): void {
  const { component } = connectedComponents(input.graph);
  const decided = new Map<number, number>();
  for (let i = 0; i < owner.length; i++) {
    if (owner[i] !== UNASSIGNED) continue;
    const c = component[i]!;
    let t = decided.get(c);
    if (t === undefined) {
      t = nearestSeed(input, i);
      decided.set(c, t);
    }
    owner[i] = t;
  }
}

function nearestSeed(input: GrowInput, cell: number): number {
  const la = input.lat[cell]!;
  const lo = input.lon[cell]!;
  const cos = Math.cos((la * Math.PI) / 180);
  let best = 0;
  let bestD = Infinity;
  input.seeds.forEach((seed, t) => {
    const dy = input.lat[seed]! - la;
    const dx = (input.lon[seed]! - lo) * cos;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = t;
    }
  });
  return best;
}

