import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { sha256, writeFutureCopy, writeRandomFile, writeTruncatedCopy } from '../helpers/bad-files';
import { startServeProcess } from '../helpers/serve-process';
import { makeSmallDemo, makeTempDir } from '../helpers/workspaces';

describe('opening a bad file shows a clear error in the UI and leaves it untouched', () => {
  const temp = makeTempDir();
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let demo: string;

  beforeAll(async () => {
    demo = makeSmallDemo(join(temp.dir, 'good.tessera'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    temp.cleanup();
  });

  it.each([
    ['random.tessera', writeRandomFile, 'NOT_A_WORKSPACE', /not a Tessera workspace/],
    ['truncated.tessera', (p: string) => writeTruncatedCopy(demo, p), 'CORRUPT_WORKSPACE', /damaged/],
    ['future.tessera', (p: string) => writeFutureCopy(demo, p), 'NEWER_SCHEMA', /newer version of Tessera/],
  ])('%s', async (name, make, code, message) => {
    const path = make(join(temp.dir, name));
    const before = sha256(path);
    const host = await startServeProcess([path, '--data-dir', join(temp.dir, `data-${name}`)]);
    try {
      const page = await browser.context.newPage();
      await page.goto(host.url);
      const error = page.getByTestId('open-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.locator('.error-message').getAttribute('data-error-code')).toBe(code);
      expect(await error.innerText()).toMatch(message);
      expect(await error.innerText()).toContain('The file was not changed.');
      expect(await page.getByRole('button', { name: 'Open demo workspace' }).count()).toBeGreaterThan(0);
      await page.close();
    } finally {
      await host.stop();
    }
    expect(sha256(path)).toBe(before);
  });

  it('still opens a good copy afterwards', async () => {
    const copy = join(temp.dir, 'good-copy.tessera');
    copyFileSync(demo, copy);
    const host = await startServeProcess([copy, '--data-dir', join(temp.dir, 'data-good')]);
    try {
      const page = await browser.context.newPage();
      await page.goto(host.url);
      await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 60_000 });
      expect(await page.locator('[data-testid=territory-table] tbody tr').count()).toBe(8);
      await page.close();
    } finally {
      await host.stop();
    }
  });
});
