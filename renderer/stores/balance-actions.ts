import type { BalanceJobState, BalanceMeasure, BalanceRequest } from '../../shared/contract/api';
import type { Client } from '../client/create-client';
import { useAppStore } from './use-app-store';

const set = useAppStore.setState;
const get = useAppStore.getState;

/** Job ends kept until their start answers (see `createBalanceActions`). */
const EARLY_ENDS_KEPT = 32;

/**
 * Balancing from the UI: the panel's job (progress, its proposal previewed until accepted
 * or discarded) and, when turned on, the local rebalance that follows each edit, applied
 * as its own undo step.
 *
 * The end of a job comes over the event socket and the answer to `balance.start` over
 * HTTP, so a fast job (a local rebalance, ~0.1 s) can end before the app knows its id:
 * such ends are kept and handled once the start answers.
 */
export function createBalanceActions(client: Client, { guarded }: { guarded: <T>(work: () => Promise<T>) => Promise<T | undefined> }) {
  const finishedEarly = new Map<number, BalanceJobState>();

  function onFinished(state: BalanceJobState): void {
    const auto = get().autoJob;
    if (auto?.jobId === state.jobId) {
      set({ autoJob: null });
      if (state.state === 'done') void finishAuto(state.jobId, auto.territories);
      return;
    }
    if (get().balanceJob?.jobId !== state.jobId) {
      finishedEarly.set(state.jobId, state);
      if (finishedEarly.size > EARLY_ENDS_KEPT) finishedEarly.delete(finishedEarly.keys().next().value!);
      return;
    }
    set({ balanceJob: state });
    if (state.state === 'done') {
      void guarded(async () => {
        const proposal = await client.call('balance.proposal', { jobId: state.jobId });
        if (get().balanceJob?.jobId === state.jobId) set({ proposal });
      });
    }
  }

  /** Handles the end of a job that came before its start was answered. */
  function catchUp(jobId: number): void {
    const early = finishedEarly.get(jobId);
    if (!early) return;
    finishedEarly.delete(jobId);
    onFinished(early);
  }

  /** Applies a finished automatic rebalance as its own undo step (nothing when it moved no cell, or the plan changed meanwhile). */
  async function finishAuto(jobId: number, territories: number): Promise<void> {
    try {
      const proposal = await client.call('balance.proposal', { jobId });
      if (proposal.movedCells.length === 0) {
        await client.call('balance.discard', { jobId });
        set({ autoStatus: { movedCells: 0, territories } });
        return;
      }
      await client.call('balance.accept', { jobId });
      set({ autoStatus: { movedCells: proposal.movedCells.length, territories } });
    } catch {
      // Another edit came first: its own rebalance follows it.
      await client.call('balance.discard', { jobId }).catch(() => null);
    }
  }

  return {
    listen(): void {
      client.on('balance.progress', (p) => {
        const job = get().balanceJob;
        if (job?.jobId === p.jobId) set({ balanceJob: { ...job, progress: p.fraction, phase: p.phase } });
      });
      client.on('balance.finished', onFinished);
    },

    /** Starts a balancing job for the current scenario; its proposal is previewed when it ends. */
    async start(request: Omit<BalanceRequest, 'scenarioId'>): Promise<void> {
      const scenarioId = get().scenarioId;
      if (scenarioId === null) return;
      const previous = get().balanceJob;
      if (previous?.state === 'running') await client.call('balance.cancel', { jobId: previous.jobId }).catch(() => null);
      set({ proposal: null, balanceJob: null });
      const started = await guarded(() => client.call('balance.start', { ...request, scenarioId }));
      if (started) {
        set({ balanceJob: { jobId: started.jobId, state: 'running', progress: 0, phase: 'starting' } });
        catchUp(started.jobId);
      }
    },
    async cancel(): Promise<void> {
      const job = get().balanceJob;
      if (job?.state === 'running') await guarded(() => client.call('balance.cancel', { jobId: job.jobId }));
    },
    /** Applies the proposal as one undo step. */
    async accept(): Promise<void> {
      const job = get().balanceJob;
      if (!job) return;
      const ok = await guarded(() => client.call('balance.accept', { jobId: job.jobId }));
      if (ok) set({ proposal: null, balanceJob: null });
    },
    async discard(): Promise<void> {
      const job = get().balanceJob;
      set({ proposal: null, balanceJob: null });
      if (job) await client.call('balance.discard', { jobId: job.jobId }).catch(() => null);
    },

    /** Turns the rebalance after each edit on (with the panel's measures and seed) or off. */
    setAuto: (settings: { measures: BalanceMeasure[]; seed: number } | null) => set({ autoRebalance: settings, ...(settings ? {} : { autoStatus: null }) }),

    /** The unlocked territories an assignment takes cells from or gives them to, when edits are followed by a rebalance (else none). */
    touchedBy(cells: readonly number[], to: number | null): number[] {
      const { assignment, territories, autoRebalance } = get();
      if (!assignment || !autoRebalance) return [];
      const ids = new Set<number>();
      if (to !== null) ids.add(to);
      for (const c of cells) if (assignment.territoryOfCell[c]! >= 0) ids.add(assignment.territoryOfCell[c]!);
      return territories.filter((t) => ids.has(t.id) && !t.locked).map((t) => t.id);
    },

    /** Starts the local rebalance that follows an edit (the one before, if still running, is cancelled). */
    async afterEdit(scenarioId: number, touched: number[]): Promise<void> {
      const settings = get().autoRebalance;
      if (!settings || settings.measures.length === 0) return;
      const previous = get().autoJob;
      if (previous) void client.call('balance.cancel', { jobId: previous.jobId }).catch(() => null);
      const started = await guarded(() => client.call('balance.start', { scenarioId, mode: 'local', measures: settings.measures, seed: settings.seed, touched }));
      set({ autoJob: started ? { jobId: started.jobId, territories: touched.length } : null });
      if (started) catchUp(started.jobId);
    },
  };
}
