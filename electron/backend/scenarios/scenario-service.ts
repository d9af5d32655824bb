import { performance } from 'node:perf_hooks';
import type { AccountColumns, TerritorySummary } from '../../../shared/contract/api';
import type { DiffCsv, ScenarioComparison, ScenarioFigures } from '../../../shared/contract/scenario-api';
import { targetDeviation } from '../../../shared/domain/metrics/target-deviation';
import type { ScenarioId } from '../../../shared/domain/model/ids';
import { diffCsv } from '../../../shared/domain/scenarios/diff-csv';
import { diffPlans, type DiffSide } from '../../../shared/domain/scenarios/diff-plans';
import { territoryDeltas } from '../../../shared/domain/scenarios/territory-deltas';
import type { Workspace } from '../workspace/workspace';
import { cachedAccountColumns } from '../workspace/account-columns-cache';

/**
 * Read-only scenario analysis: the scenario tree's figures, comparisons of two scenarios
 * and the change list as CSV. Account columns and per-scenario figures are cached per
 * workspace content generation and scenario revision.
 */
export class ScenarioService {
  private readonly cache = new WeakMap<Workspace, { generation: number; figures: Map<string, ScenarioFigures> }>();

  constructor(private readonly workspace: () => Workspace) {}

  /** Figures of every scenario (archived ones too), in creation order. */
  figures(): ScenarioFigures[] {
    const ws = this.workspace();
    const cache = this.cacheOf(ws);
    const scenarios = ws.scenarios();
    const baseline = scenarios.find((s) => s.isBaseline);
    return scenarios.map((s) => {
      const key = `${s.id}:${s.revision}:${baseline?.id ?? 0}:${baseline?.revision ?? 0}`;
      let figures = cache.figures.get(key);
      if (!figures) {
        figures = this.figuresOf(ws, s.id, s.revision, baseline && baseline.id !== s.id ? baseline.id : null);
        cache.figures.set(key, figures);
      }
      return figures;
    });
  }

