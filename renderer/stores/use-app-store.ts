import { create } from 'zustand';
import type {
  AboutInfo,
  ActualsCatalog,
  AttainmentReport,
  GoalSetReport,
  AccountColumns,
  Assignment,
  BalanceJobState,
  BalanceMeasure,
  BalanceProposal,
  HistoryState,
  RecentFile,
  ScenarioComparison,
  ScenarioFigures,
  TerritorySummary,
  WorkspaceStatus,
} from '../../shared/contract/api';
import type { Region } from '../../shared/domain/model/region';
import type { Measure, Rep, ScenarioSummary } from '../../shared/domain/model/workspace';

/** The study area as the map needs it: H3 strings plus per-cell typed arrays. */
export interface MapCells {
  resolution: number;
  h3: string[];
  /** H3 string → dense cell index. */
  index: Map<string, number>;
  lat: Float32Array;
  lon: Float32Array;
  accounts: Uint32Array;
  measures: Record<string, Float64Array>;
  areaKm2: Float32Array;
  offsets: Int32Array;
  neighbors: Int32Array;
}

export type ToolId = 'select' | 'brush' | 'eraser' | 'lasso' | 'rectangle' | 'fill' | 'split' | 'pin';

/** What the cells are coloured by. */
export type MapMode = 'territory' | 'density' | 'deviation' | 'attainment';

/** The goals panel's choices: the goal measure, the period the figures cover (null: all) and the flag threshold. */
export interface GoalsView {
  measure: string | null;
  period: string | null;
  threshold: number;
}

/** Accounts as columns, with the accounts of each cell for hit-testing under the pointer. */
export interface MapAccounts extends AccountColumns {
  /** cell → indices of its accounts. */
  byCell: Map<number, number[]>;
  /** account id → row. */
  row: Map<string, number>;
}

/** An account being dragged onto another territory. */
export interface AccountDrag {
  account: number;
  /** [lon, lat] under the pointer. */
  at: [number, number];
  /** Territory under the pointer (-1: none). */
  target: number;
}

/** An edit in progress on the map (never undoable; one command is sent when it ends). */
export interface Preview {
  cells: number[];
  /** Territory the cells go to; null unassigns (eraser). */
  to: number | null;
  /** Cell under the pointer at the last move, so a fast move is joined up along the grid. */
  lastCell?: number;
}

/**
 * The renderer's mirror of backend read models plus UI state. Never the source of
 * truth: every edit goes to the backend and comes back through a refresh.
 */
export interface AppState {
  status: WorkspaceStatus | null;
  about: AboutInfo | null;
  aboutOpen: boolean;
  /** The import wizard is showing. */
  importOpen: boolean;
  recent: RecentFile[];
  measures: Measure[];
  reps: Rep[];
  scenarios: ScenarioSummary[];
  scenarioId: number | null;
  cells: MapCells | null;
  assignment: Assignment | null;
  territories: TerritorySummary[];
  history: HistoryState | null;
  selectedTerritoryId: number | null;
  loading: boolean;
  /** A message for the error banner (already user-readable). */
  error: string | null;
  /** Bumped by "zoom to fit" so the map refits. */
  fitRequest: number;
  /** What the next fit shows: a territory's bounds, or null for the whole study area. */
  fitTo: [number, number, number, number] | null;
  tool: ToolId;
  /** Brush radius in cell rings (0 = one cell). */
  brushRadius: number;
  preview: Preview | null;
  /** Cells under the brush where the pointer hovers. */
  hoverCells: number[];
  accounts: MapAccounts | null;
  regions: Region[];
  mapMode: MapMode;
  showAccounts: boolean;
  /** Measure that sizes account points (null: all the same size). */
  accountSizeKey: string | null;
  /** Measure the balance (deviation, chart, thematic map) is computed on; null picks workload or the first. */
  balanceKey: string | null;
  tolerancePct: number;
  /** The shape being drawn ([lon, lat] vertices): a lasso, a rectangle's corners or a split line. */
  sketch: { kind: 'polygon' | 'line'; points: [number, number][] } | null;
  /** Account under the pointer (select tool with accounts shown), ready to be dragged. */
  hoverAccount: number | null;
  accountDrag: AccountDrag | null;
  /** The balancing job in progress or just finished. */
  balanceJob: BalanceJobState | null;
  /** Its proposal, shown on the map until accepted or discarded. */
  proposal: BalanceProposal | null;
  /** When set, every edit that moves cells is followed by a local rebalance of the territories it touched, applied as its own undo step. */
  autoRebalance: { measures: BalanceMeasure[]; seed: number } | null;
  /** The automatic rebalance in flight, and what the last one did. */
  autoJob: { jobId: number; territories: number } | null;
  autoStatus: { movedCells: number; territories: number } | null;
  /** What the side panel shows. */
  sidePanel: 'territories' | 'scenarios' | 'goals';
  /** Goal sets of the current scenario, the measures and periods with actuals, and the attainment shown (goals panel, attainment map). */
  goalSets: GoalSetReport[];
  actualsCatalog: ActualsCatalog | null;
  attainment: AttainmentReport | null;
  goalsView: GoalsView;
  /** Summary figures of every scenario, for the scenario tree (refreshed when scenarios change). */
  scenarioFigures: ScenarioFigures[];
  /** The two scenarios being compared; the compare view replaces the workbench while set. */
  compare: { baseId: number; otherId: number } | null;
  /** The comparison of `compare`, once loaded. */
  comparison: ScenarioComparison | null;
}

export const initialState: AppState = {
  status: null,
  about: null,
  aboutOpen: false,
  importOpen: false,
  recent: [],
  measures: [],
  reps: [],
  scenarios: [],
  scenarioId: null,
  cells: null,
  assignment: null,
  territories: [],
  history: null,
  selectedTerritoryId: null,
  loading: false,
  error: null,
  fitRequest: 0,
  fitTo: null,
  tool: 'select',
  brushRadius: 1,
  preview: null,
  hoverCells: [],
  accounts: null,
  regions: [],
  mapMode: 'territory',
  showAccounts: false,
  accountSizeKey: null,
  balanceKey: null,
  tolerancePct: 10,
  sketch: null,
  hoverAccount: null,
  accountDrag: null,
  balanceJob: null,
  proposal: null,
  autoRebalance: null,
  autoJob: null,
  autoStatus: null,
  sidePanel: 'territories',
  goalSets: [],
  actualsCatalog: null,
  attainment: null,
  goalsView: { measure: null, period: null, threshold: 0.9 },
  scenarioFigures: [],
  compare: null,
  comparison: null,
};

export const useAppStore = create<AppState>()(() => initialState);
