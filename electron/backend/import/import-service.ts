import { basename, extname } from 'node:path';
import type { ImportJobState, ImportPreview, ImportReport, ImportRequest, SavedMapping, StagedFile } from '../../../shared/contract/import-api';
import { ContractError } from '../../../shared/contract/errors';
import type { Events } from '../../../shared/contract/events';
import { describeNumberFormat } from '../../../shared/domain/import/parse-number';
import { guessMapping, layoutSignature, validateMapping } from '../../../shared/domain/import/guess-mapping';
import { rejectsCsv } from '../../../shared/domain/import/rejects-csv';
import type { ImportIssue, ImportKind } from '../../../shared/domain/import/types';
import { listMappings, mappingForLayout, saveMapping } from '../db/queries/import-mappings';
import type { Workspace } from '../workspace/workspace';
import { commitAlignment } from './commit-alignment';
import { commitCheckingKeysAtEnd, commitRecords, keysCheckableAtEnd, type RecordCounts } from './commit-records';
import { isGeojsonName } from './prepare-import';
import type { Prepared } from './prepared';
import { previewGeojson } from './preview-geojson';
import { previewTable } from './read-table/open-table';
import { runImportRead, type RunningRead } from './run-import-job';
import { StagedFiles } from './staged-files';

/** Issues kept in a report sent to the UI; the rejects CSV has them all. */
const REPORT_ISSUES = 1000;

interface Job {
  state: ImportJobState;
  path: string;
  /** The workspace's H3 resolution when reading began (the file's cells are at it). */
  resolution: number;
  running: RunningRead | null;
  issues: ImportIssue[];
}

/** The open workspace, and a way to announce that an import changed its content. */
export interface WorkspaceHolder {
  require(): Workspace;
  contentChanged(): void;
}

type Emit = <E extends 'import.progress' | 'import.finished'>(name: E, payload: Events[E]) => void;

/**
 * Imports into the open workspace: previews a staged file with a mapping to start from
 * (saved for this layout, or guessed), reads it off the main thread with progress and
 * cancel, and writes what it read in one transaction. A file that cannot be read, or a
 * cancelled import, writes nothing.
 */
export class ImportService {
  readonly staged = new StagedFiles();
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(
    private readonly session: WorkspaceHolder,
    private readonly emit: Emit,
    private readonly options: { inProcess?: boolean } = {},
  ) {}

  stage(path: string, options?: { name?: string; temporary?: boolean }): StagedFile {
    return this.staged.stage(path, options);
  }

  mappings(): SavedMapping[] {
    return listMappings(this.session.require().db);
  }

  async preview(sourceId: string, kind: ImportKind, sheet?: string): Promise<ImportPreview> {
    const ws = this.session.require();
    const file = this.staged.get(sourceId);
    const geojson = isGeojsonName(file.name) && kind === 'alignment';
    let table;
    try {
      table = geojson ? previewGeojson(file.path) : await previewTable(file.path, sheet ? { sheet, rows: 20 } : { rows: 20 });
    } catch (error) {
      throw new ContractError('INVALID_INPUT', messageOf(error, file.name));
    }
    const saved = mappingForLayout(ws.db, kind, layoutSignature(table.header));
    const mapping = saved?.mapping ?? guessMapping(kind, table.header, table.rows);
    return {
      sourceId,
      fileName: file.name,
      format: table.info.format,
      encoding: table.info.encoding,
      delimiter: table.info.delimiter,
      sheets: table.info.sheets,
      sheet: table.info.sheet,
      header: table.header,
      rows: table.rows,
      mapping,
      savedMapping: saved?.name ?? null,
      numberRule: describeNumberFormat(mapping.numberFormat),
      mappingProblems: geojson
        ? mapping.columns.some((c) => c.role === 'territory')
          ? []
          : ['Choose the property that names each territory.']
        : validateMapping(mapping, table.header),
    };
  }

  start(request: ImportRequest): { jobId: number } {
    const ws = this.session.require();
    const file = this.staged.get(request.sourceId);
    if (request.mapping.kind !== request.kind) throw new ContractError('INVALID_INPUT', `The mapping is for ${request.mapping.kind}, not ${request.kind}.`);
    const scenarioName = request.scenarioName?.trim() ?? '';
    if (request.kind === 'alignment') {
      if (scenarioName === '') throw new ContractError('INVALID_INPUT', 'An imported alignment needs the name of the scenario to create.');
      if (ws.scenarios().some((s) => s.name === scenarioName)) throw new ContractError('INVALID_INPUT', `There is already a scenario named "${scenarioName}".`);
      if (ws.cellH3().length === 0) throw new ContractError('INVALID_INPUT', 'Import accounts first: an alignment is laid on the study area they define.');
    }
    const id = this.nextId++;
    const resolution = ws.info().resolution;
    const job: Job = {
      state: { jobId: id, state: 'running', phase: 'reading', rows: 0, bytes: 0, totalBytes: file.bytes },
      path: ws.path,
      resolution,
      running: null,
      issues: [],
    };
    this.jobs.set(id, job);
    const started = Date.now();
    job.running = runImportRead(
      {
        path: file.path,
        fileName: file.name,
        kind: request.kind,
        sheet: request.sheet,
        mapping: request.mapping,
        resolution,
        existingCells: request.kind === 'accounts' ? [...ws.cellH3()] : [],
      },
      (p) => {
        if (job.state.state !== 'running') return;
        job.state = { ...job.state, ...p };
        this.emit('import.progress', { jobId: id, ...p });
      },
      this.options,
    );
    void job.running.done.then((outcome) => {
      job.running = null;
      if (job.state.state !== 'running') return;
      if (outcome.state === 'cancelled') job.state = { ...job.state, state: 'cancelled', phase: 'finished' };
      else if (outcome.state === 'failed') job.state = { ...job.state, state: 'failed', phase: 'finished', error: outcome.error };
      else {
        try {
          job.state = { ...job.state, phase: 'writing' };
          this.emit('import.progress', { jobId: id, phase: 'writing', rows: job.state.rows, bytes: job.state.bytes, totalBytes: job.state.totalBytes });
          const report = this.commit(job, outcome.prepared, request, file.name, scenarioName, started, outcome.transferMs);
          job.state = { ...job.state, state: 'done', phase: 'finished', bytes: job.state.totalBytes, rows: report.rowsRead, report };
        } catch (error) {
          job.state = { ...job.state, state: 'failed', phase: 'finished', error: messageOf(error, file.name) };
        }
      }
      this.emit('import.finished', job.state);
    });
    return { jobId: id };
  }

