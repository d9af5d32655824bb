import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServeProcess, type ServedHost } from './serve-process';
import { makeSmallDemo } from './workspaces';

export interface ServedDemo {
  host: ServedHost;
  page: Page;
  /** The map's box on the page, in page pixels. */
  box: { x: number; y: number; width: number; height: number };
  close(): Promise<void>;
}

/**
 * The small demo written to `dir/name`, served by a real `tessera serve` process and open
 * in headless Chromium, with the territory table filled.
 */
export async function openServedDemo(dir: string, name: string): Promise<ServedDemo> {
  const file = makeSmallDemo(join(dir, name));
  const host = await startServeProcess([file, '--data-dir', join(dir, 'data')]);
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(host.url);
  await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 90_000 });
  const box = (await page.getByTestId('map').boundingBox())!;
  return {
    host,
    page,
    box,
    close: async () => {
      await browser.close();
      await host.stop();
    },
  };
}
