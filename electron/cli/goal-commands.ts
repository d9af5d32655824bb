import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ContractError } from '../../shared/contract/errors';
import type { GoalSetReport } from '../../shared/contract/goals-api';
import { GoalService } from '../backend/goals/goal-service';
import { importActuals, type ActualsMapping } from '../backend/goals/import-actuals';
import { Workspace } from '../backend/workspace/workspace';
import type { Io } from './commands';
import { UsageError, type ParsedArgs } from './parse-args';
import { scenarioByName } from './scenario-commands';

const now = () => new Date();

function stringFlag(args: ParsedArgs, name: string): string {
  const value = args.flags.get(name);
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}

function numberFlag(args: ParsedArgs, name: string, fallback?: number): number {
  const raw = args.flags.get(name);
  if (raw === undefined && fallback !== undefined) return fallback;
  const text = String(raw ?? '').trim().replace(/[_,](?=\d{3})/g, '');
  const value = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (raw === undefined || raw === true || text === '' || !Number.isFinite(value)) throw new UsageError(`--${name} needs a number${fallback === undefined ? '' : ` (default ${fallback})`}.`);
  return value;
}

function withWorkspace<T>(args: ParsedArgs, fn: (ws: Workspace) => T): T {
  const ws = Workspace.open(resolve(stringFlag(args, 'workspace')), now);
  try {
    return fn(ws);
  } finally {
    ws.close();
  }
}

/** `--by revenue_potential` or `--by revenue_potential:2,workload:1` → measure weights. */
export function parseBasis(text: string): Record<string, number> {
  const basis: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [key, weightText] = part.trim().split(':') as [string, string | undefined];
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!key || !Number.isFinite(weight) || weight < 0) throw new UsageError(`--by ${text}: expected <measure> or <measure>:<weight>,… with weights ≥ 0.`);
    basis[key] = (basis[key] ?? 0) + weight;
  }
  return basis;
}


function printGoals(io: Io, r: GoalSetReport): void {
  io.out(`Goals of ${r.measure}: total ${r.total.toLocaleString('en-US')} split by ${Object.entries(r.basis).map(([k, w]) => `${k}×${w}`).join(' + ')}${r.step > 0 ? `, rounded to ${r.step}` : ''}`);
  const width = Math.max(...r.territories.map((t) => t.name.length), 9);
  for (const t of r.territories) io.out(`  ${t.name.padEnd(width)}  ${t.goal.toLocaleString('en-US').padStart(14)}`);
  if (r.unassigned !== 0) io.out(`  ${'(unassigned cells)'.padEnd(width)}  ${r.unassigned.toLocaleString('en-US').padStart(14)}`);
}

/**
 * `tessera goals set|territory|recompute|list --workspace <ws> --scenario <name> --measure <m>
 *  [--total n --by <measure[:w],…> [--round step]] [--territory <name> --goal n] [--json]`
 */
export function goalsCommand(args: ParsedArgs, io: Io): void {
  const sub = args.positionals[0];
  if (sub !== 'set' && sub !== 'territory' && sub !== 'recompute' && sub !== 'list') throw new UsageError('tessera goals needs set, territory, recompute or list.');
  withWorkspace(args, (ws) => {
    const scenario = scenarioByName(ws, stringFlag(args, 'scenario'));
    const service = new GoalService(() => ws, now);
    const json = args.flags.has('json');
    if (sub === 'list') {
      const sets = service.list(scenario.id);
      if (json) io.out(JSON.stringify(sets, null, 2));
      else if (sets.length === 0) io.out(`Scenario "${scenario.name}" has no goals.`);
      else sets.forEach((s) => printGoals(io, s));
      return;
    }
    const measure = stringFlag(args, 'measure');
    let report: GoalSetReport;
    if (sub === 'set') {
      report = service.set(scenario.id, { measure, total: numberFlag(args, 'total'), basis: parseBasis(stringFlag(args, 'by')), step: numberFlag(args, 'round', 0) });
    } else if (sub === 'recompute') {
      report = service.recompute(scenario.id, measure);
    } else {
      const name = stringFlag(args, 'territory');
      const territory = ws.territoryRecords(scenario.id).find((t) => t.name === name || String(t.id) === name);
      if (!territory) throw new ContractError('NOT_FOUND', `Scenario "${scenario.name}" has no territory "${name}".`);
      report = service.setTerritory(scenario.id, measure, territory.id, numberFlag(args, 'goal'));
    }
    if (json) io.out(JSON.stringify(report, null, 2));
    else printGoals(io, report);
  });
}

