import { basename } from 'node:path';
import { h3IndexToSplitLong } from 'h3-js';
import type { AccountColumns, Assignment, CommandResult, HistoryState, StudyArea, TerritorySummary } from '../../../shared/contract/api';
import { ContractError } from '../../../shared/contract/errors';
import { applyCommand, type AlignmentView, type Change } from '../../../shared/domain/commands/apply-command';
import type { Command } from '../../../shared/domain/commands/command';
import { DomainError } from '../../../shared/domain/model/domain-error';
import { pointBounds } from '../../../shared/domain/geo/point-bounds';
import type { ScenarioId } from '../../../shared/domain/model/ids';
import { computeTerritoryTotals } from '../../../shared/domain/metrics/territory-totals';
import { territoryShapes } from '../../../shared/domain/metrics/territory-shape';
import { cellAreasKm2 } from '../../../shared/domain/h3/cell-areas';
import type { Region } from '../../../shared/domain/model/region';
import type { Territory } from '../../../shared/domain/model/territory';
import type { DataCredit, Measure, Rep, ScenarioSummary, WorkspaceInfo } from '../../../shared/domain/model/workspace';
import type { Db } from '../db/db-types';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { createDb, openDb } from '../db/open-db';
import { accountCell, accountCount, loadAccountColumns, loadAccountPostalCodes, loadCellTotals } from '../db/queries/accounts';
import { assignCells, listOverrides, listPinned, loadAssignment, loadOverrides, setOverrides, setPinned } from '../db/queries/assignments';
import { markUndone, peekRedo, peekUndo, pushHistory } from '../db/queries/history';
import { listMeasures } from '../db/queries/measures';
import { getMeta, setMeta } from '../db/queries/meta';
import { listReps, repCount } from '../db/queries/reps';
import {
  bumpRevision,
  copyScenarioContent,
  deleteScenario,
  getScenario,
  insertScenario,
  listScenarios,
  scenarioCount,
  setBaseline,
  updateScenario,
  type ScenarioPatch,
} from '../db/queries/scenarios';
import { promoteCommand, type PlanState } from '../../../shared/domain/scenarios/promote-command';
import { loadAdjacency, loadCellAreas, loadStudyArea, type StoredStudyArea } from '../db/queries/study-area';
import { deleteRegion, insertRegion, listRegions, updateRegion } from '../db/queries/regions';
import { deleteTerritory, insertTerritories, listTerritories, updateTerritory } from '../db/queries/territories';

/**
 * One open workspace file: the only writer of its SQLite database. Reads are served
 * from caches that are updated only after a write transaction commits.
 */
export class Workspace {
  private area: StoredStudyArea | null = null;
  /** The study area as `studyArea.get` sends it; the study area does not change while open. */
  private packed: Omit<StudyArea, 'measures'> | null = null;
  private totals: Record<string, Float64Array> | null = null;
  private readonly assignments = new Map<ScenarioId, Int32Array>();
  /** Bumped whenever content outside scenarios changes (an import), so derived caches keyed on it expire. */
  private contentGeneration = 0;

  private constructor(
    readonly path: string,
    readonly db: Db,
    private readonly now: () => Date,
  ) {}

  static open(path: string, now: () => Date): Workspace {
    return new Workspace(path, openDb(path), now);
  }

  /** The name of the empty baseline scenario that a new workspace starts with. */
  static readonly NEW_BASELINE = 'Baseline';

