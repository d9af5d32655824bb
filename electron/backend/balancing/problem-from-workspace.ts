import { nearestCells, unitVectors } from '../../../shared/domain/balancing/geometry';
import type { BalanceProblem } from '../../../shared/domain/balancing/problem';
import type { ScenarioId } from '../../../shared/domain/model/ids';
import type { Territory } from '../../../shared/domain/model/territory';
import { ContractError } from '../../../shared/contract/errors';
import type { Workspace } from '../workspace/workspace';

export interface MeasureChoice {
  key: string;
  /** Importance in the balance (default 1). */
  weight: number;
  /** Tolerance, fraction. */
  tolerance: number;
}

export interface WorkspaceProblem {
  problem: BalanceProblem;
  /** Territory id per position. */
  territoryIds: number[];
  /** The scenario's plan as positions (-1 unassigned). */
  prior: Int32Array;
  /** Accounts per cell (for "accounts moved"). */
  cellAccounts: Uint32Array;
}

/**
 * @throws ContractError INVALID_INPUT naming the first measure the workspace does not have
 */
export function requireMeasures(ws: Workspace, measures: readonly MeasureChoice[]): void {
  const known = ws.measures().map((m) => m.key);
  for (const m of measures) {
    if (!known.includes(m.key)) throw new ContractError('INVALID_INPUT', `There is no measure "${m.key}" in this workspace (it has ${known.join(', ')}).`);
  }
}

/**
 * Reads what the balancing engine needs from an open workspace: the study area, the
 * chosen measures per cell (accounts placed by name counted as fixed load of their
 * territory instead of their cell), capacities, rep homes (nearest cell), locks (locked
 * territories' cells and pinned cells are frozen) and the scenario's current plan.
 * The problem's territory positions follow `territoryIds`.
 * @throws ContractError INVALID_INPUT naming an unknown measure
 */
export function problemFromWorkspace(
  ws: Workspace,
  scenarioId: ScenarioId,
  measures: readonly MeasureChoice[],
  /** The territories to balance, when a build adds or removes some (`layoutTerritories`); by default the scenario's. */
  layout?: readonly Territory[],
  travelMeasure = 'workload',
): WorkspaceProblem {
  const area = ws.studyAreaData();
  const n = area.lat.length;
  // Records only: the totals and shape figures of `territories()` are not needed here.
  // Cells and named accounts of territories the layout leaves out count as unassigned.
  const territories = layout ?? ws.territoryRecords(scenarioId);
  const reps = new Map(ws.reps().map((r) => [r.id, r]));
  const assignment = ws.assignment(scenarioId);
  requireMeasures(ws, measures);
  const position = new Map(territories.map((t, i) => [t.id, i]));
  const k = territories.length;
  const weights = measures.map((m) => Float64Array.from(area.measures[m.key]!));
  const travel = area.measures[travelMeasure] ? Float64Array.from(area.measures[travelMeasure]) : null;

  // Accounts placed by name: their values leave their cell and belong to their territory.
  let fixedLoad: Float64Array | null = null;
  if (assignment.overrides.length > 0) {
    const accounts = ws.accountColumns();
    const row = new Map(accounts.ids.map((id, i) => [id, i]));
    fixedLoad = new Float64Array(k * measures.length);
    for (const o of assignment.overrides) {
      const r = row.get(o.accountId);
      const t = position.get(o.territoryId);
      if (r === undefined || t === undefined) continue;
      const cell = accounts.cell[r]!;
      measures.forEach((m, a) => {
        const v = accounts.measures[m.key]![r]!;
        if (!Number.isFinite(v)) return;
        weights[a]![cell]! -= v;
        fixedLoad![t * measures.length + a]! += v;
      });
      if (travel) travel[cell] = Math.max(0, travel[cell]! - (accounts.measures[travelMeasure]?.[r] ?? 0));
    }
  }

  const prior = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const t = assignment.territoryOfCell[i]!;
    if (t >= 0) prior[i] = position.get(t) ?? -1;
  }
  const locked = Uint8Array.from(territories, (t) => (t.locked ? 1 : 0));
  const frozen = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (prior[i]! >= 0 && locked[prior[i]!]) frozen[i] = 1;
  // Pinned cells keep their territory too (a pinned cell of a removed territory is free).
  for (const cell of assignment.pinned) if (prior[cell]! >= 0) frozen[cell] = 1;
  const units = unitVectors(area.lat, area.lon);
  const homes = territories.map((t) => (t.repId !== null ? (reps.get(t.repId) ?? null) : null));
  const found = nearestCells(units, homes.filter((h) => h !== null));
  let next = 0;
  const home = Int32Array.from(homes, (h) => (h ? found[next++]! : -1));
  const capacity = territories.map((t) => (t.repId !== null ? (reps.get(t.repId)?.capacity ?? 1) : 1));
  return {
    problem: {
      offsets: area.adjacencyOffsets,
      neighbors: area.adjacencyNeighbors,
      lat: area.lat,
      lon: area.lon,
      weights,
      measureWeights: measures.map((m) => m.weight),
      tolerance: measures.map((m) => m.tolerance),
      travelWeight: travel,
      capacity,
      home,
      frozen,
      locked,
      fixedLoad,
    },
    territoryIds: territories.map((t) => t.id),
    prior,
    cellAccounts: area.accounts,
  };
}
