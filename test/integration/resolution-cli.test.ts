import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/backend/workspace/workspace';
import { tesseraInProcess } from '../helpers/cli-in-process';
import { fixedNow, makeSmallDemo, makeTempDir, SMALL_DEMO } from '../helpers/workspaces';

const temp = makeTempDir();
let demo: string;

const tessera = tesseraInProcess;

function info() {
  const ws = Workspace.open(demo, fixedNow);
  try {
    return ws.info();
  } finally {
    ws.close();
  }
}

beforeAll(() => {
  demo = makeSmallDemo(join(temp.dir, 'demo.tessera'));
});
afterAll(() => temp.cleanup());

describe('tessera resolution', () => {
  it('changes the resolution, reports as JSON and in words, and refuses bad requests', async () => {
    const cells = info().cells;
    const finer = await tessera('resolution', '--workspace', demo, '--to', '5', '--json');
    expect(finer.status, finer.stderr).toBe(0);
    const report = JSON.parse(finer.stdout);
    expect(report).toMatchObject({ from: 4, to: 5, cellsBefore: cells, historyCleared: 0, scenarios: [{ name: 'Current alignment' }] });
    expect(info()).toMatchObject({ resolution: 5, cells: report.cellsAfter, accounts: SMALL_DEMO.accounts });

    const coarser = await tessera('resolution', '--workspace', demo, '--to', '4');
    expect(coarser.status, coarser.stderr).toBe(0);
    expect(coarser.stdout).toMatch(/^H3 resolution 5 → 4: [\d,]+ → [\d,]+ cells, in \d+\.\d s\./);
    expect(coarser.stdout).toMatch(/There was no undo history to clear\./);
    expect(coarser.stdout).toMatch(/ {2}Current alignment: (every account keeps its territory|[\d,]+ accounts in another territory \(.+\))/);
    expect(info()).toMatchObject({ resolution: 4, cells });

    const same = await tessera('resolution', '--workspace', demo, '--to', '4');
    expect(same.status).toBe(1);
    expect(same.stderr).toMatch(/already at H3 resolution 4/);
    expect((await tessera('resolution', '--workspace', demo, '--to', '16')).status).toBe(2);
    expect((await tessera('resolution', '--workspace', demo)).stderr).toMatch(/--to <resolution> is required/);
    expect((await tessera('resolution', '--to', '5')).status).toBe(2);
    expect(info().resolution).toBe(4);
  });
});
