import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import type { WorkspaceInfo } from '../../shared/domain/model/workspace';
import { createBackend } from '../backend/create-backend';
import { defaultDataDir } from '../backend/data-dir';
import { DEMO_DEFAULTS } from '../backend/demo/generate-demo';
import { writeDemoWorkspace } from '../backend/workspace/session';
import { Workspace } from '../backend/workspace/workspace';
import { startWebHost } from '../web-host/server';
import { intFlag, UsageError, type ParsedArgs } from './parse-args';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const now = () => new Date();

function fileArg(args: ParsedArgs): string {
  const file = args.positionals[0];
  if (!file) throw new UsageError(`tessera ${args.command} needs a workspace file.`);
  return resolve(file);
}

function printInfo(io: Io, info: WorkspaceInfo, json: boolean): void {
  if (json) return io.out(JSON.stringify(info, null, 2));
  io.out(
    [
      `${info.name}  (${info.path})`,
      `  H3 resolution ${info.resolution}, ${info.cells} cells`,
      `  ${info.accounts} accounts, ${info.reps} reps, ${info.scenarios} scenarios`,
      `  measures: ${info.measures.join(', ') || 'none'}`,
    ].join('\n'),
  );
}

export function createCommand(args: ParsedArgs, io: Io): void {
  const file = fileArg(args);
  const workspace = Workspace.create(file, intFlag(args.flags, 'resolution', 7, 0, 15), now, { baseline: Workspace.NEW_BASELINE });
  try {
    printInfo(io, workspace.info(), args.flags.has('json'));
  } finally {
    workspace.close();
  }
}

export function demoCommand(args: ParsedArgs, io: Io): void {
  const file = fileArg(args);
  if (existsSync(file)) {
    if (!args.flags.has('force')) throw new UsageError(`"${file}" already exists; add --force to replace it.`);
    rmSync(file);
  }
  const started = performance.now();
  writeDemoWorkspace(
    file,
    {
      resolution: intFlag(args.flags, 'resolution', DEMO_DEFAULTS.resolution, 0, 15),
      accounts: intFlag(args.flags, 'accounts', DEMO_DEFAULTS.accounts, 1, 5_000_000),
      reps: intFlag(args.flags, 'reps', DEMO_DEFAULTS.reps, 1, 5_000),
      seed: intFlag(args.flags, 'seed', DEMO_DEFAULTS.seed, 0, 2 ** 32 - 1),
    },
    now,
  );
  const workspace = Workspace.open(file, now);
  try {
    if (!args.flags.has('json')) io.err(`Demo written in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    printInfo(io, workspace.info(), args.flags.has('json'));
  } finally {
    workspace.close();
  }
}

export function infoCommand(args: ParsedArgs, io: Io): void {
  const workspace = Workspace.open(fileArg(args), now);
  try {
    printInfo(io, workspace.info(), args.flags.has('json'));
  } finally {
    workspace.close();
  }
}

/** Serves a workspace (or the demo) until SIGINT/SIGTERM. */
export async function serveCommand(args: ParsedArgs, io: Io, rendererDir: string): Promise<void> {
  const dataDir = typeof args.flags.get('data-dir') === 'string' ? resolve(args.flags.get('data-dir') as string) : defaultDataDir();
  const backend = createBackend({ dataDir, appVersion: version });
  const file = args.positionals[0];
  if (!file) io.err('Opening the demo workspace (generated on first use, about 10 s)…');
  const status = file ? backend.session.open(file) : await backend.session.openDemo();
  if (status.state === 'failed') io.err(`tessera: ${status.error.message}`);
  const host = await startWebHost({ backend, rendererDir, port: intFlag(args.flags, 'port', 0, 0, 65535) });
  io.out(`Tessera is running at ${host.url}`);
  io.out('Open that address in your browser (it carries this session\'s access token). Press Ctrl+C to stop.');
  await new Promise<void>((done) => {
    const stop = () => void host.close().then(() => {
      backend.close();
      done();
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
