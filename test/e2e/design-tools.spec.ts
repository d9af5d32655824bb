import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WebMercatorViewport } from '@math.gl/web-mercator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../renderer/client/create-client';
import { createWsTransport } from '../../renderer/client/ws-transport';
import { openServedDemo, type ServedDemo } from '../helpers/served-demo';
import { figureOf, undoTitle } from '../helpers/territory-table';
import { makeTempDir } from '../helpers/workspaces';

const ARTIFACTS = join(__dirname, '..', '..', 'test-results');

const cellsOf = (page: Page, id: number) => figureOf(page, id, 'Cells');
const accountsOf = (page: Page, id: number) => figureOf(page, id, 'Accounts');

describe('design tools: lasso, dragging an account, reload', () => {
  const temp = makeTempDir();
  let served: ServedDemo;
  let client: Client;
  let page: Page;
  let box: { x: number; y: number; width: number; height: number };
  const target = 2;
  let afterLasso = 0;

  /** Screen position (page pixels) of a [lon, lat] point in the map's current view. */
  async function toScreen(lon: number, lat: number): Promise<[number, number]> {
    const [longitude, latitude, zoom] = ((await page.getByTestId('map').getAttribute('data-view')) ?? '').split(',').map(Number);
    const viewport = new WebMercatorViewport({ width: box.width, height: box.height, longitude, latitude, zoom });
    const [x, y] = viewport.project([lon, lat]);
    return [box.x + x!, box.y + y!];
  }

  const inMiddle = ([x, y]: [number, number]) =>
    x > box.x + box.width * 0.15 && x < box.x + box.width * 0.85 && y > box.y + box.height * 0.25 && y < box.y + box.height * 0.75;

  beforeAll(async () => {
    served = await openServedDemo(temp.dir, 'tools.tessera');
    ({ page, box } = served);
    client = createClient(createWsTransport(served.host.origin, served.host.token));
  });
  afterAll(async () => {
    await served?.close();
    temp.cleanup();
  });

  it('lassoes cells into the selected territory as one undo step, with live figures', async () => {
    const before = await cellsOf(page, target);
    await page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${target}"]`).click();
    // Clicking a row zooms to the territory; back to the whole map so the lasso crosses several territories.
    await page.getByRole('button', { name: 'Whole map' }).click();
    await page.keyboard.press('l');
    expect(await page.getByTestId('tool-hint').innerText()).toMatch(/Draw around cells to give them to/);
    const cx = box.x + box.width * 0.5;
    const cy = box.y + box.height * 0.5;
    const r = Math.min(box.width, box.height) * 0.18;
    await page.mouse.move(cx - r, cy - r);
    await page.mouse.down();
    try {
      for (const [dx, dy] of [[r, -r], [r, r], [-r, r], [-r, -r * 0.9]]) await page.mouse.move(cx + dx!, cy + dy!);
      // While the lasso is open, the enclosed cells are previewed and the table moves.
      await expect.poll(() => page.locator('[data-testid=territory-table] tbody tr.changing').count()).toBeGreaterThan(1);
      expect(await cellsOf(page, target)).toBeGreaterThan(before);
    } finally {
      await page.mouse.up();
    }
    await expect
      .poll(async () => `${await undoTitle(page)}${await page.locator('[role=alert]').allInnerTexts()}`, { timeout: 20_000 })
      .toMatch(/^Undo Assign [\d,]+ cells to /);
    afterLasso = await cellsOf(page, target);
    expect(afterLasso).toBeGreaterThan(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellsOf(page, target)).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => cellsOf(page, target)).toBe(afterLasso);
  });

  it('drags a named account onto another territory (an override), undoes and redoes it', async () => {
    await page.keyboard.press('v');
    await page.getByTestId('map-controls').getByLabel('Accounts', { exact: true }).check();
    const [accounts, assignment, territories] = await Promise.all([
      client.call('account.list', {}),
      client.call('assignment.get', { scenarioId: 1 }),
      client.call('territory.list', { scenarioId: 1 }),
    ]);
    const reps = await client.call('rep.list', {});
    // An account in the middle of the map, and another territory's rep home (inside that territory) to drop it on.
    let pick: { row: number; from: number; at: [number, number] } | null = null;
    for (let row = 0; row < accounts.ids.length && !pick; row++) {
      const at = await toScreen(accounts.lon[row]!, accounts.lat[row]!);
      if (inMiddle(at)) pick = { row, from: assignment.territoryOfCell[accounts.cell[row]!]!, at };
    }
    expect(pick).not.toBeNull();
    const drop = territories.find((t) => t.id !== pick!.from && t.repId !== null)!;
    const home = reps.find((r) => r.id === drop.repId)!;
    const to = await toScreen(home.lon, home.lat);
    const accountsBefore = await accountsOf(page, drop.id);

    await page.mouse.move(pick!.at[0], pick!.at[1]);
    await expect.poll(() => page.getByTestId('map').getAttribute('data-hover-account')).not.toBe('');
    const accountId = (await page.getByTestId('map').getAttribute('data-hover-account'))!;
    await page.mouse.down();
    for (let i = 1; i <= 4; i++) await page.mouse.move(pick!.at[0] + ((to[0] - pick!.at[0]) * i) / 4, pick!.at[1] + ((to[1] - pick!.at[1]) * i) / 4);
    await page.mouse.up();

    await expect.poll(() => undoTitle(page)).toBe(`Undo Place ${accountId} in ${drop.name}`);
    const overrides = (await client.call('assignment.get', { scenarioId: 1 })).overrides;
    expect(overrides).toEqual([{ accountId, territoryId: drop.id }]);
    await expect.poll(() => accountsOf(page, drop.id)).toBe(accountsBefore + 1);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'account-override.png') });

    await page.keyboard.press('Control+z');
    await expect.poll(() => accountsOf(page, drop.id)).toBe(accountsBefore);
    expect((await client.call('assignment.get', { scenarioId: 1 })).overrides).toEqual([]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => accountsOf(page, drop.id)).toBe(accountsBefore + 1);
  });

  it('finds the edits and the undo stack after a reload; the map shows outlines and labels', async () => {
    const undoBefore = await undoTitle(page);
    await page.reload();
    await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 90_000 });
    expect(await cellsOf(page, target)).toBe(afterLasso);
    await expect.poll(() => undoTitle(page)).toBe(undoBefore);
    expect((await client.call('assignment.get', { scenarioId: 1 })).overrides).toHaveLength(1);
    // Undo after the reload walks back through the same stack: the override, then the lasso.
    await page.keyboard.press('Control+z');
    await expect.poll(() => undoTitle(page)).toMatch(/^Undo Assign [\d,]+ cells to /);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => undoTitle(page)).toBe(undoBefore);

    await page.getByTestId('map-controls').getByLabel('Accounts', { exact: true }).check();
    await page.getByLabel('Size by').selectOption({ label: 'Revenue potential' });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(ARTIFACTS, 'design-workstation.png') });
  });

  it('splits a territory along a drawn line and merges it back, each one undo step', async () => {
    await page.getByLabel('Colour by').selectOption('territory');
    const territories = await client.call('territory.list', { scenarioId: 1 });
    const count = territories.length;
    // The territory with the most cells, zoomed to, then cut by a vertical line through the middle of the map.
    const big = [...territories].sort((a, b) => b.cells - a.cells)[0]!;
    await page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${big.id}"]`).click();
    await page.getByRole('button', { name: 'Zoom to' }).click();
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Split…' }).click();
    expect(await page.getByTestId('tool-hint').innerText()).toMatch(/become a new territory/);
    const x = box.x + box.width * 0.5;
    await page.mouse.move(x, box.y + box.height * 0.2);
    await page.mouse.down();
    for (const f of [0.4, 0.6, 0.85]) await page.mouse.move(x, box.y + box.height * f);
    await page.mouse.up();
    await expect.poll(() => undoTitle(page)).toMatch(new RegExp(`^Undo Split [\\d,]+ cells off ${big.name}$`));
    const split = await client.call('territory.list', { scenarioId: 1 });
    expect(split).toHaveLength(count + 1);
    const created = split.find((t) => !territories.some((o) => o.id === t.id))!;
    expect(created.cells).toBeGreaterThan(0);
    expect(created.cells + split.find((t) => t.id === big.id)!.cells).toBe(big.cells);

    // Merge the new piece back through the details panel.
    await page.keyboard.press('v');
    await page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${created.id}"]`).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('territory-details').getByLabel('Merge into').selectOption({ label: big.name });
    await expect.poll(() => undoTitle(page)).toBe(`Undo Merge ${created.name} into ${big.name}`);
    await expect.poll(async () => (await client.call('territory.list', { scenarioId: 1 })).length).toBe(count);
    expect((await client.call('territory.list', { scenarioId: 1 })).find((t) => t.id === big.id)!.cells).toBe(big.cells);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await client.call('territory.list', { scenarioId: 1 })).length).toBe(count + 1);

    // Halve: two contiguous halves of equal workload, one undo step. (The merge left the big territory selected.)
    const bigRow = page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${big.id}"]`);
    if ((await bigRow.getAttribute('aria-selected')) !== 'true') await bigRow.click();
    await page.getByRole('button', { name: 'Halve' }).click();
    await expect.poll(async () => (await client.call('territory.list', { scenarioId: 1 })).length).toBe(count + 2);
    expect(await undoTitle(page)).toMatch(new RegExp(`^Undo Split [\\d,]+ cells off ${big.name}$`));
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await client.call('territory.list', { scenarioId: 1 })).length).toBe(count + 1);
  });

  it('balances in the background, previews the proposal, accepts it as one undo step', async () => {
    await page.keyboard.press('v');
    const outside = async () => Number((await page.getByTestId('outside-tolerance').innerText()).replace(/\D/g, ''));
    const before = await outside();
    const panel = page.getByTestId('balance-panel');
    await panel.locator('summary').click();
    expect(await page.getByTestId('granularity-note').innerText()).toMatch(/the cells allow about ±/);
    await panel.getByRole('button', { name: 'Balance', exact: true }).click();
    await page.getByTestId('balance-proposal').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('map').getAttribute('data-previewing')).toBe('proposal');
    expect(await page.getByTestId('tool-hint').innerText()).toMatch(/Previewing a balance proposal/);
    expect(await page.getByTestId('balance-moved').innerText()).toMatch(/cells and [\d,]+ accounts change territory/);
    await page.screenshot({ path: join(ARTIFACTS, 'balance-proposal.png') });
    const undoBefore = await undoTitle(page);
    await page.getByTestId('balance-proposal').getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => undoTitle(page)).toMatch(/^Undo Rebalance \([\d,]+ cells moved\)$/);
    await expect.poll(() => page.getByTestId('map').getAttribute('data-previewing')).toBe('');
    expect(await outside()).toBeLessThanOrEqual(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => undoTitle(page)).toBe(undoBefore);
    await panel.locator('summary').click();
  });

  it('builds one territory more than the scenario has from the panel: added on accept, removed by one undo', async () => {
    const rows = () => page.locator('[data-testid=territory-table] tbody tr').count();
    const count = (await client.call('territory.list', { scenarioId: 1 })).length;
    const panel = page.getByTestId('balance-panel');
    await panel.locator('summary').click();
    await panel.getByLabel('Build from scratch').check();
    // Each measure's tolerance starts at the table's (±10 % here) and can be set on its own.
    expect(await panel.getByLabel('Tolerance of Workload (%)').inputValue()).toBe('10');
    await panel.getByLabel('Tolerance of Workload (%)').fill('12');
    await panel.getByLabel('Territories').selectOption('count');
    await panel.getByLabel('Number of territories').fill(String(count + 1));
    await expect.poll(() => page.getByTestId('layout-note').innerText()).toBe('Territories added on accept: 1; removed: 0.');
    await panel.getByRole('button', { name: 'Balance', exact: true }).click();
    await page.getByTestId('balance-proposal').waitFor({ timeout: 60_000 });
    const added = await page.getByTestId('balance-layout').innerText();
    expect(added).toMatch(/^New territories \(1\): Territory \d+\.$/);
    const name = added.match(/Territory \d+/)![0];
    await page.getByTestId('balance-proposal').getByRole('button', { name: 'Accept' }).click();
    await expect.poll(rows).toBe(count + 1);
    const created = (await client.call('territory.list', { scenarioId: 1 })).find((t) => t.name === name)!;
    expect(created.cells).toBeGreaterThan(0);
    expect(created.color).toMatch(/^#[0-9a-f]{6}$/);
    await page.keyboard.press('Control+z');
    await expect.poll(rows).toBe(count);
    await panel.getByLabel('Realign (move as little as possible)').check();
    await panel.locator('summary').click();
  });

  it('rebalances the neighbours after each edit when asked: the stroke and the rebalance are two undo steps', async () => {
    const before = await cellsOf(page, target);
    const panel = page.getByTestId('balance-panel');
    const row = page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${target}"]`);
    if ((await row.getAttribute('aria-selected')) !== 'true') await row.click();
    await panel.locator('summary').click();
    await panel.getByLabel('Rebalance the neighbours after each edit').check();
    await page.getByRole('button', { name: 'Whole map' }).click();
    await page.getByRole('toolbar').getByRole('button', { name: 'Lasso' }).click();
    // A square wide enough to reach past the selected territory's edges (cells it already owns are skipped).
    const cx = box.x + box.width * 0.5;
    const cy = box.y + box.height * 0.5;
    const r = Math.min(box.width, box.height) * 0.22;
    await page.mouse.move(cx - r, cy - r);
    await page.mouse.down();
    for (const [dx, dy] of [[r, -r], [r, r], [-r, r], [-r, -r * 0.9]]) await page.mouse.move(cx + dx!, cy + dy!);
    await page.mouse.up();
    await expect.poll(() => undoTitle(page), { timeout: 60_000 }).toMatch(/^Undo Rebalance the neighbourhood \([\d,]+ cells moved\)$/);
    expect(await page.getByTestId('auto-status').innerText()).toMatch(/^After the last edit, [\d,]+ cells moved among \d+ touched territories and their neighbours\.$/);
    expect(await page.getByTestId('map').getAttribute('data-previewing')).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(() => undoTitle(page)).toMatch(/^Undo Assign [\d,]+ cells to /);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellsOf(page, target)).toBe(before);
    await panel.getByLabel('Rebalance the neighbours after each edit').uncheck();
    await panel.locator('summary').click();
    await page.keyboard.press('v');
    await page.getByRole('button', { name: 'Whole map' }).click();
  });

  it('pins the cells a drawn shape encloses (one undo step), shows them, and Alt+draw unpins', async () => {
    const pinned = async () => (await client.call('assignment.get', { scenarioId: 1 })).pinned.length;
    await page.keyboard.press('p');
    expect(await page.getByTestId('tool-hint').innerText()).toMatch(/Draw around cells to pin them.* 0 cells pinned\.$/);
    const shape = async (modifier: boolean) => {
      const [x0, y0, x1, y1] = [box.x + box.width * 0.42, box.y + box.height * 0.4, box.x + box.width * 0.58, box.y + box.height * 0.6];
      if (modifier) await page.keyboard.down('Alt');
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      for (const [x, y] of [[x1, y0], [x1, y1], [x0, y1], [x0, y0 + 2]]) await page.mouse.move(x!, y!, { steps: 3 });
      await page.mouse.up();
      if (modifier) await page.keyboard.up('Alt');
    };
    await shape(false);
    await expect.poll(pinned).toBeGreaterThan(0);
    const count = await pinned();
    await expect.poll(() => undoTitle(page)).toBe(`Undo Pin ${count} cells`);
    await expect.poll(() => page.getByTestId('tool-hint').innerText()).toMatch(new RegExp(`${count} cells pinned\\.$`));
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'pinned-cells.png') });
    await shape(true);
    await expect.poll(pinned).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(pinned).toBe(count);
    await page.keyboard.press('Control+z');
    await expect.poll(pinned).toBe(0);
    await page.keyboard.press('v');
  });

  it('colours the map by deviation from target and by density', async () => {
    await page.getByTestId('map-controls').getByLabel('Accounts', { exact: true }).uncheck();
    await page.getByLabel('Colour by').selectOption('deviation');
    await expect.poll(() => page.getByTestId('map').getAttribute('data-mode')).toBe('deviation');
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'map-deviation.png') });
    await page.getByLabel('Colour by').selectOption('density');
    await expect(page.getByTestId('map-controls').innerText()).resolves.toMatch(/per km²/);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'map-density.png') });
  });
});
