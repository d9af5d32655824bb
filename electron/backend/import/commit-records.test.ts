import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/domain/random/create-rng';
import { fixedNow, makeTempDir } from '../../../test/helpers/workspaces';
import { refreshCellTotals } from '../db/queries/accounts';
import type { Db } from '../db/db-types';
import { Workspace } from '../workspace/workspace';
import { commitCheckingKeysAtEnd, commitRecords, keysCheckableAtEnd } from './commit-records';
import { growStudyArea } from './grow-study-area';
import type { Prepared } from './prepared';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

/** `n` accounts around Denver in few cells, ids in no order (some not ASCII), measures that sum differently in another order. */
function prepared(n: number, idOf: (i: number) => string): Prepared {
  const rng = createRng(3);
  const ids: string[] = [];
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const revenue = new Float64Array(n);
  const visits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids.push(idOf(i));
    lat[i] = 39.7 + 0.3 * rng.next();
    lon[i] = -105 + 0.3 * rng.next();
    revenue[i] = rng.next() < 0.1 ? Number.NaN : rng.next() < 0.05 ? (rng.next() < 0.5 ? 1e16 : -1e16) : Math.round(rng.next() * 1e8) / 100;
    visits[i] = rng.next() < 0.5 ? Number.NaN : Math.floor(rng.next() * 24);
  }
  const cells = Array.from(lat, (la, i) => latLngToCell(la, lon[i]!, 6));
  return {
    kind: 'accounts',
    rowsRead: n,
    rejected: 0,
    issues: [],
    records: {
      ids,
      names: ids.map((id) => `Name ${id}`),
      lat,
      lon,
      cells,
      postal: ids.map((_, i) => (i % 7 === 0 ? '80202' : null)),
      measures: { revenue, visits },
      attributes: ids.map((_, i) => JSON.stringify(i % 3 === 0 ? {} : { segment: `S${i % 5}` })),
      capacity: null,
    },
    growth: growStudyArea([], cells, lat, lon, 6),
    alignment: null,
    polygons: null,
    measures: [
      { key: 'revenue', label: 'Revenue' },
      { key: 'visits', label: 'Visits' },
    ],
    timings: { readMs: 0, cellsMs: 0, studyAreaMs: 0 },
  };
}

function snapshot(db: Db) {
  return {
    accounts: db.prepare('SELECT id, name, lat, lon, cell, postal_code, measures, attributes FROM accounts ORDER BY id').raw().all(),
    counts: db.prepare('SELECT idx, accounts FROM cells WHERE accounts <> 0 ORDER BY idx').raw().all(),
    totals: db.prepare('SELECT measure, cell, value FROM cell_totals ORDER BY measure, cell').raw().all(),
  };
}

function load(name: string, p: Prepared) {
  const ws = Workspace.create(join(temp.dir, name), 6, fixedNow);
  const counts = ws.db.transaction(() => commitRecords(ws.db, p, 'keep'))();
  return { ws, counts };
}

