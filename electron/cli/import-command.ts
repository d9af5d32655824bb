import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportJobState } from '../../shared/contract/import-api';
import { ContractError } from '../../shared/contract/errors';
import type { ColumnMapping, FieldRole, ImportKind, ImportMapping } from '../../shared/domain/import/types';
import { measureKey } from '../../shared/domain/import/guess-mapping';
import { mappingByName } from '../backend/db/queries/import-mappings';
import { ImportService } from '../backend/import/import-service';
import { Workspace } from '../backend/workspace/workspace';
import type { Io } from './commands';
import { UsageError, type ParsedArgs } from './parse-args';

const KINDS: readonly ImportKind[] = ['accounts', 'reps', 'alignment'];

/** `--map` field names (and their spellings) → roles. */
const FIELDS: Record<string, FieldRole> = {
  id: 'id',
  name: 'name',
  lat: 'latitude',
  latitude: 'latitude',
  lon: 'longitude',
  lng: 'longitude',
  longitude: 'longitude',
  postal: 'postalCode',
  postalcode: 'postalCode',
  zip: 'postalCode',
  country: 'country',
  capacity: 'capacity',
  territory: 'territory',
  rep: 'rep',
  region: 'region',
  measure: 'measure',
  attribute: 'attribute',
  ignore: 'ignore',
};
const SINGLE: ReadonlySet<FieldRole> = new Set(['id', 'name', 'latitude', 'longitude', 'postalCode', 'country', 'capacity', 'territory', 'rep', 'region']);

/**
 * `tessera import accounts|reps|alignment <file> --workspace <ws> [--map field=Column …]`:
 * reads the file with the saved mapping for its layout (or `--mapping <name>`, or
 * Tessera's guess), adjusted by `--map`, and writes it in one transaction.
 * Exit 0 when the file was read, even with rejected rows.
 */
export async function importCommand(args: ParsedArgs, io: Io): Promise<void> {
  const kind = args.positionals[0] as ImportKind | undefined;
  if (!kind || !KINDS.includes(kind)) throw new UsageError('tessera import needs what to import: accounts, reps or alignment.');
  const file = args.positionals[1];
  if (!file) throw new UsageError(`tessera import ${kind} needs a file.`);
  const wsPath = args.flags.get('workspace');
  if (typeof wsPath !== 'string') throw new UsageError('--workspace is required.');
  const json = args.flags.has('json');
  const ws = Workspace.open(resolve(wsPath), () => new Date());
  try {
    let finished: (state: ImportJobState) => void = () => {};
    const done = new Promise<ImportJobState>((r) => (finished = r));
    const service = new ImportService(
      { require: () => ws, contentChanged: () => ws.reload() },
      (name, payload) => {
        if (name === 'import.finished') finished(payload as ImportJobState);
        else if (!json && process.stderr.isTTY) {
          const p = payload as { rows: number; bytes: number; totalBytes: number };
          process.stderr.write(`\r${p.rows.toLocaleString('en')} rows, ${Math.round((100 * p.bytes) / Math.max(1, p.totalBytes))} %   `);
        }
      },
      { inProcess: true },
    );
    const staged = service.stage(resolve(file));
    const sheet = typeof args.flags.get('sheet') === 'string' ? (args.flags.get('sheet') as string) : undefined;
    const preview = await service.preview(staged.sourceId, kind, sheet);
    const mapping = cliMapping(args, ws, kind, preview.mapping, preview.header);
    const scenario = args.flags.get('scenario');
    const { jobId } = service.start({
      sourceId: staged.sourceId,
      kind,
      sheet,
      mapping,
      missingRecords: args.flags.has('remove-missing') ? 'remove' : 'keep',
      saveMappingAs: typeof args.flags.get('save-mapping') === 'string' ? (args.flags.get('save-mapping') as string) : undefined,
      scenarioName: typeof scenario === 'string' ? scenario : undefined,
      fillEmpty: !args.flags.has('no-fill'),
    });
    const state = await done;
    if (!json && process.stderr.isTTY) process.stderr.write('\n');
    if (state.state !== 'done' || !state.report) throw new ContractError('INVALID_INPUT', state.error ?? 'The import did not finish.');
    const report = state.report;
    const errors = service.allIssues(jobId);
    const rejectsOut = args.flags.get('rejects');
    if (typeof rejectsOut === 'string') writeFileSync(resolve(rejectsOut), service.rejects(jobId).csv);
    if (json) {
      const { issues: _, ...rest } = report;
      io.out(JSON.stringify({ ...rest, errors }, null, 2));
      return;
    }
    io.out(
      [
        `${report.fileName}: ${report.rowsRead.toLocaleString('en')} rows read in ${(report.elapsedMs / 1000).toFixed(1)} s`,
        `  ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`,
        report.missing > 0 ? `  ${report.missing} ${kind} of the workspace are not in the file (${report.removed} removed)` : null,
        report.addedCells > 0 ? `  study area grew by ${report.addedCells} cells (${report.places.join(', ') || 'occupied cells only'})` : null,
        report.alignment
          ? `  scenario "${report.alignment.scenarioName}": ${report.alignment.territories} territories, ${report.alignment.assignedCells} cells (${report.alignment.filledCells} filled), ${report.alignment.overrides} named accounts, ${report.alignment.unmatchedKeys} keys unmatched`
          : null,
        `  mapping saved as "${report.mappingName}"`,
        ...errors.slice(0, 20).map((e) => `  row ${e.row}, ${e.column || '(row)'}: ${JSON.stringify(e.value)} — ${e.reason}`),
        errors.length > 20 ? `  … ${errors.length - 20} more issues (--rejects <file.csv> writes them all)` : null,
      ]
        .filter((line) => line !== null)
        .join('\n'),
    );
  } finally {
    ws.close();
  }
}

