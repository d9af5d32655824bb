import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256, writeFutureCopy, writeRandomFile, writeTruncatedCopy } from '../helpers/bad-files';
import { makeTempDir, SMALL_DEMO } from '../helpers/workspaces';

const BIN = join(__dirname, '..', '..', 'bin', 'tessera.js');
const temp = makeTempDir();
const tessera = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
let demo: string;

beforeAll(() => {
  demo = join(temp.dir, 'demo.tessera');
  const r = tessera('demo', demo, '--resolution', '4', '--accounts', String(SMALL_DEMO.accounts), '--reps', '8', '--seed', '3');
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => temp.cleanup());

describe('tessera CLI', () => {
  it('describes a demo workspace as JSON', () => {
    const r = tessera('info', demo, '--json');
    expect(r.status, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({ accounts: SMALL_DEMO.accounts, reps: 8, resolution: 4, scenarios: 1, schemaVersion: 5 });
    expect(info.cells).toBeGreaterThan(3000);
    expect(info.credits[0].license).toBe('CC BY 4.0');
  });

  it('generates the same demo for the same seed', () => {
    const again = join(temp.dir, 'again.tessera');
    expect(tessera('demo', again, '--resolution', '4', '--accounts', String(SMALL_DEMO.accounts), '--reps', '8', '--seed', '3').status).toBe(0);
    const a = JSON.parse(tessera('info', demo, '--json').stdout);
    const b = JSON.parse(tessera('info', again, '--json').stdout);
    expect({ ...b, path: '', createdAt: '' }).toEqual({ ...a, path: '', createdAt: '' });
  });

  it('creates an empty workspace and refuses to overwrite a demo without --force', () => {
    const empty = join(temp.dir, 'empty.tessera');
    expect(tessera('create', empty, '--resolution', '8').status).toBe(0);
    expect(JSON.parse(tessera('info', empty, '--json').stdout)).toMatchObject({ resolution: 8, accounts: 0, cells: 0 });
    const r = tessera('demo', empty);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/already exists; add --force/);
  });

  it.each([
    ['a random file', (p: string) => writeRandomFile(p), /not a Tessera workspace/],
    ['a truncated workspace', (p: string) => writeTruncatedCopy(demo, p), /damaged: it is cut short/],
    ['a future-schema workspace', (p: string) => writeFutureCopy(demo, p), /newer version of Tessera/],
  ])('explains %s on stderr, exits 1, and leaves the file as it was', (_name, make, message) => {
    const path = make(join(temp.dir, `bad-${Math.random().toString(36).slice(2)}.tessera`));
    const before = sha256(path);
    const r = tessera('info', path, '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(sha256(path)).toBe(before);
  });

  it('answers usage errors with exit code 2 and the usage text', () => {
    const r = tessera('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown command "frobnicate"/);
    expect(r.stderr).toMatch(/tessera serve/);
    expect(tessera('create', join(temp.dir, 'x.tessera'), '--resolution', '99').status).toBe(2);
  });
});

describe('tessera balance and metrics', () => {
  const scenario = 'Current alignment';
  const run = (...extra: string[]) =>
    tessera('balance', '--workspace', demo, '--measure', 'workload', '--measure', 'revenue_potential:0.5', '--tolerance', '10%', '--json', ...extra);

  it('builds a new scenario from scratch in a worker, reproducibly, and reports the figures', () => {
    const a = run('--scenario', 'Built A', '--mode', 'build', '--seed', '11');
    expect(a.status, a.stderr).toBe(0);
    const b = run('--scenario', 'Built B', '--mode', 'build', '--seed', '11');
    const ra = JSON.parse(a.stdout);
    const rb = JSON.parse(b.stdout);
    expect(ra.planHash).toBe(rb.planHash);
    expect(ra.territories).toHaveLength(8);
    expect(ra.summary.contiguityBreaks).toBe(0);
    expect(ra.summary.maxDeviation.workload).toBeLessThan(0.5);
    for (const key of ['maxDeviation', 'granularity', 'contiguityBreaks', 'meanTravelKm', 'cutEdges']) expect(ra.summary).toHaveProperty(key);
    expect(ra.territories[0]).toMatchObject({ id: 1, rep: { id: expect.any(String) } });
    expect(Object.keys(ra.territories[0].deviation)).toEqual(['workload', 'revenue_potential']);
  });

  it('realigns into a new scenario, reports what moved, and leaves the source as it was', () => {
    const before = JSON.parse(tessera('metrics', '--workspace', demo, '--scenario', scenario, '--json').stdout);
    const r = run('--scenario', scenario, '--mode', 'realign', '--seed', '2', '--into', 'Realigned');
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.scenario).toBe('Realigned');
    expect(result.summary.movedShare.workload).toBeGreaterThan(0);
    expect(result.summary.movedAccounts).toBeGreaterThan(0);
    expect(result.summary.maxDeviation.workload).toBeLessThan(before.summary.maxDeviation.workload);
    const after = JSON.parse(tessera('metrics', '--workspace', demo, '--scenario', scenario, '--json').stdout);
    expect(after.summary).toEqual(before.summary);
    const metrics = JSON.parse(tessera('metrics', '--workspace', demo, '--scenario', 'Realigned', '--measure', 'workload', '--measure', 'revenue_potential', '--json').stdout);
    expect(metrics.summary.maxDeviation).toEqual(result.summary.maxDeviation);
    // Measured against the parent (the realign's source), what moved is what the realign reported.
    expect(metrics.summary).toMatchObject({ movedAgainst: scenario, movedAccounts: result.summary.movedAccounts, movedCells: result.summary.movedCells });
    expect(metrics.summary.movedShare).toEqual(result.summary.movedShare);
    expect(after.summary.movedShare).toBeUndefined();
    const back = JSON.parse(tessera('metrics', '--workspace', demo, '--scenario', scenario, '--against', 'Realigned', '--measure', 'workload', '--json').stdout);
    expect(back.summary.movedShare.workload).toBeCloseTo(result.summary.movedShare.workload, 12);
    expect(back.summary.movedAccounts).toBe(result.summary.movedAccounts);
    const text = tessera('metrics', '--workspace', demo, '--scenario', 'Realigned');
    expect(text.stdout).toMatch(new RegExp(`against "${scenario}": ${result.summary.movedAccounts} accounts and ${result.summary.movedCells} cells moved`));
  });

  it('builds another number of territories into a copy: new ones added, the rest kept, the source untouched', () => {
    const source = JSON.parse(tessera('metrics', '--workspace', demo, '--scenario', scenario, '--json').stdout);
    const r = run('--scenario', scenario, '--mode', 'build', '--territories', String(source.territories.length + 3), '--into', 'Three more');
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.territories).toHaveLength(source.territories.length + 3);
    expect(result.territories.slice(0, source.territories.length).map((t: { id: number }) => t.id)).toEqual(source.territories.map((t: { id: number }) => t.id));
    for (const t of result.territories.slice(source.territories.length)) {
      expect(t).toMatchObject({ name: `Territory ${t.id}`, rep: null });
      expect(t.cells).toBeGreaterThan(0);
    }
    expect(result.summary.contiguityBreaks).toBe(0);
    expect(JSON.parse(tessera('metrics', '--workspace', demo, '--scenario', scenario, '--json').stdout).summary).toEqual(source.summary);
    // A realign keeps the territories it has; a refused ask leaves no scenario behind.
    expect(run('--scenario', scenario, '--mode', 'realign', '--territories', '3').status).toBe(2);
    const unknown = tessera('balance', '--workspace', demo, '--scenario', scenario, '--mode', 'build', '--measure', 'nope', '--into', 'Never');
    expect(unknown.status).toBe(1);
    expect(tessera('metrics', '--workspace', demo, '--scenario', 'Never').status).toBe(1);
  });

  it('holds each measure to its own tolerance (name:weight:tolerance)', () => {
    const build = (name: string, spec: string) => JSON.parse(tessera('balance', '--workspace', demo, '--scenario', name, '--mode', 'build', '--measure', spec, '--json').stdout);
    const narrow = build('Narrow', 'workload:1:2%');
    const wide = build('Wide', 'workload::0.6');
    expect(narrow.summary.maxDeviation.workload).toBeLessThan(wide.summary.maxDeviation.workload);
    expect(wide.summary.maxDeviation.workload).toBeLessThan(0.6);
    for (const bad of ['workload:1:abc', 'workload:1:5%:x', 'workload:0']) {
      expect(tessera('balance', '--workspace', demo, '--scenario', 'Bad', '--mode', 'build', '--measure', bad).status).toBe(2);
    }
  });

  it('refuses bad requests with exit codes 1 and 2', () => {
    expect(run('--scenario', 'Nope', '--mode', 'realign').status).toBe(1);
    expect(tessera('balance', '--workspace', demo, '--scenario', scenario, '--mode', 'sideways', '--measure', 'workload').status).toBe(2);
    const unknown = tessera('balance', '--workspace', demo, '--scenario', scenario, '--mode', 'realign', '--measure', 'nope');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^tessera: There is no measure "nope" in this workspace/);
    expect(tessera('metrics', '--workspace', demo, '--scenario', 'Missing').status).toBe(1);
    const against = tessera('metrics', '--workspace', demo, '--scenario', scenario, '--against', 'Nope');
    expect(against.status).toBe(1);
    expect(against.stderr).toMatch(/no scenario named "Nope" to compare with/);
    expect(tessera('metrics', '--workspace', demo, '--scenario', scenario, '--against').status).toBe(2);
  });
});

