import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoWorkspace } from '../../electron/backend/workspace/session';
import { Workspace } from '../../electron/backend/workspace/workspace';

/** A small but real demo (contiguous US at H3 res 4, 2,000 accounts, 8 reps): fast to build. */
export const SMALL_DEMO = { resolution: 4, accounts: 2000, reps: 8, seed: 7 } as const;

export const fixedNow = () => new Date('2026-11-22T12:00:00Z');

/** A fresh temp folder, removed by the returned cleanup. */
export function makeTempDir(prefix = 'tessera-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes the small demo workspace to `path`. */
export function makeSmallDemo(path: string): string {
  writeDemoWorkspace(path, SMALL_DEMO, fixedNow);
  return path;
}

/** Opens the workspace at `path`, runs `fn` on it and closes it. */
export function withWorkspaceAt<T>(path: string, fn: (ws: Workspace) => T): T {
  const ws = Workspace.open(path, fixedNow);
  try {
    return fn(ws);
  } finally {
    ws.close();
  }
}
