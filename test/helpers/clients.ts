import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transport } from '../../shared/contract/transport';
import { createBackend, type Backend } from '../../electron/backend/create-backend';
import { startWebHost } from '../../electron/web-host/server';
import { createClient, type Client } from '../../renderer/client/create-client';
import { createWsTransport } from '../../renderer/client/ws-transport';
import { fixedNow } from './workspaces';

export const RENDERER_DIR = join(__dirname, '..', '..', 'out', 'renderer');

export interface Harness {
  client: Client;
  backend: Backend;
  close: () => Promise<void>;
}

/** The backend called directly, with arguments cloned as a process boundary would. */
export async function inProcessHarness(dataDir: string): Promise<Harness> {
  const backend = createBackend({ dataDir, appVersion: 'test', now: fixedNow });
  const transport: Transport = {
    invoke: (method, args) => backend.dispatch(method, structuredClone(args)),
    subscribe: (listener) => backend.subscribe(listener),
    stageFile: async (file) => {
      const path = join(dataDir, `staged-${file.name}`);
      writeFileSync(path, Buffer.from(await file.arrayBuffer()));
      return backend.stageFile(path);
    },
  };
  return { client: createClient(transport), backend, close: async () => backend.close() };
}

/** The same backend behind the real web host on 127.0.0.1, reached over HTTP + WebSocket. */
export async function webHostHarness(dataDir: string): Promise<Harness> {
  const backend = createBackend({ dataDir, appVersion: 'test', now: fixedNow });
  const host = await startWebHost({ backend, rendererDir: RENDERER_DIR });
  const transport = createWsTransport(`http://127.0.0.1:${host.port}`, host.token);
  return {
    client: createClient(transport),
    backend,
    close: async () => {
      await host.close();
      backend.close();
    },
  };
}