  /**
   * Creates an empty workspace at `resolution`; fill it with `writeWorkspaceContent`, or
   * give it an empty `baseline` scenario (a new workspace a user starts from: accounts
   * imported into it are then on the map, and territories can be drawn on it at once).
   */
  static create(path: string, resolution: number, now: () => Date, options: { baseline?: string } = {}): Workspace {
    const db = createDb(path);
    const createdAt = now().toISOString();
    db.transaction(() => {
      setMeta(db, 'name', basename(path).replace(/\.tessera$/i, ''));
      setMeta(db, 'created_at', createdAt);
      setMeta(db, 'resolution', String(resolution));
      if (options.baseline) insertScenario(db, { name: options.baseline, createdAt, isBaseline: true });
    })();
    return new Workspace(path, db, now);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Copies the workspace to `target` with SQLite's online backup (consistent, even mid-session). */
  async backupTo(target: string): Promise<void> {
    await this.db.backup(target);
  }

  /** Drops every cache; the next read comes from the file (after an import rewrote content). */
  reload(): void {
    this.contentGeneration++;
    this.area = null;
    this.packed = null;
    this.totals = null;
    this.assignments.clear();
  }

  /** Changes whenever accounts, measures or the study area change (not on scenario edits). */
  get generation(): number {
    return this.contentGeneration;
  }

  /** The study area's H3 cells in index order. */
  cellH3(): readonly string[] {
    return this.studyArea().h3;
  }

  /** The study area's cells and adjacency, for writing an imported alignment. */
  grid() {
    const area = this.studyArea();
    const packed = this.studyAreaData();
    return {
      h3: area.h3,
      lat: area.lat,
      lon: area.lon,
      graph: { offsets: packed.adjacencyOffsets, neighbors: packed.adjacencyNeighbors },
      resolution: packed.resolution,
    };
  }

  private studyArea(): StoredStudyArea {
    this.area ??= loadStudyArea(this.db);
    return this.area;
  }

  info(): WorkspaceInfo {
    const area = this.studyArea();
    return {
      path: this.path,
      name: getMeta(this.db, 'name') ?? basename(this.path),
      schemaVersion: SCHEMA_VERSION,
      resolution: Number(getMeta(this.db, 'resolution') ?? 0),
      accounts: accountCount(this.db),
      reps: repCount(this.db),
      cells: area.h3.length,
      scenarios: scenarioCount(this.db),
      measures: listMeasures(this.db).map((m) => m.key),
      createdAt: getMeta(this.db, 'created_at') ?? '',
      credits: JSON.parse(getMeta(this.db, 'credits') ?? '[]') as DataCredit[],
      bounds: pointBounds(area.lat, area.lon),
    };
  }

  studyAreaData(): StudyArea {
    this.packed ??= this.packStudyArea();
    return { ...this.packed, measures: this.cellTotals() };
  }

  private packStudyArea(): Omit<StudyArea, 'measures'> {
    const area = this.studyArea();
    const n = area.h3.length;
    const graph = loadAdjacency(this.db) ?? { offsets: new Int32Array(n + 1), neighbors: new Int32Array(0) };
    const h3Hi = new Uint32Array(n);
    const h3Lo = new Uint32Array(n);
    area.h3.forEach((h, i) => {
      const [lo, hi] = h3IndexToSplitLong(h);
      h3Lo[i] = lo;
      h3Hi[i] = hi;
    });
    return {
      resolution: Number(getMeta(this.db, 'resolution') ?? 0),
      h3Hi,
      h3Lo,
      lat: Float32Array.from(area.lat),
      lon: Float32Array.from(area.lon),
      accounts: area.accounts,
      areaKm2: Float32Array.from(loadCellAreas(this.db) ?? cellAreasKm2(area.h3)),
      adjacencyOffsets: graph.offsets,
      adjacencyNeighbors: graph.neighbors,
    };
  }

  private cellTotals(): Record<string, Float64Array> {
    this.totals ??= loadCellTotals(this.db, this.measures(), this.studyArea().h3.length);
    return this.totals;
  }

  measures(): Measure[] {
    return listMeasures(this.db);
  }

  reps(): Rep[] {
    return listReps(this.db);
  }

  scenarios(): ScenarioSummary[] {
    return listScenarios(this.db);
  }

  /** One scenario's summary. @throws ContractError NOT_FOUND */
  scenario(id: ScenarioId): ScenarioSummary {
    const s = getScenario(this.db, id);
    if (!s) throw new ContractError('NOT_FOUND', `Scenario ${id} does not exist in this workspace.`);
    return s;
  }

  private assignmentArray(id: ScenarioId): Int32Array {
    let a = this.assignments.get(id);
    if (!a) {
      this.scenario(id);
      a = loadAssignment(this.db, id, this.studyArea().h3.length);
      this.assignments.set(id, a);
    }
    return a;
  }

  assignment(id: ScenarioId): Assignment {
    const territoryOfCell = this.assignmentArray(id).slice();
    return { scenarioId: id, revision: this.scenario(id).revision, territoryOfCell, overrides: listOverrides(this.db, id), pinned: listPinned(this.db, id) };
  }

  /** The scenario's territories as stored, without figures (cheap). */
  territoryRecords(id: ScenarioId): Territory[] {
    this.scenario(id);
    return listTerritories(this.db, id);
  }

  /** Territories with their totals and shape figures (area, pieces, compactness, distances from the rep's home). */
  territories(id: ScenarioId): TerritorySummary[] {
    const territories = listTerritories(this.db, id);
    const territoryOfCell = this.assignmentArray(id);
    const territoryIds = territories.map((t) => t.id);
    const area = this.studyArea();
    const packed = this.studyAreaData();
    const totals = computeTerritoryTotals({
      territoryOfCell,
      cellAccounts: area.accounts,
      cellMeasures: this.cellTotals(),
      overrides: loadOverrides(this.db, id),
      territoryIds,
    });
    const reps = new Map(this.reps().map((r) => [r.id, r]));
    const shapes = territoryShapes({
      territoryOfCell,
      offsets: packed.adjacencyOffsets,
      neighbors: packed.adjacencyNeighbors,
      lat: area.lat,
      lon: area.lon,
      areaKm2: packed.areaKm2,
      cellAccounts: area.accounts,
      studyComponent: area.component,
      territoryIds,
      homes: new Map(territories.map((t) => [t.id, (t.repId !== null ? reps.get(t.repId) : undefined) ?? null])),
    });
    return territories.map((t, i) => {
      const { territoryId: _, ...rest } = totals[i]!;
      const { territoryId: __, ...shape } = shapes[i]!;
      return { ...t, ...rest, ...shape };
    });
  }

  /**
   * A new scenario named `name`: a copy of `from` (territories, regions, alignment and
   * overrides; its undo history starts empty), or empty when `from` is null.
   * @throws ContractError INVALID_INPUT when the name is taken or blank
   */
  createScenario(name: string, from: ScenarioId | null): ScenarioSummary {
    const trimmed = this.freeName(name);
    if (from !== null) this.scenario(from);
    const id = this.db.transaction(() => {
      const created = insertScenario(this.db, { name: trimmed, createdAt: this.now().toISOString(), isBaseline: false, parentId: from });
      if (from !== null) copyScenarioContent(this.db, from, created);
      return created;
    })();
    return this.scenario(id);
  }

  /**
   * Renames, annotates, locks or unlocks, archives or restores a scenario.
   * @throws ContractError INVALID_INPUT for a blank or taken name, or archiving the baseline
   */
  updateScenario(id: ScenarioId, patch: ScenarioPatch): ScenarioSummary {
    const current = this.scenario(id);
    const next: ScenarioPatch = { ...patch };
    if (patch.name !== undefined && patch.name.trim() !== current.name) next.name = this.freeName(patch.name);
    else delete next.name;
    if (patch.archived && current.isBaseline) {
      throw new ContractError('INVALID_INPUT', `“${current.name}” is the baseline; make another scenario the baseline before archiving it.`);
    }
    this.db.transaction(() => updateScenario(this.db, id, next))();
    return this.scenario(id);
  }

  /**
   * Deletes a scenario and everything in it (territories, alignment, overrides, history).
   * @throws ContractError INVALID_INPUT for the baseline or the last scenario
   */
  deleteScenario(id: ScenarioId): void {
    const current = this.scenario(id);
    if (current.isBaseline) throw new ContractError('INVALID_INPUT', `“${current.name}” is the baseline; make another scenario the baseline before deleting it.`);
    if (this.scenarios().length === 1) throw new ContractError('INVALID_INPUT', 'A workspace keeps at least one scenario.');
    this.db.transaction(() => deleteScenario(this.db, id))();
    this.assignments.delete(id);
  }

  /** Makes a scenario the baseline (the current alignment); an archived one is restored. */
  setBaseline(id: ScenarioId): ScenarioSummary {
    this.scenario(id);
    this.db.transaction(() => {
      updateScenario(this.db, id, { archived: false });
      setBaseline(this.db, id);
    })();
    return this.scenario(id);
  }

  /** The baseline scenario, if one is marked. */
  baseline(): ScenarioSummary | undefined {
    return this.scenarios().find((s) => s.isBaseline);
  }

  /**
   * Makes the baseline's plan equal to this scenario's as one command in the baseline's
   * history, so one undo there takes the promotion back.
   * @throws ContractError INVALID_INPUT without a baseline, for the baseline itself, or when the plans are the same; SCENARIO_LOCKED when the baseline is locked
   */
  promote(id: ScenarioId): CommandResult & { baselineId: ScenarioId } {
    const source = this.scenario(id);
    const baseline = this.baseline();
    if (!baseline) throw new ContractError('INVALID_INPUT', 'No scenario is marked as the baseline; mark one first.');
    if (baseline.id === id) throw new ContractError('INVALID_INPUT', `“${source.name}” is already the baseline.`);
    let command: Command;
    try {
      command = promoteCommand(this.planState(baseline.id), this.planState(id), source.name);
    } catch (error) {
      if (error instanceof DomainError) throw toContractError(error);
      throw error;
    }
    return { ...this.execute(baseline.id, command), baselineId: baseline.id };
  }

  private planState(id: ScenarioId): PlanState {
    return {
      territories: listTerritories(this.db, id),
      regions: listRegions(this.db, id),
      territoryOfCell: this.assignmentArray(id),
      overrides: new Map(listOverrides(this.db, id).map((o) => [o.accountId, o.territoryId])),
      pinned: new Set(listPinned(this.db, id)),
    };
  }

  /** A trimmed scenario name that no other scenario has. */
  private freeName(name: string): string {
    const trimmed = name.trim();
    if (trimmed === '') throw new ContractError('INVALID_INPUT', 'A scenario needs a name.');
    if (this.scenarios().some((s) => s.name === trimmed)) throw new ContractError('INVALID_INPUT', `There is already a scenario named "${trimmed}".`);
    return trimmed;
  }

  regions(id: ScenarioId): Region[] {
    this.scenario(id);
    return listRegions(this.db, id);
  }

  accountColumns(): AccountColumns {
    return loadAccountColumns(this.db, this.measures());
  }

  /** The postal code each account was located by (null: by coordinates), rows as in `accountColumns`. */
  accountPostalCodes(): (string | null)[] {
    return loadAccountPostalCodes(this.db);
  }

  execute(id: ScenarioId, command: Command): CommandResult {
    const scenario = this.scenario(id);
    if (scenario.locked) throw new ContractError('SCENARIO_LOCKED', `Scenario "${scenario.name}" is locked (read-only).`);
    const applied = this.plan(id, command);
    const revision = this.persist(id, applied.changes, () =>
      pushHistory(this.db, id, { command, inverse: applied.inverse, label: applied.label }, this.now().toISOString()),
    );
    return { revision, label: applied.label };
  }

  undo(id: ScenarioId): CommandResult | null {
    return this.step(id, 'undo');
  }

  redo(id: ScenarioId): CommandResult | null {
    return this.step(id, 'redo');
  }

  historyState(id: ScenarioId): HistoryState {
    const { revision } = this.scenario(id);
    return { revision, undo: peekUndo(this.db, id)?.label ?? null, redo: peekRedo(this.db, id)?.label ?? null };
  }

  private step(id: ScenarioId, direction: 'undo' | 'redo'): CommandResult | null {
    const scenario = this.scenario(id);
    if (scenario.locked) throw new ContractError('SCENARIO_LOCKED', `Scenario "${scenario.name}" is locked (read-only).`);
    const entry = direction === 'undo' ? peekUndo(this.db, id) : peekRedo(this.db, id);
    if (!entry) return null;
    const applied = this.plan(id, direction === 'undo' ? entry.inverse : entry.command);
    const revision = this.persist(id, applied.changes, () => markUndone(this.db, id, entry.seq, direction === 'undo'));
    return { revision, label: entry.label };
  }

  private plan(id: ScenarioId, command: Command) {
    const owner = this.assignmentArray(id);
    const territories = new Map(listTerritories(this.db, id).map((t) => [t.id, t]));
    const overrides = new Map(listOverrides(this.db, id).map((o) => [o.accountId, o.territoryId]));
    const regions = new Map(listRegions(this.db, id).map((r) => [r.id, r]));
    const pinned = new Set(listPinned(this.db, id));
    const view: AlignmentView = {
      cellCount: owner.length,
      territoryOfCell: (cell) => owner[cell]!,
      territory: (t) => territories.get(t),
      territoryIds: () => [...territories.keys()],
      cellsOf: (t) => {
        const out: number[] = [];
        for (let i = 0; i < owner.length; i++) if (owner[i] === t) out.push(i);
        return out;
      },
      accountCell: (account) => accountCell(this.db, account),
      overrideOf: (account) => overrides.get(account) ?? null,
      overridesTo: (t) => [...overrides].filter(([, to]) => to === t).map(([account]) => account),
      region: (r) => regions.get(r),
      isPinned: (cell) => pinned.has(cell),
    };
    try {
      return applyCommand(view, command);
    } catch (error) {
      if (error instanceof DomainError) throw toContractError(error);
      throw error;
    }
  }

  /** Writes changes + history + revision in one transaction, then updates the cache. */
  private persist(id: ScenarioId, changes: Change[], recordHistory: () => void): number {
    const revision = this.db.transaction(() => {
      for (const change of changes) {
        if (change.kind === 'assign') assignCells(this.db, id, change.cells, change.to);
        else if (change.kind === 'territory') updateTerritory(this.db, id, change.territoryId, change.patch);
        else if (change.kind === 'createTerritory') insertTerritories(this.db, id, [change.territory]);
        else if (change.kind === 'deleteTerritory') deleteTerritory(this.db, id, change.territoryId);
        else if (change.kind === 'override') setOverrides(this.db, id, change.accountIds, change.to);
        else if (change.kind === 'createRegion') insertRegion(this.db, id, change.region);
        else if (change.kind === 'region') updateRegion(this.db, id, change.regionId, change.patch);
        else if (change.kind === 'pin') setPinned(this.db, id, change.cells, change.pinned);
        else deleteRegion(this.db, id, change.regionId);
      }
      recordHistory();
      return bumpRevision(this.db, id);
    })();
    const owner = this.assignmentArray(id);
    for (const change of changes) {
      if (change.kind === 'assign') for (const cell of change.cells) owner[cell] = change.to ?? -1;
    }
    return revision;
  }
}

function toContractError(error: DomainError): ContractError {
  switch (error.code) {
    case 'TERRITORY_LOCKED':
      return new ContractError('TERRITORY_LOCKED', error.message);
    case 'TERRITORY_NOT_FOUND':
    case 'ACCOUNT_NOT_FOUND':
    case 'REGION_NOT_FOUND':
      return new ContractError('NOT_FOUND', error.message);
    case 'NOTHING_TO_UNDO':
      return new ContractError('NOTHING_TO_UNDO', error.message);
    case 'NOTHING_TO_REDO':
      return new ContractError('NOTHING_TO_REDO', error.message);
    default:
      return new ContractError('INVALID_INPUT', error.message);
  }
}
