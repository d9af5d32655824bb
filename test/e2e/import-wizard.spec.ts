import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../renderer/client/create-client';
import { createWsTransport } from '../../renderer/client/ws-transport';
import { openServedDemo, type ServedDemo } from '../helpers/served-demo';
import { makeTempDir } from '../helpers/workspaces';

/**
 * New accounts as a European CRM export writes them: ';' between fields, decimal commas.
 * Row numbers as a spreadsheet shows them (header = 1). Five rows are good; row 6 has a
 * latitude out of range and row 7 repeats the id of row 3.
 */
const CSV = [
  'ID;Name;Latitude;Longitude;Revenue',
  '007;Mile High Supply;39,7392;-104,9903;1234,5', // 2 Denver, an id with leading zeros
  'K-102;River City Tools;39,0997;-94,5786;980,25', // 3 Kansas City
  'K-103;Lone Star Parts;32,7767;-96,797;1500', // 4 Dallas
  'K-104;Gateway Goods;38,627;-90,1994;720,5', // 5 St. Louis
  'K-105;Bad Latitude;123;-100,5;300', // 6 latitude out of range
  'K-102;Duplicate Co;41,2565;-95,9345;400', // 7 duplicate id
  'K-106;Prairie Mart;41,2565;-95,9345;640,75', // 8 Omaha
].join('\r\n');
const ARTIFACTS = join(__dirname, '..', '..', 'test-results');
const FILE = { name: 'new-accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') };

describe('import wizard: accounts from a CSV with semicolons and decimal commas', () => {
  const temp = makeTempDir();
  let served: ServedDemo;
  let page: Page;
  let client: Client;

  const dialog = () => page.getByRole('dialog', { name: 'Import data' });
  const accountCount = async () => {
    const text = await page.getByTestId('workspace-summary').innerText();
    return Number(/^([\d,]+) accounts/.exec(text)![1]!.replace(/,/g, ''));
  };
  const count = async (name: string) => Number((await page.getByTestId(`import-count-${name}`).locator('dd').innerText()).replace(/,/g, ''));
  const roleOf = (header: string) => page.getByTestId(`role-${header}`).inputValue();
  const openWithFile = async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await dialog().waitFor();
    await dialog().getByRole('radio', { name: /^Accounts/ }).check();
    await page.setInputFiles('[data-testid=import-file]', FILE);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
  };
  const cells = (row: Locator) => row.locator('td').allInnerTexts();

  beforeAll(async () => {
    served = await openServedDemo(temp.dir, 'x.tessera');
    page = served.page;
    client = createClient(createWsTransport(served.host.origin, served.host.token));
  });
  afterAll(async () => {
    await served?.close();
    temp.cleanup();
  });

  it('reads the file, guesses the mapping, imports the good rows and reports the bad ones by row and column', async () => {
    const before = await accountCount();
    await openWithFile();

    expect(await page.getByTestId('import-file-name').innerText()).toBe('new-accounts.csv');
    expect(await page.getByTestId('import-delimiter').innerText()).toContain(';');
    expect(await page.getByTestId('import-number-rule').innerText()).toMatch(/^decimal comma/);
    expect(await roleOf('ID')).toBe('id');
    expect(await roleOf('Name')).toBe('name');
    expect(await roleOf('Latitude')).toBe('latitude');
    expect(await roleOf('Longitude')).toBe('longitude');
    expect(await roleOf('Revenue')).toBe('measure');
    expect(await page.getByTestId('key-Revenue').inputValue()).toBe('revenue');
    expect(await page.getByTestId('import-saved-mapping').count()).toBe(0);
    // The preview shows the rows with their spreadsheet numbers, the id as written.
    const firstRow = page.locator('[data-testid=import-preview] tbody tr').first();
    expect(await firstRow.locator('th').innerText()).toBe('2');
    expect((await cells(firstRow))[0]).toBe('007');
    expect(await page.locator('[data-testid=import-preview] tbody tr').count()).toBe(7);
    // The workspace has accounts: the ones not in the file are kept unless asked.
    expect(await dialog().getByRole('radio', { name: 'keep' }).isChecked()).toBe(true);

    // Problems are found as the mapping changes, and block the import.
    await page.getByTestId('role-Longitude').selectOption('ignore');
    expect(await page.getByTestId('import-problems').innerText()).toContain('Latitude is mapped but longitude is not.');
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    await page.getByTestId('role-Longitude').selectOption('longitude');
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    // Switching the decimal mark rewrites the rule; switch back to what the file uses.
    await page.getByTestId('import-decimal').selectOption('.');
    expect(await page.getByTestId('import-number-rule').innerText()).toMatch(/^decimal point/);
    await page.getByTestId('import-decimal').selectOption(',');
    expect(await page.getByTestId('import-number-rule').innerText()).toMatch(/^decimal comma, thousands separator point/);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'import-mapping.png') });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-report').waitFor({ timeout: 90_000 });
    expect(await count('imported')).toBe(5);
    expect(await count('updated')).toBe(0);
    expect(await count('rejected')).toBe(2);
    expect(await page.getByTestId('import-count-missing').locator('dd').innerText()).toBe('2,000 (kept)');
    expect(await page.getByTestId('import-growth').innerText()).toBe('The study area already covered every location.');
    const issues = page.locator('[data-testid=import-issues] tbody tr');
    expect(await issues.count()).toBe(2);
    const [latitude, duplicate] = [await cells(issues.nth(0)), await cells(issues.nth(1))];
    expect(latitude.slice(0, 3)).toEqual(['6', 'Latitude', '123']);
    expect(latitude[3]).toMatch(/latitude 123 is out of range/);
    expect(duplicate.slice(0, 3)).toEqual(['7', 'ID', 'K-102']);
    expect(duplicate[3]).toMatch(/duplicate id \(first seen on row 3\)/);

    await page.screenshot({ path: join(ARTIFACTS, 'import-report.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-rejects').click()]);
    expect(download.suggestedFilename()).toBe('new-accounts-rejects.csv');
    const rejects = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(rejects[0]).toBe('row,column,value,reason');
    expect(rejects[1]).toMatch(/^6,Latitude,123,/);
    expect(rejects[2]).toMatch(/^7,ID,K-102,/);

    await dialog().getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(accountCount, { timeout: 30_000 }).toBe(before + 5);
    // The app reloaded the new content: the map and the table are back, the new measure is known.
    await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 90_000 });
    const accounts = await client.call('account.list', {});
    expect(accounts.ids).toEqual(expect.arrayContaining(['007', 'K-102', 'K-103', 'K-104', 'K-106']));
    expect(accounts.ids).not.toContain('K-105');
    expect(accounts.measures.revenue?.[accounts.ids.indexOf('007')]).toBeCloseTo(1234.5);
  });

  it('reuses the saved mapping for a file with the same layout', async () => {
    await openWithFile();
    expect(await page.getByTestId('import-saved-mapping').innerText()).toBe('Using the mapping saved as “new-accounts”.');
    expect(await roleOf('Revenue')).toBe('measure');
    expect(await page.getByTestId('import-number-rule').innerText()).toMatch(/^decimal comma/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
  });
});
