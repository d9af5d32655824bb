/**
 * Identifiers used across the workspace.
 *
 * Account and rep ids are strings kept exactly as imported (never coerced to numbers).
 * Cells are dense integer indices into the workspace's study area (0 … cells-1); the H3
 * index itself travels as a 15-character hex string. Scenario and territory ids are
 * small positive integers assigned by the workspace.
 */
export type AccountId = string;
export type RepId = string;
/** Dense index of a study-area cell: 0 ≤ CellIndex < study area size. */
export type CellIndex = number;
/** An H3 index as its canonical lower-case hex string, e.g. `861f05a37ffffff`. */
export type H3Cell = string;
export type ScenarioId = number;
/** Territory ids are unique within a scenario and kept when a scenario is branched. */
export type TerritoryId = number;
/** Region ids are unique within a scenario; a territory's `parentId` names its region. */
export type RegionId = number;
/** A monotonically increasing counter per scenario; bumped by every applied command. */
export type Revision = number;

/** Marks a cell that belongs to no territory in an assignment array. */
export const UNASSIGNED = -1;
