import { ContractError } from '../../../shared/contract/errors';
import type { AttainmentReport, GoalSetReport } from '../../../shared/contract/goals-api';
import { resolveAccountTerritories } from '../../../shared/domain/goals/account-territory';
import { computeAttainment } from '../../../shared/domain/goals/attainment';
import { blendShares } from '../../../shared/domain/goals/blend-shares';
import { spreadToCells, territoryGoals } from '../../../shared/domain/goals/cell-goals';
import { comparePeriods, parsePeriod } from '../../../shared/domain/goals/periods';
import { splitTotal } from '../../../shared/domain/goals/split-total';
import type { ScenarioId } from '../../../shared/domain/model/ids';
import { listGoalSets, loadActuals, saveGoalSet, type GoalSetRow } from '../db/queries/goals';
import { bumpRevision } from '../db/queries/scenarios';
import type { Workspace } from '../workspace/workspace';
import { cachedAccountColumns } from '../workspace/account-columns-cache';

/** How a goal set is derived: a total split by a blend of measures, rounded to a step. */
export interface GoalRequest {
  /** The measure the goal is in (the actuals' measure, e.g. `revenue`). */
  measure: string;
  total: number;
  /** Measure key → weight; the territories' shares of this blend split the total. */
  basis: Record<string, number>;
  /** Every territory's goal is a multiple of this (0: no rounding); the goals still sum to the total. */
  step: number;
}

const MAX_STEP = 1e12;

/**
 * Goals (quotas) per scenario and measure, stored per cell so they follow their cells when
 * the alignment changes; and attainment against them from the actuals per account.
 */
