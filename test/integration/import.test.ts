import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobState, ImportRequest } from '../../shared/contract/api';
import type { ImportMapping } from '../../shared/domain/import/types';
import { inProcessHarness, type Harness } from '../helpers/clients';
import { makeTempDir } from '../helpers/workspaces';

const temp = makeTempDir();
let h: Harness;

beforeAll(async () => {
  h = await inProcessHarness(join(temp.dir, 'data'));
});
afterAll(async () => {
  await h.close();
  temp.cleanup();
});

/** Writes a file into the temp folder and stages it, as a shell would. */
function stage(name: string, content: string | Buffer) {
  const path = join(temp.dir, name);
  writeFileSync(path, content);
  return h.backend.imports.stage(path);
}

async function runImport(request: ImportRequest): Promise<ImportJobState> {
  const finished = new Promise<ImportJobState>((resolve) => {
    const off = h.client.on('import.finished', (state) => {
      off();
      resolve(state);
    });
  });
  await h.client.call('import.start', request);
  return finished;
}

async function importFile(name: string, content: string, kind: ImportRequest['kind'] = 'accounts', extra: Partial<ImportRequest> = {}, adjust?: (m: ImportMapping) => ImportMapping) {
  const { sourceId } = stage(name, content);
  const preview = await h.client.call('import.preview', { sourceId, kind });
  const mapping = adjust ? adjust(preview.mapping) : preview.mapping;
  return { preview, state: await runImport({ sourceId, kind, mapping, ...extra }) };
}

// Real places: Denver, Boulder, Colorado Springs, Pueblo, Fort Collins (Colorado).
const ACCOUNTS = [
  'Account ID;Company;Latitude;Longitude;Revenue;Segment',
  '007;Alpine Tools;39,7392;-104,9903;"1.250,50";Retail',
  'A 1;Flatiron Labs;40,0150;-105,2705;980;Tech',
  'a 1;Peak Supply;38,8339;-104,8214;;Retail',
  'C-3;Steel Works;38,2544;-104,6091;2.000;Industry',
  'D4;Ram Farms;40,5853;-105,0844;310,25;Agri',
  'E5;Lost Co;123;-104,9;10;Retail',
  'C-3;Duplicate Works;38,25;-104,6;5;Industry',
].join('\r\n');

