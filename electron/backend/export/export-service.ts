import { performance } from 'node:perf_hooks';
import type { ExportFile, FileExportFormat, MetricsReport } from '../../../shared/contract/export-api';
import { ASSIGNMENT_ID_COLUMNS, assignmentsSheet, POSTAL_ID_COLUMNS, postalSheet } from '../../../shared/domain/export/assignment-tables';
import { cellsByTerritory, dissolveCells } from '../../../shared/domain/export/dissolve-cells';
import { boundariesGeoJson } from '../../../shared/domain/export/geojson-writer';
import { boundariesKml } from '../../../shared/domain/export/kml-writer';
import { METRICS_ID_COLUMNS, metricsSheet } from '../../../shared/domain/export/metrics-table';
import { boundariesShapefile } from '../../../shared/domain/export/shapefile-writer';
import { fileSlug, tableCsv } from '../../../shared/domain/export/table-csv';
import type { BoundaryFeature } from '../../../shared/domain/export/types';
import { writeXlsx } from '../../../shared/domain/export/xlsx-writer';
import { zipFiles } from '../../../shared/domain/export/zip-files';
import type { ScenarioId } from '../../../shared/domain/model/ids';
import { ContractError } from '../../../shared/contract/errors';
import { scenarioMetrics } from '../balancing/plan-report';
import type { Workspace } from '../workspace/workspace';
import { cachedAccountColumns } from '../workspace/account-columns-cache';
import { summaryFigures } from './summary-figures';
import { normalizePostalCode } from '../import/postal-codes';
import { targetDeviation } from '../../../shared/domain/metrics/target-deviation';

/** Reports how far an export has come (0…1) and what it is doing. */
export type ExportProgress = (fraction: number, phase: string) => void;

