/** A parsed command line: `tessera <command> [positionals] [--flag value | --switch]`. */
export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  flags: Map<string, string | true>;
  /** Every value of a repeatable flag, in order (e.g. `--measure a --measure b`). */
  lists: Map<string, string[]>;
}

export class UsageError extends Error {}

/**
 * Parses argv (without node and script). `--name=value` and `--name value` both work;
 * a flag listed in `switches` takes no value.
 * @throws UsageError on a flag that is not in `known`
 */
export function parseArgs(argv: readonly string[], known: readonly string[], switches: readonly string[], repeatable: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new UsageError(`Unknown option --${name}.`);
    if (switches.includes(name)) {
      flags.set(name, true);
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`Option --${name} needs a value.`);
      if (flags.has(name) && !repeatable.includes(name)) throw new UsageError(`Option --${name} is given twice.`);
      flags.set(name, value);
      lists.set(name, [...(lists.get(name) ?? []), value]);
    }
  }
  return { command: positionals.shift() ?? null, positionals, flags, lists };
}

/** Reads an integer flag within bounds. @throws UsageError */
export function intFlag(flags: ParsedArgs['flags'], name: string, fallback: number, min: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
