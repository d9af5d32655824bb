import type { AccountId, CellIndex, RegionId, RepId, TerritoryId } from '../model/ids';
import type { MessageRef } from '../model/message';
import type { Region } from '../model/region';
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
  /** The region the territory rolls up into (null: none). */
  parentId?: RegionId | null;
}

/** Changes a territory's name, colour, lock, rep or region. */
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

/** Removes a territory; its cells become unassigned and accounts placed in it by name follow their cells again. */
export interface DeleteTerritoryCommand {
  type: 'territory.delete';
  territoryId: TerritoryId;
}

/** Moves every cell and named account of `from` into `into`, then removes `from`. */
export interface MergeTerritoriesCommand {
  type: 'territory.merge';
  from: TerritoryId;
  into: TerritoryId;
}

/**
 * Places named accounts in a territory regardless of their cell's territory (an override
 * that beats the cell); `to: null` removes the override so the accounts follow their cells.
 */
export interface OverrideAccountsCommand {
  type: 'account.override';
  accountIds: AccountId[];
  to: TerritoryId | null;
}

/** Adds a region (its id must be new in the scenario). */
export interface CreateRegionCommand {
  type: 'region.create';
  region: Region;
}

/** Renames a region. */
export interface UpdateRegionCommand {
  type: 'region.update';
  regionId: RegionId;
  changes: { name?: string };
}

/** Removes a region; its territories stay and belong to no region. */
export interface DeleteRegionCommand {
  type: 'region.delete';
  regionId: RegionId;
}

/**
 * Pins cells (or unpins them with `pinned: false`): a balance keeps a pinned cell in its
 * territory, as a locked territory keeps all of its cells. Painting still moves it.
 */
export interface PinCellsCommand {
  type: 'cells.pin';
  cells: CellIndex[];
  pinned: boolean;
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
  | MergeTerritoriesCommand
  | OverrideAccountsCommand
  | CreateRegionCommand
  | UpdateRegionCommand
  | DeleteRegionCommand
  | PinCellsCommand
  | BatchCommand;
