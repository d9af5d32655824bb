import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Tessera keeps its demo workspace and recent list when no shell says otherwise:
 * $TESSERA_HOME, else the platform's per-user data folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TESSERA_HOME) return env.TESSERA_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tessera');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tessera');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'tessera');
}
