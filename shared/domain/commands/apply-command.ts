import { DomainError } from '../model/domain-error';
import { UNASSIGNED, type AccountId, type CellIndex, type RegionId, type TerritoryId } from '../model/ids';
import type { MessageRef } from '../model/message';
import type { Region } from '../model/region';
import type { Territory } from '../model/territory';
import type { Command, TerritoryPatch } from './command';
import { labelOf } from './command-label';

/** Read access to the scenario a command is applied to. */
export interface AlignmentView {
  /** Number of cells in the study area; valid cell indices are 0 … cellCount-1. */
  readonly cellCount: number;
  /** The territory a cell is assigned to, or `UNASSIGNED` (-1). */
  territoryOfCell(cell: CellIndex): TerritoryId | typeof UNASSIGNED;
  territory(id: TerritoryId): Territory | undefined;
  /** Every territory id of the scenario. */
  territoryIds(): TerritoryId[];
  /** Cells currently assigned to a territory. */
  cellsOf(id: TerritoryId): CellIndex[];
  /** The cell an account lies in, or undefined when there is no such account. */
  accountCell(id: AccountId): CellIndex | undefined;
  /** The territory an account is placed in by name, or null when it follows its cell. */
  overrideOf(id: AccountId): TerritoryId | null;
  /** Accounts placed by name in a territory. */
  overridesTo(id: TerritoryId): AccountId[];
  region(id: RegionId): Region | undefined;
  /** Whether a balance must keep the cell in its territory. */
  isPinned(cell: CellIndex): boolean;
}

/** One write the caller must persist, in order. */
export type Change =
  | { kind: 'assign'; cells: CellIndex[]; to: TerritoryId | null }
  | { kind: 'territory'; territoryId: TerritoryId; patch: TerritoryPatch }
  | { kind: 'createTerritory'; territory: Territory }
  | { kind: 'deleteTerritory'; territoryId: TerritoryId }
  | { kind: 'override'; accountIds: AccountId[]; to: TerritoryId | null }
  | { kind: 'region'; regionId: RegionId; patch: { name?: string } }
  | { kind: 'createRegion'; region: Region }
  | { kind: 'deleteRegion'; regionId: RegionId }
  | { kind: 'pin'; cells: CellIndex[]; pinned: boolean };

export interface AppliedCommand {
  changes: Change[];
  /** A command that, applied after `changes`, restores the previous state exactly. */
  inverse: Command;
  label: MessageRef;
}

const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Works out what a command changes, its inverse and its undo label, without touching
 * any storage. Cells already in the target territory are skipped, so re-applying a
 * command is harmless and the inverse only restores what really moved.
 *
 * @throws DomainError('CELL_OUT_OF_RANGE' | 'TERRITORY_NOT_FOUND' | 'ACCOUNT_NOT_FOUND' | 'REGION_NOT_FOUND' | 'TERRITORY_LOCKED' | 'INVALID_INPUT')
 * @example applyCommand(view, { type: 'territory.assignCells', cells: [3, 4], to: 2 })
 */
export function applyCommand(view: AlignmentView, command: Command): AppliedCommand {
  const plan = new Plan(view);
  plan.apply(command);
  const inverses = plan.inverses.reverse();
  const inverse: Command = inverses.length === 1 ? inverses[0]! : { type: 'batch', commands: inverses };
  return { changes: plan.changes, inverse, label: labelOf(view, command) };
}

/** The scenario as seen through the changes planned so far. */
class Plan implements AlignmentView {
  readonly changes: Change[] = [];
  readonly inverses: Command[] = [];
  private readonly cellOverlay = new Map<CellIndex, TerritoryId | typeof UNASSIGNED>();
  private readonly territoryOverlay = new Map<TerritoryId, Territory | null>();
  private readonly overrideOverlay = new Map<AccountId, TerritoryId | null>();
  private readonly regionOverlay = new Map<RegionId, Region | null>();
  private readonly pinOverlay = new Map<CellIndex, boolean>();

  constructor(private readonly base: AlignmentView) {}

