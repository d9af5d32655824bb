import type { Page } from 'playwright-core';

/**
 * A figure from the territory table: the cell of territory `id`'s row under the column whose
 * header starts with `header` (e.g. "Cells", "Accounts"), as a number (separators dropped).
 */
export async function figureOf(page: Page, id: number, header: string): Promise<number> {
  const headers = await page.locator('[data-testid=territory-table] thead th').allInnerTexts();
  const column = headers.findIndex((h) => h.trim().startsWith(header));
  if (column < 0) throw new Error(`No "${header}" column in the territory table (${headers.join(' | ')}).`);
  const text = await page.locator(`[data-testid=territory-table] tbody tr[data-territory-id="${id}"] td`).nth(column).innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** The Undo button's title, e.g. "Undo Assign 12 cells to North". */
export async function undoTitle(page: Page): Promise<string> {
  return (await page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title')) ?? '';
}