/** The mapping to use: `--mapping <saved name>` or the preview's, then each `--map field=Column`. */
function cliMapping(args: ParsedArgs, ws: Workspace, kind: ImportKind, start: ImportMapping, header: readonly string[]): ImportMapping {
  let mapping = start;
  const name = args.flags.get('mapping');
  if (typeof name === 'string') {
    const saved = mappingByName(ws.db, name);
    if (!saved) throw new UsageError(`There is no saved mapping named "${name}".`);
    if (saved.kind !== kind) throw new UsageError(`The mapping "${name}" is for ${saved.kind}, not ${kind}.`);
    mapping = saved.mapping;
  }
  let columns: ColumnMapping[] = header.map((column) => mapping.columns.find((c) => c.column === column) ?? { column, role: 'ignore' as const });
  const taken = new Set(columns.filter((c) => c.role === 'measure').map((c) => c.key ?? c.column));
  for (const spec of args.lists.get('map') ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--map ${spec}: expected field=Column.`);
    const [field, key] = spec.slice(0, eq).split(':') as [string, string | undefined];
    const role = FIELDS[field.toLowerCase()];
    if (!role) throw new UsageError(`--map ${spec}: unknown field "${field}" (use ${Object.keys(FIELDS).join(', ')}).`);
    const wanted = spec.slice(eq + 1);
    const column = header.find((h) => h === wanted) ?? header.find((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (column === undefined) throw new UsageError(`--map ${spec}: the file has no column "${wanted}". Its columns: ${header.join(', ')}.`);
    if (SINGLE.has(role)) columns = columns.map((c) => (c.role === role ? { column: c.column, role: 'ignore' as const } : c));
    const entry: ColumnMapping = { column, role };
    if (role === 'measure') {
      entry.key = key ?? measureKey(column, taken);
      entry.label = column;
      taken.add(entry.key);
    } else if (role === 'attribute') entry.key = key ?? column;
    columns = columns.map((c) => (c.column === column ? entry : c));
  }
  const decimal = args.flags.get('decimal');
  const missing = args.flags.get('missing');
  if (decimal !== undefined && decimal !== '.' && decimal !== ',') throw new UsageError('--decimal must be . or ,');
  if (missing !== undefined && missing !== 'missing' && missing !== 'zero' && missing !== 'reject') throw new UsageError('--missing must be missing, zero or reject.');
  return {
    ...mapping,
    kind,
    columns,
    numberFormat: decimal ? { decimal, thousands: decimal === ',' ? '.' : ',' } : mapping.numberFormat,
    missing: (missing as ImportMapping['missing'] | undefined) ?? mapping.missing,
  };
}
