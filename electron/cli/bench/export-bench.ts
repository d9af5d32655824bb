import { FILE_EXPORT_FORMATS, type FileExportFormat } from '../../../shared/contract/export-api';
import { encodeWire } from '../../../shared/contract/wire';
import { ExportService } from '../../backend/export/export-service';
import type { Workspace } from '../../backend/workspace/workspace';
import type { Timing } from './measure';

/** Issue 7: every export of a large scenario (H-220k) finishes within this. */
const EXPORT_TARGET_MS = 5_000;

function timingOf(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { runs: sorted.length, medianMs: round(sorted[Math.floor(sorted.length / 2)]!), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!) };
}

/**
 * The export suite on one workspace (H-220k in `tessera bench`): each file the backend
 * writes from the baseline — boundaries (GeoJSON, KML, Shapefile), the assignment CSV and
 * the metrics report (CSV, XLSX) — timed end to end with its wire encoding (what the UI
 * waits for), with its size and record count. The postal table is skipped when no account
 * was located by postal code. The map image and PDF are drawn in the renderer (see
 * scripts/bench-render.js).
 */
export async function runExportSuite(ws: Workspace, log: (line: string) => void) {
  const scenario = ws.baseline() ?? ws.scenarios()[0]!;
  const service = new ExportService(() => ws);
  const hasPostal = ws.accountPostalCodes().some((p) => p !== null && p !== '');
  const formats: FileExportFormat[] = FILE_EXPORT_FORMATS.filter((f) => f !== 'postal' || hasPostal);
  const figures: Record<string, { timing: Timing; bytes: number; records: number; progressEvents: number; withinTarget: boolean }> = {};
  for (const format of formats) {
    log(`export: ${format}…`);
    const samples: number[] = [];
    let bytes = 0;
    let records = 0;
    let progressEvents = 0;
    for (let run = 0; run < 3; run++) {
      let events = 0;
      const started = performance.now();
      const file = await service.file(scenario.id, format, {}, () => events++);
      encodeWire(file);
      samples.push(performance.now() - started);
      bytes = file.bytes.byteLength;
      records = file.records;
      progressEvents = events;
    }
    const timing = timingOf(samples);
    figures[format] = { timing, bytes, records, progressEvents, withinTarget: timing.medianMs <= EXPORT_TARGET_MS };
  }
  return { workspace: { cells: ws.cellH3().length, accounts: ws.info().accounts, territories: ws.territoryRecords(scenario.id).length }, targetMs: EXPORT_TARGET_MS, formats: figures };
}
