import { splitLongToH3Index } from 'h3-js';
import type { WorkspaceStatus } from '../../shared/contract/api';
import type { WorkspaceInfo } from '../../shared/domain/model/workspace';
import type { Command } from '../../shared/domain/commands/command';
import type { Client } from '../client/create-client';
import { territoryBounds } from '../map/territory-bounds';
import { createExportActions } from './export-actions';
import { createBalanceActions } from './balance-actions';
import { createGoalActions } from './goal-actions';
import { createImportActions } from './import-actions';
import { createResolutionActions } from './resolution-actions';
import { createScenarioActions } from './scenario-actions';
import type { AccountColumns } from '../../shared/contract/api';
import { initialState, useAppStore, type AccountDrag, type MapAccounts, type MapCells, type MapMode, type Preview, type ToolId } from './use-app-store';

const set = useAppStore.setState;
const get = useAppStore.getState;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs a call and shows its failure in the error banner instead of throwing. */
async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    set({ error: messageOf(error) });
    return undefined;
  }
}

/** UI actions: each calls the backend, then refreshes the mirrored read models. */
export function createActions(client: Client, options: { canUseDialogs?: boolean } = {}) {
  async function applyStatus(status: WorkspaceStatus): Promise<void> {
    const previous = get().status;
    set({ status });
    if (status.state !== 'open') {
      set({ ...initialState, status, about: get().about, aboutOpen: get().aboutOpen, recent: await client.call('workspace.recent', {}).catch(() => []) });
      return;
    }
    const samePath = previous?.state === 'open' && previous.info.path === status.info.path;
    // The same file with the same info is a repeated announcement; new info (an import) means new content.
    if (samePath && get().cells && sameInfo(previous.info, status.info)) return;
    await loadWorkspace(samePath);
  }

  /** Loads every read model; `keepScenario` stays on the scenario shown when it still exists (a reload of the same file). */
  async function loadWorkspace(keepScenario = false): Promise<void> {
    set({
      loading: true, cells: null, assignment: null, territories: [], selectedTerritoryId: null,
      // Cell and account indices of a gesture or a proposal may not survive new content.
      preview: null, hoverCells: [], sketch: null, hoverAccount: null, accountDrag: null, proposal: null, balanceJob: null, compare: null, comparison: null, scenarioFigures: [],
    });
    await guarded(async () => {
      const [measures, reps, scenarios, area, recent, accountColumns] = await Promise.all([
        client.call('measure.list', {}),
        client.call('rep.list', {}),
        client.call('scenario.list', {}),
        client.call('studyArea.get', {}),
        client.call('workspace.recent', {}),
        client.call('account.list', {}),
      ]);
      const h3 = new Array<string>(area.h3Hi.length);
      const index = new Map<string, number>();
      for (let i = 0; i < h3.length; i++) {
        h3[i] = splitLongToH3Index(area.h3Lo[i]!, area.h3Hi[i]!);
        index.set(h3[i]!, i);
      }
      const cells: MapCells = {
        resolution: area.resolution,
        h3,
        index,
        lat: area.lat,
        lon: area.lon,
        accounts: area.accounts,
        measures: area.measures,
        areaKm2: area.areaKm2,
        offsets: area.adjacencyOffsets,
        neighbors: area.adjacencyNeighbors,
      };
      const current = keepScenario ? get().scenarioId : null;
      const scenarioId = (scenarios.find((s) => s.id === current) ?? scenarios.find((s) => s.isBaseline) ?? scenarios[0])?.id ?? null;
      set({ measures, reps, scenarios, cells, recent, scenarioId, accounts: indexAccounts(accountColumns) });
      if (scenarioId !== null) await loadScenario(scenarioId);
    });
    set({ loading: false });
  }

  async function loadScenario(scenarioId: number): Promise<void> {
    await guarded(async () => {
      const [assignment, territories, history, regions] = await Promise.all([
        client.call('assignment.get', { scenarioId }),
        client.call('territory.list', { scenarioId }),
        client.call('history.state', { scenarioId }),
        client.call('region.list', { scenarioId }),
      ]);
      if (get().scenarioId !== scenarioId) return;
      set({ assignment, territories, history, regions });
    });
  }

  /** Fits the map to a territory's cells (nothing when it has none). */
  function zoomToTerritory(id: number): void {
    const { cells, assignment } = get();
    const bounds = cells && assignment ? territoryBounds(cells, assignment.territoryOfCell, id) : null;
    if (bounds) set({ fitRequest: get().fitRequest + 1, fitTo: bounds });
  }

  async function execute(command: Command): Promise<void> {
    const scenarioId = get().scenarioId;
    if (scenarioId === null) return;
    const touched = command.type === 'territory.assignCells' ? balance.touchedBy(command.cells, command.to) : [];
    const done = await guarded(() => client.call('command.execute', { scenarioId, command }));
    if (done && touched.length > 0) await balance.afterEdit(scenarioId, touched);
  }

  const goals = createGoalActions(client, { guarded });
  const balance = createBalanceActions(client, { guarded });
  function selectScenario(scenarioId: number): void {
    set({ scenarioId, assignment: null, territories: [], selectedTerritoryId: null, proposal: null, balanceJob: null });
    void loadScenario(scenarioId);
    goals.scenarioSelected();
  }
  const scenarios = createScenarioActions(client, { guarded, selectScenario, refreshGoals: () => void goals.refresh() });

  return {
    async start(): Promise<void> {
      client.on('workspace.changed', (status) => void applyStatus(status));
      scenarios.listen();
      goals.listen();
      client.on('scenario.changed', ({ scenarioId }) => {
        if (scenarioId === get().scenarioId) void loadScenario(scenarioId);
      });
      balance.listen();
      client.on('import.finished', (state) => {
        // An import that changed records but no counts leaves the info as it was: reload here (once).
        if (state.state === 'done' && get().status?.state === 'open' && !get().loading) void loadWorkspace(true);
      });
      client.on('menu.invoked', ({ action }) => {
        if (action === 'undo') void this.undo();
        else if (action === 'redo') void this.redo();
        else if (action === 'about') this.showAbout(true);
        else if (action === 'openDemo') void this.openDemo();
        else if (action === 'zoomToFit') set({ fitRequest: get().fitRequest + 1, fitTo: null });
      });
      const about = await guarded(() => client.call('app.about', {}));
      set({ about: about ?? null });
      const status = await guarded(() => client.call('workspace.status', {}));
      if (status) await applyStatus(status);
    },
    selectScenario,
    /** Scenario tree, promotion and the compare view. */
    scenarios,
    /** Goals, actuals and attainment (the goals panel and the attainment map). */
    goals,
    /** Toggles the selection (table rows). */
    selectTerritory(id: number | null) {
      set({ selectedTerritoryId: get().selectedTerritoryId === id ? null : id });
    },
    /** Selects a territory and fits the map to it (table rows); a second click clears the selection. */
    selectAndZoom(id: number) {
      if (get().selectedTerritoryId === id) {
        set({ selectedTerritoryId: null });
        return;
      }
      set({ selectedTerritoryId: id });
      zoomToTerritory(id);
    },
    zoomToTerritory,
    /** Sets the selection (map clicks). */
    setSelectedTerritory(id: number | null) {
      set({ selectedTerritoryId: id });
    },
    renameTerritory: (territoryId: number, name: string) => execute({ type: 'territory.update', territoryId, changes: { name } }),
    execute,
    async undo() {
      const scenarioId = get().scenarioId;
      if (scenarioId !== null) await guarded(() => client.call('command.undo', { scenarioId }));
    },
    async redo() {
      const scenarioId = get().scenarioId;
      if (scenarioId !== null) await guarded(() => client.call('command.redo', { scenarioId }));
    },
    openDemo: () => guarded(() => client.call('workspace.openDemo', {})),
    openDialog: () => guarded(() => client.call('workspace.open', {})),
    openRecent: (recentPath: string) => guarded(() => client.call('workspace.open', { recentPath })),
    createWorkspace: () => guarded(() => client.call('workspace.create', { resolution: 7 })),
    saveAs: () => guarded(() => client.call('workspace.saveAs', {})),
    close: () => guarded(() => client.call('workspace.close', {})),
    showAbout: (open: boolean) => set({ aboutOpen: open }),
    showImport: (open: boolean) => set({ importOpen: open }),
    /** Calls and events of the import wizard (staging, preview, job, rejects). */
    imports: createImportActions(client),
    /** Changing the workspace's H3 resolution (the resolution dialog). */
    resolution: createResolutionActions(client),
    /** Exports (the export dialog). */
    exports: createExportActions(client, () => options.canUseDialogs ?? false),
    setTool: (tool: ToolId) => set({ tool, preview: null, hoverCells: [], sketch: null, hoverAccount: null, accountDrag: null }),
    setMapMode: (mapMode: MapMode) => {
      set({ mapMode });
      if (mapMode === 'attainment') void goals.refresh();
    },
    setShowAccounts: (showAccounts: boolean) => set({ showAccounts, hoverAccount: null }),
    setAccountSizeKey: (accountSizeKey: string | null) => set({ accountSizeKey }),
    setBalanceKey: (balanceKey: string) => set({ balanceKey }),
    setTolerancePct: (pct: number) => set({ tolerancePct: Math.max(0, Math.min(100, pct)) }),
    setSketch: (sketch: AppStateSketch) => set({ sketch }),
    setHoverAccount: (hoverAccount: number | null) => {
      if (get().hoverAccount !== hoverAccount) set({ hoverAccount });
    },
    setAccountDrag: (accountDrag: AccountDrag | null) => set({ accountDrag }),
    setBrushRadius: (radius: number) => set({ brushRadius: Math.max(0, Math.min(12, radius)) }),
    setPreview: (preview: Preview | null) => set({ preview }),
    setHoverCells: (hoverCells: number[]) => set({ hoverCells }),
    /** Ends a gesture: drops the preview and sends its one command (an undo step). */
    async commitPreview(): Promise<void> {
      const preview = get().preview;
      set({ preview: null });
      if (!preview || preview.cells.length === 0) return;
      await execute({ type: 'territory.assignCells', cells: preview.cells, to: preview.to });
    },
    dismissError: () => set({ error: null }),
    startBalance: balance.start,
    cancelBalance: balance.cancel,
    acceptBalance: balance.accept,
    discardBalance: balance.discard,
    setAutoRebalance: balance.setAuto,
    /** Fits the map to the given bounds, or to the whole study area. */
    fitMap: (bounds: [number, number, number, number] | null = null) => set({ fitRequest: get().fitRequest + 1, fitTo: bounds }),
  };
}

export type Actions = ReturnType<typeof createActions>;

type AppStateSketch = ReturnType<typeof get>['sketch'];

/** True when two announcements of the same workspace carry the same info (counts, measures, bounds …). */
function sameInfo(a: WorkspaceInfo, b: WorkspaceInfo): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Adds the per-cell and per-id lookups the map needs to the account columns. */
function indexAccounts(columns: AccountColumns): MapAccounts {
  const byCell = new Map<number, number[]>();
  const row = new Map<string, number>();
  for (let i = 0; i < columns.ids.length; i++) {
    const cell = columns.cell[i]!;
    const list = byCell.get(cell);
    if (list) list.push(i);
    else byCell.set(cell, [i]);
    row.set(columns.ids[i]!, i);
  }
  return { ...columns, byCell, row };
}