/** `tessera attainment --workspace <ws> --scenario <name> [--measure m] [--period p …] [--threshold t] [--potential m] [--json]` */
export function attainmentCommand(args: ParsedArgs, io: Io): void {
  withWorkspace(args, (ws) => {
    const scenario = scenarioByName(ws, stringFlag(args, 'scenario'));
    const service = new GoalService(() => ws, now);
    let measure = args.flags.get('measure');
    if (typeof measure !== 'string') {
      const sets = service.list(scenario.id);
      if (sets.length !== 1) throw new UsageError(`Name the measure with --measure (goals of scenario "${scenario.name}": ${sets.map((s) => s.measure).join(', ') || 'none'}).`);
      measure = sets[0]!.measure;
    }
    const periods = args.lists.get('period');
    const potential = args.flags.get('potential');
    const out = service.attainment(scenario.id, {
      measure,
      ...(periods && periods.length > 0 ? { periods } : {}),
      threshold: numberFlag(args, 'threshold', 0.9),
      ...(typeof potential === 'string' ? { potential } : {}),
    });
    if (args.flags.has('json')) {
      io.out(JSON.stringify(out, null, 2));
      return;
    }
    io.out(`${scenario.name}: attainment of ${measure} over ${out.selected.join(', ')}; flagged below ${(out.threshold * 100).toFixed(0)} %`);
    const width = Math.max(...out.territories.map((t) => t.name.length), 9);
    for (const t of [...out.territories].sort((a, b) => (a.attainment ?? Infinity) - (b.attainment ?? Infinity))) {
      const pct = t.attainment === null ? '–' : `${(t.attainment * 100).toFixed(1)} %`;
      io.out(`  ${t.flagged ? '!' : ' '} ${t.name.padEnd(width)}  ${pct.padStart(8)}  actual ${t.actual.toLocaleString('en-US')} / goal ${t.goal.toLocaleString('en-US')}`);
    }
    for (const g of out.regions) {
      const pct = g.attainment === null ? '–' : `${(g.attainment * 100).toFixed(1)} %`;
      io.out(`  ${g.flagged ? '!' : ' '} region ${g.name} (${g.territories} territories): ${pct}, actual ${g.actual.toLocaleString('en-US')} / goal ${g.goal.toLocaleString('en-US')}`);
    }
  });
}

/** `tessera import actuals <file> --workspace <ws> [--map id=Column] [--map period=Column] [--map measure:key=Column …] [--rejects <out.csv>] [--json]` */
export async function importActualsCommand(args: ParsedArgs, io: Io): Promise<void> {
  const file = args.positionals[1];
  if (!file) throw new UsageError('tessera import actuals needs a file.');
  const mapping: ActualsMapping = {};
  for (const spec of args.lists.get('map') ?? []) {
    const eq = spec.indexOf('=');
    if (eq < 0) throw new UsageError(`--map ${spec}: expected field=Column.`);
    const [field, column] = [spec.slice(0, eq).trim(), spec.slice(eq + 1)];
    if (field === 'id') mapping.id = column;
    else if (field === 'period') mapping.period = column;
    else if (field.startsWith('measure')) (mapping.measures ??= {})[column] = field.slice('measure:'.length) || column;
    else throw new UsageError(`--map ${spec}: actuals take id, period and measure[:key].`);
  }
  const ws = Workspace.open(resolve(stringFlag(args, 'workspace')), now);
  try {
    const report = await importActuals(ws, resolve(file), mapping);
    const rejectsOut = args.flags.get('rejects');
    if (typeof rejectsOut === 'string' && report.rejects) writeFileSync(resolve(rejectsOut), report.rejects.csv);
    const { rejects: _, ...rest } = report;
    if (args.flags.has('json')) io.out(JSON.stringify({ ...rest, errors: report.issues }, null, 2));
    else {
      io.out(`${report.fileName}: ${report.rowsRead} rows read, ${report.imported} values imported for ${report.periods.join(', ') || 'no period'} (${report.measures.join(', ')}), ${report.rejected} rows rejected.`);
      for (const i of report.issues.slice(0, 20)) io.out(`  row ${i.row}, ${i.column || '(row)'}: ${i.reason}${i.value ? ` ("${i.value}")` : ''}`);
      if (report.issueCount > 20) io.out(`  … and ${report.issueCount - 20} more (use --json for the first 1,000).`);
    }
  } finally {
    ws.close();
  }
}
