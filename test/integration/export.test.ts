import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as shapefile from 'shapefile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/contract/events';
import { csvField, csvQuoted } from '../../shared/domain/csv/csv-field';
import { createBackend } from '../../electron/backend/create-backend';
import { expectCode } from '../helpers/expect-code';
import { inProcessHarness, webHostHarness, type Harness } from '../helpers/clients';
import { fixedNow, makeSmallDemo, makeTempDir } from '../helpers/workspaces';

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Signed area of a [lon, lat] ring (positive = counter-clockwise). */
function signedArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
}

describe.each([
  ['in-process backend', inProcessHarness],
  ['web host', webHostHarness],
])('exports through the %s', (_name, makeHarness) => {
  const temp = makeTempDir();
  let h: Harness;
  let scenarioId: number;
  const events: EventMessage[] = [];

  beforeAll(async () => {
    makeSmallDemo(join(temp.dir, 'demo.tessera'));
    h = await makeHarness(temp.dir);
    h.backend.subscribe((e) => events.push(e));
    await h.client.call('workspace.openDemo', {});
    scenarioId = (await h.client.call('scenario.list', {})).find((s) => s.isBaseline)!.id;
  });
  afterAll(async () => {
    await h.close();
    temp.cleanup();
  });

  it('writes the assignment CSV: every account once, with its territory and rep, ids exact', async () => {
    const [file, accounts, assignment, territories, reps] = await Promise.all([
      h.client.call('export.file', { scenarioId, format: 'assignments', bom: true }),
      h.client.call('account.list', {}),
      h.client.call('assignment.get', { scenarioId }),
      h.client.call('territory.list', { scenarioId }),
      h.client.call('rep.list', {}),
    ]);
    expect(file).toMatchObject({ format: 'assignments', mime: 'text/csv;charset=utf-8', records: accounts.ids.length });
    expect(file.fileName).toMatch(/^Demo-.*-Current-alignment-assignments\.csv$/);
    const csv = text(file.bytes);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('account_id,account_name,territory_id,territory_name,rep_id,rep_name');
    expect(lines).toHaveLength(accounts.ids.length + 1);
    const byId = new Map(territories.map((t) => [t.id, t]));
    const repName = new Map(reps.map((r) => [r.id, r.name]));
    for (const i of [0, 1, Math.floor(accounts.ids.length / 2), accounts.ids.length - 1]) {
      const t = byId.get(assignment.territoryOfCell[accounts.cell[i]!]!)!;
      const fields = [csvQuoted(accounts.ids[i]!), csvField(accounts.names[i]!), String(t.id), csvQuoted(t.name), csvQuoted(t.repId ?? ''), csvQuoted(t.repId ? repName.get(t.repId)! : '')];
      expect(lines[i + 1]).toBe(fields.join(','));
    }
  });

  it('writes boundaries as RFC 7946 GeoJSON, one feature per territory with its figures, and reports progress', async () => {
    events.length = 0;
    const [file, territories] = await Promise.all([
      h.client.call('export.file', { scenarioId, format: 'geojson', ticket: 41 }),
      h.client.call('territory.list', { scenarioId }),
    ]);
    const progress = events.filter((e) => e.name === 'export.progress').map((e) => e.payload as { ticket: number; fraction: number });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.ticket === 41)).toBe(true);
    expect(progress.at(-1)!.fraction).toBe(1);
    const json = JSON.parse(text(file.bytes)) as { type: string; features: { id: number; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][][] } }[] };
    expect(json.type).toBe('FeatureCollection');
    expect(json.features.map((f) => f.id)).toEqual(territories.map((t) => t.id));
    for (const [k, f] of json.features.entries()) {
      const t = territories[k]!;
      expect(f.properties).toMatchObject({ territory_id: t.id, territory: t.name, accounts: t.accounts, cells: t.cells });
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates as unknown as number[][][]] : f.geometry.coordinates;
      expect(polygons.length).toBe(t.pieces);
      for (const rings of polygons) {
        rings.forEach((ring, r) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring.at(-1));
          expect(Math.sign(signedArea(ring))).toBe(r === 0 ? 1 : -1);
          for (const [lon, lat] of ring) expect(Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90).toBe(true);
        });
      }
    }
  });

  it('writes a Shapefile zip that an independent reader reads back with the attributes', async () => {
    const [file, territories] = await Promise.all([h.client.call('export.file', { scenarioId, format: 'shp' }), h.client.call('territory.list', { scenarioId })]);
    const files = unzipSync(file.bytes);
    const base = file.fileName.replace(/\.zip$/, '');
    expect(Object.keys(files).sort()).toEqual(['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `${base}.${e}`));
    const buffer = (e: string) => files[`${base}.${e}`]!.slice().buffer;
    const source = await shapefile.open(buffer('shp'), buffer('dbf'), { encoding: 'utf-8' });
    const read: { properties: Record<string, unknown> | null; geometry: { type: string } | null }[] = [];
    for (let r = await source.read(); !r.done; r = await source.read()) read.push(r.value);
    expect(read.map((f) => f.properties?.TERRITORY)).toEqual(territories.map((t) => t.name));
    expect(read.map((f) => f.properties?.ACCOUNTS)).toEqual(territories.map((t) => t.accounts));
    expect(read.every((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')).toBe(true);
  });

  it('writes KML as well-formed XML with a placemark per territory', async () => {
    const file = await h.client.call('export.file', { scenarioId, format: 'kml' });
    const kml = text(file.bytes);
    expect(kml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(kml.match(/<Placemark[ >]/g)!.length).toBe(file.records);
  });

  it('writes the metrics report as CSV and as a workbook with a summary sheet', async () => {
    const [csv, xlsx, report] = await Promise.all([
      h.client.call('export.file', { scenarioId, format: 'metrics-csv' }),
      h.client.call('export.file', { scenarioId, format: 'metrics-xlsx' }),
      h.client.call('export.metrics', { scenarioId }),
    ]);
    const lines = text(csv.bytes).trimEnd().split('\r\n');
    expect(lines[0]).toBe([...report.table.header, 'scenario', 'exported_at'].join(','));
    expect(lines[1]!.endsWith(',Current alignment,2026-11-22T12:00:00.000Z')).toBe(true);
    expect(lines).toHaveLength(report.table.rows.length + 1);
    expect(report.summary.map((s) => s.key)).toEqual(expect.arrayContaining(['territories', 'contiguityBreaks', 'meanTravelKm']));
    expect(report.scenario).toMatchObject({ id: scenarioId, name: 'Current alignment' });
    // The summary's largest deviation is the table's largest |deviation %|, measure by measure.
    for (const m of report.measures) {
      const c = report.table.header.indexOf(`${m.label} deviation %`);
      const largest = Math.max(...report.table.rows.map((r) => Math.abs((r[c] as number | null) ?? 0)));
      const summary = report.summary.find((x) => x.key === `maxDeviation.${m.key}`)!;
      expect(summary.value).toBe(`${largest.toFixed(1)} %`);
    }
    const parts = unzipSync(xlsx.bytes);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
    expect(text(parts['xl/workbook.xml']!)).toMatch(/name="Territories".*name="Summary"/s);
  });

  it('refuses the postal table when no account has a postal code, and an unknown scenario', async () => {
    await expectCode(h.client.call('export.file', { scenarioId, format: 'postal' }), 'INVALID_INPUT', /postal code/);
    await expectCode(h.client.call('export.file', { scenarioId: 999, format: 'geojson' }), 'NOT_FOUND');
    await expectCode(h.client.call('export.save', { fileName: 'x.csv', bytes: new Uint8Array([1]), format: 'assignments' }), 'UNSUPPORTED', /download/);
  });
});

describe('saving an export through the desktop save dialog', () => {
  it('writes the bytes to the chosen path, and nothing when the dialog is cancelled', async () => {
    const temp = makeTempDir();
    try {
      let answer: string | null = join(temp.dir, 'out.geojson');
      const asked: [string, string][] = [];
      const backend = createBackend({
        dataDir: temp.dir,
        appVersion: 'test',
        now: fixedNow,
        dialogs: {
          chooseOpenPath: async () => null,
          chooseSavePath: async () => null,
          chooseImportPath: async () => null,
          chooseExportPath: async (name, format) => (asked.push([name, format]), answer),
        },
      });
      const bytes = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
      const saved = await backend.handlers['export.save']({ fileName: 'a.geojson', bytes, format: 'geojson' });
      expect(saved).toEqual({ path: answer });
      expect(readFileSync(answer!, 'utf8')).toBe('{"type":"FeatureCollection","features":[]}');
      expect(asked).toEqual([['a.geojson', 'geojson']]);
      answer = null;
      expect(await backend.handlers['export.save']({ fileName: 'b.geojson', bytes, format: 'geojson' })).toBeNull();
      expect(existsSync(join(temp.dir, 'b.geojson'))).toBe(false);
      answer = join(temp.dir, 'missing-folder', 'c.geojson');
      await expectCode(Promise.resolve().then(() => backend.handlers['export.save']({ fileName: 'c.geojson', bytes, format: 'geojson' })), 'WRITE_FAILED', /missing-folder/);
      backend.close();
    } finally {
      temp.cleanup();
    }
  });
});
