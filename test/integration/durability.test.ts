import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/client/create-client';
import { createWsTransport } from '../../renderer/client/ws-transport';
import { Workspace } from '../../electron/backend/workspace/workspace';
import { startServeProcess } from '../helpers/serve-process';
import { fixedNow, makeSmallDemo, makeTempDir } from '../helpers/workspaces';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

describe('durability', () => {
  it('keeps every acknowledged write when the backend process is killed mid-stream', async () => {
    const path = makeSmallDemo(join(temp.dir, 'durable.tessera'));
    const host = await startServeProcess([path, '--data-dir', join(temp.dir, 'data')]);
    const client = createClient(createWsTransport(host.origin, host.token));
    const { territoryOfCell } = await client.call('assignment.get', { scenarioId: 1 });
    const territories = await client.call('territory.list', { scenarioId: 1 });

    // Each write moves one distinct cell to a territory other than its own; keep the acknowledged ones.
    const acknowledged: { cell: number; to: number; revision: number }[] = [];
    const writer = (async () => {
      for (let cell = 0; cell < territoryOfCell.length; cell++) {
        const to = territories[(cell * 7) % territories.length]!.id;
        if (to === territoryOfCell[cell]) continue;
        try {
          const { revision } = await client.call('command.execute', { scenarioId: 1, command: { type: 'territory.assignCells', cells: [cell], to } });
          acknowledged.push({ cell, to, revision });
        } catch {
          return; // the process died under this call: it was never acknowledged
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 1500));
    host.child.kill('SIGKILL');
    await writer;
    await new Promise<void>((done) => (host.child.exitCode !== null || host.child.signalCode !== null ? done() : host.child.once('exit', () => done())));
    expect(host.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(20);

    const check = new Database(path, { fileMustExist: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const ws = Workspace.open(path, fixedNow);
    try {
      const after = ws.assignment(1);
      for (const { cell, to } of acknowledged) expect(after.territoryOfCell[cell]).toBe(to);
      expect(after.revision).toBeGreaterThanOrEqual(acknowledged.at(-1)!.revision);
      expect(ws.historyState(1).undo).not.toBeNull();
    } finally {
      ws.close();
    }
  });
});
