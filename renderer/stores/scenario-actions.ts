import type { Assignment } from '../../shared/contract/api';
import type { ScenarioSummary } from '../../shared/domain/model/workspace';
import type { Client } from '../client/create-client';
import { downloadText } from '../ui/download-text';
import { useAppStore } from './use-app-store';

const set = useAppStore.setState;
const get = useAppStore.getState;

/** What the scenario actions need from the main actions. */
export interface ScenarioDeps {
  /** Runs a call; a failure goes to the error banner and yields undefined. */
  guarded<T>(work: () => Promise<T>): Promise<T | undefined>;
  selectScenario(id: number): void;
  /** Reloads the goals panel's data (goals, actuals, attainment). */
  refreshGoals(): void;
}

/**
 * Scenario management and comparison: branch, rename, annotate, lock, archive, restore,
 * delete, baseline, promote; open, refresh and close the compare view; download the change
 * list. Every change comes back as a `scenarios.changed` event, which refreshes the list.
 */
export function createScenarioActions(client: Client, deps: ScenarioDeps) {
  const { guarded } = deps;

  /** Reloads the scenario list (and the tree's figures while the scenario panel shows). */
  async function refresh(scenarios?: ScenarioSummary[]): Promise<void> {
    const list = scenarios ?? (await guarded(() => client.call('scenario.list', {})));
    if (!list) return;
    set({ scenarios: list });
    const current = get().scenarioId;
    if (current !== null && !list.some((s) => s.id === current)) {
      const fallback = list.find((s) => s.isBaseline) ?? list.find((s) => !s.archived) ?? list[0];
      if (fallback) deps.selectScenario(fallback.id);
    }
    const compare = get().compare;
    if (compare && !(list.some((s) => s.id === compare.baseId) && list.some((s) => s.id === compare.otherId))) closeCompare();
    if (get().sidePanel === 'scenarios') await refreshFigures();
  }

  async function refreshFigures(): Promise<void> {
    const figures = await guarded(() => client.call('scenario.figures', {}));
    if (figures) set({ scenarioFigures: figures });
  }

  async function loadComparison(): Promise<void> {
    const compare = get().compare;
    if (!compare) return;
    const comparison = await guarded(() => client.call('scenario.compare', { base: compare.baseId, other: compare.otherId }));
    const now = get().compare;
    if (comparison && now && now.baseId === compare.baseId && now.otherId === compare.otherId) set({ comparison });
  }

  function closeCompare(): void {
    set({ compare: null, comparison: null });
  }

  return {
    /** Follows the backend's scenario events; call once at start. */
    listen(): void {
      client.on('scenarios.changed', ({ scenarios }) => void refresh(scenarios));
      client.on('scenario.changed', ({ scenarioId }) => {
        if (get().sidePanel === 'scenarios') void refreshFigures();
        const compare = get().compare;
        if (compare && (compare.baseId === scenarioId || compare.otherId === scenarioId)) void loadComparison();
      });
    },
    refresh,
    refreshFigures,
    showPanel(panel: 'territories' | 'scenarios' | 'goals'): void {
      set({ sidePanel: panel });
      if (panel === 'scenarios') void refreshFigures();
      if (panel === 'goals') deps.refreshGoals();
    },
    /** Branches `from` and shows the new scenario. */
    async branch(from: number, name: string): Promise<ScenarioSummary | undefined> {
      const created = await guarded(() => client.call('scenario.branch', { from, name }));
      if (created) {
        await refresh();
        deps.selectScenario(created.id);
      }
      return created;
    },
    update: (scenarioId: number, patch: { name?: string; note?: string; locked?: boolean; archived?: boolean }) =>
      guarded(() => client.call('scenario.update', { scenarioId, ...patch })),
    remove: (scenarioId: number) => guarded(() => client.call('scenario.delete', { scenarioId })),
    setBaseline: (scenarioId: number) => guarded(() => client.call('scenario.setBaseline', { scenarioId })),
    /** Promotes a scenario and shows the baseline, where one undo takes the promotion back; false when refused. */
    async promote(scenarioId: number): Promise<boolean> {
      const result = await guarded(() => client.call('scenario.promote', { scenarioId }));
      if (!result) return false;
      closeCompare();
      if (get().scenarioId !== result.baselineId) deps.selectScenario(result.baselineId);
      return true;
    },
    /** Opens the compare view on two scenarios (base → other). */
    async openCompare(baseId: number, otherId: number): Promise<void> {
      set({ compare: { baseId, otherId }, comparison: null });
      await loadComparison();
    },
    closeCompare,
    /** The two plans of a comparison (the territory of every cell on each side), for the compare maps. */
    async loadPlans(baseId: number, otherId: number): Promise<{ base: Assignment; other: Assignment } | undefined> {
      return guarded(async () => {
        const [base, other] = await Promise.all([
          client.call('assignment.get', { scenarioId: baseId }),
          client.call('assignment.get', { scenarioId: otherId }),
        ]);
        return { base, other };
      });
    },
    /** Saves the change list from base to other as a CSV download. */
    async downloadChanges(bom: boolean): Promise<void> {
      const compare = get().compare;
      if (!compare) return;
      const file = await guarded(() => client.call('scenario.diffCsv', { base: compare.baseId, other: compare.otherId, bom }));
      if (file) downloadText(file.fileName, file.csv);
    },
  };
}

export type ScenarioActions = ReturnType<typeof createScenarioActions>;
