import { DomainError } from '../model/domain-error';
import { UNASSIGNED, type CellIndex, type TerritoryId } from '../model/ids';
import type { MessageRef } from '../model/message';
import type { Territory } from '../model/territory';
import type { Command, TerritoryPatch } from './command';

/** Read access to the scenario a command is applied to. */
export interface AlignmentView {
  /** Number of cells in the study area; valid cell indices are 0 … cellCount-1. */
  readonly cellCount: number;
  /** The territory a cell is assigned to, or `UNASSIGNED` (-1). */
  territoryOfCell(cell: CellIndex): TerritoryId | typeof UNASSIGNED;
  territory(id: TerritoryId): Territory | undefined;
  /** Cells currently assigned to a territory. */
  cellsOf(id: TerritoryId): CellIndex[];
}

/** One write the caller must persist, in order. */
export type Change =
  | { kind: 'assign'; cells: CellIndex[]; to: TerritoryId | null }
  | { kind: 'territory'; territoryId: TerritoryId; patch: TerritoryPatch }
  | { kind: 'createTerritory'; territory: Territory }
  | { kind: 'deleteTerritory'; territoryId: TerritoryId };

export interface AppliedCommand {
  changes: Change[];
  /** A command that, applied after `changes`, restores the previous state exactly. */
  inverse: Command;
  label: MessageRef;
}

/**
 * Works out what a command changes, its inverse and its undo label, without touching
 * any storage. Cells already in the target territory are skipped, so re-applying a
 * command is harmless and the inverse only restores what really moved.
 *
 * @throws DomainError('CELL_OUT_OF_RANGE' | 'TERRITORY_NOT_FOUND' | 'TERRITORY_LOCKED' | 'INVALID_INPUT')
 * @example applyCommand(view, { type: 'territory.assignCells', cells: [3, 4], to: 2 })
 */
export function applyCommand(view: AlignmentView, command: Command): AppliedCommand {
  const overlay = new Map<CellIndex, TerritoryId | typeof UNASSIGNED>();
  const territoryOverlay = new Map<TerritoryId, Territory | null>();
  const live: AlignmentView = {
    cellCount: view.cellCount,
    territoryOfCell: (cell) => overlay.get(cell) ?? view.territoryOfCell(cell),
    territory: (id) => (territoryOverlay.has(id) ? (territoryOverlay.get(id) ?? undefined) : view.territory(id)),
    cellsOf: (id) => {
      const out = view.cellsOf(id).filter((c) => !overlay.has(c));
      for (const [cell, t] of overlay) if (t === id) out.push(cell);
      return out.sort((a, b) => a - b);
    },
  };
  const changes: Change[] = [];
  const inverses: Command[] = [];
  applyInto(live, command, changes, inverses, overlay, territoryOverlay);
  inverses.reverse();
  const inverse: Command = inverses.length === 1 ? inverses[0]! : { type: 'batch', commands: inverses };
  return { changes, inverse, label: labelOf(view, command) };
}

