// Electron-only: wires the backend's dispatch and events to ipcMain / webContents.
import type { EventMessage } from '../../shared/contract/events';
import type { Envelope } from '../../shared/contract/transport';

export const INVOKE_CHANNEL = 'tdw:invoke';
export const EVENT_CHANNEL = 'tdw:event';
export const STAGE_CHANNEL = 'tdw:stage';

/** The part of Electron's ipcMain the adapter uses (a fake in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface AdapterBackend {
  dispatch(method: unknown, args: unknown): Promise<Envelope>;
  /** Stages a file the user dropped on the window (its path comes from the preload). */
  stageFile(path: unknown): Envelope;
  subscribe(listener: (event: EventMessage) => void): () => void;
}

/**
 * Routes `tdw:invoke` calls to the backend (which validates every argument) and pushes
 * every backend event to the window. Calls from frames other than the app's own page
 * are refused.
 * @returns a function that unwires both directions
 */
export function wireIpc(
  ipcMain: IpcMainLike,
  backend: AdapterBackend,
  send: (channel: string, event: EventMessage) => void,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method, args): Promise<Envelope> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the Tessera window.' } });
    }
    return backend.dispatch(method, args);
  });
  ipcMain.handle(STAGE_CHANNEL, (event, path): Envelope => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the Tessera window.' } };
    }
    return backend.stageFile(path);
  });
  const unsubscribe = backend.subscribe((event) => send(EVENT_CHANNEL, event));
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(STAGE_CHANNEL);
    unsubscribe();
  };
}
