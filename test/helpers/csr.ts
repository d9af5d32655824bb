/** A symmetric CSR graph of n nodes from an undirected edge list (neighbours ascending), for hand-built test graphs. */
export function csr(n: number, edges: readonly (readonly [number, number])[]): { offsets: Int32Array; neighbors: Int32Array } {
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    lists[a]!.push(b);
    lists[b]!.push(a);
  }
  const offsets = new Int32Array(n + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  return { offsets, neighbors: Int32Array.from(lists.flatMap((l) => l.sort((a, b) => a - b))) };
}
