import type { z } from 'zod';
import type { MessageRef } from '../domain/model/message';
import type { Revision, ScenarioId } from '../domain/model/ids';
import type { PlanFigures } from '../domain/balancing/evaluate-plan';
import type { TerritoryShape } from '../domain/metrics/territory-shape';
import type { Region } from '../domain/model/region';
import type { Territory, TerritoryTotals } from '../domain/model/territory';
import type { TerritoryLayout } from '../domain/model/territory-layout';
import type { DataCredit, Measure, Rep, ScenarioSummary, WorkspaceInfo } from '../domain/model/workspace';
import type { ContractErrorData } from './errors';
import type { ImportJobState, ImportPreview, SavedMapping, StagedFile } from './import-api';
import type { DiffCsv, ScenarioComparison, ScenarioFigures } from './scenario-api';
import type { ResolutionReport } from './resolution-api';
import type { ExportFile, MetricsReport } from './export-api';
import type { ActualsCatalog, ActualsReport, AttainmentReport, GoalSetReport } from './goals-api';
import { argSchemas, type ArgSchemas } from './schemas';

/** Where the backend stands with its workspace file. */
export type WorkspaceStatus =
  | { state: 'none' }
  | { state: 'opening'; path: string }
  | { state: 'open'; info: WorkspaceInfo }
  | { state: 'failed'; path: string; error: ContractErrorData };

export interface AboutInfo {
  name: string;
  version: string;
  /** Data and libraries the app ships, with their licences. */
  credits: DataCredit[];
}

export interface RecentFile {
  path: string;
  name: string;
  /** ISO-8601 time it was last opened. */
  openedAt: string;
  exists: boolean;
}

/**
 * The study area: every design unit (H3 cell) of the workspace, indexed densely.
 * H3 indices travel as two 32-bit halves (h3-js `splitLongToH3Index`).
 */
export interface StudyArea {
  resolution: number;
  h3Hi: Uint32Array;
  h3Lo: Uint32Array;
  /** Cell centroids, degrees. */
  lat: Float32Array;
  lon: Float32Array;
  /** Accounts located in each cell. */
  accounts: Uint32Array;
  /** Area of each cell, km². */
  areaKm2: Float32Array;
  /** measure key → total per cell (for instant sums while editing). */
  measures: Record<string, Float64Array>;
  /** Edge adjacency of the cells in CSR form (neighbours of i: neighbors[offsets[i] … offsets[i+1])). */
  adjacencyOffsets: Int32Array;
  adjacencyNeighbors: Int32Array;
}

/** An account placed in a territory by name, whatever its cell's territory. */
export interface AccountOverride {
  accountId: string;
  territoryId: number;
}

/** A scenario's alignment: the territory of every cell (-1 = unassigned), the named-account overrides and the pinned cells. */
export interface Assignment {
  scenarioId: ScenarioId;
  revision: Revision;
  territoryOfCell: Int32Array;
  overrides: AccountOverride[];
  /** Cells a balance keeps in their territory, ascending. */
  pinned: Int32Array;
}

/** Every account as columns (row i is one account), for the account layer and drag overrides. */
export interface AccountColumns {
  /** Exactly as imported. */
  ids: string[];
  names: string[];
  lat: Float32Array;
  lon: Float32Array;
  /** Study-area cell of each account. */
  cell: Int32Array;
  /** measure key → value per account; NaN where the value is missing. */
  measures: Record<string, Float64Array>;
}

/** A territory with its totals and its shape figures (area, contiguity, compactness, distances). */
export type TerritorySummary = Territory & Omit<TerritoryTotals, 'territoryId'> & Omit<TerritoryShape, 'territoryId'>;

export interface CommandResult {
  revision: Revision;
  label: MessageRef;
}

export interface HistoryState {
  revision: Revision;
  undo: MessageRef | null;
  redo: MessageRef | null;
}

export type BalanceMode = 'build' | 'realign' | 'local';

export interface BalanceMeasure {
  key: string;
  /** Importance in the balance. */
  weight: number;
  /** Tolerance, fraction (0.05 = ±5 %). */
  tolerance: number;
}

export interface BalanceRequest {
  scenarioId: ScenarioId;
  mode: BalanceMode;
  measures: BalanceMeasure[];
  seed: number;
  /** For `local`: the territories that were edited (ids). */
  touched?: number[];
  /** For `build`: the scenario's territories (default), one per rep, or a number of them (created and removed on accept). */
  territories?: TerritoryLayout;
  timeLimitMs?: number;
}

export interface BalanceJobState {
  jobId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  progress: number;
  phase: string;
  error?: string;
}

