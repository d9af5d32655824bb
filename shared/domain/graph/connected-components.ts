import type { Csr } from '../h3/build-adjacency';

/**
 * Labels the connected components of a CSR graph (islands of the study area), or of the
 * subgraph of the nodes with `include[i]` set (the others get -1).
 * Components are numbered 0, 1, … in order of their lowest cell index.
 * @returns component id per node and the number of components
 */
export function connectedComponents(graph: Csr, include?: Uint8Array): { component: Int32Array; count: number } {
  const n = graph.offsets.length - 1;
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let start = 0; start < n; start++) {
    if (component[start] !== -1 || (include && !include[start])) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    component[start] = count;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
        const w = graph.neighbors[e]!;
        if (component[w] === -1 && (!include || include[w])) {
          component[w] = count;
          queue[tail++] = w;
        }
      }
    }
    count++;
  }
  return { component, count };
}