export class GoalService {
  constructor(
    private readonly workspace: () => Workspace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Derives a scenario's goals of a measure from a total: each territory's share of the
   * basis blend (over its cells), rounded to the step with the sum kept exact, spread over
   * its cells in proportion to the blend. Replaces that measure's goal set.
   * @throws ContractError NOT_FOUND for an unknown scenario, INVALID_INPUT for a bad total,
   *   step or basis (unknown measure, no positive weight), SCENARIO_LOCKED
   */
  set(scenarioId: ScenarioId, request: GoalRequest): GoalSetReport {
    const ws = this.workspace();
    const scenario = ws.scenario(scenarioId);
    if (scenario.locked) throw new ContractError('SCENARIO_LOCKED', `Scenario "${scenario.name}" is locked (read-only).`);
    return this.report(ws, scenarioId, this.derive(ws, scenarioId, request));
  }

  /** Derives and stores a goal set (see `set`), whether or not the scenario is locked. */
  private derive(ws: Workspace, scenarioId: ScenarioId, request: GoalRequest): GoalSetRow {
    const scenario = ws.scenario(scenarioId);
    const measure = request.measure.trim();
    if (measure === '' || measure.length > 100) throw new ContractError('INVALID_INPUT', 'Name the measure the goal is in (e.g. revenue).');
    if (!Number.isFinite(request.total) || request.total < 0) throw new ContractError('INVALID_INPUT', `The goal total must be a number ≥ 0, not ${request.total}.`);
    if (!Number.isFinite(request.step) || request.step < 0 || request.step > MAX_STEP) throw new ContractError('INVALID_INPUT', `The rounding step must be a number ≥ 0, not ${request.step}.`);
    const cellBasis = this.cellBasis(ws, request.basis);
    const { territoryOfCell } = ws.assignment(scenarioId);
    const territories = ws.territoryRecords(scenarioId);
    if (territories.length === 0) throw new ContractError('INVALID_INPUT', `Scenario "${scenario.name}" has no territories to set goals for.`);
    const index = new Map(territories.map((t, k) => [t.id, k]));
    const basisOfTerritory = territories.map(() => 0);
    for (let c = 0; c < territoryOfCell.length; c++) {
      const k = index.get(territoryOfCell[c]!);
      if (k !== undefined) basisOfTerritory[k]! += cellBasis[c]!;
    }
    let goals: number[];
    try {
      goals = splitTotal(request.total, basisOfTerritory, request.step);
    } catch (error) {
      throw new ContractError('INVALID_INPUT', (error as Error).message);
    }
    const spread = spreadToCells(new Map(territories.map((t, k) => [t.id, goals[k]!])), territoryOfCell, cellBasis);
    if (spread.unplaced.length > 0) {
      const names = spread.unplaced.map((id) => territories[index.get(id)!]!.name);
      throw new ContractError('INVALID_INPUT', `These territories have no cells, so their share of the goal has nowhere to go: ${names.join(', ')}. Give them cells or delete them first.`);
    }
    const row: GoalSetRow = {
      measure,
      total: request.total,
      basis: { ...request.basis },
      step: request.step,
      resolution: ws.info().resolution,
      cells: spread.perCell,
      updatedAt: this.now().toISOString(),
    };
    ws.db.transaction(() => {
      saveGoalSet(ws.db, scenarioId, row);
      bumpRevision(ws.db, scenarioId);
    })();
    return row;
  }

  /**
   * Sets one territory's goal by hand: spread over its cells in proportion to the goal
   * set's basis (evenly when they hold none). The set's total becomes the new sum.
   * @throws ContractError NOT_FOUND without a goal set of that measure or an unknown territory
   */
  setTerritory(scenarioId: ScenarioId, measure: string, territoryId: number, goal: number): GoalSetReport {
    const ws = this.workspace();
    const scenario = ws.scenario(scenarioId);
    if (scenario.locked) throw new ContractError('SCENARIO_LOCKED', `Scenario "${scenario.name}" is locked (read-only).`);
    if (!Number.isFinite(goal) || goal < 0) throw new ContractError('INVALID_INPUT', `A goal must be a number ≥ 0, not ${goal}.`);
    const set = this.current(ws, scenarioId, measure);
    if (!ws.territoryRecords(scenarioId).some((t) => t.id === territoryId)) throw new ContractError('NOT_FOUND', `Scenario "${scenario.name}" has no territory ${territoryId}.`);
    const { territoryOfCell } = ws.assignment(scenarioId);
    const cellBasis = this.cellBasis(ws, set.basis);
    const mine = spreadToCells(new Map([[territoryId, goal]]), territoryOfCell, cellBasis);
    if (mine.unplaced.length > 0) throw new ContractError('INVALID_INPUT', 'This territory has no cells, so a goal has nowhere to go.');
    const cells = Float64Array.from(set.cells);
    for (let c = 0; c < cells.length; c++) if (territoryOfCell[c] === territoryId) cells[c] = mine.perCell[c]!;
    const total = cells.reduce((a, b) => a + b, 0);
    const row: GoalSetRow = { ...set, cells, total, updatedAt: this.now().toISOString() };
    ws.db.transaction(() => {
      saveGoalSet(ws.db, scenarioId, row);
      bumpRevision(ws.db, scenarioId);
    })();
    return this.report(ws, scenarioId, row);
  }

  /** Derives a goal set again from its total, basis and step under the current alignment. */
  recompute(scenarioId: ScenarioId, measure: string): GoalSetReport {
    const ws = this.workspace();
    const current = this.current(ws, scenarioId, measure);
    return this.set(scenarioId, { measure, total: current.total, basis: current.basis, step: current.step });
  }

  /**
   * Every goal set of a scenario with its territory goals under the scenario's current
   * alignment: its own, then the baseline's of the measures it has none of (those per-cell
   * goals under this scenario's alignment, marked `inheritedFrom`).
   */
  list(scenarioId: ScenarioId): GoalSetReport[] {
    const ws = this.workspace();
    ws.scenario(scenarioId);
    const own = listGoalSets(ws.db, scenarioId);
    const out = own.map((set) => this.report(ws, scenarioId, this.atCurrentResolution(ws, scenarioId, set)));
    const baseline = ws.baseline();
    if (baseline && baseline.id !== scenarioId) {
      for (const set of listGoalSets(ws.db, baseline.id)) {
        if (own.some((o) => o.measure === set.measure)) continue;
        out.push({ ...this.report(ws, scenarioId, this.atCurrentResolution(ws, baseline.id, set)), inheritedFrom: baseline.name });
      }
    }
    return out;
  }

  /**
   * Attainment of a scenario for one measure: per territory and period, actual against the
   * goal, trend and potential left (`potential` measure minus actual), flags below `threshold`.
   * @throws ContractError NOT_FOUND without goals of that measure, INVALID_INPUT without
   *   actuals of it or for an unknown period or potential measure
   */
  attainment(
    scenarioId: ScenarioId,
    options: { measure: string; periods?: readonly string[]; threshold: number; potential?: string },
  ): AttainmentReport {
    const ws = this.workspace();
    const scenario = ws.scenario(scenarioId);
    if (!Number.isFinite(options.threshold) || options.threshold < 0) throw new ContractError('INVALID_INPUT', `The threshold must be a fraction ≥ 0 (0.9 = 90 %), not ${options.threshold}.`);
    const set = this.current(ws, scenarioId, options.measure);
    const actuals = loadActuals(ws.db, options.measure);
    if (actuals.accountId.length === 0) throw new ContractError('INVALID_INPUT', `There are no actuals of "${options.measure}"; import them first (tessera import actuals).`);
    const periods = [...new Set(actuals.period)].sort(comparePeriods);
    const periodIndex = new Map(periods.map((p, i) => [p, i]));
    const selected = options.periods?.map((text) => {
      const key = parsePeriod(text)?.key;
      const at = key === undefined ? undefined : periodIndex.get(key);
      if (at === undefined) throw new ContractError('INVALID_INPUT', `There are no actuals for period "${text}" (there are: ${periods.join(', ')}).`);
      return at;
    });
    const accounts = cachedAccountColumns(ws);
    const row = new Map(accounts.ids.map((id, i) => [id, i]));
    const { territoryOfCell, overrides } = ws.assignment(scenarioId);
    const overrideOfAccount = new Map<number, number>();
    for (const o of overrides) {
      const r = row.get(o.accountId);
      if (r !== undefined) overrideOfAccount.set(r, o.territoryId);
    }
    const accountTerritory = resolveAccountTerritories(accounts.cell, territoryOfCell, overrideOfAccount);
    // Actuals of accounts that are no longer in the workspace count as unassigned: an extra row with no territory.
    const orphan = accounts.ids.length;
    const territoryOfRow = Int32Array.from({ length: orphan + 1 }, (_, i) => (i < orphan ? accountTerritory[i]! : -1));
    const sparse = {
      row: Int32Array.from(actuals.accountId, (id) => row.get(id) ?? orphan),
      period: Int32Array.from(actuals.period, (p) => periodIndex.get(p)!),
      value: actuals.value,
    };
    const territories = ws.territoryRecords(scenarioId);
    const goals = territoryGoals(set.cells, territoryOfCell);
    let potentialOfTerritory: Map<number, number> | undefined;
    const potentialKey = options.potential ?? Object.keys(set.basis).find((k) => (set.basis[k] ?? 0) > 0);
    if (potentialKey !== undefined) {
      const values = accounts.measures[potentialKey];
      if (!values) throw new ContractError('INVALID_INPUT', `There is no account measure "${potentialKey}" to take the potential from.`);
      potentialOfTerritory = new Map();
      for (let i = 0; i < values.length; i++) {
        const t = accountTerritory[i]!;
        if (t >= 0 && Number.isFinite(values[i]!)) potentialOfTerritory.set(t, (potentialOfTerritory.get(t) ?? 0) + values[i]!);
      }
    }
    const result = computeAttainment({
      territoryIds: territories.map((t) => t.id),
      accountTerritory: territoryOfRow,
      actuals: sparse,
      periods,
      goalOfTerritory: goals,
      ...(potentialOfTerritory ? { potentialOfTerritory } : {}),
      ...(selected ? { selected } : {}),
      threshold: options.threshold,
    });
    const names = new Map(territories.map((t) => [t.id, t.name]));
    const r = (v: number) => Math.round(v * 1e6) / 1e6;
    const rn = (v: number | null) => (v === null ? null : r(v));
    const byTerritory = new Map(result.territories.map((t) => [t.territoryId, t]));
    const regions = ws.regions(scenarioId).map((region) => {
      const members = territories.filter((t) => t.parentId === region.id).map((t) => byTerritory.get(t.id)!);
      const goal = members.reduce((s, t) => s + t.goal, 0);
      const actual = members.reduce((s, t) => s + t.actual, 0);
      const attainment = goal > 0 ? actual / goal : null;
      return { id: region.id, name: region.name, territories: members.length, goal: r(goal), actual: r(actual), attainment: rn(attainment), flagged: attainment !== null && attainment < options.threshold };
    });
    return {
      scenario: scenario.name,
      measure: options.measure,
      periods,
      selected: selected ? selected.map((i) => periods[i]!) : periods,
      threshold: options.threshold,
      potential: potentialKey ?? null,
      territories: result.territories.map((t) => ({
        id: t.territoryId,
        name: names.get(t.territoryId) ?? '',
        goal: r(t.goal),
        actual: r(t.actual),
        attainment: rn(t.attainment),
        potentialLeft: rn(t.potentialLeft),
        trend: rn(t.trend),
        flagged: t.flagged,
        byPeriod: periods.map((p, i) => ({ period: p, actual: r(t.actualByPeriod[i]!), goal: r(t.goalPerPeriod), attainment: rn(t.attainmentByPeriod[i] ?? null) })),
      })),
      regions,
      totals: { goal: r(result.totals.goal), actual: r(result.totals.actual), attainment: rn(result.totals.attainment) },
      unassignedActual: r(result.unassigned.actual),
      flagged: result.flagged,
    };
  }

  /**
   * The goal set of a measure at the workspace's resolution: the scenario's own, else the
   * baseline's (its per-cell goals, read under this scenario's alignment).
   * @throws ContractError NOT_FOUND when neither has one
   */
  private current(ws: Workspace, scenarioId: ScenarioId, measure: string): GoalSetRow {
    const own = listGoalSets(ws.db, scenarioId).find((s) => s.measure === measure);
    if (own) return this.atCurrentResolution(ws, scenarioId, own);
    const baseline = ws.baseline();
    const inherited = baseline && baseline.id !== scenarioId ? listGoalSets(ws.db, baseline.id).find((s) => s.measure === measure) : undefined;
    if (inherited && baseline) return this.atCurrentResolution(ws, baseline.id, inherited);
    throw new ContractError('NOT_FOUND', `Scenario "${ws.scenario(scenarioId).name}" has no goals of "${measure}"; set them first (tessera goals set).`);
  }

  /**
   * A goal set whose cells are of another resolution (the workspace's changed since) is
   * derived again from its total, basis and step; one the study area outgrew gets 0 on the
   * new cells.
   */
  private atCurrentResolution(ws: Workspace, scenarioId: ScenarioId, set: GoalSetRow): GoalSetRow {
    const cellCount = ws.cellH3().length;
    if (set.resolution !== ws.info().resolution) return this.derive(ws, scenarioId, { measure: set.measure, total: set.total, basis: set.basis, step: set.step });
    if (set.cells.length >= cellCount) return set;
    const cells = new Float64Array(cellCount);
    cells.set(set.cells);
    return { ...set, cells };
  }

  /** Per cell: Σ_m weight_m × value_m / total_m over the basis measures (each measure's share, blended). */
  private cellBasis(ws: Workspace, basis: Record<string, number>): Float64Array {
    const area = ws.studyAreaData();
    const known = ws.measures().map((m) => m.key);
    const entries = Object.entries(basis);
    if (entries.length === 0 || !entries.some(([, w]) => w > 0)) throw new ContractError('INVALID_INPUT', 'Give at least one measure with a positive weight to split the goal by.');
    for (const [key, weight] of entries) {
      if (!known.includes(key)) throw new ContractError('INVALID_INPUT', `There is no measure "${key}" to split the goal by (there are: ${known.join(', ')}).`);
      if (!Number.isFinite(weight) || weight < 0) throw new ContractError('INVALID_INPUT', `The weight of "${key}" must be a number ≥ 0.`);
    }
    const n = ws.cellH3().length;
    const values: Record<string, number[]> = {};
    for (const [key] of entries) values[key] = Array.from(area.measures[key] ?? new Float64Array(n));
    // blendShares over cells gives each cell's share of the blend; the scale does not matter for spreading.
    return Float64Array.from(blendShares(values, basis));
  }

  private report(ws: Workspace, scenarioId: ScenarioId, set: GoalSetRow): GoalSetReport {
    const { territoryOfCell } = ws.assignment(scenarioId);
    const goals = territoryGoals(set.cells, territoryOfCell);
    const r = (v: number) => Math.round(v * 1e6) / 1e6;
    return {
      measure: set.measure,
      total: r(set.total),
      basis: set.basis,
      step: set.step,
      updatedAt: set.updatedAt,
      territories: ws.territoryRecords(scenarioId).map((t) => ({ id: t.id, name: t.name, goal: r(goals.get(t.id) ?? 0) })),
      unassigned: r(goals.get(-1) ?? 0),
      inheritedFrom: null,
    };
  }
}
