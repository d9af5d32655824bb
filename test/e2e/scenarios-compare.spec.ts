import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saturatedShare } from '../helpers/pixels';
import { openServedDemo, type ServedDemo } from '../helpers/served-demo';
import { undoTitle } from '../helpers/territory-table';
import { makeTempDir } from '../helpers/workspaces';

const ARTIFACTS = join(__dirname, '..', '..', 'test-results');

describe('what-if scenarios: branch, paint, compare, promote, undo', () => {
  const temp = makeTempDir();
  let served: ServedDemo;
  let page: Page;
  const BRANCH = 'East what-if';

  const panel = () => page.getByTestId('scenario-panel');
  const row = (name: string): Locator => panel().getByTestId('scenario-row').filter({ has: page.getByTestId('scenario-name').getByText(name, { exact: true }) });
  /** The "moved vs baseline" figure of a scenario's row: its account count. */
  const movedAccounts = async (name: string) => Number((await row(name).getByTestId('scenario-moved').innerText()).split(' ')[0]!.replace(/[^\d]/g, '') || '0');

  beforeAll(async () => {
    served = await openServedDemo(temp.dir, 'scenarios.tessera');
    page = served.page;
  });
  afterAll(async () => {
    await served?.close();
    temp.cleanup();
  });

  it('branches the baseline into a new scenario and shows it', async () => {
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await panel().waitFor();
    const baseline = panel().getByTestId('scenario-row').first();
    expect(await baseline.getAttribute('aria-current')).toBe('true');
    await baseline.getByRole('button', { name: 'Branch', exact: true }).click();
    await panel().getByLabel('Name of the new scenario').fill(BRANCH);
    await panel().getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect.poll(() => row(BRANCH).getAttribute('aria-current')).toBe('true');
    expect(await row(BRANCH).getAttribute('data-depth')).toBe('1');
    expect(await undoTitle(page)).toBe('');
  });

  it('paints the branch; the tree shows how far it moved from the baseline', async () => {
    await page.getByRole('tab', { name: 'Territories' }).click();
    await page.locator('[data-testid=territory-table] tbody tr[data-territory-id="1"]').click();
    await page.getByRole('button', { name: 'Whole map' }).click();
    await page.keyboard.press('b');
    const { box } = served;
    const y = box.y + box.height * 0.55;
    // A stroke made while the map is still flying to the whole view (slow in software
    // rendering) paints nothing; one that paints leaves an undo entry. So stroke until one does.
    for (let attempt = 0; attempt < 3 && !/^Undo Assign/.test(await undoTitle(page)); attempt++) {
      await page.mouse.move(box.x + box.width * 0.1, y);
      await page.mouse.down();
      for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + box.width * (0.1 + 0.16 * i), y);
      await page.mouse.up();
      await expect
        .poll(() => undoTitle(page), { timeout: 15_000 })
        .toMatch(/^Undo Assign \d+ cells to /)
        .catch(() => undefined);
    }
    expect(await undoTitle(page)).toMatch(/^Undo Assign \d+ cells to /);
    await page.keyboard.press('v');

    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await expect.poll(() => movedAccounts(BRANCH), { timeout: 20_000 }).toBeGreaterThan(0);
  });

  it('compares the branch with the baseline: moved cells on the map and the moved accounts', async () => {
    const moved = await movedAccounts(BRANCH);
    await row(BRANCH).getByRole('button', { name: 'Compare with baseline', exact: true }).click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    await expect.poll(() => page.getByTestId('moved-account-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('moved-accounts').innerText()).toContain(`${moved}`);
    expect(await page.getByTestId('disruption-summary').innerText()).toContain(`${moved}`);
    await page.getByTestId('compare-map-base').waitFor();
    await page.getByTestId('compare-map-other').waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-maps.png') });

    await view.getByRole('button', { name: 'Differences', exact: true }).click();
    const diffMap = page.getByTestId('compare-diff-map');
    await diffMap.waitFor();
    await expect.poll(async () => Number((await page.getByTestId('moved-cells-count').innerText()).replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    // Moved cells are drawn in full colour over a faded plan: some, but few, pixels are saturated.
    await expect
      .poll(async () => saturatedShare(await diffMap.screenshot()), { timeout: 30_000, interval: 1000 })
      .toBeGreaterThan(0.0002);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-differences.png') });
    expect(saturatedShare(await diffMap.screenshot())).toBeLessThan(0.05);
    await view.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByTestId('map').waitFor();
  });

  it('promotes the branch to the baseline as one undo step, and undo takes it back', async () => {
    const moved = await movedAccounts(BRANCH);
    await row(BRANCH).getByRole('button', { name: 'Promote to baseline', exact: true }).click();
    await panel().getByRole('button', { name: 'Confirm', exact: true }).click();
    // The app switches to the baseline, where the promotion is the last edit.
    await expect.poll(() => undoTitle(page)).toMatch(/^Undo Promote “East what-if” to the baseline$/);
    await expect.poll(() => panel().getByTestId('scenario-row').first().getAttribute('aria-current')).toBe('true');
    await expect.poll(() => movedAccounts(BRANCH), { timeout: 20_000 }).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(() => movedAccounts(BRANCH), { timeout: 20_000 }).toBe(moved);
    expect(await undoTitle(page)).toBe('');
  });
});
