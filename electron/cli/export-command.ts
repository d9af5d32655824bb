import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExportFile, FileExportFormat } from '../../shared/contract/export-api';
import { ExportService } from '../backend/export/export-service';
import { writeFileAtomic } from '../backend/handlers/export';
import { Workspace } from '../backend/workspace/workspace';
import type { Io } from './commands';
import { UsageError, type ParsedArgs } from './parse-args';
import { scenarioByName } from './scenario-commands';
import { renderMapExport } from './export-map';
import { intFlag } from './parse-args';

const now = () => new Date();

/** CLI format names → the backend's file formats (`csv` takes `--table`). */
const CSV_TABLES: Record<string, FileExportFormat> = { assignments: 'assignments', postal: 'postal', metrics: 'metrics-csv' };
const FILE_FORMATS: Record<string, FileExportFormat> = { geojson: 'geojson', kml: 'kml', shp: 'shp', xlsx: 'metrics-xlsx' };
export const EXPORT_FORMATS = ['geojson', 'kml', 'shp', 'csv', 'xlsx', 'png', 'pdf'] as const;

function stringFlag(args: ParsedArgs, name: string): string {
  const value = args.flags.get(name);
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}

/**
 * Where `--out` puts the file: a folder (existing, or named with a trailing separator,
 * then created) gets the suggested name inside it; anything else is the file itself.
 * @throws UsageError when that is the workspace itself, or an existing file without `--force`
 */
export function outPath(out: string, suggested: string, workspace: string, force: boolean): string {
  const path = resolve(out);
  const folder = /[\\/]$/.test(out) || (existsSync(path) && statSync(path).isDirectory());
  if (folder) mkdirSync(path, { recursive: true });
  const target = folder ? join(path, suggested) : path;
  if (target === resolve(workspace)) throw new UsageError(`--out ${out} is the workspace itself; choose another file or a folder.`);
  if (!force && existsSync(target)) throw new UsageError(`${target} already exists; add --force to replace it.`);
  return target;
}

/**
 * `tessera export geojson|kml|shp|csv|xlsx|png|pdf --workspace <ws> --scenario <name> --out <path>
 *  [--table assignments|postal|metrics] [--bom] [--json]` — writes one export file (png and
 *  pdf: see `mapExport`).
 */
export async function exportCommand(args: ParsedArgs, io: Io, rendererDir: string): Promise<void> {
  const format = args.positionals[0];
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Name the export format: tessera export ${EXPORT_FORMATS.join('|')} --workspace <ws> --scenario <name> --out <path>.`);
  }
  const out = stringFlag(args, 'out');
  const workspace = resolve(stringFlag(args, 'workspace'));
  const name = stringFlag(args, 'scenario');
  // A file named outright is checked before the export runs; a folder once the name is known.
  if (!/[\\/]$/.test(out) && !(existsSync(resolve(out)) && statSync(resolve(out)).isDirectory())) outPath(out, '', workspace, args.flags.has('force'));
  let target: FileExportFormat;
  if (format === 'csv') {
    const table = args.flags.get('table') ?? 'assignments';
    if (typeof table !== 'string' || !(table in CSV_TABLES)) throw new UsageError('--table must be assignments, postal or metrics.');
    target = CSV_TABLES[table]!;
  } else if (format === 'png' || format === 'pdf') {
    await mapExport(args, io, format, workspace, name, out, rendererDir);
    return;
  } else target = FILE_FORMATS[format]!;
  const ws = Workspace.open(workspace, now);
  let file: ExportFile;
  try {
    const scenario = scenarioByName(ws, name);
    const json = args.flags.has('json');
    file = await new ExportService(() => ws, now).file(scenario.id, target, { bom: args.flags.has('bom') }, (fraction, phase) => {
      if (!json && phase !== 'done') io.err(`  ${phase} ${(fraction * 100).toFixed(0)} %`);
    });
  } finally {
    ws.close();
  }
  const path = outPath(out, file.fileName, workspace, args.flags.has('force'));
  writeFileAtomic(path, file.bytes);
  const result = { format, path, bytes: file.bytes.byteLength, records: file.records, elapsedMs: file.elapsedMs, ...(file.fields ? { fields: file.fields } : {}) };
  if (args.flags.has('json')) io.out(JSON.stringify(result, null, 2));
  else io.out(`Wrote ${path} (${result.records} ${target === 'assignments' ? 'accounts' : target === 'postal' ? 'postal codes' : 'territories'}, ${(result.bytes / 1024).toFixed(0)} KB) in ${result.elapsedMs} ms.`);
}

const PAPERS = ['A4', 'A3', 'Letter', 'Legal', 'Tabloid'];
const MODES = ['territory', 'density', 'deviation'] as const;

/** `tessera export png|pdf … [--paper A4] [--orientation landscape|portrait] [--dpi 300] [--title t] [--mode m] [--show-accounts]` */
async function mapExport(args: ParsedArgs, io: Io, format: 'png' | 'pdf', workspace: string, name: string, out: string, rendererDir: string): Promise<void> {
  const paper = String(args.flags.get('paper') ?? 'A4');
  const canonical = PAPERS.find((p) => p.toLowerCase() === paper.toLowerCase());
  if (!canonical) throw new UsageError(`--paper must be one of ${PAPERS.join(', ')}.`);
  const orientation = String(args.flags.get('orientation') ?? 'landscape');
  if (orientation !== 'landscape' && orientation !== 'portrait') throw new UsageError('--orientation must be landscape or portrait.');
  const mode = String(args.flags.get('mode') ?? 'territory');
  if (!(MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}.`);
  const dpi = intFlag(args.flags, 'dpi', 300, 72, 600);
  const title = args.flags.get('title');
  const ws = Workspace.open(workspace, now);
  let scenarioId: number;
  try {
    scenarioId = scenarioByName(ws, name).id;
  } finally {
    ws.close();
  }
  const started = performance.now();
  if (!args.flags.has('json')) io.err(`  drawing the map in a headless browser…`);
  const file = await renderMapExport({
    workspace,
    scenarioId,
    format,
    paper: canonical,
    orientation,
    dpi,
    title: typeof title === 'string' ? title : null,
    mode: mode as (typeof MODES)[number],
    accounts: args.flags.has('show-accounts'),
    rendererDir,
  });
  const path = outPath(out, file.fileName, workspace, args.flags.has('force'));
  writeFileAtomic(path, file.bytes);
  const result = { format, path, bytes: file.bytes.byteLength, paper: canonical, orientation, dpi, elapsedMs: Math.round(performance.now() - started) };
  if (args.flags.has('json')) io.out(JSON.stringify(result, null, 2));
  else io.out(`Wrote ${path} (${canonical} ${orientation}, ${dpi} dpi, ${(result.bytes / 1024).toFixed(0)} KB) in ${result.elapsedMs} ms.`);
}
