import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { RecentFile } from '../../../shared/contract/api';

const MAX_RECENT = 12;

/** The recently opened workspaces, kept as a small JSON file in the app's data folder. */
export class RecentFiles {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent.json');
  }

  list(): RecentFile[] {
    return this.read().map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  has(path: string): boolean {
    const target = resolve(path);
    return this.read().some((r) => r.path === target);
  }

  add(path: string, when: Date): void {
    const target = resolve(path);
    const entries = [
      { path: target, name: basename(target), openedAt: when.toISOString() },
      ...this.read().filter((r) => r.path !== target),
    ].slice(0, MAX_RECENT);
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entries, null, 2));
    renameSync(temp, this.file);
  }

  private read(): Omit<RecentFile, 'exists'>[] {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (r): r is Omit<RecentFile, 'exists'> =>
          typeof r === 'object' && r !== null && typeof r.path === 'string' && typeof r.name === 'string' && typeof r.openedAt === 'string',
      );
    } catch {
      return [];
    }
  }
}
