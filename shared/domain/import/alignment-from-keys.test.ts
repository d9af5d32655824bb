import { describe, expect, it } from 'vitest';
import { csr } from '../../../test/helpers/csr';
import { connectedComponents } from '../graph/connected-components';
import { createRng, type Rng } from '../random/create-rng';
import { alignmentFromKeys, type AlignmentEntry, type AlignmentInput } from './alignment-from-keys';

const entry = (row: number, territory: string, accountId: string | null, cells: number[] = [], rep: string | null = null, region: string | null = null): AlignmentEntry => ({ row, cells, accountId, territory, rep, region });

/** A w × h grid graph (4-neighbours) without the `holes` cells' edges, so it may fall apart into components. */
function grid(w: number, h: number, holes: ReadonlySet<number> = new Set()) {
  const edges: [number, number][] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = y * w + x;
      if (holes.has(v)) continue;
      if (x + 1 < w && !holes.has(v + 1)) edges.push([v, v + 1]);
      if (y + 1 < h && !holes.has(v + w)) edges.push([v, v + w]);
    }
  }
  return csr(w * h, edges);
}

/** Random alignment input: accounts on a holed grid, rows by account and by cell sets. */
function randomInput(rng: Rng, fillEmpty: boolean): AlignmentInput {
  const w = 3 + rng.int(8);
  const h = 3 + rng.int(8);
  const holes = new Set(Array.from({ length: rng.int(w * h / 3) }, () => rng.int(w * h)));
  const accountCell = new Map<string, number>();
  for (let a = 0; a < rng.int(40); a++) accountCell.set(`A${a}`, rng.int(w * h));
  const labels = ['North', 'South', 'East', 'West', 'Central'];
  const entries: AlignmentEntry[] = [];
  for (let r = 0; r < rng.int(60); r++) {
    const label = labels[rng.int(labels.length)]!;
    if (rng.next() < 0.6) entries.push(entry(r + 2, label, rng.next() < 0.1 ? 'missing' : `A${rng.int(45)}`));
    else entries.push(entry(r + 2, label, null, Array.from({ length: rng.int(4) }, () => rng.int(w * h))));
  }
  return { cellCount: w * h, graph: grid(w, h, holes), accountCell, entries, fillEmpty };
}

/** Hop distances from `source` over the graph (−1 unreachable). */
function hops(graph: AlignmentInput['graph'], source: number): Int32Array {
  const d = new Int32Array(graph.offsets.length - 1).fill(-1);
  const queue = [source];
  d[source] = 0;
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const u = graph.neighbors[e]!;
      if (d[u] === -1) {
        d[u] = d[v]! + 1;
        queue.push(u);
      }
    }
  }
  return d;
}

