import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built worker script `name` (e.g. `balance-worker.js`), which electron-vite writes to
 * out/main. The code asking for it may itself be bundled into out/main/chunks, so both that
 * folder and its parent are looked in. Null when running from sources (tests), where the
 * caller does the work on its own thread instead.
 */
export function workerFile(name: string, dir: string = __dirname): string | null {
  for (const candidate of [join(dir, name), join(dir, '..', name)]) if (existsSync(candidate)) return candidate;
  return null;
}