/** A plan's summary figures, as defined in BENCHMARKS.md (the evaluator's figures without the per-territory rows). */
export type PlanSummary = Omit<PlanFigures, 'perTerritory'>;

/** What a balancing job proposes: the new plan and what it changes. Nothing is written until it is accepted. */
export interface BalanceProposal {
  jobId: number;
  scenarioId: ScenarioId;
  mode: BalanceMode;
  seed: number;
  /** Scenario revision the job started from; accepting needs it unchanged. */
  baseRevision: Revision;
  /** Territory id per cell (-1 unassigned). */
  territoryOfCell: Int32Array;
  /** Cells whose territory changes. */
  movedCells: Int32Array;
  before: PlanSummary;
  after: PlanSummary;
  tolerance: Record<string, number>;
  /** Measures still outside their tolerance, with the granularity that explains it when the ask is below what the cells allow. */
  unmet: { measure: string; tolerance: number; maxDeviation: number; granularity: number; belowGranularity: boolean }[];
  /** Territories a build adds (with their colours) and removes; both empty unless it was asked for one per rep or a number. */
  created: Territory[];
  deleted: { id: number; name: string }[];
  disruption: { movedShare: Record<string, number>; movedLowerBound: Record<string, number>; movedAccounts: number; movedCells: number };
  elapsedMs: number;
}

/** What each method returns. */
export interface Results {
  'app.about': AboutInfo;
  'workspace.status': WorkspaceStatus;
  'workspace.info': WorkspaceInfo;
  'workspace.recent': RecentFile[];
  'workspace.create': WorkspaceStatus;
  'workspace.open': WorkspaceStatus;
  'workspace.openDemo': WorkspaceStatus;
  'workspace.saveAs': WorkspaceStatus;
  'workspace.close': WorkspaceStatus;
  'workspace.setResolution': ResolutionReport;
  'measure.list': Measure[];
  'rep.list': Rep[];
  'scenario.list': ScenarioSummary[];
  'scenario.figures': ScenarioFigures[];
  'scenario.branch': ScenarioSummary;
  'scenario.update': ScenarioSummary;
  'scenario.delete': null;
  'scenario.setBaseline': ScenarioSummary;
  'scenario.promote': CommandResult & { baselineId: ScenarioId };
  'scenario.compare': ScenarioComparison;
  'scenario.diffCsv': DiffCsv;
  'studyArea.get': StudyArea;
  'assignment.get': Assignment;
  'territory.list': TerritorySummary[];
  'region.list': Region[];
  'account.list': AccountColumns;
  'balance.start': { jobId: number };
  'balance.state': BalanceJobState;
  'balance.cancel': BalanceJobState;
  'balance.proposal': BalanceProposal;
  'balance.accept': CommandResult;
  'balance.discard': null;
  'command.execute': CommandResult;
  'command.undo': CommandResult | null;
  'command.redo': CommandResult | null;
  'history.state': HistoryState;
  'import.choose': StagedFile | null;
  'import.preview': ImportPreview;
  'import.start': { jobId: number };
  'import.state': ImportJobState;
  'import.cancel': ImportJobState;
  'import.rejects': { fileName: string; csv: string };
  'import.mappings': SavedMapping[];
  'export.file': ExportFile;
  'export.metrics': MetricsReport;
  'export.save': { path: string } | null;
  'goals.list': GoalSetReport[];
  'goals.set': GoalSetReport;
  'goals.setTerritory': GoalSetReport;
  'goals.recompute': GoalSetReport;
  'actuals.import': ActualsReport;
  'actuals.catalog': ActualsCatalog;
  'attainment.get': AttainmentReport;
}

export type { Delta, DiffCsv, MovedAccounts, ScenarioComparison, ScenarioFigures, TerritoryDelta } from './scenario-api';
export type { ResolutionReport, ScenarioCarryReport } from './resolution-api';
export type { ExportFile, ExportFormat, FileExportFormat, MetricsReport } from './export-api';
export type { ActualsCatalog, ActualsReport, AttainmentReport, GoalSetReport, TerritoryAttainmentRow, TerritoryGoal } from './goals-api';
export type { ImportJobState, ImportPreview, ImportReport, ImportRequest, SavedMapping, StagedFile } from './import-api';

export type Method = keyof ArgSchemas & keyof Results;
export type Args<M extends Method> = z.infer<ArgSchemas[M]>;
export type Result<M extends Method> = Results[M];

/** The whole API as function signatures: one object argument in, plain data out. */
export type Api = { [M in Method]: (args: Args<M>) => Result<M> };

/** Every method name, for adapters and tests that must cover them all. */
export const METHODS = Object.keys(argSchemas) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(argSchemas, name);
}
