import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServedHost {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `tessera serve` from the built CLI (out/main/cli.js) in its own process and
 * resolves with the URL it prints. `npm test` builds before running tests.
 */
export function startServeProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServedHost> {
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'cli.js'), 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tessera serve did not start in time.\n${err}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`tessera serve exited with ${code}.\n${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Tessera is running at (\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      const url = new URL(match[1]!);
      resolve({
        url: match[1]!,
        origin: url.origin,
        token: url.searchParams.get('token')!,
        child,
        stderr: () => err,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