  /** Writes what was read in one transaction, saves the mapping, and announces the new content. */
  private commit(job: Job, prepared: Prepared, request: ImportRequest, fileName: string, scenarioName: string, started: number, transferMs: number): ImportReport {
    const writeStarted = performance.now();
    const ws = this.session.require();
    if (ws.path !== job.path) throw new Error('The workspace was closed while the file was being read; nothing was imported.');
    if (ws.info().resolution !== job.resolution) throw new Error('The workspace changed resolution while the file was being read; nothing was imported. Import it again.');
    const now = new Date().toISOString();
    const mappingName = request.saveMappingAs?.trim() || basename(fileName, extname(fileName));
    const issues = [...prepared.issues];
    let counts: RecordCounts = { imported: 0, updated: 0, unchanged: 0, missing: 0, removed: 0, addedCells: 0 };
    let alignment: ImportReport['alignment'] = null;
    const keyColumn = request.mapping.columns.find((c) => c.role === 'id' || c.role === 'postalCode')?.column ?? '';
    const grid = request.kind === 'alignment' ? ws.grid() : null;
    const write = () => {
      if (request.kind === 'alignment') {
        const outcome = commitAlignment(ws.db, prepared, grid!, { scenarioName, fillEmpty: request.fillEmpty ?? true, createdAt: now, keyColumn });
        alignment = outcome.summary;
        issues.push(...outcome.issues);
        counts = { ...counts, imported: prepared.rowsRead - prepared.rejected - outcome.summary.unmatchedKeys };
      } else {
        counts = commitRecords(ws.db, prepared, request.missingRecords ?? 'keep');
      }
      saveMapping(ws.db, { name: mappingName, kind: request.kind, signature: layoutSignature(request.mapping.columns.map((c) => c.column)), mapping: request.mapping }, now);
    };
    // A bulk load of accounts checks its foreign keys once, before the commit, instead of row by row.
    if (request.kind === 'accounts' && keysCheckableAtEnd(ws.db, prepared)) commitCheckingKeysAtEnd(ws.db, write);
    else ws.db.transaction(write)();
    const writeMs = Math.round(performance.now() - writeStarted);
    job.issues = issues.sort((a, b) => a.row - b.row);
    this.session.contentChanged();
    const { addedCells, ...recordCounts } = counts;
    return {
      kind: request.kind,
      fileName,
      rowsRead: prepared.rowsRead,
      ...recordCounts,
      rejected: prepared.rejected + ((alignment as ImportReport['alignment'])?.unmatchedKeys ?? 0),
      issues: job.issues.slice(0, REPORT_ISSUES),
      issueCount: job.issues.length,
      addedCells,
      places: prepared.growth?.places ?? [],
      alignment,
      mappingName,
      elapsedMs: Date.now() - started,
      timings: { ...prepared.timings, transferMs, writeMs },
    };
  }

  state(jobId: number): ImportJobState {
    return this.job(jobId).state;
  }

  cancel(jobId: number): ImportJobState {
    const job = this.job(jobId);
    if (job.state.state === 'running' && job.running) {
      job.running.cancel();
      job.state = { ...job.state, state: 'cancelled', phase: 'finished' };
      this.emit('import.finished', job.state);
    }
    return job.state;
  }

  /** Every issue of a finished import, by row. */
  allIssues(jobId: number): ImportIssue[] {
    return this.job(jobId).issues;
  }

  rejects(jobId: number): { fileName: string; csv: string } {
    const job = this.job(jobId);
    const report = job.state.report;
    if (!report) throw new ContractError('INVALID_INPUT', 'This import has not finished.');
    return { fileName: `${basename(report.fileName, extname(report.fileName))}-rejects.csv`, csv: rejectsCsv(job.issues) };
  }

  /** Forgets jobs and staged files (the workspace was closed or replaced). */
  clear(): void {
    for (const job of this.jobs.values()) job.running?.cancel();
    this.jobs.clear();
  }

  close(): void {
    this.clear();
    this.staged.releaseAll();
  }

  private job(jobId: number): Job {
    this.session.require();
    const job = this.jobs.get(jobId);
    if (!job) throw new ContractError('NOT_FOUND', `There is no import job ${jobId}.`);
    return job;
  }
}

function messageOf(error: unknown, fileName: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes(fileName) ? message : `${fileName}: ${message}`;
}