describe('alignmentFromKeys', () => {
  it('takes the majority per cell, first named on ties, and counts conflicts', () => {
    const graph = grid(3, 1);
    const accountCell = new Map([['a', 0], ['b', 0], ['c', 0], ['d', 1], ['e', 1]]);
    const result = alignmentFromKeys({
      cellCount: 3,
      graph,
      accountCell,
      entries: [entry(2, 'B', 'a'), entry(3, 'A', 'b'), entry(4, 'A', 'c'), entry(5, 'B', 'd'), entry(6, 'A', 'e')],
      fillEmpty: false,
    });
    expect(result.territories.map((t) => t.label)).toEqual(['B', 'A']);
    expect(Array.from(result.territoryOfCell)).toEqual([1, 0, -1]);
    expect(result.overrides).toEqual([{ accountId: 'a', territory: 0 }, { accountId: 'e', territory: 1 }]);
    expect(result.conflicts).toBe(2);
    expect(result.filled).toBe(0);
  });

  it('keeps the first non-blank rep and region, skips blank labels and unknown accounts', () => {
    const result = alignmentFromKeys({
      cellCount: 2,
      graph: grid(2, 1),
      accountCell: new Map([['a', 0]]),
      entries: [entry(2, 'T', 'a', [], ' ', null), entry(3, 'T', null, [1], 'Ann', 'West'), entry(4, 'T', null, [1], 'Bob', 'East'), entry(5, '', 'a'), entry(6, 'U', 'zzz')],
      fillEmpty: false,
    });
    expect(result.territories).toEqual([{ label: 'T', rep: 'Ann', region: 'West' }, { label: 'U', rep: null, region: null }]);
    expect(Array.from(result.territoryOfCell)).toEqual([0, 0]);
    expect(result.overrides).toEqual([]);
  });

  it('counts a row once per cell even when it names the cell twice', () => {
    const result = alignmentFromKeys({
      cellCount: 1,
      graph: grid(1, 1),
      accountCell: new Map([['a', 0]]),
      entries: [entry(2, 'A', 'a', [0, 0]), entry(3, 'B', null, [0]), entry(4, 'B', null, [0])],
      fillEmpty: false,
    });
    expect(result.territoryOfCell[0]).toBe(1);
    expect(result.overrides).toEqual([{ accountId: 'a', territory: 0 }]);
  });

  it('fills empty cells from the nearest named cell, within components only', () => {
    // 0–1–2–3–4 and, apart, 5–6.
    const graph = csr(7, [[0, 1], [1, 2], [2, 3], [3, 4], [5, 6]]);
    const result = alignmentFromKeys({ cellCount: 7, graph, accountCell: new Map(), entries: [entry(2, 'A', null, [0]), entry(3, 'B', null, [4])], fillEmpty: true });
    expect(Array.from(result.territoryOfCell)).toEqual([0, 0, 0, 1, 1, -1, -1]); // cell 2 is a tie: A has the lower index
    expect(result.filled).toBe(3);
  });

  it('rejects cells outside the study area and a graph of the wrong size', () => {
    const base = { cellCount: 2, graph: grid(2, 1), accountCell: new Map([['a', 5]]), fillEmpty: false };
    expect(() => alignmentFromKeys({ ...base, entries: [entry(2, 'A', null, [2])] })).toThrow(RangeError);
    expect(() => alignmentFromKeys({ ...base, entries: [entry(2, 'A', 'a')] })).toThrow(RangeError);
    expect(() => alignmentFromKeys({ ...base, cellCount: 3, entries: [] })).toThrow(RangeError);
  });

  it('on random grids: every account ends in its labelled territory, majority and fill match brute force', () => {
    const rng = createRng(2024);
    for (let trial = 0; trial < 300; trial++) {
      const input = randomInput(rng, trial % 2 === 0);
      const result = alignmentFromKeys(input);
      expect(alignmentFromKeys(input)).toEqual(result); // deterministic
      const index = new Map(result.territories.map((t, i) => [t.label, i]));

      // Every account named by a row: its first row's territory, by its cell or an override.
      const override = new Map(result.overrides.map((o) => [o.accountId, o.territory]));
      const seen = new Set<string>();
      for (const e of input.entries) {
        const cell = e.accountId === null ? undefined : input.accountCell.get(e.accountId);
        if (cell === undefined || seen.has(e.accountId!)) continue;
        seen.add(e.accountId!);
        const want = index.get(e.territory)!;
        expect(override.get(e.accountId!) ?? result.territoryOfCell[cell]).toBe(want);
        if (override.has(e.accountId!)) expect(result.territoryOfCell[cell]).not.toBe(want);
      }

      // Brute-force majority (ties to the territory that named the cell first).
      const votes = Array.from({ length: input.cellCount }, () => new Map<number, number>());
      for (const e of input.entries) {
        const cells = new Set(e.cells);
        const own = e.accountId === null ? undefined : input.accountCell.get(e.accountId);
        if (own !== undefined) cells.add(own);
        for (const c of cells) votes[c]!.set(index.get(e.territory)!, (votes[c]!.get(index.get(e.territory)!) ?? 0) + 1);
      }
      const majority = votes.map((m) => [...m].reduce((best, cur) => (cur[1] > best[1] ? cur : best), [-1, 0])[0]);
      expect(result.conflicts).toBe(votes.filter((m) => m.size > 1).length);

      const { component } = connectedComponents(input.graph);
      const named = majority.flatMap((t, c) => (t >= 0 ? [c] : []));
      const distances = named.map((c) => hops(input.graph, c));
      let filled = 0;
      for (let c = 0; c < input.cellCount; c++) {
        if (majority[c]! >= 0) {
          expect(result.territoryOfCell[c]).toBe(majority[c]);
          continue;
        }
        if (!input.fillEmpty || !named.some((s) => component[s] === component[c])) {
          expect(result.territoryOfCell[c]).toBe(-1);
          continue;
        }
        // Nearest named cells; the lowest territory among them.
        let best = Infinity;
        let want = Infinity;
        named.forEach((s, k) => {
          const d = distances[k]![c]!;
          if (d < 0) return;
          if (d < best) [best, want] = [d, majority[s]!];
          else if (d === best) want = Math.min(want, majority[s]!);
        });
        expect(result.territoryOfCell[c]).toBe(want);
        filled++;
      }
      expect(result.filled).toBe(filled);
    }
  });
});
