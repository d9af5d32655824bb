import { unitVectors } from '../../../shared/domain/balancing/geometry';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';

/** The METIS side of the METIS peer (`metis-peer.ts`): the graph file METIS reads, integer weights, the partition it writes, and the bridges that join the study area's islands. Pure text and arrays, no I/O. */

/** Each constraint's integer total stays near this (METIS's idx_t is 32-bit; sums must fit). */
const WEIGHT_TOTAL_TARGET = 2 ** 28;

/** Squared chord between two unit vectors. */
export function chord2(units: Float64Array, a: number, b: number): number {
  const dx = units[3 * a]! - units[3 * b]!;
  const dy = units[3 * a + 1]! - units[3 * b + 1]!;
  const dz = units[3 * a + 2]! - units[3 * b + 2]!;
  return dx * dx + dy * dy + dz * dz;
}

/**
 * The METIS graph file (manual §4.1.1) of an undirected graph with integer vertex weights:
 * header `n m 010 ncon`, then per vertex its ncon weights and its neighbours, 1-based.
 * The CSR may list an edge from one end only, twice, or as a self loop: every edge is
 * written once from each end, self loops dropped, neighbours in increasing order.
 * @param graph CSR adjacency, 0-based
 * @param vertexWeights per constraint, a non-negative integer per vertex
 * @throws RangeError on a weight that is not a non-negative integer below 2^31, a
 *   constraint total of 2^31 or more, a neighbour out of range or no constraint
 */
export function metisGraphText(graph: { offsets: ArrayLike<number>; neighbors: ArrayLike<number> }, vertexWeights: readonly ArrayLike<number>[]): string {
  const n = graph.offsets.length - 1;
  const ncon = vertexWeights.length;
  if (ncon < 1) throw new RangeError('METIS needs at least one vertex weight per vertex.');
  vertexWeights.forEach((column, a) => {
    if (column.length < n) throw new RangeError(`Constraint ${a} has ${column.length} weights; expected ${n}.`);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = column[i]!;
      if (!Number.isInteger(w) || w < 0 || w >= 2 ** 31) throw new RangeError(`Constraint ${a}, vertex ${i}: weight ${w} is not a non-negative 32-bit integer.`);
      total += w;
    }
    if (total >= 2 ** 31) throw new RangeError(`Constraint ${a} sums to ${total}, beyond METIS's 32-bit weights.`);
  });
  const adjacency = symmetricAdjacency(graph);
  const lines = [`${n} ${adjacency.neighbors.length / 2} 010 ${ncon}`];
  const parts: number[] = [];
  for (let i = 0; i < n; i++) {
    parts.length = 0;
    for (let a = 0; a < ncon; a++) parts.push(vertexWeights[a]![i]!);
    for (let e = adjacency.offsets[i]!; e < adjacency.offsets[i + 1]!; e++) parts.push(adjacency.neighbors[e]! + 1);
    lines.push(parts.join(' '));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The same graph with every edge {u, v} (u ≠ v) listed from both ends exactly once,
 * neighbours sorted.
 * @throws RangeError on a neighbour outside 0 … n−1
 */
export function symmetricAdjacency(graph: { offsets: ArrayLike<number>; neighbors: ArrayLike<number> }): { offsets: Int32Array; neighbors: Int32Array } {
  const n = graph.offsets.length - 1;
  const degree = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const w = graph.neighbors[e]!;
      if (!(Number.isInteger(w) && w >= 0 && w < n)) throw new RangeError(`Vertex ${v} has neighbour ${w}, outside 0…${n - 1}.`);
      if (w === v) continue;
      degree[v]!++;
      degree[w]!++;
    }
  }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v]! + degree[v]!;
  const fill = start.slice(0, n);
  const both = new Int32Array(start[n]!);
  for (let v = 0; v < n; v++) {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const w = graph.neighbors[e]!;
      if (w === v) continue;
      both[fill[v]!++] = w;
      both[fill[w]!++] = v;
    }
  }
  // Sort each row and drop repeats.
  const offsets = new Int32Array(n + 1);
  let out = 0;
  for (let v = 0; v < n; v++) {
    const row = both.subarray(start[v]!, start[v + 1]!).sort();
    let last = -1;
    for (const w of row) {
      if (w === last) continue;
      both[out++] = w;
      last = w;
    }
    offsets[v + 1] = out;
  }
  return { offsets, neighbors: both.slice(0, out) };
}

/**
 * Measures as METIS integer weights: each column scaled so its total is about 2^28
 * (by an integer factor when every value is an integer and the total is below that, so
 * integer data stays exact),
 * then rounded; zeros stay 0.
 * @throws RangeError on a negative or non-finite value, or a measure whose total is 0
 */