describe('importing accounts into a new workspace', () => {
  it('creates the study area from the land of the accounts and imports the valid rows in one go', async () => {
    const status = h.backend.session.create(join(temp.dir, 'colorado.tessera'), 6);
    expect(status.state).toBe('open');
    const { preview, state } = await importFile('crm-export.csv', ACCOUNTS);
    expect(preview).toMatchObject({ delimiter: ';', format: 'csv' });
    expect(preview.mapping.numberFormat.decimal).toBe(',');
    const roles = Object.fromEntries(preview.mapping.columns.map((c) => [c.column, c.role]));
    expect(roles).toMatchObject({ 'Account ID': 'id', Company: 'name', Latitude: 'latitude', Longitude: 'longitude', Revenue: 'measure', Segment: 'attribute' });

    expect(state.state).toBe('done');
    const report = state.report!;
    expect(report).toMatchObject({ rowsRead: 7, imported: 5, updated: 0, rejected: 2, missing: 0 });
    expect(report.issues.map((i) => [i.row, i.column])).toEqual([
      [7, 'Latitude'],
      [8, 'Account ID'],
    ]);
    expect(report.issues[1]!.reason).toMatch(/duplicate/);
    expect(report.addedCells).toBeGreaterThan(100);
    expect(report.places.join(' ')).toMatch(/Colorado/);

    const info = await h.client.call('workspace.info', {});
    expect(info.accounts).toBe(5);
    expect(info.cells).toBe(report.addedCells);
    const accounts = await h.client.call('account.list', {});
    expect([...accounts.ids].sort()).toEqual(['007', 'A 1', 'C-3', 'D4', 'a 1']);
    const revenue = accounts.measures['revenue']!;
    expect(revenue[accounts.ids.indexOf('007')]).toBe(1250.5);
    expect(Number.isNaN(revenue[accounts.ids.indexOf('a 1')]!)).toBe(true);
    const area = await h.client.call('studyArea.get', {});
    expect(area.adjacencyOffsets.length).toBe(info.cells + 1);
    expect([...area.accounts].reduce((a, b) => a + b, 0)).toBe(5);

    // The new workspace came with an empty baseline: the imported cells are on it, unassigned, and can be painted at once.
    const scenarios = await h.client.call('scenario.list', {});
    expect(scenarios.map((s) => [s.name, s.isBaseline])).toEqual([['Baseline', true]]);
    const scenarioId = scenarios[0]!.id;
    const before = await h.client.call('assignment.get', { scenarioId });
    expect(before.territoryOfCell.length).toBe(info.cells);
    expect(before.territoryOfCell.every((t) => t === -1)).toBe(true);
    const denver = area.accounts.findIndex((a) => a > 0);
    await h.client.call('command.execute', { scenarioId, command: { type: 'territory.create', territory: { id: 1, name: 'Front Range', color: '#1f77b4', repId: null, parentId: null, locked: false } } });
    await h.client.call('command.execute', { scenarioId, command: { type: 'territory.assignCells', cells: [denver], to: 1 } });
    const [territory] = await h.client.call('territory.list', { scenarioId });
    expect(territory).toMatchObject({ name: 'Front Range', cells: 1 });
    expect(territory!.accounts).toBe(area.accounts[denver]);
  });

  it('reuses the saved mapping for the same layout and reports updated and missing accounts on re-import', async () => {
    const newer = ACCOUNTS.replace('"1.250,50"', '"1.300,00"').replace(/\r\nD4;[^\r]*/, '');
    const { preview, state } = await importFile('crm-export-december.csv', newer);
    expect(preview.savedMapping).toBe('crm-export');
    expect(state.report).toMatchObject({ imported: 0, updated: 1, unchanged: 3, missing: 1, removed: 0 });
    expect((await h.client.call('workspace.info', {})).accounts).toBe(5);

    const again = await importFile('crm-export-january.csv', newer, 'accounts', { missingRecords: 'remove' });
    expect(again.state.report).toMatchObject({ updated: 0, missing: 1, removed: 1 });
    expect((await h.client.call('workspace.info', {})).accounts).toBe(4);
  });

  it('changes nothing when the file cannot be read at all', async () => {
    const before = await h.client.call('workspace.info', {});
    const { sourceId } = stage('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expect(h.client.call('import.preview', { sourceId, kind: 'accounts' })).rejects.toThrow(/old\.xls/);
    const mapping: ImportMapping = { kind: 'accounts', columns: [{ column: 'id', role: 'id' }], numberFormat: { decimal: '.', thousands: '' }, missing: 'missing' };
    const state = await runImport({ sourceId, kind: 'accounts', mapping });
    expect(state.state).toBe('failed');
    expect(state.error).toMatch(/old\.xls/);
    expect(await h.client.call('workspace.info', {})).toEqual(before);
  });

  it('cancels a long import and leaves the workspace as it was', async () => {
    const before = await h.client.call('workspace.info', {});
    const rows = ['id,name,lat,lon,revenue'];
    for (let i = 0; i < 300_000; i++) rows.push(`X${i},Name ${i},${(39 + (i % 100) / 100).toFixed(4)},${(-105 + (i % 97) / 100).toFixed(4)},${i}`);
    const { sourceId } = stage('big.csv', rows.join('\n'));
    const preview = await h.client.call('import.preview', { sourceId, kind: 'accounts' });
    const finished = new Promise<ImportJobState>((resolve) => h.client.on('import.finished', resolve));
    const { jobId } = await h.client.call('import.start', { sourceId, kind: 'accounts', mapping: preview.mapping });
    const cancelled = await h.client.call('import.cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    expect((await finished).state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 200));
    expect(await h.client.call('workspace.info', {})).toEqual(before);
  });
});

describe('importing reps and last year\'s alignment', () => {
  it('imports reps located by ZIP code, keeping leading zeros stripped by Excel', async () => {
    const csv = ['Rep ID,Rep Name,ZIP,FTE', 'R01,Dana Cruz,80202,1', 'R02,Eli Park,80521,0.5', 'R03,No Place,99999,1'].join('\n');
    const { state } = await importFile('reps.csv', csv, 'reps', {}, (m) => ({
      ...m,
      columns: m.columns.map((c) => (c.column === 'FTE' ? { ...c, role: 'capacity' } : c)),
    }));
    expect(state.report).toMatchObject({ imported: 2, rejected: 1 });
    expect(state.report!.issues[0]).toMatchObject({ row: 4, column: 'ZIP', value: '99999' });
    const reps = await h.client.call('rep.list', {});
    expect(reps.map((r) => [r.id, r.capacity])).toEqual([
      ['R01', 1],
      ['R02', 0.5],
    ]);
    expect(reps[0]!.lat).toBeCloseTo(39.75, 1);
  });

  it('creates a scenario where every listed account is in its territory, and reports unknown ids', async () => {
    const csv = ['Account,Territory,Owner', '007,Front Range,R01', 'A 1,Front Range,R01', 'a 1,South,R02', 'C-3,South,Eli Park', 'ZZZ,South,R02'].join('\n');
    const { state } = await importFile('alignment-2025.csv', csv, 'alignment', { scenarioName: 'Alignment 2025' }, (m) => ({
      ...m,
      columns: m.columns.map((c) => (c.column === 'Account' ? { ...c, role: 'id' } : c.column === 'Owner' ? { ...c, role: 'rep' } : c)),
    }));
    expect(state.state, state.error).toBe('done');
    const report = state.report!;
    expect(report.alignment).toMatchObject({ scenarioName: 'Alignment 2025', territories: 2, unmatchedKeys: 1 });
    expect(report.issues).toEqual([expect.objectContaining({ row: 6, column: 'Account', value: 'ZZZ' })]);
    const scenario = (await h.client.call('scenario.list', {})).find((s) => s.name === 'Alignment 2025')!;
    const territories = await h.client.call('territory.list', { scenarioId: scenario.id });
    expect(territories.map((t) => [t.name, t.accounts, t.repId])).toEqual([
      ['Front Range', 2, 'R01'],
      ['South', 2, 'R02'],
    ]);
    // Empty cells were filled from their neighbours: the whole study area is assigned.
    const assignment = await h.client.call('assignment.get', { scenarioId: scenario.id });
    expect(assignment.territoryOfCell.every((t) => t > 0)).toBe(true);
  });

  it('takes territory polygons from GeoJSON, cells by centroid', async () => {
    const box = (w: number, s: number, e: number, n: number) => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'North' }, geometry: { type: 'Polygon', coordinates: box(-110, 39.5, -100, 42) } },
        { type: 'Feature', properties: { name: 'South' }, geometry: { type: 'Polygon', coordinates: box(-110, 36, -100, 39.5) } },
      ],
    };
    const { preview, state } = await importFile('territories.geojson', JSON.stringify(geojson), 'alignment', { scenarioName: 'From polygons' });
    expect(preview.format).toBe('geojson');
    expect(state.state, state.error).toBe('done');
    const scenario = (await h.client.call('scenario.list', {})).find((s) => s.name === 'From polygons')!;
    const territories = await h.client.call('territory.list', { scenarioId: scenario.id });
    expect(territories.map((t) => [t.name, t.accounts])).toEqual([
      ['North', 2],
      ['South', 2],
    ]);
  });
});