  get cellCount(): number {
    return this.base.cellCount;
  }

  territoryOfCell(cell: CellIndex) {
    return this.cellOverlay.get(cell) ?? this.base.territoryOfCell(cell);
  }

  territory(id: TerritoryId): Territory | undefined {
    return this.territoryOverlay.has(id) ? (this.territoryOverlay.get(id) ?? undefined) : this.base.territory(id);
  }

  territoryIds(): TerritoryId[] {
    const ids = new Set(this.base.territoryIds());
    for (const [id, t] of this.territoryOverlay) {
      if (t) ids.add(id);
      else ids.delete(id);
    }
    return [...ids].sort((a, b) => a - b);
  }

  cellsOf(id: TerritoryId): CellIndex[] {
    const out = this.base.cellsOf(id).filter((c) => !this.cellOverlay.has(c));
    for (const [cell, t] of this.cellOverlay) if (t === id) out.push(cell);
    return out.sort((a, b) => a - b);
  }

  accountCell(id: AccountId): CellIndex | undefined {
    return this.base.accountCell(id);
  }

  overrideOf(id: AccountId): TerritoryId | null {
    return this.overrideOverlay.has(id) ? this.overrideOverlay.get(id)! : this.base.overrideOf(id);
  }

  overridesTo(id: TerritoryId): AccountId[] {
    const out = this.base.overridesTo(id).filter((a) => !this.overrideOverlay.has(a));
    for (const [account, t] of this.overrideOverlay) if (t === id) out.push(account);
    return out.sort();
  }

  region(id: RegionId): Region | undefined {
    return this.regionOverlay.has(id) ? (this.regionOverlay.get(id) ?? undefined) : this.base.region(id);
  }

  isPinned(cell: CellIndex): boolean {
    return this.pinOverlay.get(cell) ?? this.base.isPinned(cell);
  }

  apply(command: Command): void {
    switch (command.type) {
      case 'batch':
        for (const c of command.commands) this.apply(c);
        return;
      case 'territory.assignCells':
        return this.assignCells(command.cells, command.to);
      case 'territory.update':
        return this.updateTerritory(command.territoryId, command.changes);
      case 'territory.create':
        return this.createTerritory(command.territory);
      case 'territory.delete':
        return this.deleteTerritory(command.territoryId);
      case 'territory.merge':
        return this.merge(command.from, command.into);
      case 'account.override':
        return this.override(command.accountIds, command.to);
      case 'region.create':
        return this.createRegion(command.region);
      case 'region.update':
        return this.updateRegion(command.regionId, command.changes);
      case 'region.delete':
        return this.deleteRegion(command.regionId);
      case 'cells.pin':
        return this.pin(command.cells, command.pinned);
    }
  }

  private pin(cells: readonly CellIndex[], pinned: boolean): void {
    const changed: CellIndex[] = [];
    for (const cell of cells) {
      if (!Number.isInteger(cell) || cell < 0 || cell >= this.cellCount) {
        throw new DomainError('CELL_OUT_OF_RANGE', `Cell ${cell} is not in the study area (0…${this.cellCount - 1}).`);
      }
      if (this.isPinned(cell) === pinned) continue;
      this.pinOverlay.set(cell, pinned);
      changed.push(cell);
    }
    if (changed.length === 0) return;
    this.changes.push({ kind: 'pin', cells: changed, pinned });
    this.inverses.push({ type: 'cells.pin', cells: changed, pinned: !pinned });
  }

