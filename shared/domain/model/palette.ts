import type { Csr } from '../h3/build-adjacency';

/**
 * Twelve fill colours chosen to stay apart in hue and lightness on a light basemap.
 * Neighbouring territories never share one (see `assignTerritoryColors`).
 */
export const TERRITORY_PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#edc948',
  '#76b7b2', '#ff9da7', '#9c755f', '#8cd17d', '#a0cbe8', '#d37295',
] as const;

/**
 * Pairs of territories that share at least one cell edge, as a neighbour list per territory.
 * @param owner territory position per cell (-1 unassigned), 0 … count-1
 */
export function territoryNeighbors(graph: Csr, owner: Int32Array, count: number): Set<number>[] {
  const neighbors = Array.from({ length: count }, () => new Set<number>());
  for (let v = 0; v < owner.length; v++) {
    const a = owner[v]!;
    if (a < 0) continue;
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const b = owner[graph.neighbors[e]!]!;
      if (b >= 0 && b !== a) neighbors[a]!.add(b);
    }
  }
  return neighbors;
}

/**
 * Gives each territory a palette colour different from all its neighbours' (greedy
 * colouring, most-connected first, least-used colour first, deterministic). Falls back to reuse only when a
 * territory has more neighbours than the palette has colours.
 * @returns a `#rrggbb` colour per territory position
 */
export function assignTerritoryColors(neighbors: Set<number>[]): string[] {
  const order = neighbors.map((_, i) => i).sort((a, b) => neighbors[b]!.size - neighbors[a]!.size || a - b);
  const colorOf = new Int32Array(neighbors.length).fill(-1);
  const usage = new Int32Array(TERRITORY_PALETTE.length);
  for (const t of order) {
    const used = new Set<number>();
    for (const n of neighbors[t]!) if (colorOf[n]! >= 0) used.add(colorOf[n]!);
    // Among the colours no neighbour has, take the least used so the whole palette shows.
    let c = -1;
    for (let k = 0; k < TERRITORY_PALETTE.length; k++) {
      if (!used.has(k) && (c < 0 || usage[k]! < usage[c]!)) c = k;
    }
    if (c < 0) c = t % TERRITORY_PALETTE.length;
    colorOf[t] = c;
    usage[c]!++;
  }
  return Array.from(colorOf, (c) => TERRITORY_PALETTE[c]!);
}

/**
 * The palette colour used least among `inUse` (the first such colour on ties), for a new
 * territory. Colours in `avoid` (its neighbours') are skipped unless every colour is in it.
 */
export function leastUsedColor(inUse: readonly string[], avoid: readonly string[] = []): string {
  const usage = new Map<string, number>(TERRITORY_PALETTE.map((c) => [c, 0]));
  for (const c of inUse) {
    const key = c.toLowerCase();
    if (usage.has(key)) usage.set(key, usage.get(key)! + 1);
  }
  const avoided = new Set(avoid.map((c) => c.toLowerCase()));
  const candidates = [...usage].filter(([c]) => !avoided.has(c));
  let best: [string, number] | undefined;
  for (const entry of candidates.length > 0 ? candidates : [...usage]) if (!best || entry[1] < best[1]) best = entry;
  return best![0];
}