const MIME: Record<FileExportFormat, string> = {
  geojson: 'application/geo+json',
  kml: 'application/vnd.google-earth.kml+xml',
  shp: 'application/zip',
  assignments: 'text/csv;charset=utf-8',
  postal: 'text/csv;charset=utf-8',
  'metrics-csv': 'text/csv;charset=utf-8',
  'metrics-xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The workspace's name without the file extension, for file names and titles. */
function workspaceTitle(ws: Workspace): string {
  return ws.info().name.replace(/\.tessera$/i, '');
}

/** Hands the event loop back now and then, so progress events go out while a long export runs. */
function yielder(everyMs = 50) {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

/**
 * Writes a scenario out as the files other systems load: territory boundaries (GeoJSON,
 * KML, Shapefile), the CRM assignment file, postal code → territory, and the metrics
 * report (CSV, XLSX). Read-only: nothing in the workspace changes.
 */
export class ExportService {
  constructor(
    private readonly workspace: () => Workspace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * One export file.
   * @throws ContractError NOT_FOUND for an unknown scenario, INVALID_INPUT for a postal
   * table when no account was located by postal code
   */
  async file(scenarioId: ScenarioId, format: FileExportFormat, options: { bom?: boolean } = {}, progress: ExportProgress = () => {}): Promise<ExportFile> {
    const started = performance.now();
    const ws = this.workspace();
    const scenario = ws.scenario(scenarioId);
    const title = workspaceTitle(ws);
    const base = `${fileSlug(title)}-${fileSlug(scenario.name)}`;
    const done = (fileName: string, bytes: Uint8Array, records: number, extra: Partial<ExportFile> = {}): ExportFile => {
      progress(1, 'done');
      return { format, fileName, mime: MIME[format], bytes, records, elapsedMs: Math.round(performance.now() - started), ...extra };
    };
    const text = (s: string) => new TextEncoder().encode(s);
    switch (format) {
      case 'assignments': {
        const sheet = assignmentsSheet(this.assignmentInput(ws, scenarioId));
        return done(`${base}-assignments.csv`, text(tableCsv(sheet, { bom: options.bom ?? false, exactColumns: ASSIGNMENT_ID_COLUMNS })), sheet.rows.length);
      }
      case 'postal': {
        const input = this.assignmentInput(ws, scenarioId);
        const sheet = postalSheet({ ...input, postal: ws.accountPostalCodes(), normalize: (code) => normalizePostalCode(code, '') });
        if (sheet.rows.length === 0) {
          throw new ContractError('INVALID_INPUT', 'No account of this workspace has a postal code, so there is no postal code → territory table to export.');
        }
        return done(`${base}-postal-codes.csv`, text(tableCsv(sheet, { bom: options.bom ?? false, exactColumns: POSTAL_ID_COLUMNS })), sheet.rows.length);
      }
      case 'metrics-csv': {
        const report = this.metrics(scenarioId);
        // A plain table for other tools: the scenario and the export time ride along as the last two columns.
        const table = {
          ...report.table,
          header: [...report.table.header, 'scenario', 'exported_at'],
          rows: report.table.rows.map((r) => [...r, scenario.name, report.createdAt]),
        };
        return done(`${base}-metrics.csv`, text(tableCsv(table, { bom: options.bom ?? false, exactColumns: METRICS_ID_COLUMNS })), report.table.rows.length);
      }
      case 'metrics-xlsx': {
        const report = this.metrics(scenarioId);
        const preamble = [[`${title} — ${scenario.name}`], [`Exported ${report.createdAt}`]];
        const summary = { name: 'Summary', header: ['Figure', 'Value'], rows: report.summary.map((s) => [s.label, s.value]), preamble };
        const bytes = writeXlsx([{ ...report.table, preamble }, summary], { title: `${scenario.name} metrics`, creator: 'Tessera', created: this.now() });
        return done(`${base}-metrics.xlsx`, bytes, report.table.rows.length);
      }
      case 'geojson':
      case 'kml':
      case 'shp': {
        const features = await this.boundaryFeatures(ws, scenarioId, progress);
        progress(0.9, 'writing');
        if (format === 'geojson') return done(`${base}-territories.geojson`, text(boundariesGeoJson(features, { name: `${scenario.name}` })), features.length);
        if (format === 'kml') {
          return done(`${base}-territories.kml`, text(boundariesKml(features, { name: scenario.name, description: `${title}, exported by Tessera` })), features.length);
        }
        const shp = boundariesShapefile(features, { baseName: `${base}-territories` });
        return done(`${base}-territories.zip`, zipFiles(shp.files), features.length, { fields: shp.fields });
      }
    }
  }

  /** The per-territory metrics report with the plan's summary figures. */
  metrics(scenarioId: ScenarioId): MetricsReport {
    const ws = this.workspace();
    const scenario = ws.scenario(scenarioId);
    const measures = ws.measures();
    const reps = new Map(ws.reps().map((r) => [r.id, r]));
    const regions = new Map(ws.regions(scenarioId).map((r) => [r.id, r.name]));
    const territories = ws.territories(scenarioId);
    const table = metricsSheet({
      territories: territories.map((t) => ({ ...t, regionName: t.parentId !== null ? (regions.get(t.parentId) ?? null) : null })),
      measures: measures.map((m) => ({ key: m.key, label: m.label })),
      reps,
    });
    const evaluated = measures.length > 0 ? scenarioMetrics(ws, scenario, measures.map((m) => ({ key: m.key, weight: 1, tolerance: 0.05 }))).summary : null;
    // The largest deviation as the table (and the app) measure it: targets split from the territories' totals by capacity.
    const capacity = territories.map((t) => (t.repId !== null ? (reps.get(t.repId)?.capacity ?? 1) : 1));
    const maxDeviation = Object.fromEntries(
      measures.map((m) => [m.key, territories.length > 0 ? Math.max(0, ...targetDeviation(territories.map((t) => t.measures[m.key] ?? 0), capacity).map(Math.abs)) : 0]),
    );
    const figures = evaluated ? { ...evaluated, maxDeviation } : null;
    return {
      scenario: { id: scenario.id, name: scenario.name, revision: scenario.revision },
      measures: measures.map((m) => ({ key: m.key, label: m.label })),
      createdAt: this.now().toISOString(),
      summary: summaryFigures({ figures, measures, territories: territories.length, accounts: territories.reduce((s, t) => s + t.accounts, 0) }),
      table,
      colors: territories.map((t) => t.color),
    };
  }

  private assignmentInput(ws: Workspace, scenarioId: ScenarioId) {
    const accounts = cachedAccountColumns(ws);
    const assignment = ws.assignment(scenarioId);
    return {
      ids: accounts.ids,
      names: accounts.names,
      cell: accounts.cell,
      territoryOfCell: assignment.territoryOfCell,
      overrides: new Map(assignment.overrides.map((o) => [o.accountId, o.territoryId])),
      territories: ws.territoryRecords(scenarioId),
      repNames: new Map(ws.reps().map((r) => [r.id, r.name])),
    };
  }

  /** Every territory of the scenario with its dissolved shape and attributes (territories without cells have no polygons). */
  private async boundaryFeatures(ws: Workspace, scenarioId: ScenarioId, progress: ExportProgress): Promise<BoundaryFeature[]> {
    const h3 = ws.cellH3();
    const { territoryOfCell } = ws.assignment(scenarioId);
    const territories = ws.territories(scenarioId);
    const measures = ws.measures();
    const reps = new Map(ws.reps().map((r) => [r.id, r.name]));
    const regions = new Map(ws.regions(scenarioId).map((r) => [r.id, r.name]));
    const cellsOf = cellsByTerritory(h3, territoryOfCell, territories.map((t) => t.id));
    const pause = yielder();
    const features: BoundaryFeature[] = [];
    let done = 0;
    for (const t of territories) {
      const cells = cellsOf.get(t.id)!;
      features.push({
        territoryId: t.id,
        name: t.name,
        color: t.color,
        attributes: [
          { key: 'territory_id', value: t.id },
          { key: 'territory', value: t.name },
          { key: 'rep_id', value: t.repId },
          { key: 'rep', value: t.repId !== null ? (reps.get(t.repId) ?? null) : null },
          { key: 'region', value: t.parentId !== null ? (regions.get(t.parentId) ?? null) : null },
          { key: 'accounts', value: t.accounts },
          { key: 'cells', value: t.cells },
          ...measures.map((m) => ({ key: m.key, value: t.measures[m.key] ?? 0 })),
        ],
        polygons: cells.length > 0 ? dissolveCells(cells) : [],
      });
      done += cells.length;
      progress((0.9 * done) / Math.max(1, h3.length), 'boundaries');
      await pause();
    }
    return features;
  }
}
