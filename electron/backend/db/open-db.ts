import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { ContractError } from '../../../shared/contract/errors';
import type { Db } from './db-types';
import { inspectWorkspaceFile } from './inspect-workspace-file';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations/index';

/**
 * Opens an existing workspace for writing. The file is checked first (header, then
 * SQLite's quick_check) and refused without a single byte written when it is not a
 * sound workspace of a schema this build can read. The connection holds an exclusive
 * lock for its lifetime, so a second process gets WORKSPACE_IN_USE.
 * @throws ContractError FILE_NOT_FOUND | NOT_A_WORKSPACE | CORRUPT_WORKSPACE | NEWER_SCHEMA | WORKSPACE_IN_USE
 */
export function openDb(path: string): Db {
  inspectWorkspaceFile(path);
  const db = connect(path, false);
  try {
    lockOrThrow(db, path);
    checkIntegrity(db, path);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new ContractError('NEWER_SCHEMA', `"${basename(path)}" was saved by a newer version of Tessera.`);
    }
    if (version < SCHEMA_VERSION) migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    throw mapSqliteError(error, path);
  }
}

/**
 * Creates a new, empty workspace file with the current schema.
 * @throws ContractError FILE_EXISTS when the path is taken
 */
export function createDb(path: string): Db {
  if (existsSync(path)) throw new ContractError('FILE_EXISTS', `"${path}" already exists; choose another name.`);
  const db = connect(path, true);
  try {
    lockOrThrow(db, path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, 0);
    return db;
  } catch (error) {
    db.close();
    throw mapSqliteError(error, path);
  }
}

function connect(path: string, create: boolean): Db {
  try {
    const db = new Database(path, { fileMustExist: !create, timeout: 0 });
    // Exclusive locking before WAL is touched: no shared-memory file, one process at a time.
    db.pragma('locking_mode = EXCLUSIVE');
    return db;
  } catch (error) {
    throw mapSqliteError(error, path);
  }
}

function lockOrThrow(db: Db, path: string): void {
  // journal_mode=WAL is a no-op for our files (created in WAL) and takes the write lock.
  try {
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE; COMMIT;');
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new ContractError('WORKSPACE_IN_USE', `"${basename(path)}" is in use by another Tessera window or process.`);
    }
    throw error;
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function checkIntegrity(db: Db, path: string): void {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') {
    const detail = rows.map((r) => r.quick_check).join('; ');
    throw new ContractError('CORRUPT_WORKSPACE', `"${basename(path)}" is damaged (${detail}). Open a backup copy instead.`);
  }
}

function migrate(db: Db, from: number): void {
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) MIGRATIONS[v]!(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
  // Put the header (application id, schema version) into the main file right away, so the
  // file identifies itself even if the process dies before the next checkpoint.
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function mapSqliteError(error: unknown, path: string): unknown {
  if (error instanceof ContractError) return error;
  const code = (error as { code?: string }).code ?? '';
  const name = basename(path);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ContractError('WORKSPACE_IN_USE', `"${name}" is in use by another Tessera window or process.`);
  }
  if (code === 'SQLITE_NOTADB') return new ContractError('NOT_A_WORKSPACE', `"${name}" is not a Tessera workspace.`);
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new ContractError('CORRUPT_WORKSPACE', `"${name}" is damaged. Open a backup copy instead.`);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY')) {
    return new ContractError('FILE_NOT_FOUND', `"${name}" cannot be opened for writing.`);
  }
  return error;
}
