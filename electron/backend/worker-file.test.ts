import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/helpers/workspaces';
import { workerFile } from './worker-file';

describe('workerFile', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('finds the worker beside the code, or one folder up when the code is in a chunk', () => {
    const main = join(temp.dir, 'main');
    mkdirSync(join(main, 'chunks'), { recursive: true });
    writeFileSync(join(main, 'balance-worker.js'), '');
    expect(workerFile('balance-worker.js', main)).toBe(join(main, 'balance-worker.js'));
    expect(workerFile('balance-worker.js', join(main, 'chunks'))).toBe(join(main, 'balance-worker.js'));
    expect(workerFile('import-worker.js', join(main, 'chunks'))).toBeNull();
  });
});
