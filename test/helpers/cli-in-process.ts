import { main } from '../../electron/cli/main';

/**
 * Runs the CLI's `main` in this process (the code behind `tessera …`), so a test does not
 * need the bundled out/main/cli.js; returns the exit status and what it printed.
 */
export async function tesseraInProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, '');
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs `tessera … --json` in this process and parses what it printed. @throws Error with stderr when it exits non-zero */
export async function tesseraJson(...args: string[]) {
  const r = await tesseraInProcess(...args, '--json');
  if (r.status !== 0) throw new Error(`tessera ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
