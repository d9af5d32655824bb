import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { undoLabels } from '../../electron/main/undo-labels';
import { createTranslator } from '../../shared/i18n/create-translator';
import { fixedNow, makeSmallDemo, makeTempDir } from '../helpers/workspaces';

describe('the Edit menu labels', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('names what Undo and Redo would do, and greys them out when there is nothing', async () => {
    const backend = createBackend({ dataDir: temp.dir, appVersion: 'test', now: fixedNow });
    const en = createTranslator('en');
    try {
      expect(undoLabels(backend, 'baseline', en)).toEqual({ undo: null, redo: null });
      const file = makeSmallDemo(join(temp.dir, 'menu.tessera'));
      await backend.session.open(file);
      expect(undoLabels(backend, 'baseline', en)).toEqual({ undo: null, redo: null });
      const ws = backend.session.require();
      const name = ws.territories(1).find((t) => t.id === 2)!.name;
      ws.execute(1, { type: 'territory.update', territoryId: 2, changes: { name: 'North' } });
      expect(undoLabels(backend, 'baseline', en)).toEqual({ undo: `Rename ${name} to North`, redo: null });
      ws.undo(1);
      expect(undoLabels(backend, 1, en)).toEqual({ undo: null, redo: `Rename ${name} to North` });
      expect(undoLabels(backend, 99, en)).toEqual({ undo: null, redo: null });
    } finally {
      backend.close();
    }
  });
});
