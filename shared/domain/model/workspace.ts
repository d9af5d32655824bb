import type { RepId, ScenarioId } from './ids';

/** A numeric account measure (revenue potential, workload, account count …). */
export interface Measure {
  key: string;
  label: string;
  /** Display unit, e.g. `USD`, `visits/yr`, `accounts`; empty when unitless. */
  unit: string;
  position: number;
}

export interface Rep {
  id: RepId;
  name: string;
  /** Home base in WGS84 degrees. */
  lat: number;
  lon: number;
  /** Relative capacity (1 = a full-time rep); territory targets are proportional to it. */
  capacity: number;
}

export interface ScenarioSummary {
  id: ScenarioId;
  name: string;
  parentId: ScenarioId | null;
  /** ISO-8601 creation time. */
  createdAt: string;
  note: string;
  locked: boolean;
  isBaseline: boolean;
  /** Hidden from the scenario picker until restored. */
  archived: boolean;
  revision: number;
  territories: number;
}

/** Attribution of data a workspace was built from, shown in the About box. */
export interface DataCredit {
  name: string;
  license: string;
  detail: string;
}

/** What a workspace holds, at a glance (also `tessera info --json`). */
export interface WorkspaceInfo {
  path: string;
  name: string;
  schemaVersion: number;
  /** H3 resolution of the study area's cells. */
  resolution: number;
  accounts: number;
  reps: number;
  cells: number;
  scenarios: number;
  measures: string[];
  createdAt: string;
  credits: DataCredit[];
  /** [west, south, east, north] of the study area in degrees, or null when empty. */
  bounds: [number, number, number, number] | null;
}
