import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { contiguousUsPlaces } from '../../backend/demo/load-open-data';
import { Workspace } from '../../backend/workspace/workspace';
import { createRng } from '../../../shared/domain/random/create-rng';

const ROWS = 1_000_000;

/**
 * Writes the I-1M file of BENCHMARKS.md: 1M accounts (~100 MB) around real US places,
 * with ids that keep leading zeros, decimal values, a text attribute, quoted names with
 * commas, and 0.1 % bad rows (out-of-range latitude, non-numeric revenue).
 */
async function writeAccountsCsv(path: string): Promise<void> {
  const rng = createRng(1);
  const places = contiguousUsPlaces().filter((p) => p.population >= 20_000);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const segments = ['Enterprise', 'Mid-market', 'SMB', 'Public sector'];
  let chunk = 'Account ID,Account Name,Latitude,Longitude,Annual Revenue,Visits per Year,Segment,City\r\n';
  for (let i = 0; i < ROWS; i++) {
    const p = places[rng.int(places.length)]!;
    const lat = i % 1000 === 17 ? 123.4 : p.lat + (rng.next() - 0.5) * 0.3;
    const revenue = i % 1000 === 503 ? 'n.a.x' : (rng.next() * 250_000).toFixed(2);
    chunk += `${String(i).padStart(8, '0')},"${p.name} Supply, Inc. #${i}",${lat.toFixed(5)},${(p.lon + (rng.next() - 0.5) * 0.3).toFixed(5)},${revenue},${1 + rng.int(24)},${segments[i % 4]},${p.name}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * The import suite: `tessera import accounts` of I-1M into a new res-6 workspace, run
 * as its own process so its wall time and peak RSS are the import's alone.
 */
export async function runImportSuite(scratch: string, cliPath: string, log: (line: string) => void) {
  const csv = join(scratch, 'i1m.csv');
  log('import: writing the I-1M CSV (1,000,000 rows)…');
  await writeAccountsCsv(csv);
  const bytes = statSync(csv).size;
  const ws = join(scratch, 'i1m.tessera');
  Workspace.create(ws, 6, () => new Date()).close();
  log(`import: importing ${(bytes / 1e6).toFixed(0)} MB in a separate process…`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [cliPath, 'import', 'accounts', csv, '--workspace', ws, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, TESSERA_REPORT_RSS: '1' },
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`import bench failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    rowsRead: number;
    imported: number;
    rejected: number;
    addedCells: number;
    elapsedMs: number;
    timings: Record<string, number>;
    errors: unknown[];
  };
  const peakRssMb = Number(/peak RSS (\d+) MB/.exec(run.stderr)?.[1] ?? Number.NaN);
  const seconds = wallMs / 1000;
  return {
    instance: 'I-1M',
    rows: report.rowsRead,
    fileBytes: bytes,
    imported: report.imported,
    rejected: report.rejected,
    studyAreaCells: report.addedCells,
    processWallMs: Math.round(wallMs),
    importElapsedMs: report.elapsedMs,
    /** Where the time went: reading and checking rows, H3 cells, the study area, the database write. */
    phasesMs: report.timings,
    rowsPerSecond: Math.round(report.rowsRead / seconds),
    peakRssMb,
    targets: { wallMs: 10_000, rowsPerSecond: 100_000, peakRssMb: 1536 },
    met: { wall: wallMs <= 10_000, throughput: report.rowsRead / seconds >= 100_000, memory: peakRssMb <= 1536 },
  };
}