describe('commitRecords into an empty accounts table', () => {
  it('loads many accounts with the cell counts and totals that refreshCellTotals gives', () => {
    const ids = ['b', 'B', 'é', 'a', 'Z', 'z ', '0'];
    const p = prepared(12_000, (i) => `${ids[(i * 7919) % ids.length]}${(i * 104729) % 12_000}`);
    const { ws, counts } = load('bulk.tessera', p);
    try {
      expect(counts).toMatchObject({ imported: 12_000, updated: 0, unchanged: 0, missing: 0, removed: 0 });
      expect(counts.addedCells).toBe(p.growth!.h3.length);
      const loaded = snapshot(ws.db);
      expect(loaded.accounts).toHaveLength(12_000);
      expect(loaded.totals.length).toBeGreaterThan(10);
      ws.db.transaction(() => refreshCellTotals(ws.db))();
      expect(snapshot(ws.db)).toEqual(loaded);
      expect(ws.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'accounts_cell'").pluck().get()).toBe(1);
      expect(ws.db.pragma('cache_size', { simple: true })).toBe(-16000);
    } finally {
      ws.close();
    }
  });

  it('writes each account as the row-by-row path does', () => {
    const p = prepared(12_000, (i) => `id-${String(12_000 - i).padStart(6, '0')}`);
    const few = prepared(50, (i) => `id-${String(12_000 - i).padStart(6, '0')}`);
    const bulk = load('many.tessera', p);
    const single = load('few.tessera', few);
    try {
      const byId = new Map((snapshot(bulk.ws.db).accounts as unknown[][]).map((row) => [row[0], row]));
      const few50 = snapshot(single.ws.db).accounts as unknown[][];
      expect(few50).toHaveLength(50);
      // Same records, same study area growth where they share cells: compare all but the cell index.
      for (const row of few50) expect([...byId.get(row[0])!.slice(0, 4), ...byId.get(row[0])!.slice(5)]).toEqual([...row.slice(0, 4), ...row.slice(5)]);
    } finally {
      bulk.ws.close();
      single.ws.close();
    }
  });

  it('takes the row-by-row path for ids SQLite might order otherwise, with the same result', () => {
    const p = prepared(11_000, (i) => (i % 2 === 0 ? `😀${i}` : `x${i}`));
    const { ws, counts } = load('emoji.tessera', p);
    try {
      expect(counts.imported).toBe(11_000);
      const loaded = snapshot(ws.db);
      ws.db.transaction(() => refreshCellTotals(ws.db))();
      expect(snapshot(ws.db)).toEqual(loaded);
    } finally {
      ws.close();
    }
  });
});

describe('commitCheckingKeysAtEnd', () => {
  it('loads accounts with foreign keys checked once, then enforced again', () => {
    const p = prepared(12_000, (i) => `k${i}`);
    const ws = Workspace.create(join(temp.dir, 'keys.tessera'), 6, fixedNow);
    try {
      expect(keysCheckableAtEnd(ws.db, p)).toBe(true);
      expect(keysCheckableAtEnd(ws.db, prepared(50, (i) => `k${i}`))).toBe(false);
      const journals: string[] = [];
      const counts = commitCheckingKeysAtEnd(ws.db, () => {
        journals.push(ws.db.pragma('journal_mode', { simple: true }) as string);
        return commitRecords(ws.db, p, 'keep');
      });
      expect(counts.imported).toBe(12_000);
      // A rollback journal for the load (its pages are written once), the write-ahead log again after.
      expect(journals).toEqual(['delete']);
      expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ws.db.pragma('foreign_key_check')).toEqual([]);
      // Once the table holds accounts, a later import enforces keys row by row.
      expect(keysCheckableAtEnd(ws.db, p)).toBe(false);
    } finally {
      ws.close();
    }
  });

  it('rolls everything back, with an error, when a row points at no cell', () => {
    const p = prepared(12_000, (i) => `k${i}`);
    const ws = Workspace.create(join(temp.dir, 'dangling.tessera'), 6, fixedNow);
    try {
      const cellsBefore = ws.db.prepare('SELECT count(*) FROM cells').pluck().get();
      expect(() =>
        commitCheckingKeysAtEnd(ws.db, () => {
          commitRecords(ws.db, p, 'keep');
          ws.db.prepare("INSERT INTO accounts (id, name, lat, lon, cell, postal_code, measures, attributes) VALUES ('stray', '', 0, 0, 99999999, NULL, '{}', '{}')").run();
        }),
      ).toThrow(/1 rows of accounts pointing at nothing; nothing was imported/);
      expect(ws.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
      expect(ws.db.prepare('SELECT count(*) FROM cells').pluck().get()).toBe(cellsBefore);
      expect(ws.db.prepare('SELECT count(*) FROM cell_totals').pluck().get()).toBe(0);
      expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ws.db.inTransaction).toBe(false);
    } finally {
      ws.close();
    }
  });
});
