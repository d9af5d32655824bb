import type { Command } from '../../../shared/domain/commands/command';
import { leastUsedColor } from '../../../shared/domain/model/palette';
import type { Territory } from '../../../shared/domain/model/territory';

/** Colours of the territories that share a cell edge with territory `id`. */
function neighbourColors(graph: { offsets: Int32Array; neighbors: Int32Array }, owner: Int32Array, id: number, territories: readonly Territory[]) {
  const touching = new Set<number>();
  for (let i = 0; i < owner.length; i++) {
    if (owner[i] !== id) continue;
    for (let e = graph.offsets[i]!; e < graph.offsets[i + 1]!; e++) {
      const t = owner[graph.neighbors[e]!]!;
      if (t >= 0 && t !== id) touching.add(t);
    }
  }
  return territories.filter((t) => touching.has(t.id)).map((t) => t.color);
}

/**
 * The one command (an undo step) that moves `cells` of `source` into a new territory: a
 * fresh id, a palette colour none of its neighbours wears, the source's region.
 */
export function splitOffCommand(
  source: Territory,
  cells: number[],
  territories: readonly Territory[],
  graph: { offsets: Int32Array; neighbors: Int32Array },
  owner: Int32Array,
  nameOf: (id: number) => string,
): Command {
  const id = territories.reduce((m, t) => Math.max(m, t.id), 0) + 1;
  const color = leastUsedColor(
    territories.map((t) => t.color),
    [source.color, ...neighbourColors(graph, owner, source.id, territories)],
  );
  return {
    type: 'batch',
    label: { key: 'command.splitTerritory', params: { territory: source.name, count: cells.length } },
    commands: [
      { type: 'territory.create', territory: { id, name: nameOf(id), color, repId: null, parentId: source.parentId, locked: false } },
      { type: 'territory.assignCells', cells, to: id },
    ],
  };
}
