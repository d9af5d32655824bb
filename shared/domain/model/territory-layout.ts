import type { Csr } from '../h3/build-adjacency';
import { DomainError } from './domain-error';
import { leastUsedColor, territoryNeighbors } from './palette';
import type { RepId, TerritoryId } from './ids';
import type { Territory } from './territory';

/**
 * Which territories a build draws: the scenario's own, one per rep, or a number of them.
 * `perRep` and `count` add and remove territories as part of the build.
 */
export type TerritoryLayout = 'current' | 'perRep' | { count: number };

export interface LayoutChange {
  /** The territories the build balances: the kept ones in their order, then the created ones. */
  territories: Territory[];
  /** New territories (ids after every existing one; colours are the caller's to choose). */
  created: Territory[];
  /** Existing territories the build removes (their cells are drawn again, named accounts in them are released). */
  deleted: Territory[];
}

/**
 * Decides which territories a build keeps, creates and removes.
 *
 * `perRep`: each rep gets exactly one territory. A rep keeps the first territory they
 * already have (a locked one counts); reps without one get a new territory named after
 * them; unlocked territories without a rep, with a rep that has another, or with a rep no
 * longer in the workspace are removed. `count`: K territories in all. Locked territories
 * always stay and count towards K; of the others, those with a rep are kept first, then
 * the rest in their order; new ones are vacant, named after their id ("Territory 12"), as
 * a territory added by hand.
 *
 * @param unnamed the name for a new vacant territory, from its id ("Territory 12")
 * @throws DomainError INVALID_INPUT when K is not a positive integer or below the locked territories, or there are no reps for `perRep`
 */
export function layoutTerritories(
  current: readonly Territory[],
  reps: readonly { id: RepId; name: string }[],
  layout: TerritoryLayout,
  unnamed: (n: number) => string,
): LayoutChange {
  if (layout === 'current') return { territories: [...current], created: [], deleted: [] };
  let nextId = current.reduce((m, t) => Math.max(m, t.id), 0) + 1;
  const names = new Set(current.map((t) => t.name.toLowerCase()));
  const fresh = (name: string, repId: RepId | null): Territory => {
    let unique = name;
    for (let i = 2; names.has(unique.toLowerCase()); i++) unique = `${name} (${i})`;
    names.add(unique.toLowerCase());
    return { id: nextId++ as TerritoryId, name: unique, color: '', repId, parentId: null, locked: false };
  };
  const keep = new Set<TerritoryId>();
  const created: Territory[] = [];
  if (layout === 'perRep') {
    if (reps.length === 0) throw new DomainError('INVALID_INPUT', 'There are no reps to draw one territory each for; import reps or choose a number of territories.');
    const known = new Set(reps.map((r) => r.id));
    const served = new Set<RepId>();
    for (const t of current) {
      if (t.locked) {
        keep.add(t.id);
        if (t.repId !== null) served.add(t.repId);
      }
    }
    for (const t of current) {
      if (t.locked || t.repId === null || !known.has(t.repId) || served.has(t.repId)) continue;
      keep.add(t.id);
      served.add(t.repId);
    }
    for (const r of reps) if (!served.has(r.id)) created.push(fresh(r.name, r.id));
  } else {
    const k = layout.count;
    const locked = current.filter((t) => t.locked).length;
    if (!Number.isInteger(k) || k < 1) throw new DomainError('INVALID_INPUT', `The number of territories must be a whole number of at least 1 (got ${k}).`);
    if (k < locked) throw new DomainError('INVALID_INPUT', `${locked} territories are locked and stay; a build of ${k} cannot keep them. Unlock some or ask for at least ${locked}.`);
    for (const t of current) if (t.locked) keep.add(t.id);
    const open = [...current.filter((t) => !t.locked && t.repId !== null), ...current.filter((t) => !t.locked && t.repId === null)];
    for (const t of open.slice(0, k - locked)) keep.add(t.id);
    while (keep.size + created.length < k) created.push(fresh(unnamed(nextId), null));
  }
  return {
    territories: [...current.filter((t) => keep.has(t.id)), ...created],
    created,
    deleted: current.filter((t) => !keep.has(t.id)),
  };
}

/**
 * Colours the created territories once their cells are known: each takes the palette
 * colour least used among the territories that stay, skipping its neighbours' colours.
 * @param owner position in `change.territories` per cell (-1 unassigned)
 * @returns the created territories with their colours
 */
export function colorCreated(change: LayoutChange, owner: Int32Array, graph: Csr): Territory[] {
  const neighbors = territoryNeighbors(graph, owner, change.territories.length);
  const colors = change.territories.map((t) => t.color);
  const first = change.territories.length - change.created.length;
  return change.created.map((t, x) => {
    const at = first + x;
    const avoid = [...neighbors[at]!].map((n) => colors[n]!).filter((c) => c !== '');
    colors[at] = leastUsedColor(colors.filter((c) => c !== ''), avoid);
    return { ...t, color: colors[at]! };
  });
}
