import { beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../client/create-client';
import { createActions } from './actions';
import { initialState, useAppStore } from './use-app-store';

/**
 * A client whose jobs end before `balance.start` answers, as a fast local rebalance does
 * over the web host (the end comes over the event socket, the answer over HTTP).
 */
function fastJobsClient(movedCells: number[]) {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const calls: string[] = [];
  let nextJob = 1;
  const client = {
    on(name: string, listener: (payload: unknown) => void) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return () => {};
    },
    async call(method: string) {
      calls.push(method);
      switch (method) {
        case 'workspace.status':
          return { state: 'none' };
        case 'app.about':
          return { name: 'Tessera', version: 'test' };
        case 'command.execute':
          return { revision: 2, label: { key: 'command.assignCells' } };
        case 'balance.start': {
          const jobId = nextJob++;
          for (const l of listeners.get('balance.finished') ?? []) l({ jobId, state: 'done', progress: 1, phase: 'done' });
          return { jobId };
        }
        case 'balance.proposal':
          return { jobId: nextJob - 1, movedCells: Int32Array.from(movedCells) };
        default:
          return null;
      }
    },
    async stageFile() {
      throw new Error('not used');
    },
  };
  return { client: client as unknown as Client, calls };
}

describe('balancing jobs that end before their start is answered', () => {
  beforeEach(() => useAppStore.setState({ ...initialState, scenarioId: 1 }));

  it('still shows the proposal of a job started from the panel', async () => {
    const { client } = fastJobsClient([4, 5]);
    const actions = createActions(client);
    await actions.start();
    useAppStore.setState({ scenarioId: 1 });
    await actions.startBalance({ mode: 'local', measures: [{ key: 'workload', weight: 1, tolerance: 0.1 }], seed: 1, touched: [1] });
    await expect.poll(() => useAppStore.getState().proposal?.movedCells.length).toBe(2);
    expect(useAppStore.getState().balanceJob).toMatchObject({ state: 'done' });
  });

  it('still applies the rebalance that follows an edit', async () => {
    const { client, calls } = fastJobsClient([4, 5, 6]);
    const actions = createActions(client);
    await actions.start();
    useAppStore.setState({
      scenarioId: 1,
      assignment: { scenarioId: 1, revision: 1, territoryOfCell: Int32Array.from([1, 1, 2, 2]), overrides: [], pinned: new Int32Array(0) },
      territories: [{ id: 1, locked: false }, { id: 2, locked: false }] as never,
      autoRebalance: { measures: [{ key: 'workload', weight: 1, tolerance: 0.1 }], seed: 1 },
    });
    await actions.execute({ type: 'territory.assignCells', cells: [2], to: 1 });
    await expect.poll(() => useAppStore.getState().autoStatus).toEqual({ movedCells: 3, territories: 2 });
    expect(calls).toContain('balance.accept');
    expect(useAppStore.getState().proposal).toBeNull();
  });
});
