import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServedDemo, type ServedDemo } from '../helpers/served-demo';
import { figureOf, undoTitle } from '../helpers/territory-table';
import { makeTempDir } from '../helpers/workspaces';

const ARTIFACTS = join(__dirname, '..', '..', 'test-results');

const cellsOf = (page: Page, id: number) => figureOf(page, id, 'Cells');

describe('painting territories on the map', () => {
  const temp = makeTempDir();
  let served: ServedDemo;
  let page: Page;
  let box: { x: number; y: number; width: number; height: number };
  const target = 1;
  let before = 0;

  /**
   * Drags the tool across the middle of the map from 10 % to 90 % of its width (few moves:
   * software rendering is slow); `during` runs with the button still down.
   */
  async function stroke(during: () => Promise<void>) {
    const y = box.y + box.height * 0.55;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    try {
      for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + box.width * (0.1 + 0.16 * i), y);
      await during();
    } finally {
      await page.mouse.up();
    }
  }

  beforeAll(async () => {
    served = await openServedDemo(temp.dir, 'paint.tessera');
    ({ page, box } = served);
  });
  afterAll(async () => {
    await served?.close();
    temp.cleanup();
  });

  it('paints a stroke into the selected territory as one undo step, with live figures', async () => {
    before = await cellsOf(page, target);
    await page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${target}"]`).click();
    // Clicking a row zooms to the territory; back to the whole map so the stroke crosses several territories.
    await page.getByRole('button', { name: 'Whole map' }).click();
    await page.keyboard.press('b');
    expect(await page.getByTestId('tool-hint').innerText()).toMatch(/Drag to paint cells into/);
    await stroke(async () => {
      // Live figures from the renderer's own sums while the button is still down.
      await expect.poll(() => page.locator('[data-testid=territory-table] tbody tr.changing').count()).toBeGreaterThan(1);
      expect(await cellsOf(page, target)).toBeGreaterThan(before);
    });
    // The stroke is sent as one command when the button is released; its confirmation and
    // the redrawn map take seconds under software rendering (the default poll waits 1 s).
    await expect.poll(() => undoTitle(page), { timeout: 30_000 }).toMatch(/^Undo Assign \d+ cells to /);
    const after = await cellsOf(page, target);
    expect(after).toBeGreaterThan(before);
    expect(await page.locator('[data-testid=territory-table] tbody tr.changing').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'paint-stroke.png') });

    await page.keyboard.press('Control+z');
    await expect.poll(() => cellsOf(page, target), { timeout: 30_000 }).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => cellsOf(page, target), { timeout: 30_000 }).toBe(after);
  });

  it('drops a stroke on Escape', async () => {
    const title = await undoTitle(page);
    const cells = await cellsOf(page, target);
    await stroke(() => page.keyboard.press('Escape'));
    await page.waitForTimeout(500);
    expect(await cellsOf(page, target)).toBe(cells);
    expect(await undoTitle(page)).toBe(title);
  });

  it('keeps the edit and its undo step after a reload', async () => {
    const cells = await cellsOf(page, target);
    const title = await undoTitle(page);
    await page.reload();
    await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 90_000 });
    expect(await cellsOf(page, target)).toBe(cells);
    expect(await undoTitle(page)).toBe(title);
  });

  it('erases cells with the eraser', async () => {
    const cells = await cellsOf(page, target);
    await page.keyboard.press('e');
    await stroke(async () => {
      await expect.poll(() => page.locator('[data-testid=territory-table] tbody tr.changing').count()).toBeGreaterThan(0);
    });
    await expect.poll(() => undoTitle(page)).toMatch(/^Undo Unassign \d+ cells$/);
    expect(await cellsOf(page, target)).toBeLessThan(cells);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellsOf(page, target)).toBe(cells);
  });

  it('creates a territory, paints into it, locks it, deletes it and undoes the delete', async () => {
    await page.keyboard.press('v');
    await page.getByRole('button', { name: 'New territory' }).click();
    const row = page.locator('[data-testid=territory-table] tbody tr', { hasText: 'Territory 9' });
    await row.waitFor();
    const id = Number(await row.getAttribute('data-territory-id'));
    await expect.poll(() => page.getByTestId('territory-details').innerText()).toContain('Territory 9');
    await page.keyboard.press('b');
    await stroke(async () => {
      await expect.poll(() => cellsOf(page, id)).toBeGreaterThan(0);
    });
    await expect.poll(() => undoTitle(page)).toMatch(/to Territory 9$/);
    const painted = await cellsOf(page, id);

    // The checkbox mirrors the backend: it flips once the lock command is confirmed.
    const locked = page.getByTestId('territory-details').getByLabel('Locked');
    await locked.click();
    await expect.poll(() => locked.isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('tool-hint').innerText()).toMatch(/Territory 9 is locked/);
    expect(await page.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
    await locked.click();
    await expect.poll(() => locked.isChecked()).toBe(false);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${id}"]`).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${id}"]`).count()).toBe(1);
    expect(await cellsOf(page, id)).toBe(painted);
    await page.screenshot({ path: join(ARTIFACTS, 'territory-lifecycle.png') });
  });

  it('zooms the map to a territory when its row is clicked, and back out to the whole map', async () => {
    const zoom = async () => Number(await page.getByTestId('map').getAttribute('data-zoom'));
    await page.getByRole('button', { name: 'Whole map' }).click();
    await page.waitForTimeout(300);
    const whole = await zoom();
    await page.locator('[data-testid=territory-table] tbody tr[data-territory-id="4"]').click();
    await expect.poll(zoom).toBeGreaterThan(whole + 0.5);
    await page.getByRole('button', { name: 'Whole map' }).click();
    await expect.poll(zoom).toBeCloseTo(whole, 1);
    // A second click clears the selection and leaves the view alone.
    await page.locator('[data-testid=territory-table] tbody tr[data-territory-id="4"]').click();
    await expect.poll(() => page.getByRole('button', { name: 'Zoom to' }).isDisabled()).toBe(true);
    expect(await zoom()).toBeCloseTo(whole, 1);
  });
});
