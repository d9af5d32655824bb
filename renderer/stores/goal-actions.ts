import type { ActualsReport, GoalSetReport } from '../../shared/contract/api';
import type { Client } from '../client/create-client';
import { useAppStore, type GoalsView } from './use-app-store';

const set = useAppStore.setState;
const get = useAppStore.getState;

/**
 * The goals panel and the attainment map: the current scenario's goal sets, the actuals
 * catalog and the attainment of the chosen measure and period. Every goal change bumps the
 * scenario's revision (`scenario.changed`), which reloads them: the goal calls below rely on
 * that event instead of reloading a second time.
 */
export function createGoalActions(client: Client, deps: { guarded<T>(work: () => Promise<T>): Promise<T | undefined> }) {
  const { guarded } = deps;
  let loading = 0;

  /** Reloads goals, the actuals catalog and, when both exist for the chosen measure, the attainment. */
  async function refresh(): Promise<void> {
    const scenarioId = get().scenarioId;
    if (scenarioId === null) return;
    const ticket = ++loading;
    const [goalSets, catalog] = await Promise.all([
      guarded(() => client.call('goals.list', { scenarioId })),
      guarded(() => client.call('actuals.catalog', {})),
    ]);
    if (ticket !== loading || get().scenarioId !== scenarioId || !goalSets || !catalog) return;
    const view = get().goalsView;
    const measure = view.measure !== null && (goalSets.some((g) => g.measure === view.measure) || catalog.measures.includes(view.measure))
      ? view.measure
      : (goalSets[0]?.measure ?? catalog.measures[0] ?? null);
    const period = view.period !== null && catalog.periods.includes(view.period) ? view.period : null;
    set({ goalSets, actualsCatalog: catalog, goalsView: { ...view, measure, period } });
    const canMeasure = measure !== null && goalSets.some((g) => g.measure === measure) && catalog.measures.includes(measure);
    if (!canMeasure) {
      set({ attainment: null });
      return;
    }
    const attainment = await guarded(() =>
      client.call('attainment.get', { scenarioId, measure, threshold: view.threshold, ...(period !== null ? { periods: [period] } : {}) }),
    );
    if (ticket === loading && get().scenarioId === scenarioId) set({ attainment: attainment ?? null });
  }

  const needed = () => get().sidePanel === 'goals' || get().mapMode === 'attainment';

  return {
    refresh,
    /** Follows scenario changes while the goals panel or the attainment map shows; call once at start. */
    listen(): void {
      client.on('scenario.changed', ({ scenarioId }) => {
        if (scenarioId === get().scenarioId && needed()) void refresh();
      });
    },
    /** After another scenario was chosen. */
    scenarioSelected(): void {
      set({ goalSets: [], attainment: null });
      if (needed()) void refresh();
    },
    setView(patch: Partial<GoalsView>): void {
      set({ goalsView: { ...get().goalsView, ...patch } });
      void refresh();
    },
    /** Stages a file and imports it as actuals; resolves with the report (or throws with the reason). */
    async importActuals(file: File): Promise<ActualsReport> {
      const staged = await client.stageFile(file);
      const report = await client.call('actuals.import', { sourceId: staged.sourceId });
      await refresh();
      return report;
    },
    /** Derives the goals of a measure from a total; throws with the reason when refused. */
    async setGoals(request: { measure: string; total: number; basis: Record<string, number>; step: number }): Promise<GoalSetReport> {
      const scenarioId = get().scenarioId;
      if (scenarioId === null) throw new Error('No scenario is open.');
      set({ goalsView: { ...get().goalsView, measure: request.measure } });
      // The backend announces the scenario's new revision, which reloads the panel (see `listen`).
      return client.call('goals.set', { scenarioId, ...request });
    },
    async setTerritoryGoal(measure: string, territoryId: number, goal: number): Promise<void> {
      const scenarioId = get().scenarioId;
      if (scenarioId === null) return;
      await guarded(() => client.call('goals.setTerritory', { scenarioId, measure, territoryId, goal }));
    },
    async recompute(measure: string): Promise<void> {
      const scenarioId = get().scenarioId;
      if (scenarioId === null) return;
      await guarded(() => client.call('goals.recompute', { scenarioId, measure }));
    },
  };
}

export type GoalActions = ReturnType<typeof createGoalActions>;