  private assignCells(cells: readonly CellIndex[], to: TerritoryId | null): void {
    const target = to === null ? null : this.requireTerritory(to);
    if (target?.locked) throw lockedError(target);
    const byPrevious = new Map<TerritoryId | typeof UNASSIGNED, CellIndex[]>();
    const moved: CellIndex[] = [];
    const seen = new Set<CellIndex>();
    const next = to ?? UNASSIGNED;
    for (const cell of cells) {
      if (!Number.isInteger(cell) || cell < 0 || cell >= this.cellCount) {
        throw new DomainError('CELL_OUT_OF_RANGE', `Cell ${cell} is not in the study area (0…${this.cellCount - 1}).`);
      }
      if (seen.has(cell)) continue;
      seen.add(cell);
      const previous = this.territoryOfCell(cell);
      if (previous === next) continue;
      if (previous !== UNASSIGNED) {
        const from = this.territory(previous);
        if (from?.locked) throw lockedError(from);
      }
      moved.push(cell);
      const group = byPrevious.get(previous);
      if (group) group.push(cell);
      else byPrevious.set(previous, [cell]);
    }
    if (moved.length === 0) return;
    for (const cell of moved) this.cellOverlay.set(cell, next);
    this.changes.push({ kind: 'assign', cells: moved, to });
    for (const [previous, group] of byPrevious) {
      this.inverses.push({ type: 'territory.assignCells', cells: group, to: previous === UNASSIGNED ? null : previous });
    }
  }

  private updateTerritory(id: TerritoryId, patch: TerritoryPatch): void {
    const current = this.requireTerritory(id);
    if (patch.name !== undefined && patch.name.trim() === '') throw new DomainError('INVALID_INPUT', 'A territory name cannot be empty.');
    if (patch.color !== undefined && !COLOR.test(patch.color)) {
      throw new DomainError('INVALID_INPUT', `Colour "${patch.color}" is not of the form #rrggbb.`);
    }
    if (patch.parentId !== undefined && patch.parentId !== null) this.requireRegion(patch.parentId);
    const before: TerritoryPatch = {};
    if (patch.name !== undefined) before.name = current.name;
    if (patch.color !== undefined) before.color = current.color;
    if (patch.locked !== undefined) before.locked = current.locked;
    if (patch.repId !== undefined) before.repId = current.repId;
    if (patch.parentId !== undefined) before.parentId = current.parentId;
    this.territoryOverlay.set(current.id, { ...current, ...patch });
    this.changes.push({ kind: 'territory', territoryId: current.id, patch });
    this.inverses.push({ type: 'territory.update', territoryId: current.id, changes: before });
  }

  private createTerritory(t: Territory): void {
    if (!Number.isInteger(t.id) || t.id <= 0) throw new DomainError('INVALID_INPUT', `Territory id ${t.id} must be a positive integer.`);
    if (this.territory(t.id)) throw new DomainError('INVALID_INPUT', `Territory ${t.id} already exists in this scenario.`);
    if (t.name.trim() === '') throw new DomainError('INVALID_INPUT', 'A territory name cannot be empty.');
    if (!COLOR.test(t.color)) throw new DomainError('INVALID_INPUT', `Colour "${t.color}" is not of the form #rrggbb.`);
    if (t.parentId !== null) this.requireRegion(t.parentId);
    this.territoryOverlay.set(t.id, t);
    this.changes.push({ kind: 'createTerritory', territory: t });
    this.inverses.push({ type: 'territory.delete', territoryId: t.id });
  }

  private deleteTerritory(id: TerritoryId): void {
    const t = this.requireTerritory(id);
    if (t.locked) throw lockedError(t);
    const cells = this.cellsOf(t.id);
    const named = this.overridesTo(t.id);
    if (named.length > 0) {
      for (const a of named) this.overrideOverlay.set(a, null);
      this.changes.push({ kind: 'override', accountIds: named, to: null });
    }
    if (cells.length > 0) {
      for (const cell of cells) this.cellOverlay.set(cell, UNASSIGNED);
      this.changes.push({ kind: 'assign', cells, to: null });
    }
    this.territoryOverlay.set(t.id, null);
    this.changes.push({ kind: 'deleteTerritory', territoryId: t.id });
    // One ordered inverse: the territory must exist again before its cells and accounts return.
    const restore: Command[] = [{ type: 'territory.create', territory: t }];
    if (cells.length > 0) restore.push({ type: 'territory.assignCells', cells, to: t.id });
    if (named.length > 0) restore.push({ type: 'account.override', accountIds: named, to: t.id });
    this.inverses.push(restore.length === 1 ? restore[0]! : { type: 'batch', commands: restore });
  }

