import type { CellIndex, RepId, TerritoryId } from '../model/ids';
import type { MessageRef } from '../model/message';
import type { Territory } from '../model/territory';

/** Assigns cells to a territory (`to: null` unassigns them). */
export interface AssignCellsCommand {
  type: 'territory.assignCells';
  cells: CellIndex[];
  to: TerritoryId | null;
}

/** The editable properties of a territory. */
export interface TerritoryPatch {
  name?: string;
  color?: string;
  locked?: boolean;
  repId?: RepId | null;
}

/** Changes a territory's name, colour, lock or rep. */
export interface UpdateTerritoryCommand {
  type: 'territory.update';
  territoryId: TerritoryId;
  changes: TerritoryPatch;
}

/** Adds a territory (its id must be new in the scenario). */
export interface CreateTerritoryCommand {
  type: 'territory.create';
  territory: Territory;
}

/** Removes a territory; its cells become unassigned. */
export interface DeleteTerritoryCommand {
  type: 'territory.delete';
  territoryId: TerritoryId;
}

/** Several commands applied in order as one undo step. */
export interface BatchCommand {
  type: 'batch';
  commands: Command[];
  /** The undo label; defaults to "N edits". */
  label?: MessageRef;
}

/** An edit to a scenario, as serialisable data. Every command has an exact inverse. */
export type Command =
  | AssignCellsCommand
  | UpdateTerritoryCommand
  | CreateTerritoryCommand
  | DeleteTerritoryCommand
  | BatchCommand;