  /**
   * Compares two scenarios: moved cells, per-territory deltas, the accounts whose territory
   * or rep changes, and the disruption figures.
   * @throws ContractError NOT_FOUND for an unknown scenario
   */
  compare(baseId: ScenarioId, otherId: ScenarioId): ScenarioComparison {
    const started = performance.now();
    const ws = this.workspace();
    const base = ws.scenario(baseId);
    const other = ws.scenario(otherId);
    const measures = ws.measures().map((m) => m.key);
    const accounts = this.accounts(ws);
    const baseTerritories = ws.territories(baseId);
    const otherTerritories = ws.territories(otherId);
    const diff = diffPlans(this.side(ws, baseId, baseTerritories), this.side(ws, otherId, otherTerritories), accounts);
    const capacity = new Map(ws.reps().map((r) => [r.id, r.capacity]));
    const rows = diff.changedRows;
    const cells = ws.cellH3().length;
    const baseSummary = planSummary(baseTerritories, measures, capacity, cells);
    const otherSummary = planSummary(otherTerritories, measures, capacity, cells);
    return {
      base: { id: base.id, name: base.name, revision: base.revision },
      other: { id: other.id, name: other.name, revision: other.revision },
      measures,
      movedCells: diff.movedCells,
      movedFrom: diff.movedFrom,
      movedTo: diff.movedTo,
      territories: territoryDeltas({
        base: baseTerritories,
        other: otherTerritories,
        measures,
        capacityOf: (repId) => (repId !== null ? (capacity.get(repId) ?? 1) : 1),
        gained: diff.gained,
        lost: diff.lost,
      }),
      moved: {
        ids: Array.from(rows, (r) => accounts.ids[r]!),
        names: Array.from(rows, (r) => accounts.names[r]!),
        from: diff.from,
        to: diff.to,
        repChanged: diff.repChanged,
        measures: Object.fromEntries(measures.map((k) => [k, Float64Array.from(rows, (r) => accounts.measures[k]?.[r] ?? Number.NaN)])),
      },
      disruption: {
        totalAccounts: accounts.ids.length,
        movedAccounts: diff.movedAccounts,
        movedShare: diff.movedShare,
        accountsChangingRep: diff.accountsChangingRep,
        movedCells: diff.movedCells.length,
      },
      summary: {
        maxDeviation: Object.fromEntries(measures.map((k) => [k, { before: baseSummary.maxDeviation[k]!, after: otherSummary.maxDeviation[k]! }])),
        meanTravelKm: { before: baseSummary.meanTravelKm, after: otherSummary.meanTravelKm },
        contiguityBreaks: { before: baseSummary.contiguityBreaks, after: otherSummary.contiguityBreaks },
      },
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  /** The change list from `base` to `other` as CSV, named after both scenarios. */
  diffCsv(baseId: ScenarioId, otherId: ScenarioId, bom = false): DiffCsv {
    const comparison = this.compare(baseId, otherId);
    const ws = this.workspace();
    const csv = diffCsv({
      moved: comparison.moved,
      territories: comparison.territories,
      repNames: new Map(ws.reps().map((r) => [r.id, r.name])),
      measures: ws.measures().map((m) => ({ key: m.key, label: m.label })),
      bom,
    });
    const slug = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'scenario';
    return { fileName: `changes-${slug(comparison.base.name)}-to-${slug(comparison.other.name)}.csv`, csv };
  }

  private figuresOf(ws: Workspace, id: ScenarioId, revision: number, baselineId: ScenarioId | null): ScenarioFigures {
    const measures = ws.measures().map((m) => m.key);
    const territories = ws.territories(id);
    const capacity = new Map(ws.reps().map((r) => [r.id, r.capacity]));
    const summary = planSummary(territories, measures, capacity, ws.cellH3().length);
    let vsBaseline: ScenarioFigures['vsBaseline'] = null;
    if (baselineId !== null) {
      const diff = diffPlans(this.side(ws, baselineId, ws.territoryRecords(baselineId)), this.side(ws, id, territories), this.accounts(ws));
      vsBaseline = { baselineId, movedAccounts: diff.movedAccounts, movedShare: diff.movedShare };
    }
    return { scenarioId: id, revision, territories: territories.length, ...summary, vsBaseline };
  }

  private side(ws: Workspace, id: ScenarioId, territories: readonly { id: number; repId: string | null }[]): DiffSide {
    const assignment = ws.assignment(id);
    return {
      territoryOfCell: assignment.territoryOfCell,
      overrides: new Map(assignment.overrides.map((o) => [o.accountId, o.territoryId])),
      repOf: new Map(territories.map((t) => [t.id, t.repId])),
    };
  }

  private accounts(ws: Workspace): AccountColumns {
    return cachedAccountColumns(ws);
  }

  private cacheOf(ws: Workspace) {
    let cache = this.cache.get(ws);
    if (!cache || cache.generation !== ws.generation) {
      cache = { generation: ws.generation, figures: new Map() };
      this.cache.set(ws, cache);
    }
    return cache;
  }
}

/** Plan-level figures from the territory table: Δ per measure, account-weighted mean travel, contiguity breaks, unassigned cells. */
function planSummary(territories: readonly TerritorySummary[], measures: readonly string[], capacity: ReadonlyMap<string, number>, cells: number) {
  const caps = territories.map((t) => (t.repId !== null ? (capacity.get(t.repId) ?? 1) : 1));
  const maxDeviation: Record<string, number> = {};
  for (const key of measures) {
    const deviation = territories.length > 0 ? targetDeviation(territories.map((t) => t.measures[key] ?? 0), caps) : [];
    maxDeviation[key] = deviation.reduce((m, d) => Math.max(m, Math.abs(d)), 0);
  }
  let travelWeight = 0;
  let travelSum = 0;
  let contiguityBreaks = 0;
  let assigned = 0;
  for (const t of territories) {
    contiguityBreaks += t.contiguityBreaks;
    assigned += t.cells;
    if (t.meanDistanceKm !== null && t.accounts > 0) {
      travelWeight += t.accounts;
      travelSum += t.accounts * t.meanDistanceKm;
    }
  }
  return { maxDeviation, meanTravelKm: travelWeight > 0 ? travelSum / travelWeight : null, contiguityBreaks, unassignedCells: cells - assigned };
}