function applyInto(
  view: AlignmentView,
  command: Command,
  changes: Change[],
  inverses: Command[],
  overlay: Map<CellIndex, TerritoryId | typeof UNASSIGNED>,
  territoryOverlay: Map<TerritoryId, Territory | null>,
): void {
  switch (command.type) {
    case 'batch':
      for (const c of command.commands) applyInto(view, c, changes, inverses, overlay, territoryOverlay);
      return;
    case 'territory.assignCells': {
      const target = command.to === null ? null : requireTerritory(view, command.to);
      if (target?.locked) throw lockedError(target);
      const byPrevious = new Map<TerritoryId | typeof UNASSIGNED, CellIndex[]>();
      const moved: CellIndex[] = [];
      const seen = new Set<CellIndex>();
      for (const cell of command.cells) {
        if (!Number.isInteger(cell) || cell < 0 || cell >= view.cellCount) {
          throw new DomainError('CELL_OUT_OF_RANGE', `Cell ${cell} is not in the study area (0…${view.cellCount - 1}).`);
        }
        if (seen.has(cell)) continue;
        seen.add(cell);
        const previous = view.territoryOfCell(cell);
        const next = command.to ?? UNASSIGNED;
        if (previous === next) continue;
        if (previous !== UNASSIGNED) {
          const from = view.territory(previous);
          if (from?.locked) throw lockedError(from);
        }
        moved.push(cell);
        const group = byPrevious.get(previous);
        if (group) group.push(cell);
        else byPrevious.set(previous, [cell]);
      }
      if (moved.length === 0) return;
      for (const cell of moved) overlay.set(cell, command.to ?? UNASSIGNED);
      changes.push({ kind: 'assign', cells: moved, to: command.to });
      for (const [previous, cells] of byPrevious) {
        inverses.push({ type: 'territory.assignCells', cells, to: previous === UNASSIGNED ? null : previous });
      }
      return;
    }
    case 'territory.update': {
      const current = requireTerritory(view, command.territoryId);
      const patch = command.changes;
      if (patch.name !== undefined && patch.name.trim() === '') {
        throw new DomainError('INVALID_INPUT', 'A territory name cannot be empty.');
      }
      if (patch.color !== undefined && !/^#[0-9a-f]{6}$/i.test(patch.color)) {
        throw new DomainError('INVALID_INPUT', `Colour "${patch.color}" is not of the form #rrggbb.`);
      }
      const before: TerritoryPatch = {};
      if (patch.name !== undefined) before.name = current.name;
      if (patch.color !== undefined) before.color = current.color;
      if (patch.locked !== undefined) before.locked = current.locked;
      if (patch.repId !== undefined) before.repId = current.repId;
      territoryOverlay.set(current.id, { ...current, ...patch });
      changes.push({ kind: 'territory', territoryId: current.id, patch });
      inverses.push({ type: 'territory.update', territoryId: current.id, changes: before });
      return;
    }
    case 'territory.create': {
      const t = command.territory;
      if (!Number.isInteger(t.id) || t.id <= 0) throw new DomainError('INVALID_INPUT', `Territory id ${t.id} must be a positive integer.`);
      if (view.territory(t.id)) throw new DomainError('INVALID_INPUT', `Territory ${t.id} already exists in this scenario.`);
      if (t.name.trim() === '') throw new DomainError('INVALID_INPUT', 'A territory name cannot be empty.');
      if (!/^#[0-9a-f]{6}$/i.test(t.color)) throw new DomainError('INVALID_INPUT', `Colour "${t.color}" is not of the form #rrggbb.`);
      territoryOverlay.set(t.id, t);
      changes.push({ kind: 'createTerritory', territory: t });
      inverses.push({ type: 'territory.delete', territoryId: t.id });
      return;
    }
    case 'territory.delete': {
      const t = requireTerritory(view, command.territoryId);
      if (t.locked) throw lockedError(t);
      const cells = view.cellsOf(t.id);
      if (cells.length > 0) {
        for (const cell of cells) overlay.set(cell, UNASSIGNED);
        changes.push({ kind: 'assign', cells, to: null });
      }
      territoryOverlay.set(t.id, null);
      changes.push({ kind: 'deleteTerritory', territoryId: t.id });
      // One ordered inverse: the territory must exist again before its cells return.
      const restore: Command[] = [{ type: 'territory.create', territory: t }];
      if (cells.length > 0) restore.push({ type: 'territory.assignCells', cells, to: t.id });
      inverses.push(restore.length === 1 ? restore[0]! : { type: 'batch', commands: restore });
      return;
    }
  }
}

function requireTerritory(view: AlignmentView, id: TerritoryId): Territory {
  const territory = view.territory(id);
  if (!territory) throw new DomainError('TERRITORY_NOT_FOUND', `Territory ${id} does not exist in this scenario.`);
  return territory;
}

function lockedError(territory: Territory): DomainError {
  return new DomainError('TERRITORY_LOCKED', `Territory "${territory.name}" is locked; unlock it to change its cells.`);
}

function labelOf(view: AlignmentView, command: Command): MessageRef {
  switch (command.type) {
    case 'batch':
      return command.label ?? { key: 'command.batch', params: { count: command.commands.length } };
    case 'territory.assignCells':
      return command.to === null
        ? { key: 'command.unassignCells', params: { count: command.cells.length } }
        : {
            key: 'command.assignCells',
            params: { count: command.cells.length, territory: view.territory(command.to)?.name ?? String(command.to) },
          };
    case 'territory.update': {
      const name = view.territory(command.territoryId)?.name ?? '';
      const keys = Object.keys(command.changes);
      if (keys.length === 1 && command.changes.name !== undefined) {
        return { key: 'command.renameTerritory', params: { from: name, to: command.changes.name } };
      }
      return { key: 'command.updateTerritory', params: { territory: name } };
    }
    case 'territory.create':
      return { key: 'command.createTerritory', params: { territory: command.territory.name } };
    case 'territory.delete':
      return { key: 'command.deleteTerritory', params: { territory: view.territory(command.territoryId)?.name ?? '' } };
  }
}
