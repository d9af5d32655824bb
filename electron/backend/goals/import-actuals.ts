import { basename, extname } from 'node:path';
import { ContractError } from '../../../shared/contract/errors';
import type { ActualsReport } from '../../../shared/contract/goals-api';
import { parsePeriod, type PeriodKind } from '../../../shared/domain/goals/periods';
import { columnIndex, measureKey } from '../../../shared/domain/import/guess-mapping';
import { detectNumberFormat, parseNumber } from '../../../shared/domain/import/parse-number';
import { rejectsCsv } from '../../../shared/domain/import/rejects-csv';
import type { ImportIssue, NumberFormat } from '../../../shared/domain/import/types';
import { replaceActuals, type ActualRow } from '../db/queries/goals';
import { openTable } from '../import/read-table/open-table';
import type { Workspace } from '../workspace/workspace';
import { cachedAccountColumns } from '../workspace/account-columns-cache';

/** Which columns hold what; any other column with numbers is a measure unless `measures` names them. */
export interface ActualsMapping {
  /** Header of the account id column (default: guessed from account id / account / id). */
  id?: string;
  /** Header of the period column (default: guessed from period / month / quarter / date). */
  period?: string;
  /** Measure columns: header → measure key (default: every other column, key from its header). */
  measures?: Record<string, string>;
  /** Number format (default: detected from the first rows). */
  numberFormat?: NumberFormat;
}

const ID_HEADERS = ['account id', 'account_id', 'accountid', 'account', 'account number', 'customer id', 'id'];
const PERIOD_HEADERS = ['period', 'month', 'quarter', 'date', 'period start', 'year month'];
const MAX_ISSUES = 1000;

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

function findColumn(header: readonly string[], named: string | undefined, candidates: readonly string[], what: string, file: string): number {
  if (named !== undefined) {
    const at = columnIndex(header, named);
    if (at < 0) throw new ContractError('INVALID_INPUT', `${file} has no column "${named}" for the ${what} (its columns: ${header.join(', ')}).`);
    return at;
  }
  for (const c of candidates) {
    const at = header.findIndex((h) => norm(h) === norm(c));
    if (at >= 0) return at;
  }
  throw new ContractError('INVALID_INPUT', `${file} has no ${what} column (looked for ${candidates.map((c) => `"${c}"`).join(', ')}); name it with --map.`);
}

/**
 * Imports actual results per account and period from a CSV/TSV/Excel file, with the same
 * reader and issue report as the account import. Each row is an account id, a period
 * (months or quarters, one kind per file: `2026-03`, `Mar 2026`, `2026-Q1` …) and one or
 * more measure values. Rows are rejected, with row, column, value and reason, for an
 * unknown account, an unreadable or mixed period, a bad number, or an account and period
 * given twice. The periods in the file replace their earlier actuals (of the same
 * measures) in one transaction; other periods stay. Nothing is written when no row is good.
 * @throws ContractError INVALID_INPUT naming the file when it cannot be read or has no
 *   id, period or measure column
 */
export async function importActuals(ws: Workspace, path: string, mapping: ActualsMapping = {}, fileName = basename(path)): Promise<ActualsReport> {
  const started = performance.now();
  const file = fileName;
  let table;
  try {
    table = await openTable(path);
  } catch (error) {
    throw new ContractError('INVALID_INPUT', (error as Error).message);
  }
  try {
    const header = table.header;
    const idAt = findColumn(header, mapping.id, ID_HEADERS, 'account id', file);
    const periodAt = findColumn(header, mapping.period, PERIOD_HEADERS, 'period', file);
    const measureColumns: { at: number; key: string; header: string }[] = [];
    if (mapping.measures) {
      for (const [column, key] of Object.entries(mapping.measures)) {
        const at = columnIndex(header, column);
        if (at < 0) throw new ContractError('INVALID_INPUT', `${file} has no column "${column}" (its columns: ${header.join(', ')}).`);
        measureColumns.push({ at, key, header: header[at]! });
      }
    } else {
      const taken = new Set<string>();
      header.forEach((h, at) => {
        if (at === idAt || at === periodAt || h.trim() === '') return;
        const key = measureKey(h, taken);
        taken.add(key);
        measureColumns.push({ at, key, header: h });
      });
    }
    if (measureColumns.length === 0) throw new ContractError('INVALID_INPUT', `${file} has no measure column besides the account id and the period.`);

    const known = new Set(cachedAccountColumns(ws).ids);
    const all: ImportIssue[] = [];
    const issue = (i: ImportIssue) => all.push(i);
    const rows: ActualRow[] = [];
    const periods: string[] = [];
    const seenPeriods = new Set<string>();
    const seen = new Map<string, number>();
    let kind: PeriodKind | null = null;
    let format = mapping.numberFormat ?? null;
    let rowsRead = 0;
    let rejected = 0;
    for await (const batch of table.rows()) {
      format ??= detectNumberFormat(batch.flatMap((r) => measureColumns.map((m) => r.values[m.at] ?? '')).slice(0, 2000));
      for (const row of batch) {
        rowsRead++;
        const before = all.length;
        const id = (row.values[idAt] ?? '').trim();
        const periodText = (row.values[periodAt] ?? '').trim();
        if (id === '') issue({ row: row.row, column: header[idAt]!, value: '', reason: 'empty account id' });
        else if (!known.has(id)) issue({ row: row.row, column: header[idAt]!, value: id, reason: 'no account with this id in the workspace' });
        const period = parsePeriod(periodText);
        if (!period) issue({ row: row.row, column: header[periodAt]!, value: periodText, reason: periodText === '' ? 'empty period' : 'not a month or quarter (e.g. 2026-03, Mar 2026, 2026-Q1)' });
        else if (kind !== null && period.kind !== kind) issue({ row: row.row, column: header[periodAt]!, value: periodText, reason: `a ${period.kind} in a file of ${kind}s` });
        const key = `${id}\u0000${period?.key ?? ''}`;
        const first = seen.get(key);
        if (period && id !== '' && first !== undefined) issue({ row: row.row, column: header[idAt]!, value: id, reason: `account and period given twice (first on row ${first})` });
        const values: { key: string; value: number }[] = [];
        for (const m of measureColumns) {
          const text = row.values[m.at] ?? '';
          const parsed = parseNumber(text, format);
          if (parsed.kind === 'invalid') issue({ row: row.row, column: m.header, value: text, reason: parsed.reason });
          else if (parsed.kind === 'number') values.push({ key: m.key, value: parsed.value });
        }
        if (all.length > before) {
          rejected++;
          continue;
        }
        kind ??= period!.kind;
        seen.set(key, row.row);
        if (!seenPeriods.has(period!.key)) {
          seenPeriods.add(period!.key);
          periods.push(period!.key);
        }
        for (const v of values) rows.push({ accountId: id, period: period!.key, measure: v.key, value: v.value });
      }
    }
    const measures = measureColumns.map((m) => m.key);
    if (rows.length > 0) ws.db.transaction(() => replaceActuals(ws.db, periods, measures, rows))();
    const rejects = all.length > 0 ? { fileName: `${basename(file, extname(file))}-rejects.csv`, csv: rejectsCsv(all) } : null;
    return { fileName: file, rowsRead, imported: rows.length, rejected, periods, kind, measures, issues: all.slice(0, MAX_ISSUES), issueCount: all.length, rejects, elapsedMs: Math.round(performance.now() - started) };
  } finally {
    await table.close();
  }
}