  private merge(from: TerritoryId, into: TerritoryId): void {
    if (from === into) throw new DomainError('INVALID_INPUT', 'A territory cannot be merged into itself.');
    const source = this.requireTerritory(from);
    const target = this.requireTerritory(into);
    if (source.locked) throw lockedError(source);
    if (target.locked) throw lockedError(target);
    this.assignCells(this.cellsOf(from), into);
    const named = this.overridesTo(from);
    if (named.length > 0) this.override(named, into);
    this.deleteTerritory(from);
  }

  private override(accountIds: readonly AccountId[], to: TerritoryId | null): void {
    const target = to === null ? null : this.requireTerritory(to);
    if (target?.locked) throw lockedError(target);
    const byPrevious = new Map<TerritoryId | null, AccountId[]>();
    const changed: AccountId[] = [];
    for (const id of new Set(accountIds)) {
      const cell = this.accountCell(id);
      if (cell === undefined) throw new DomainError('ACCOUNT_NOT_FOUND', `Account "${id}" does not exist in this workspace.`);
      const previous = this.overrideOf(id);
      if (previous === to) continue;
      const effective = previous ?? this.territoryOfCell(cell);
      const from = effective === UNASSIGNED ? undefined : this.territory(effective);
      if (from?.locked) throw lockedError(from);
      changed.push(id);
      const group = byPrevious.get(previous);
      if (group) group.push(id);
      else byPrevious.set(previous, [id]);
    }
    if (changed.length === 0) return;
    for (const id of changed) this.overrideOverlay.set(id, to);
    this.changes.push({ kind: 'override', accountIds: changed, to });
    for (const [previous, group] of byPrevious) this.inverses.push({ type: 'account.override', accountIds: group, to: previous });
  }

  private createRegion(region: Region): void {
    if (!Number.isInteger(region.id) || region.id <= 0) throw new DomainError('INVALID_INPUT', `Region id ${region.id} must be a positive integer.`);
    if (this.region(region.id)) throw new DomainError('INVALID_INPUT', `Region ${region.id} already exists in this scenario.`);
    if (region.name.trim() === '') throw new DomainError('INVALID_INPUT', 'A region name cannot be empty.');
    this.regionOverlay.set(region.id, region);
    this.changes.push({ kind: 'createRegion', region });
    this.inverses.push({ type: 'region.delete', regionId: region.id });
  }

  private updateRegion(id: RegionId, patch: { name?: string }): void {
    const current = this.requireRegion(id);
    if (patch.name !== undefined && patch.name.trim() === '') throw new DomainError('INVALID_INPUT', 'A region name cannot be empty.');
    const before: { name?: string } = {};
    if (patch.name !== undefined) before.name = current.name;
    this.regionOverlay.set(id, { ...current, ...patch });
    this.changes.push({ kind: 'region', regionId: id, patch });
    this.inverses.push({ type: 'region.update', regionId: id, changes: before });
  }

  private deleteRegion(id: RegionId): void {
    const region = this.requireRegion(id);
    const members = this.territoryIds().filter((t) => this.territory(t)?.parentId === id);
    for (const t of members) this.updateTerritory(t, { parentId: null });
    this.regionOverlay.set(id, null);
    this.changes.push({ kind: 'deleteRegion', regionId: id });
    this.inverses.push({ type: 'region.create', region });
  }

  private requireTerritory(id: TerritoryId): Territory {
    const territory = this.territory(id);
    if (!territory) throw new DomainError('TERRITORY_NOT_FOUND', `Territory ${id} does not exist in this scenario.`);
    return territory;
  }

  private requireRegion(id: RegionId): Region {
    const region = this.region(id);
    if (!region) throw new DomainError('REGION_NOT_FOUND', `Region ${id} does not exist in this scenario.`);
    return region;
  }
}

function lockedError(territory: Territory): DomainError {
  return new DomainError('TERRITORY_LOCKED', `Territory "${territory.name}" is locked; unlock it to change its cells or accounts.`);
}
