import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrations/index';

export const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Bytes that are no SQLite database at all. */
export function writeRandomFile(path: string): string {
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  writeFileSync(path, bytes);
  return path;
}

/** A copy of a real workspace cut to a third of its size. */
export function writeTruncatedCopy(source: string, path: string): string {
  copyFileSync(source, path);
  const size = readFileSync(path).byteLength;
  truncateSync(path, Math.floor(size / 3));
  return path;
}

/** A copy of a real workspace stamped with a schema version from the future. */
export function writeFutureCopy(source: string, path: string): string {
  copyFileSync(source, path);
  const db = new Database(path);
  db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
  db.pragma('journal_mode = DELETE');
  db.close();
  return path;
}

/** An SQLite database that is not a Tessera workspace. */
export function writeForeignSqlite(path: string): string {
  const db = new Database(path);
  db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'hello\');');
  db.close();
  return path;
}
