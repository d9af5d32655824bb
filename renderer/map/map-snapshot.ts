import type { TerritorySummary } from '../../shared/contract/api';
import type { Rep } from '../../shared/domain/model/workspace';
import type { MapCells, MapMode } from '../stores/use-app-store';
import type { Rgba } from './color';
import type { DensityScale } from './thematic';
import type { Segment } from './territory-outlines';

/** Everything the map shows right now, for an export that must look the same ("what you see is what you export"). */
export interface MapSnapshot {
  scenarioId: number;
  /** [west, south, east, north] of the visible map, degrees. */
  bounds: [number, number, number, number];
  cells: MapCells;
  fillOf: (cell: number) => Rgba;
  outlines: Segment[];
  reps: readonly Rep[];
  /** Account points in the colour of the territory each counts for, when the account layer is on. */
  accounts: { lon: number; lat: number; color: Rgba }[] | null;
  /** Territory label positions with their names, larger territories first. */
  labels: { lon: number; lat: number; text: string }[];
  mode: MapMode;
  territories: readonly TerritorySummary[];
  selected: number | null;
  /** The measure of the density and deviation modes, with the density classes and the tolerance. */
  measure: { key: string; label: string } | null;
  density: DensityScale | null;
  tolerance: number;
  /** Attainment mode: the goal measure and the flag threshold. */
  attainment: { measure: string; threshold: number } | null;
  /** Cells with no territory exist (the legend then lists "Unassigned"). */
  hasUnassigned: boolean;
}

let provider: (() => MapSnapshot | null) | null = null;

/** The map registers how to take its snapshot; returns the function that unregisters it. */
export function provideMapSnapshot(take: () => MapSnapshot | null): () => void {
  provider = take;
  return () => {
    if (provider === take) provider = null;
  };
}

/** What the map shows now, or null when no map is on screen. */
export function takeMapSnapshot(): MapSnapshot | null {
  return provider?.() ?? null;
}
