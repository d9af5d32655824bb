// CLI shell: `tessera <command>`; parses arguments and calls the backend, nothing more.
import { ContractError } from '../../shared/contract/errors';
import { runBench } from './bench/run-bench';
import { createCommand, demoCommand, infoCommand, serveCommand, type Io } from './commands';
import { balanceCommand, metricsCommand } from './balance-commands';
import { exportCommand } from './export-command';
import { attainmentCommand, goalsCommand, importActualsCommand } from './goal-commands';
import { importCommand } from './import-command';
import { resolutionCommand } from './resolution-command';
import { scenarioCommand } from './scenario-commands';
import { parseArgs, UsageError } from './parse-args';
import { USAGE } from './usage';

const FLAGS = [
  'resolution', 'json', 'accounts', 'reps', 'seed', 'force', 'port', 'data-dir', 'out', 'help',
  'workspace', 'scenario', 'mode', 'territories', 'measure', 'tolerance', 'into', 'against',
  'suite', 'map', 'mapping', 'sheet', 'decimal', 'missing', 'remove-missing', 'save-mapping', 'no-fill', 'rejects',
  'name', 'from', 'base', 'other', 'csv', 'bom', 'to', 'text', 'table',
  'paper', 'orientation', 'dpi', 'title', 'show-accounts',
  'total', 'by', 'round', 'territory', 'goal', 'period', 'threshold', 'potential',
];
const SWITCHES = ['json', 'force', 'help', 'remove-missing', 'no-fill', 'bom', 'show-accounts'];
const REPEATABLE = ['measure', 'map', 'period'];

export async function main(argv: readonly string[], io: Io, rendererDir: string): Promise<number> {
  try {
    const args = parseArgs(argv, FLAGS, SWITCHES, REPEATABLE);
    if (args.flags.has('help') || args.command === null || args.command === 'help') {
      io.out(USAGE);
      return args.command === null && !args.flags.has('help') ? 2 : 0;
    }
    switch (args.command) {
      case 'create':
        createCommand(args, io);
        return 0;
      case 'demo':
        demoCommand(args, io);
        return 0;
      case 'info':
        infoCommand(args, io);
        return 0;
      case 'serve':
        await serveCommand(args, io, rendererDir);
        return 0;
      case 'balance':
        await balanceCommand(args, io);
        return 0;
      case 'metrics':
        metricsCommand(args, io);
        return 0;
      case 'import':
        if (args.positionals[0] === 'actuals') await importActualsCommand(args, io);
        else await importCommand(args, io);
        return 0;
      case 'goals':
        goalsCommand(args, io);
        return 0;
      case 'attainment':
        attainmentCommand(args, io);
        return 0;
      case 'scenario':
        scenarioCommand(args, io);
        return 0;
      case 'resolution':
        resolutionCommand(args, io);
        return 0;
      case 'export':
        await exportCommand(args, io, rendererDir);
        return 0;
      case 'bench':
        await runBench(args, io);
        return 0;
      default:
        throw new UsageError(`Unknown command "${args.command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tessera: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ContractError) {
      io.err(`tessera: ${error.message}`);
      return 1;
    }
    io.err(`tessera: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
