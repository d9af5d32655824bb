// Generates the demo workspace in a child process (in the app: Electron running as Node),
// so the ~8 s of generation never stalls the app's main process.
import { fork } from 'node:child_process';

/**
 * A `writeDemo` port that runs `cli.js demo <path>` in a child process.
 * @param cliPath the built CLI (`out/main/cli.js`)
 * @param extraArgs more `tessera demo` options (tests ask for a small demo)
 */
export function createChildDemoWriter(cliPath: string, extraArgs: string[] = []): (path: string) => Promise<void> {
  return (path) =>
    new Promise((resolve, reject) => {
      let stderr = '';
      const child = fork(cliPath, ['demo', path, '--force', ...extraArgs], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('exit', (code) => {
        if (code === 0) return resolve();
        const line = stderr.split('\n').find((l) => l.startsWith('tessera:'));
        reject(new Error(line ? line.slice('tessera:'.length).trim() : `demo generation exited with code ${code}`));
      });
    });
}
