import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { createChildDemoWriter } from '../../electron/main/demo-process';
import { makeTempDir, SMALL_DEMO } from '../helpers/workspaces';

const CLI = join(__dirname, '..', '..', 'out', 'main', 'cli.js');

describe('demo generation in a child process (the desktop app’s path)', () => {
  it('opens the demo without generating it in-process, announcing "opening" first', async () => {
    const temp = makeTempDir();
    try {
      const small = ['--resolution', String(SMALL_DEMO.resolution), '--accounts', '500', '--reps', '5'];
      const backend = createBackend({ dataDir: temp.dir, appVersion: 't', writeDemo: createChildDemoWriter(CLI, small) });
      const states: string[] = [];
      backend.subscribe((e) => e.name === 'workspace.changed' && states.push((e.payload as { state: string }).state));
      const status = await backend.session.openDemo();
      expect(status).toMatchObject({ state: 'open', info: { accounts: 500, reps: 5, resolution: SMALL_DEMO.resolution } });
      expect(states).toEqual(['opening', 'opening', 'open']);
      backend.close();
    } finally {
      temp.cleanup();
    }
  });

  it('reports a failure of the child as a failed status', async () => {
    const temp = makeTempDir();
    try {
      const backend = createBackend({ dataDir: temp.dir, appVersion: 't', writeDemo: createChildDemoWriter(CLI, ['--resolution', '99']) });
      const status = await backend.session.openDemo();
      expect(status).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
      expect(status.state === 'failed' && status.error.message).toMatch(/--resolution must be a whole number/);
    } finally {
      temp.cleanup();
    }
  });
});
