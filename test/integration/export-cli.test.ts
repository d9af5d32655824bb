import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/backend/workspace/workspace';
import { tesseraInProcess as tessera, tesseraJson } from '../helpers/cli-in-process';
import { fixedNow, makeSmallDemo, makeTempDir, withWorkspaceAt } from '../helpers/workspaces';

const temp = makeTempDir();
let demo: string;
const EDITED = 'Edited plan';

const json = tesseraJson;

const withWorkspace = <T>(fn: (ws: Workspace) => T, path = demo): T => withWorkspaceAt(path, fn);

/** Each account's territory (by name) and that territory's rep in a scenario: its override, else its cell's territory. */
function accountTerritories(ws: Workspace, scenario: string): Map<string, string> {
  const s = ws.scenarios().find((x) => x.name === scenario)!;
  const accounts = ws.accountColumns();
  const { territoryOfCell, overrides } = ws.assignment(s.id);
  const byId = new Map(ws.territoryRecords(s.id).map((t) => [t.id, t]));
  const override = new Map(overrides.map((o) => [o.accountId, o.territoryId]));
  return new Map(
    accounts.ids.map((id, i) => {
      const t = byId.get(override.get(id) ?? territoryOfCell[accounts.cell[i]!]!);
      return [id, t ? `${t.name} / ${t.repId ?? ''}` : ''];
    }),
  );
}

/** Each cell's territory by name ('' = unassigned). */
function cellTerritories(ws: Workspace, scenario: string): string[] {
  const s = ws.scenarios().find((x) => x.name === scenario)!;
  const names = new Map(ws.territoryRecords(s.id).map((t) => [t.id, t.name]));
  return Array.from(ws.assignment(s.id).territoryOfCell, (t) => names.get(t) ?? '');
}

beforeAll(() => {
  demo = makeSmallDemo(join(temp.dir, 'demo.tessera'));
  // A plan with the shapes a real one has: a territory in two pieces, a hole of unassigned cells, an account placed by name, a vacant territory.
  withWorkspace((ws) => {
    const base = ws.scenarios()[0]!;
    const s = ws.createScenario(EDITED, base.id);
    const territories = ws.territoryRecords(s.id);
    const { territoryOfCell } = ws.assignment(s.id);
    const accounts = ws.accountColumns();
    const [a, b] = [territories[0]!, territories[1]!];
    const ofB = [...territoryOfCell.keys()].filter((i) => territoryOfCell[i] === b.id);
    const emptyOfA = [...territoryOfCell.keys()].filter((i) => territoryOfCell[i] === a.id && !accounts.cell.includes(i));
    const row = accounts.cell.findIndex((c) => territoryOfCell[c] === a.id);
    ws.execute(s.id, { type: 'territory.assignCells', cells: ofB.slice(0, 3), to: a.id });
    ws.execute(s.id, { type: 'territory.assignCells', cells: emptyOfA.slice(0, 2), to: null });
    ws.execute(s.id, { type: 'account.override', accountIds: [accounts.ids[row]!], to: b.id });
    ws.execute(s.id, { type: 'territory.update', territoryId: territories[2]!.id, changes: { repId: null } });
    // Names a spreadsheet would run as formulas still come back as they were.
    ws.execute(s.id, { type: 'territory.update', territoryId: territories[3]!.id, changes: { name: '-East' } });
    ws.execute(s.id, { type: 'territory.update', territoryId: territories[4]!.id, changes: { name: '+West, "Coast"' } });
  });
});
afterAll(() => temp.cleanup());

