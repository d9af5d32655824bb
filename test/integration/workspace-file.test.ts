import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { createBackend } from '../../electron/backend/create-backend';
import { Workspace } from '../../electron/backend/workspace/workspace';
import { sha256, writeForeignSqlite, writeFutureCopy, writeRandomFile, writeTruncatedCopy } from '../helpers/bad-files';
import { fixedNow, makeSmallDemo, makeTempDir } from '../helpers/workspaces';

const temp = makeTempDir();
let demo: string;

beforeAll(() => {
  demo = makeSmallDemo(join(temp.dir, 'demo.tessera'));
});
afterAll(() => temp.cleanup());

function expectCode(fn: () => unknown, code: string): ContractError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe(code);
    return error as ContractError;
  }
  throw new Error(`expected ${code}`);
}

describe('opening files that are not sound workspaces', () => {
  const cases: [string, (p: string) => string, string, RegExp][] = [
    ['a random file', (p) => writeRandomFile(p), 'NOT_A_WORKSPACE', /not an SQLite database/],
    ['an SQLite file of another program', (p) => writeForeignSqlite(p), 'NOT_A_WORKSPACE', /not a Tessera workspace/],
    ['a truncated workspace', (p) => writeTruncatedCopy(demo, p), 'CORRUPT_WORKSPACE', /cut short/],
    ['a workspace from a newer Tessera', (p) => writeFutureCopy(demo, p), 'NEWER_SCHEMA', /newer version of Tessera/],
  ];

  it.each(cases)('refuses %s clearly and leaves its bytes untouched', (_name, make, code, message) => {
    const path = make(join(temp.dir, `bad-${code}-${Math.random().toString(36).slice(2)}.tessera`));
    const before = sha256(path);
    const error = expectCode(() => Workspace.open(path, fixedNow), code);
    expect(error.message).toMatch(message);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`) || existsSync(`${path}-journal`)).toBe(false);
  });

  it('says which file does not exist', () => {
    expectCode(() => Workspace.open(join(temp.dir, 'nope.tessera'), fixedNow), 'FILE_NOT_FOUND');
  });

  it('reports a failed open as a status naming the file, through the backend', () => {
    const path = writeRandomFile(join(temp.dir, 'random.tessera'));
    const backend = createBackend({ dataDir: join(temp.dir, 'data-failed'), appVersion: 't' });
    const status = backend.session.open(path);
    expect(status).toMatchObject({ state: 'failed', path, error: { code: 'NOT_A_WORKSPACE' } });
    backend.close();
  });
});

describe('one writer per workspace', () => {
  it('refuses a second opener in the same process', () => {
    const first = Workspace.open(demo, fixedNow);
    try {
      const error = expectCode(() => Workspace.open(demo, fixedNow), 'WORKSPACE_IN_USE');
      expect(error.message).toMatch(/in use by another Tessera window/);
    } finally {
      first.close();
    }
    Workspace.open(demo, fixedNow).close();
  });

  it('refuses a second process, then lets it in once the first closes', () => {
    const first = Workspace.open(demo, fixedNow);
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1], { fileMustExist: true, timeout: 0 });
      db.pragma('locking_mode = EXCLUSIVE');
      try { db.exec('BEGIN IMMEDIATE; COMMIT;'); console.log('acquired'); } catch (e) { console.log(e.code); }
    `;
    const run = () => spawnSync(process.execPath, ['-e', script, demo], { encoding: 'utf8' }).stdout.trim();
    try {
      expect(run()).toMatch(/^SQLITE_BUSY/);
    } finally {
      first.close();
    }
    expect(run()).toBe('acquired');
  });
});