describe('tessera import', () => {
  const ws = () => join(temp.dir, 'import.tessera');

  it('imports a file with --map, reports rejects as JSON, and exits 0', () => {
    expect(tessera('create', ws(), '--resolution', '5').status).toBe(0);
    const csv = join(temp.dir, 'kunden.csv');
    writeFileSync(
      csv,
      ['Nr\tFirma\tBreite\tLänge\tUmsatz', '0042\tAlpha\t47,3769\t8,5417\t1.200,5', '0043\tBeta\t46,2044\t6,1432\tviel', '0044\tGamma\t0\t0\t3'].join('\n'),
    );
    const r = tessera('import', 'accounts', csv, '--workspace', ws(), '--map', 'id=Nr', '--map', 'measure:revenue=Umsatz', '--missing', 'zero', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ imported: 1, updated: 0, rejected: 2 });
    expect(out.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'Umsatz', value: 'viel' }),
      expect.objectContaining({ row: 4, value: expect.any(String) }),
    ]);
    expect(out.places).toContain('Switzerland');
    const info = JSON.parse(tessera('info', ws(), '--json').stdout);
    expect(info).toMatchObject({ accounts: 1, measures: ['revenue'] });
  });

  it('exits 1 naming the file when it cannot be read, and writes nothing', () => {
    const before = tessera('info', ws(), '--json').stdout;
    const empty = join(temp.dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = tessera('import', 'accounts', empty, '--workspace', ws(), '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.csv/);
    expect(tessera('info', ws(), '--json').stdout).toBe(before);
    expect(tessera('import', 'things', empty, '--workspace', ws()).status).toBe(2);
  });
});
