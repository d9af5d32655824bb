import { ContractError } from '../../../shared/contract/errors';
import type { Command } from '../../../shared/domain/commands/command';
import { DomainError } from '../../../shared/domain/model/domain-error';
import type { Territory } from '../../../shared/domain/model/territory';
import { layoutTerritories, type LayoutChange, type TerritoryLayout } from '../../../shared/domain/model/territory-layout';
import { createTranslator } from '../../../shared/i18n/create-translator';

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

/**
 * The commands of one accepted balance: the territories it removes first (their cells fall
 * free, named accounts in them are released), then the ones it creates, then the cells
 * that move (`assignCommands`).
 */
export function balanceCommands(
  change: { deleted: readonly { id: number }[]; created: readonly Territory[] },
  cells: Iterable<number>,
  targetOf: (cell: number) => number,
): Command[] {
  return [
    ...change.deleted.map((t): Command => ({ type: 'territory.delete', territoryId: t.id })),
    ...change.created.map((territory): Command => ({ type: 'territory.create', territory })),
    ...assignCommands(cells, targetOf),
  ];
}

/** New vacant territories are named in English ("Territory 12"), as the workspace's other defaults. */
const NAMES = createTranslator('en');

/**
 * Which territories a build keeps, creates and removes (`layoutTerritories`), for the
 * backend and the CLI alike.
 * @throws ContractError INVALID_INPUT when the layout cannot be had (K below the locked territories, one per rep without reps)
 */
export function layoutChange(current: readonly Territory[], reps: readonly { id: string; name: string }[], layout: TerritoryLayout): LayoutChange {
  try {
    return layoutTerritories(current, reps, layout, (id) => NAMES.t('territories.newName', { number: String(id) }));
  } catch (error) {
    throw error instanceof DomainError ? new ContractError('INVALID_INPUT', error.message) : error;
  }
}