export function integerWeights(columns: readonly ArrayLike<number>[], totalTarget = WEIGHT_TOTAL_TARGET): { columns: Int32Array[]; scale: number[] } {
  const scale: number[] = [];
  const out = columns.map((column, a) => {
    let total = 0;
    let integral = true;
    for (let i = 0; i < column.length; i++) {
      const w = column[i]!;
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`Measure ${a} has the value ${w} at cell ${i}; METIS needs non-negative weights.`);
      total += w;
      if (integral && !Number.isInteger(w)) integral = false;
    }
    if (!(total > 0)) throw new RangeError(`Measure ${a} sums to 0; METIS cannot balance it.`);
    let s = totalTarget / total;
    if (integral && s >= 1) s = Math.floor(s);
    scale.push(s);
    return Int32Array.from({ length: column.length }, (_, i) => Math.round(column[i]! * s));
  });
  return { columns: out, scale };
}

/**
 * Reads `<file>.part.<K>`: one part number per line, n lines.
 * @throws Error when the count or a part number is wrong
 */
export function readPartition(text: string, n: number, k: number): Int32Array {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== n) throw new Error(`${lines.length} lines for ${n} cells`);
  const plan = new Int32Array(n);
  lines.forEach((line, i) => {
    const p = Number(line.trim());
    if (!Number.isInteger(p) || p < 0 || p >= k) throw new Error(`line ${i + 1}: part "${line.trim()}" is not in 0…${k - 1}`);
    plan[i] = p;
  });
  return plan;
}

/**
 * Joins every connected component other than the largest (the hub) to the hub by one
 * virtual edge: from the hub cell nearest to the component's mean position to the
 * component's cell nearest to that hub cell. O(components × hub cells).
 */
export function bridgeComponents(
  problem: Pick<BalanceProblem, 'offsets' | 'neighbors' | 'lat' | 'lon'>,
  components: { component: Int32Array; count: number },
): { offsets: Int32Array; neighbors: Int32Array; bridges: number } {
  const { offsets, neighbors } = problem;
  const n = offsets.length - 1;
  const { component, count } = components;
  const units = unitVectors(problem.lat, problem.lon);
  const size = new Int32Array(count);
  const centre = new Float64Array(3 * count);
  for (let i = 0; i < n; i++) {
    const c = component[i]!;
    size[c]!++;
    for (let d = 0; d < 3; d++) centre[3 * c + d]! += units[3 * i + d]!;
  }
  let hub = 0;
  for (let c = 1; c < count; c++) if (size[c]! > size[hub]!) hub = c;

  // The hub cell nearest to each other component's centre (one pass over the hub).
  const best = new Float64Array(count).fill(Infinity);
  const hubCell = new Int32Array(count).fill(-1);
  const others: number[] = [];
  for (let c = 0; c < count; c++) if (c !== hub) others.push(c);
  for (let i = 0; i < n; i++) {
    if (component[i] !== hub) continue;
    const x = units[3 * i]!, y = units[3 * i + 1]!, z = units[3 * i + 2]!;
    for (const c of others) {
      // The nearest cell to the (unnormalised) centre has the largest dot product with it.
      const d = -(x * centre[3 * c]! + y * centre[3 * c + 1]! + z * centre[3 * c + 2]!);
      if (d < best[c]!) {
        best[c] = d;
        hubCell[c] = i;
      }
    }
  }
  // The component's own cell nearest to that hub cell.
  const islandCell = new Int32Array(count).fill(-1);
  const islandBest = new Float64Array(count).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const c = component[i]!;
    if (c === hub) continue;
    const h = hubCell[c]!;
    const d = chord2(units, i, h);
    if (d < islandBest[c]!) {
      islandBest[c] = d;
      islandCell[c] = i;
    }
  }

  const extra = new Int32Array(n);
  for (const c of others) {
    extra[hubCell[c]!]!++;
    extra[islandCell[c]!]!++;
  }
  const out = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) out[i + 1] = out[i]! + (offsets[i + 1]! - offsets[i]!) + extra[i]!;
  const list = new Int32Array(out[n]!);
  const fill = out.slice(0, n);
  for (let i = 0; i < n; i++) for (let e = offsets[i]!; e < offsets[i + 1]!; e++) list[fill[i]!++] = neighbors[e]!;
  for (const c of others) {
    const a = hubCell[c]!;
    const b = islandCell[c]!;
    list[fill[a]!++] = b;
    list[fill[b]!++] = a;
  }
  return { offsets: out, neighbors: list, bridges: others.length };
}

