import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { saturatedShare } from '../helpers/pixels';
import { startServeProcess, type ServedHost } from '../helpers/serve-process';
import { makeTempDir } from '../helpers/workspaces';

const ARTIFACTS = join(__dirname, '..', '..', 'test-results');
mkdirSync(ARTIFACTS, { recursive: true });

/** Waits until deck.gl has drawn at least `frames` frames after the data arrived. */
async function waitForMap(page: Page, frames = 2): Promise<void> {
  await page.waitForSelector('[data-testid=map]', { timeout: 90_000 });
  await page.waitForFunction(
    (n) => Number((document.querySelector('[data-testid=map]') as HTMLElement | null)?.dataset.rendered ?? 0) >= n,
    frames,
    { timeout: 90_000 },
  );
}

describe('first screen: `tessera serve` with no file opens the generated demo', () => {
  const temp = makeTempDir();
  let host: ServedHost;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    host = await startServeProcess(['--data-dir', temp.dir]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.cleanup();
  });

  it('shows the coloured map and the territory list', async () => {
    await page.goto(host.url);
    await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 90_000 });
    await waitForMap(page);
    await expect.poll(() => page.locator('[data-testid=territory-table] tbody tr').count()).toBe(40);
    expect(await page.locator('[data-testid=territory-table] tfoot').innerText()).toContain('24,000');
    expect(await page.getByTestId('workspace-name').innerText()).toContain('Demo');
    const shot = await page.locator('[data-testid=map]').screenshot();
    writeFileSync(join(ARTIFACTS, 'first-screen-map.png'), shot);
    await page.screenshot({ path: join(ARTIFACTS, 'first-screen.png') });
    // The contiguous US covers a good part of the fitted map; hexes are saturated colours.
    expect(saturatedShare(shot)).toBeGreaterThan(0.15);
  });

  it('shows each territory against its target with an adjustable tolerance', async () => {
    const header = page.locator('[data-testid=territory-table] thead');
    expect(await header.innerText()).toContain('vs target');
    const cells = await page.locator('td.deviation').allInnerTexts();
    expect(cells).toHaveLength(40);
    expect(cells.every((c) => /^([+-]\d+(\.\d)?%|0%)$/.test(c.trim()))).toBe(true);
    const tolerance = page.getByLabel('Tolerance ±');
    // At ±100 % only the territories more than twice their target stay outside.
    const overDouble = cells.filter((c) => Math.abs(parseFloat(c.replace(/[^\d.+-]/g, ''))) > 100).length;
    await tolerance.fill('100');
    await expect.poll(() => page.getByTestId('outside-tolerance').innerText()).toBe(`${overDouble} outside tolerance`);
    await tolerance.fill('0');
    await expect.poll(() => page.getByTestId('outside-tolerance').innerText()).toMatch(/^[1-9]\d* outside tolerance$/);
    await tolerance.fill('10');
  });

  it("marks the territories whose rep's home lies outside them, and counts them in the footer", async () => {
    const homes = page.locator('[data-testid=territory-table] tbody td.home-gap');
    expect(await homes.count()).toBe(40);
    const texts = await homes.allInnerTexts();
    const outside = await page.locator('[data-testid=territory-table] tbody td.home-gap.over').allInnerTexts();
    // Inside: the house sign; outside: the km from the home to the territory's nearest cell.
    expect(texts.filter((x) => x.trim() === '⌂').length + outside.length).toBe(40);
    expect(outside.every((x) => /^\d[\d,]*$/.test(x.trim()))).toBe(true);
    const footer = (await page.locator('[data-testid=territory-table] tfoot td').last().innerText()).trim();
    expect(footer).toBe(outside.length > 0 ? String(outside.length) : '');
  });

  it('renames a territory, then undoes and redoes it from the toolbar', async () => {
    const first = page.locator('[data-testid=territory-table] tbody tr').first();
    const original = (await first.locator('.name').innerText()).trim();
    await first.locator('.name-cell').dblclick();
    const input = first.locator('input');
    await input.fill('Mountain West');
    await input.press('Enter');
    await expect.poll(() => page.locator('[data-testid=territory-table]').innerText()).toContain('Mountain West');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('[data-testid=territory-table]').innerText()).not.toContain('Mountain West');
    expect(await page.locator('[data-testid=territory-table]').innerText()).toContain(original);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => page.locator('[data-testid=territory-table]').innerText()).toContain('Mountain West');
    await page.reload();
    await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 90_000 });
    expect(await page.locator('[data-testid=territory-table]').innerText()).toContain('Mountain West');
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe(`Undo Rename ${original} to Mountain West`);
  });

  it('credits the data in the About box', async () => {
    await page.getByRole('button', { name: 'About' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('GeoNames');
    expect(await dialog.innerText()).toContain('CC BY 4.0');
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('mirrors the layout right-to-left', async () => {
    await page.goto(`${host.url}&dir=rtl`);
    await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 90_000 });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const panel = await page.locator('.side-panel').boundingBox();
    const map = await page.locator('[data-testid=map]').boundingBox();
    expect(panel!.x).toBeGreaterThan(map!.x);
    await waitForMap(page);
    await page.screenshot({ path: join(ARTIFACTS, 'first-screen-rtl.png') });
  });

  it('refuses the page without the token (once no cookie carries it)', async () => {
    await page.context().clearCookies();
    const response = await page.goto(`${host.origin}/`);
    expect(response?.status()).toBe(403);
  });
});
