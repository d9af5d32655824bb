import type { Command } from '../../../shared/domain/commands/command';

/**
 * The commands that give each cell its new territory: one `territory.assignCells` per
 * target territory id (ascending; -1 unassigns), cells in the order given. Grouping is
 * linear in the cells, as a build moves all of them (1.5M at res 7).
 *
 * @param cells cells that change territory
 * @param targetOf territory id each cell goes to, -1 for none
 */
export function assignCommands(cells: Iterable<number>, targetOf: (cell: number) => number): Command[] {
  const byTarget = new Map<number, number[]>();
  for (const cell of cells) {
    const to = targetOf(cell);
    const list = byTarget.get(to);
    if (list) list.push(cell);
    else byTarget.set(to, [cell]);
  }
  return [...byTarget].sort((a, b) => a[0] - b[0]).map(([to, list]) => ({ type: 'territory.assignCells', cells: list, to: to < 0 ? null : to }));
}
