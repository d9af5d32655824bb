import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ContractError } from '../../../shared/contract/errors';
import { APPLICATION_ID, SCHEMA_VERSION } from './migrations/index';

const MAGIC = 'SQLite format 3\u0000';

export interface FileHeader {
  schemaVersion: number;
}

/**
 * Checks a file's SQLite header with plain reads, before SQLite ever touches it, so a
 * stranger's file is never modified: not an SQLite file, not a Tessera workspace, cut
 * short, or written by a newer Tessera all fail here with a clear message.
 * @throws ContractError FILE_NOT_FOUND | NOT_A_WORKSPACE | CORRUPT_WORKSPACE | NEWER_SCHEMA
 */
export function inspectWorkspaceFile(path: string): FileHeader {
  const name = basename(path);
  let size: number;
  const header = Buffer.alloc(100);
  let read = 0;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ContractError('NOT_A_WORKSPACE', `"${name}" is not a file.`);
    size = stat.size;
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof ContractError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ContractError('FILE_NOT_FOUND', `"${path}" does not exist.`);
    }
    throw new ContractError('NOT_A_WORKSPACE', `"${name}" cannot be read: ${(error as Error).message}`);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== MAGIC) {
    throw new ContractError('NOT_A_WORKSPACE', `"${name}" is not a Tessera workspace (it is not an SQLite database).`);
  }
  if (header.readUInt32BE(68) !== APPLICATION_ID) {
    throw new ContractError('NOT_A_WORKSPACE', `"${name}" is an SQLite database but not a Tessera workspace.`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const headerCountValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (headerCountValid && pageCount > 0 && size < pageCount * pageSize) {
    throw new ContractError(
      'CORRUPT_WORKSPACE',
      `"${name}" is damaged: it is cut short (${size} of ${pageCount * pageSize} bytes). Open a backup copy instead.`,
    );
  }
  const schemaVersion = header.readUInt32BE(60);
  if (schemaVersion > SCHEMA_VERSION) {
    throw new ContractError(
      'NEWER_SCHEMA',
      `"${name}" was saved by a newer version of Tessera (format ${schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Tessera to open it.`,
    );
  }
  return { schemaVersion };
}