describe('create, save as, recent files', () => {
  it('creates an empty workspace at a resolution and refuses to overwrite', () => {
    const path = join(temp.dir, 'empty.tessera');
    const ws = Workspace.create(path, 8, fixedNow);
    expect(ws.info()).toMatchObject({ resolution: 8, accounts: 0, cells: 0, scenarios: 0, schemaVersion: 5 });
    ws.close();
    Workspace.open(path, fixedNow).close();
    expectCode(() => Workspace.create(path, 8, fixedNow), 'FILE_EXISTS');
  });

  it('saves a consistent copy and switches to it, keeping the edits', async () => {
    const dataDir = join(temp.dir, 'data-save-as');
    const backend = createBackend({ dataDir, appVersion: 't', now: fixedNow });
    const source = join(temp.dir, 'source.tessera');
    makeSmallDemo(source);
    backend.session.open(source);
    backend.session.require().execute(1, { type: 'territory.update', territoryId: 1, changes: { name: 'Renamed before save' } });
    const copy = join(temp.dir, 'copy.tessera');
    const status = await backend.session.saveAs(copy);
    expect(status).toMatchObject({ state: 'open', info: { path: copy } });
    expect(backend.session.require().territories(1)[0]!.name).toBe('Renamed before save');
    expect(backend.session.require().historyState(1).undo).not.toBeNull();
    expect(backend.session.recent.list().map((r) => r.path)).toEqual([copy, source]);
    backend.close();
    Workspace.open(source, fixedNow).close();
    expect(readdirSync(dataDir)).toEqual(['recent.json']);
  });

  it('keeps undo history across a restart', () => {
    const path = join(temp.dir, 'history.tessera');
    makeSmallDemo(path);
    const a = Workspace.open(path, fixedNow);
    const cells = [0, 1, 2];
    const before = Array.from(a.assignment(1).territoryOfCell.subarray(0, 3));
    a.execute(1, { type: 'territory.assignCells', cells, to: 2 });
    a.close();
    const b = Workspace.open(path, fixedNow);
    expect(b.historyState(1).undo).toMatchObject({ key: 'command.assignCells', params: { count: 3 } });
    b.undo(1);
    expect(Array.from(b.assignment(1).territoryOfCell.subarray(0, 3))).toEqual(before);
    b.close();
    const c = Workspace.open(path, fixedNow);
    expect(Array.from(c.assignment(1).territoryOfCell.subarray(0, 3))).toEqual(before);
    expect(c.redo(1)).not.toBeNull();
    expect(Array.from(c.assignment(1).territoryOfCell.subarray(0, 3))).toEqual([2, 2, 2]);
    c.close();
  });
});

describe('upgrading older workspaces', () => {
  it('opens a schema-1 workspace (no regions, no stored cell areas, no import tables, no goals, no pins), upgrades it and keeps its data', async () => {
    const { default: Database } = await import('better-sqlite3');
    const old = join(temp.dir, 'schema-1.tessera');
    copyFileSync(demo, old);
    const raw = new Database(old);
    raw.exec(`
      DROP TABLE regions; DELETE FROM grid WHERE key = 'cells.area_km2';
      DROP TABLE goal_sets; DROP TABLE actuals; DROP TABLE pinned_cells;
      DROP TABLE import_mappings; ALTER TABLE accounts DROP COLUMN postal_code; ALTER TABLE reps DROP COLUMN postal_code;
    `);
    raw.pragma('user_version = 1');
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = Workspace.open(demo, fixedNow);
    const expected = before.territories(1);
    const expectedArea = before.studyAreaData().areaKm2;
    before.close();

    const ws = Workspace.open(old, fixedNow);
    try {
      expect(ws.info().schemaVersion).toBe(5);
      expect(ws.db.prepare('SELECT count(*) AS n FROM import_mappings').pluck().get()).toBe(0);
      expect(ws.db.prepare('SELECT count(*) FROM goal_sets').pluck().get()).toBe(0);
      expect(ws.db.prepare('SELECT count(*) FROM actuals').pluck().get()).toBe(0);
      expect(ws.assignment(1).pinned).toHaveLength(0);
      expect(ws.regions(1)).toEqual([]);
      // Areas are computed from the H3 cells when the file does not store them.
      expect(Array.from(ws.studyAreaData().areaKm2)).toEqual(Array.from(expectedArea));
      expect(ws.territories(1)).toEqual(expected);
      ws.execute(1, { type: 'region.create', region: { id: 1, name: 'North' } });
      expect(ws.regions(1)).toEqual([{ id: 1, name: 'North' }]);
    } finally {
      ws.close();
    }
  });
});
