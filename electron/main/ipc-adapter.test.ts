import { describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/contract/api';
import type { EventMessage } from '../../shared/contract/events';
import { createBackend } from '../backend/create-backend';
import { EVENT_CHANNEL, INVOKE_CHANNEL, wireIpc, type IpcMainLike } from './ipc-adapter';
import { join } from 'node:path';
import { makeSmallDemo, makeTempDir } from '../../test/helpers/workspaces';
import { SAMPLE_ARGS } from '../../test/helpers/sample-args';

/** A stand-in for Electron's ipcMain that records handlers and lets the test invoke them. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = (url: string, ...args: unknown[]) => handlers.get(INVOKE_CHANNEL)!({ senderFrame: { url } }, ...args);
  return { ipc, handlers, invoke };
}

const APP_URL = 'file:///app/out/renderer/index.html';

describe('wireIpc', () => {
  it('routes every contract method to its backend handler', async () => {
    const reached: string[] = [];
    const backend = {
      dispatch: async (method: unknown) => {
        reached.push(String(method));
        return { ok: true as const, value: null };
      },
      subscribe: () => () => {},
      stageFile: () => ({ ok: true as const, value: null }),
    };
    const { ipc, invoke } = fakeIpcMain();
    wireIpc(ipc, backend, () => {}, (url) => url === APP_URL);
    for (const method of METHODS) await invoke(APP_URL, method, SAMPLE_ARGS[method]);
    expect(reached).toEqual(METHODS);
  });

  it('reaches the real backend: each method answers with its own result or a contract error', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      makeSmallDemo(join(dir, 'demo.tessera'));
      const backend = createBackend({ dataDir: dir, appVersion: 'test' });
      const { ipc, invoke } = fakeIpcMain();
      wireIpc(ipc, backend, () => {}, () => true);
      for (const method of METHODS) {
        const envelope = (await invoke(APP_URL, method, SAMPLE_ARGS[method])) as { ok: boolean; error?: { code: string } };
        // Nothing is open, so workspace reads fail with NO_WORKSPACE — never with BAD_REQUEST or UNKNOWN_METHOD.
        if (!envelope.ok) expect(['NO_WORKSPACE', 'UNSUPPORTED', 'FORBIDDEN']).toContain(envelope.error!.code);
      }
      backend.close();
    } finally {
      cleanup();
    }
  });

  it('refuses calls from other frames and validates arguments', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const backend = createBackend({ dataDir: dir, appVersion: 'test' });
      const { ipc, invoke } = fakeIpcMain();
      wireIpc(ipc, backend, () => {}, (url) => url === APP_URL);
      expect(await invoke('https://evil.example/', 'app.about', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await invoke(APP_URL, 'app.about', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await invoke(APP_URL, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(await invoke(APP_URL, 'app.about', {})).toMatchObject({ ok: true, value: { name: 'Tessera' } });
    } finally {
      cleanup();
    }
  });

  it('forwards backend events to the window and unwires cleanly', () => {
    const sent: [string, EventMessage][] = [];
    let listener: ((e: EventMessage) => void) | null = null;
    const backend = {
      dispatch: async () => ({ ok: true as const, value: null }),
      stageFile: () => ({ ok: true as const, value: null }),
      subscribe: (l: (e: EventMessage) => void) => {
        listener = l;
        return () => (listener = null);
      },
    };
    const { ipc, handlers } = fakeIpcMain();
    const unwire = wireIpc(ipc, backend, (channel, event) => sent.push([channel, event]), () => true);
    listener!({ name: 'menu.invoked', payload: { action: 'undo' } });
    expect(sent).toEqual([[EVENT_CHANNEL, { name: 'menu.invoked', payload: { action: 'undo' } }]]);
    unwire();
    expect(handlers.has(INVOKE_CHANNEL)).toBe(false);
    expect(listener).toBeNull();
  });
});
