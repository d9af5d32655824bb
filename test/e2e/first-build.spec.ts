import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../renderer/client/create-client';
import { createWsTransport } from '../../renderer/client/ws-transport';
import { launchBrowser } from '../helpers/browser';
import { startServeProcess, type ServedHost } from '../helpers/serve-process';
import { makeTempDir } from '../helpers/workspaces';

const CLI = join(__dirname, '..', '..', 'out', 'main', 'cli.js');

/** Accounts in New Zealand towns on both main islands, as a CRM export lists them. */
const TOWNS: [string, number, number][] = [
  ['Auckland', -36.85, 174.76],
  ['Hamilton', -37.79, 175.28],
  ['Tauranga', -37.69, 176.17],
  ['Napier', -39.49, 176.91],
  ['Palmerston North', -40.35, 175.61],
  ['Wellington', -41.29, 174.78],
  ['Nelson', -41.27, 173.28],
  ['Christchurch', -43.53, 172.64],
  ['Dunedin', -45.88, 170.5],
  ['Invercargill', -46.41, 168.35],
];
const ACCOUNTS = [
  'id,name,latitude,longitude,revenue,visits',
  ...TOWNS.flatMap(([town, lat, lon], t) =>
    [0, 1, 2].map((i) => `N${t}${i},${town} ${i + 1},${(lat + 0.03 * (i - 1)).toFixed(4)},${(lon + 0.02 * i).toFixed(4)},${1000 + 250 * ((t + i) % 5)},${4 + ((t * 3 + i) % 7)}`),
  ),
].join('\n');
const REPS = ['id,name,latitude,longitude', 'R1,Aroha Ngata,-36.85,174.76', 'R2,Ben Carter,-41.29,174.78', 'R3,Chloe Wu,-43.53,172.64'].join('\n');

/**
 * The first thing a planner does with their own data: an empty workspace, accounts and
 * reps imported, no territory yet; the balance panel builds one territory per rep.
 */
describe('first build: a workspace with only accounts and reps gets one territory per rep', () => {
  const temp = makeTempDir();
  let host: ServedHost;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let client: Client;

  beforeAll(async () => {
    const file = join(temp.dir, 'nz.tessera');
    writeFileSync(join(temp.dir, 'accounts.csv'), ACCOUNTS);
    writeFileSync(join(temp.dir, 'reps.csv'), REPS);
    for (const args of [
      ['create', file, '--resolution', '5'],
      ['import', 'accounts', join(temp.dir, 'accounts.csv'), '--workspace', file],
      ['import', 'reps', join(temp.dir, 'reps.csv'), '--workspace', file],
    ]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
    }
    host = await startServeProcess([file, '--data-dir', join(temp.dir, 'data')]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(host.url);
    await page.getByText('This scenario has no territories yet.').waitFor({ timeout: 90_000 });
    client = createClient(createWsTransport(host.origin, host.token));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.cleanup();
  });

  it('offers a build of one territory per rep, previews it, and accepting creates them as one undo step', async () => {
    const panel = page.getByTestId('balance-panel');
    await panel.locator('summary').click();
    expect(await panel.getByLabel('Realign (move as little as possible)').isDisabled()).toBe(true);
    expect(await panel.getByLabel('Build from scratch').isChecked()).toBe(true);
    expect(await panel.getByLabel('Territories').inputValue()).toBe('perRep');
    expect(await page.getByTestId('layout-note').innerText()).toBe('Territories added on accept: 3; removed: 0.');
    // No "workload" here: the panel balances on the table's measure until others are ticked.
    expect(await panel.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await panel.getByRole('button', { name: 'Balance', exact: true }).click();
    await page.getByTestId('balance-proposal').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('balance-layout').innerText()).toBe('New territories (3): Aroha Ngata, Ben Carter, Chloe Wu.');
    await page.getByTestId('balance-proposal').getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('[data-testid=territory-table] tbody tr').count()).toBe(3);

    const territories = await client.call('territory.list', { scenarioId: 1 });
    expect(territories.map((t) => [t.name, t.repId])).toEqual([
      ['Aroha Ngata', 'R1'],
      ['Ben Carter', 'R2'],
      ['Chloe Wu', 'R3'],
    ]);
    expect(territories.reduce((s, t) => s + t.accounts, 0)).toBe(TOWNS.length * 3);
    for (const t of territories) expect(t.cells).toBeGreaterThan(0);
    const { territoryOfCell } = await client.call('assignment.get', { scenarioId: 1 });
    expect(territoryOfCell.every((t) => t > 0)).toBe(true);

    await page.keyboard.press('Control+z');
    await page.getByText('This scenario has no territories yet.').waitFor({ timeout: 30_000 });
    expect(await client.call('territory.list', { scenarioId: 1 })).toEqual([]);
  });
});
