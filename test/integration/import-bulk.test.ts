import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../shared/domain/random/create-rng';
import { tesseraInProcess } from '../helpers/cli-in-process';
import { makeTempDir } from '../helpers/workspaces';

const BIN = join(__dirname, '..', '..', 'bin', 'tessera.js');
const ROWS = 60_000;
const temp = makeTempDir();
let csv: string;

/**
 * 60,000 accounts (past the row count from which a file's points are placed on a second
 * thread and loaded in bulk): most in Colorado, a few across the border in Wyoming
 * (a land part given only the land near its points), in shuffled id order.
 */
beforeAll(() => {
  const rng = createRng(11);
  const lines = ['Account ID,Name,Latitude,Longitude,Revenue,Segment'];
  for (let i = 0; i < ROWS; i++) {
    const id = String((i * 7919) % ROWS).padStart(6, '0');
    const [lat, lon] = i % 700 === 0 ? [41.2 + 0.1 * rng.next(), -105 + 0.5 * rng.next()] : [37.2 + 3.6 * rng.next(), -108.8 + 6.5 * rng.next()];
    lines.push(`${id},"Account ${id}, Inc.",${lat.toFixed(5)},${lon.toFixed(5)},${(rng.next() * 1e5).toFixed(2)},${i % 3 === 0 ? 'Retail' : 'Trade'}`);
  }
  csv = join(temp.dir, 'accounts.csv');
  writeFileSync(csv, lines.join('\n'));
});
afterAll(() => temp.cleanup());

const tessera = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

/** A digest of what an import writes: the study area, its grid, the accounts and their cell totals. */
function contentDigest(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const hash = createHash('sha256');
    for (const sql of [
      'SELECT idx, h3, lat, lon, component, accounts FROM cells ORDER BY idx',
      'SELECT * FROM grid ORDER BY 1',
      'SELECT id, name, lat, lon, cell, postal_code, measures, attributes FROM accounts ORDER BY id',
      'SELECT * FROM cell_totals ORDER BY measure, cell',
    ]) {
      for (const row of db.prepare(sql).raw().iterate() as IterableIterator<unknown[]>) {
        hash.update(JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v))));
      }
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

function journalAndIntegrity(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return { journal: db.pragma('journal_mode', { simple: true }), integrity: db.pragma('integrity_check', { simple: true }), accounts: db.prepare('SELECT count(*) FROM accounts').pluck().get() };
  } finally {
    db.close();
  }
}

describe('a large first import of accounts', () => {
  it('writes the same workspace whether its points are placed on a second thread (built CLI) or on the reading thread (sources)', async () => {
    const threaded = join(temp.dir, 'threaded.tessera');
    const here = join(temp.dir, 'here.tessera');
    for (const ws of [threaded, here]) expect(tessera('create', ws, '--resolution', '6').status).toBe(0);

    const built = tessera('import', 'accounts', csv, '--workspace', threaded, '--json');
    expect(built.status, built.stderr).toBe(0);
    const inProcess = await tesseraInProcess('import', 'accounts', csv, '--workspace', here, '--json');
    expect(inProcess.status, inProcess.stderr).toBe(0);

    const a = JSON.parse(built.stdout) as { imported: number; rejected: number; addedCells: number };
    const b = JSON.parse(inProcess.stdout) as typeof a;
    expect(a).toMatchObject({ imported: ROWS, rejected: 0 });
    expect(b).toMatchObject({ imported: a.imported, addedCells: a.addedCells });
    expect(a.addedCells).toBeGreaterThan(5_000);
    expect(contentDigest(threaded)).toBe(contentDigest(here));
    // The bulk load ran under a rollback journal; the file is back in write-ahead mode.
    expect(journalAndIntegrity(threaded)).toEqual({ journal: 'wal', integrity: 'ok', accounts: ROWS });
  });

  it('leaves the workspace as it was when the process dies while the accounts are written', async () => {
    const ws = join(temp.dir, 'killed.tessera');
    expect(tessera('create', ws, '--resolution', '6').status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'import', 'accounts', csv, '--workspace', ws], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // The rollback journal exists only while the bulk load's transaction is open.
    let killed = false;
    const started = Date.now();
    while (!killed && child.exitCode === null && Date.now() - started < 60_000) {
      if (existsSync(`${ws}-journal`)) {
        child.kill('SIGKILL');
        killed = true;
      } else await new Promise((r) => setTimeout(r, 1));
    }
    await exited;
    expect(killed).toBe(true);
    // Opening it rolls the load back: no account, no cell, intact, in write-ahead mode again.
    const info = tessera('info', ws, '--json');
    expect(info.status, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ accounts: 0, cells: 0 });
    expect(journalAndIntegrity(ws)).toEqual({ journal: 'wal', integrity: 'ok', accounts: 0 });
  });
});
