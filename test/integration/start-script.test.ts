import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/workspaces';

const START = join(__dirname, '..', '..', 'scripts', 'start.js');

describe('npm start without the Electron runtime', () => {
  it('explains the situation, points to npm run web, and shows no stack trace', () => {
    const empty = makeTempDir('tessera-no-electron-');
    try {
      const r = spawnSync(process.execPath, [START], {
        encoding: 'utf8',
        env: { ...process.env, TESSERA_ELECTRON_DIR: empty.dir, TESSERA_SKIP_ELECTRON_DOWNLOAD: '1' },
        timeout: 30_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Electron runtime is not installed/);
      expect(r.stderr).toMatch(/npm run web/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      empty.cleanup();
    }
  });
});
