import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ContractError } from '../../shared/contract/errors';
import type { ScenarioComparison, ScenarioFigures } from '../../shared/contract/scenario-api';
import type { ScenarioSummary } from '../../shared/domain/model/workspace';
import { ScenarioService } from '../backend/scenarios/scenario-service';
import { Workspace } from '../backend/workspace/workspace';
import type { Io } from './commands';
import { UsageError, type ParsedArgs } from './parse-args';

const now = () => new Date();

const SUBCOMMANDS = ['list', 'branch', 'compare', 'promote', 'rename', 'note', 'lock', 'unlock', 'archive', 'restore', 'delete', 'baseline'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

function stringFlag(args: ParsedArgs, name: string): string {
  const value = args.flags.get(name);
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}

/** The scenario with exactly this name. @throws ContractError NOT_FOUND listing the names there are */
export function scenarioByName(ws: Workspace, name: string): ScenarioSummary {
  const scenarios = ws.scenarios();
  const found = scenarios.find((s) => s.name === name);
  if (!found) {
    throw new ContractError('NOT_FOUND', `There is no scenario named "${name}" (there are: ${scenarios.map((s) => `"${s.name}"`).join(', ')}).`);
  }
  return found;
}

/** A scenario as the CLI prints it (parent by name). */
function scenarioRow(s: ScenarioSummary, all: readonly ScenarioSummary[]) {
  return {
    id: s.id,
    name: s.name,
    parentId: s.parentId,
    parent: s.parentId === null ? null : (all.find((p) => p.id === s.parentId)?.name ?? null),
    baseline: s.isBaseline,
    locked: s.locked,
    archived: s.archived,
    note: s.note,
    territories: s.territories,
    revision: s.revision,
    createdAt: s.createdAt,
  };
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);
const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(digits)} %`);
const km = (v: number | null) => (v === null ? '–' : `${v.toFixed(0)} km`);
const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/** Columns padded to their widest cell; numbers (and `–`) right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** `tessera scenario list|branch|compare|promote|rename|note|lock|unlock|archive|restore|delete|baseline …` */
export function scenarioCommand(args: ParsedArgs, io: Io): void {
  const sub = args.positionals[0];
  if (!sub) throw new UsageError(`tessera scenario needs a subcommand: ${SUBCOMMANDS.join(', ')}.`);
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`Unknown scenario subcommand "${sub}" (expected ${SUBCOMMANDS.join(', ')}).`);
  if (args.positionals.length > 1) throw new UsageError(`Unexpected argument "${args.positionals[1]}".`);
  const ws = Workspace.open(resolve(stringFlag(args, 'workspace')), now);
  try {
    run(sub as Subcommand, ws, args, io);
  } finally {
    ws.close();
  }
}

function run(sub: Subcommand, ws: Workspace, args: ParsedArgs, io: Io): void {
  const json = args.flags.has('json');
  switch (sub) {
    case 'list':
      return listScenarios(ws, json, io);
    case 'branch': {
      const from = scenarioByName(ws, stringFlag(args, 'from'));
      const created = ws.createScenario(stringFlag(args, 'name'), from.id);
      if (json) io.out(JSON.stringify(scenarioRow(created, ws.scenarios()), null, 2));
      else io.out(`Created scenario "${created.name}" (id ${created.id}) from "${from.name}".`);
      return;
    }
    case 'compare':
      return compareScenarios(ws, args, io);
    case 'promote': {
      const source = scenarioByName(ws, stringFlag(args, 'name'));
      const result = ws.promote(source.id);
      const baseline = ws.scenario(result.baselineId);
      if (json) io.out(JSON.stringify({ promoted: source.name, baseline: baseline.name, baselineId: baseline.id, revision: result.revision }, null, 2));
      else io.out(`Promoted "${source.name}" into the baseline "${baseline.name}" (revision ${result.revision}); one undo in the baseline takes it back.`);
      return;
    }
    case 'delete': {
      const target = scenarioByName(ws, stringFlag(args, 'name'));
      ws.deleteScenario(target.id);
      if (json) io.out(JSON.stringify({ deleted: target.name, id: target.id }, null, 2));
      else io.out(`Deleted scenario "${target.name}".`);
      return;
    }
    case 'baseline': {
      const target = scenarioByName(ws, stringFlag(args, 'name'));
      const updated = ws.setBaseline(target.id);
      return confirm(ws, updated, json, io, `"${updated.name}" is now the baseline.`);
    }
    default: {
      const target = scenarioByName(ws, stringFlag(args, 'name'));
      const { patch, message } = patchOf(sub, target, args);
      const updated = ws.updateScenario(target.id, patch);
      return confirm(ws, updated, json, io, message(updated));
    }
  }
}

function patchOf(sub: 'rename' | 'note' | 'lock' | 'unlock' | 'archive' | 'restore', target: ScenarioSummary, args: ParsedArgs) {
  switch (sub) {
    case 'rename': {
      const to = stringFlag(args, 'to');
      return { patch: { name: to }, message: (s: ScenarioSummary) => `Renamed "${target.name}" to "${s.name}".` };
    }
    case 'note': {
      const text = args.flags.get('text');
      if (typeof text !== 'string') throw new UsageError('--text is required (--text "" clears the note).');
      return { patch: { note: text }, message: (s: ScenarioSummary) => (s.note === '' ? `Cleared the note of "${s.name}".` : `Set the note of "${s.name}".`) };
    }
    case 'lock':
      return { patch: { locked: true }, message: (s: ScenarioSummary) => `Locked "${s.name}" (read-only).` };
    case 'unlock':
      return { patch: { locked: false }, message: (s: ScenarioSummary) => `Unlocked "${s.name}".` };
    case 'archive':
      return { patch: { archived: true }, message: (s: ScenarioSummary) => `Archived "${s.name}".` };
    case 'restore':
      return { patch: { archived: false }, message: (s: ScenarioSummary) => `Restored "${s.name}".` };
  }
}

function confirm(ws: Workspace, scenario: ScenarioSummary, json: boolean, io: Io, message: string): void {
  if (json) io.out(JSON.stringify(scenarioRow(scenario, ws.scenarios()), null, 2));
  else io.out(message);
}

function listScenarios(ws: Workspace, json: boolean, io: Io): void {
  const scenarios = ws.scenarios();
  const figures = new Map<number, ScenarioFigures>(new ScenarioService(() => ws).figures().map((f) => [f.scenarioId, f]));
  const rows = scenarios.map((s) => {
    const f = figures.get(s.id)!;
    return {
      ...scenarioRow(s, scenarios),
      maxDeviation: f.maxDeviation,
      meanTravelKm: f.meanTravelKm,
      contiguityBreaks: f.contiguityBreaks,
      unassignedCells: f.unassignedCells,
      vsBaseline: f.vsBaseline,
    };
  });
  if (json) return io.out(JSON.stringify(rows, null, 2));
  const measures = ws.measures().map((m) => m.key);
  const header = ['id', 'name', 'parent', 'flags', 'territories', 'rev', ...measures.map((k) => `Δ ${k}`), 'travel', 'breaks', 'moved vs baseline'];
  const body = rows.map((r) => [
    String(r.id),
    r.name,
    r.parent ?? '',
    [r.baseline ? 'baseline' : '', r.locked ? 'locked' : '', r.archived ? 'archived' : ''].filter(Boolean).join(','),
    String(r.territories),
    String(r.revision),
    ...measures.map((k) => pct(r.maxDeviation[k])),
    km(r.meanTravelKm),
    String(r.contiguityBreaks),
    r.vsBaseline === null ? '–' : String(r.vsBaseline.movedAccounts),
  ]);
  const right = new Set([0, 4, 5, ...measures.map((_, i) => 6 + i), 6 + measures.length, 7 + measures.length, 8 + measures.length]);
  io.out(table(header, body, right));
  for (const r of rows) if (r.note) io.out(`  ${r.name}: ${r.note}`);
}

/** The comparison as plain JSON: no typed arrays, NaN as null, accounts as objects. */
export function comparisonJson(c: ScenarioComparison) {
  const names = new Map(c.territories.map((t) => [t.id, t.names]));
  const { moved } = c;
  return {
    base: c.base,
    other: c.other,
    measures: c.measures,
    totalAccounts: c.disruption.totalAccounts,
    movedAccounts: c.disruption.movedAccounts,
    movedShare: c.disruption.movedShare,
    accountsChangingRep: c.disruption.accountsChangingRep,
    movedCells: c.disruption.movedCells,
    summary: c.summary,
    territories: c.territories,
    accounts: moved.ids.map((id, i) => {
      const from = moved.from[i]!;
      const to = moved.to[i]!;
      return {
        id,
        name: moved.names[i]!,
        from: from < 0 ? null : from,
        fromName: from < 0 ? null : (names.get(from)?.before ?? null),
        to: to < 0 ? null : to,
        toName: to < 0 ? null : (names.get(to)?.after ?? null),
        repChanged: moved.repChanged[i] === 1,
        measures: Object.fromEntries(c.measures.map((k) => [k, finite(moved.measures[k]![i]!)])),
      };
    }),
    elapsedMs: c.elapsedMs,
  };
}

function compareScenarios(ws: Workspace, args: ParsedArgs, io: Io): void {
  const base = scenarioByName(ws, stringFlag(args, 'base'));
  const other = scenarioByName(ws, stringFlag(args, 'other'));
  const csvFlag = args.flags.get('csv');
  if (csvFlag === true || csvFlag === '') throw new UsageError('--csv needs a file path.');
  if (args.flags.has('bom') && csvFlag === undefined) throw new UsageError('--bom goes with --csv <path>.');
  const service = new ScenarioService(() => ws);
  const comparison = service.compare(base.id, other.id);
  let csv: { path: string; rows: number } | undefined;
  if (typeof csvFlag === 'string') {
    const path = resolve(csvFlag);
    writeFileSync(path, service.diffCsv(base.id, other.id, args.flags.has('bom')).csv);
    csv = { path, rows: comparison.moved.ids.length };
  }
  const report = comparisonJson(comparison);
  if (args.flags.has('json')) return io.out(JSON.stringify(csv ? { ...report, csv } : report, null, 2));

  const share = report.measures.map((k) => `${pct(report.movedShare[k])} of ${k}`).join(', ');
  io.out(`"${base.name}" → "${other.name}": ${report.movedAccounts} of ${report.totalAccounts} accounts move${share ? ` (${share})` : ''}`);
  io.out(`  ${report.movedCells} cells change territory; ${report.accountsChangingRep} accounts change rep`);
  for (const k of report.measures) {
    const d = report.summary.maxDeviation[k]!;
    io.out(`  ${k}: max deviation ${pct(d.before)} → ${pct(d.after)}`);
  }
  const travel = report.summary.meanTravelKm;
  const breaks = report.summary.contiguityBreaks;
  io.out(`  mean travel ${km(travel.before)} → ${km(travel.after)}; contiguity breaks ${breaks.before} → ${breaks.after}`);
  io.out('');
  const header = ['id', 'territory', 'rep', 'accounts', 'after', 'Δ', 'gained', 'lost', 'cells Δ', ...report.measures.map((k) => `dev ${k}`)];
  const body = report.territories.map((t) => [
    String(t.id),
    t.inBase && t.inOther ? t.name : `${t.name} (${t.inBase ? 'base only' : 'new'})`,
    t.rep.before === t.rep.after ? '' : 'changed',
    String(t.accounts.before),
    String(t.accounts.after),
    signed(t.accounts.after - t.accounts.before),
    String(t.gained),
    String(t.lost),
    signed(t.cells.after - t.cells.before),
    ...report.measures.map((k) => {
      const d = t.deviation[k];
      return d ? `${pct(d.before)} → ${pct(d.after)}` : '–';
    }),
  ]);
  io.out(table(header, body, new Set([0, 3, 4, 5, 6, 7, 8, ...report.measures.map((_, i) => 9 + i)])));
  if (csv) io.out(`\nWrote the change list (${csv.rows} accounts) to ${csv.path}`);
}
