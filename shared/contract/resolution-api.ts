import type { ScenarioId } from '../domain/model/ids';

/** What a scenario's alignment became when the workspace changed resolution. */
export interface ScenarioCarryReport {
  scenarioId: ScenarioId;
  name: string;
  /**
   * Accounts whose territory (by their cell; named-account overrides are kept as they
   * were and left aside here) is not the one they had before.
   */
  accountsChanged: number;
  /** The first 1,000 of them, by account id. */
  changedAccountIds: string[];
  /** Cells left unassigned although the cells or accounts they took over had a territory. */
  cellsUnassigned: number;
}

/** The outcome of `workspace.setResolution`: the study area and every scenario at the new resolution. */
export interface ResolutionReport {
  from: number;
  to: number;
  cellsBefore: number;
  cellsAfter: number;
  elapsedMs: number;
  /** Undo/redo rows deleted (every scenario's history: commands name cells, which were renumbered). */
  historyCleared: number;
  scenarios: ScenarioCarryReport[];
}
