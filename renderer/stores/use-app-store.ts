import { create } from 'zustand';
import type { AboutInfo, Assignment, HistoryState, RecentFile, TerritorySummary, WorkspaceStatus } from '../../shared/contract/api';
import type { Measure, Rep, ScenarioSummary } from '../../shared/domain/model/workspace';

/** The study area as the map needs it: H3 strings plus per-cell typed arrays. */
export interface MapCells {
  resolution: number;
  h3: string[];
  lat: Float32Array;
  lon: Float32Array;
  accounts: Uint32Array;
}

/**
 * The renderer's mirror of backend read models plus UI state. Never the source of
 * truth: every edit goes to the backend and comes back through a refresh.
 */
export interface AppState {
  status: WorkspaceStatus | null;
  about: AboutInfo | null;
  aboutOpen: boolean;
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
}

export const initialState: AppState = {
  status: null,
  about: null,
  aboutOpen: false,
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
};

export const useAppStore = create<AppState>()(() => initialState);
