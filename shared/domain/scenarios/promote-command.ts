import { DomainError } from '../model/domain-error';
import { UNASSIGNED, type AccountId, type TerritoryId } from '../model/ids';
import type { Region } from '../model/region';
import type { Territory } from '../model/territory';
import type { Command, TerritoryPatch } from '../commands/command';

/** A scenario's plan as data: territories, regions, the territory of every cell, the named-account overrides and the pinned cells. */
export interface PlanState {
  territories: readonly Territory[];
  regions: readonly Region[];
  territoryOfCell: Int32Array;
  overrides: ReadonlyMap<AccountId, TerritoryId>;
  pinned: ReadonlySet<number>;
}

/**
 * The one command that turns the `target` plan (the baseline) into the `source` plan (the
 * scenario being promoted): regions and territories created, edited or removed, every
 * differing cell and override moved. Applied as one batch it is one undo step, and its
 * inverse restores the baseline exactly.
 *
 * Locked territories of the baseline are unlocked first and the source's locks are set
 * last, so a lock never blocks the promotion itself.
 * @throws DomainError('INVALID_INPUT') when the two plans are already the same or the study areas differ
 */
export function promoteCommand(target: PlanState, source: PlanState, sourceName: string): Command {
  if (target.territoryOfCell.length !== source.territoryOfCell.length) {
    throw new DomainError('INVALID_INPUT', 'The two scenarios are on different study areas.');
  }
  const commands: Command[] = [];
  const targetRegions = new Map(target.regions.map((r) => [r.id, r]));
  const sourceRegions = new Map(source.regions.map((r) => [r.id, r]));
  for (const r of source.regions) {
    const old = targetRegions.get(r.id);
    if (!old) commands.push({ type: 'region.create', region: { ...r } });
    else if (old.name !== r.name) commands.push({ type: 'region.update', regionId: r.id, changes: { name: r.name } });
  }

  const targetTerritories = new Map(target.territories.map((t) => [t.id, t]));
  const sourceTerritories = new Map(source.territories.map((t) => [t.id, t]));
  for (const t of target.territories) {
    if (t.locked) commands.push({ type: 'territory.update', territoryId: t.id, changes: { locked: false } });
  }
  for (const t of source.territories) {
    const old = targetTerritories.get(t.id);
    if (!old) {
      commands.push({ type: 'territory.create', territory: { ...t, locked: false } });
      continue;
    }
    const patch: TerritoryPatch = {};
    if (old.name !== t.name) patch.name = t.name;
    if (old.color !== t.color) patch.color = t.color;
    if (old.repId !== t.repId) patch.repId = t.repId;
    if (old.parentId !== t.parentId) patch.parentId = t.parentId;
    if (Object.keys(patch).length > 0) commands.push({ type: 'territory.update', territoryId: t.id, changes: patch });
  }

  const cellsByTarget = new Map<TerritoryId | typeof UNASSIGNED, number[]>();
  for (let i = 0; i < source.territoryOfCell.length; i++) {
    const to = source.territoryOfCell[i]!;
    if (to === target.territoryOfCell[i]) continue;
    const group = cellsByTarget.get(to);
    if (group) group.push(i);
    else cellsByTarget.set(to, [i]);
  }
  for (const [to, cells] of cellsByTarget) commands.push({ type: 'territory.assignCells', cells, to: to === UNASSIGNED ? null : to });

  const accountsByTarget = new Map<TerritoryId | null, AccountId[]>();
  const addAccount = (to: TerritoryId | null, id: AccountId) => {
    const group = accountsByTarget.get(to);
    if (group) group.push(id);
    else accountsByTarget.set(to, [id]);
  };
  for (const [id, to] of source.overrides) if (target.overrides.get(id) !== to) addAccount(to, id);
  for (const id of target.overrides.keys()) if (!source.overrides.has(id)) addAccount(null, id);
  for (const [to, accountIds] of accountsByTarget) commands.push({ type: 'account.override', accountIds, to });
  const pin = [...source.pinned].filter((cell) => !target.pinned.has(cell));
  const unpin = [...target.pinned].filter((cell) => !source.pinned.has(cell));
  if (pin.length > 0) commands.push({ type: 'cells.pin', cells: pin, pinned: true });
  if (unpin.length > 0) commands.push({ type: 'cells.pin', cells: unpin, pinned: false });

  for (const t of target.territories) if (!sourceTerritories.has(t.id)) commands.push({ type: 'territory.delete', territoryId: t.id });
  for (const t of source.territories) if (t.locked) commands.push({ type: 'territory.update', territoryId: t.id, changes: { locked: true } });
  for (const r of target.regions) if (!sourceRegions.has(r.id)) commands.push({ type: 'region.delete', regionId: r.id });

  const unlocksAndRelocksOnly = commands.every(
    (c) => c.type === 'territory.update' && Object.keys(c.changes).length === 1 && c.changes.locked !== undefined && isRelock(c, source, target),
  );
  if (commands.length === 0 || unlocksAndRelocksOnly) {
    throw new DomainError('INVALID_INPUT', `“${sourceName}” already has the same plan as the baseline.`);
  }
  return { type: 'batch', commands, label: { key: 'command.promote', params: { name: sourceName } } };
}

/** A lock change that only undoes the temporary unlock (the territory is locked the same way in both plans). */
function isRelock(c: Extract<Command, { type: 'territory.update' }>, source: PlanState, target: PlanState): boolean {
  const before = target.territories.find((t) => t.id === c.territoryId)?.locked;
  const after = source.territories.find((t) => t.id === c.territoryId)?.locked;
  return before === after;
}