describe('tessera export', () => {
  it('round-trips the assignment CSV: imported as an alignment, every account keeps its territory and rep', async () => {
    const out = await json('export', 'csv', '--workspace', demo, '--scenario', EDITED, '--out', temp.dir);
    expect(out.path).toMatch(new RegExp(`^${temp.dir}/Demo-[^/]*-Edited-plan-assignments\\.csv$`));
    expect(readFileSync(out.path, 'utf8').split('\r\n')[0]).toBe('account_id,account_name,territory_id,territory_name,rep_id,rep_name');
    const imported = await json('import', 'alignment', out.path, '--workspace', demo, '--scenario', 'From CSV');
    expect(imported.alignment).toMatchObject({ scenarioName: 'From CSV', unmatchedKeys: 0 });
    withWorkspace((ws) => expect(accountTerritories(ws, 'From CSV')).toEqual(accountTerritories(ws, EDITED)));
  });

  it('round-trips the GeoJSON boundaries: imported as an alignment, every cell keeps its territory', async () => {
    const out = await json('export', 'geojson', '--workspace', demo, '--scenario', EDITED, '--out', join(temp.dir, 'edited.geojson'));
    expect(out).toMatchObject({ format: 'geojson', records: 8 });
    await json('import', 'alignment', out.path, '--workspace', demo, '--scenario', 'From GeoJSON', '--no-fill');
    withWorkspace((ws) => {
      const original = cellTerritories(ws, EDITED);
      expect(original.filter((t) => t === '').length).toBe(2);
      expect(cellTerritories(ws, 'From GeoJSON')).toEqual(original);
    });
  });

  it('writes the metrics workbook and the Shapefile zip, and says what went wrong', async () => {
    const xlsx = await json('export', 'xlsx', '--workspace', demo, '--scenario', EDITED, '--out', temp.dir);
    expect(xlsx.path).toMatch(/-Edited-plan-metrics\.xlsx$/);
    expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK');
    const shp = await json('export', 'shp', '--workspace', demo, '--scenario', EDITED, '--out', temp.dir);
    expect(shp.fields.map((f: { dbfName: string }) => f.dbfName)).toEqual(expect.arrayContaining(['TERRITORY', 'ACCOUNTS']));
    const human = await tessera('export', 'csv', '--table', 'metrics', '--workspace', demo, '--scenario', EDITED, '--out', temp.dir);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Wrote .*-Edited-plan-metrics\.csv \(8 territories, \d+ KB\) in \d+ ms\.$/);

    const missing = await tessera('export', 'geojson', '--workspace', demo, '--scenario', 'Nope', '--out', temp.dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no scenario named "Nope"/);
    const badFormat = await tessera('export', 'svg', '--workspace', demo, '--scenario', EDITED, '--out', temp.dir);
    expect(badFormat.status).toBe(2);
    const again = await tessera('export', 'xlsx', '--workspace', demo, '--scenario', EDITED, '--out', temp.dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/metrics\.xlsx already exists; add --force to replace it/);
    expect((await tessera('export', 'xlsx', '--workspace', demo, '--scenario', EDITED, '--out', temp.dir, '--force')).status).toBe(0);
    const overWorkspace = await tessera('export', 'geojson', '--workspace', demo, '--scenario', EDITED, '--out', demo, '--force');
    expect(overWorkspace.status).toBe(2);
    expect(overWorkspace.stderr).toMatch(/is the workspace itself/);
    const intoNewFolder = await json('export', 'kml', '--workspace', demo, '--scenario', EDITED, '--out', `${join(temp.dir, 'kml')}/`);
    expect(intoNewFolder.path).toMatch(/\/kml\/[^/]+-Edited-plan-territories\.kml$/);
    const postal = await tessera('export', 'csv', '--table', 'postal', '--workspace', demo, '--scenario', EDITED, '--out', temp.dir);
    expect(postal.status).toBe(1);
    expect(postal.stderr).toMatch(/No account of this workspace has a postal code/);
  });

  it('writes postal code → territory for accounts located by ZIP code, and it round-trips', async () => {
    const ws = join(temp.dir, 'zips.tessera');
    await json('create', ws, '--resolution', '6');
    writeFileSync(join(temp.dir, 'zips.csv'), 'id,name,zip\n001,Alpha,02134\n002,Beta,02134\n003,Gamma,10001\n004,Delta,94105\n005,Epsilon,60601\n006,Zeta,60601\n');
    await json('import', 'accounts', join(temp.dir, 'zips.csv'), '--workspace', ws);
    writeFileSync(join(temp.dir, 'plan.csv'), 'account id,territory\n001,East\n002,East\n003,East\n004,West\n005,Central\n006,Central\n');
    await json('import', 'alignment', join(temp.dir, 'plan.csv'), '--workspace', ws, '--scenario', 'Plan');
    const out = await json('export', 'csv', '--table', 'postal', '--workspace', ws, '--scenario', 'Plan', '--out', temp.dir);
    expect(out).toMatchObject({ records: 4 });
    const ids = withWorkspace((w) => new Map(w.territoryRecords(w.scenarios().find((s) => s.name === 'Plan')!.id).map((t) => [t.name, t.id])), ws);
    expect(readFileSync(out.path, 'utf8').trimEnd().split('\r\n')).toEqual([
      'postal_code,territory_id,territory_name,rep_id,rep_name,accounts',
      `02134,${ids.get('East')},East,,,2`,
      `10001,${ids.get('East')},East,,,1`,
      `60601,${ids.get('Central')},Central,,,2`,
      `94105,${ids.get('West')},West,,,1`,
    ]);
    await json('import', 'alignment', out.path, '--workspace', ws, '--scenario', 'From postal');
    withWorkspace((w) => expect(accountTerritories(w, 'From postal')).toEqual(accountTerritories(w, 'Plan')), ws);
  });
});
