import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { StagedFile } from '../../../shared/contract/import-api';
import { ContractError } from '../../../shared/contract/errors';

interface Entry {
  path: string;
  name: string;
  bytes: number;
  /** A copy the web host received; deleted when it is released. */
  temporary: boolean;
}

/**
 * Files the user handed over for import, by opaque id: the renderer never names a path
 * itself. The desktop shell stages what its open dialog returns; the web host stages
 * the copy of a dropped file it received; the CLI stages its argument.
 */
export class StagedFiles {
  private readonly files = new Map<string, Entry>();

  stage(path: string, options: { name?: string; temporary?: boolean } = {}): StagedFile {
    let bytes: number;
    try {
      bytes = statSync(path).size;
    } catch {
      throw new ContractError('FILE_NOT_FOUND', `"${options.name ?? basename(path)}" could not be found.`);
    }
    const sourceId = randomBytes(12).toString('base64url');
    const entry = { path, name: options.name ?? basename(path), bytes, temporary: options.temporary ?? false };
    this.files.set(sourceId, entry);
    return { sourceId, name: entry.name, bytes };
  }

  /** @throws ContractError NOT_FOUND for an unknown id */
  get(sourceId: string): Entry {
    const entry = this.files.get(sourceId);
    if (!entry) throw new ContractError('NOT_FOUND', 'That file is no longer staged for import; choose it again.');
    return entry;
  }

  releaseAll(): void {
    for (const entry of this.files.values()) if (entry.temporary) rmSync(entry.path, { force: true });
    this.files.clear();
  }
}
