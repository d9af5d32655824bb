// `npm run bench` (second part): the map and table in headless Chromium against the local
// web host, on the H-220k workspace of BENCHMARKS.md (contiguous US at H3 res 6, 100,000
// accounts, 100 reps). Measures the main-thread cost of applying a 1,000-cell stroke with
// its live metrics, of committing it, and the frame rate while panning. Writes
// bench-results/render.json. Set TESSERA_BENCH_GPU=1 on a machine with a GPU to render on it
// (otherwise Chromium renders in software and frame rates are indicative only).
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { cpus, tmpdir, totalmem } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = join(__dirname, '..');
const TESSERA = join(ROOT, 'bin', 'tessera.js');
const CHROMIUM = process.env.TESSERA_CHROMIUM ?? '/usr/bin/chromium';
const GPU = process.env.TESSERA_BENCH_GPU === '1';
const RUNS = 7;
const outArg = process.argv.indexOf('--out');
const OUT_DIR = resolve(outArg > 0 ? process.argv[outArg + 1] : 'bench-results');
const H220K = { resolution: 6, accounts: 100_000, reps: 100, seed: 2026 };

function write(report) {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, 'render.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
  console.error(`Wrote ${file}`);
}

function serve(file, dataDir) {
  const child = spawn(process.execPath, [TESSERA, 'serve', file, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`tessera serve exited with ${code}\n${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const match = /Tessera is running at (\S+)/.exec(out);
      if (match) done({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;
const summary = (xs) => ({ runs: xs.length, medianMs: round(median(xs)), minMs: round(Math.min(...xs)), maxMs: round(Math.max(...xs)) });

async function main() {
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  if (!existsSync(CHROMIUM)) {
    write({ suite: 'render', at: new Date().toISOString(), machine, skipped: `No Chromium at ${CHROMIUM} (set TESSERA_CHROMIUM).` });
    return;
  }
  const { chromium } = require('playwright-core');
  const scratch = mkdtempSync(join(tmpdir(), 'tessera-bench-render-'));
  let host;
  let context;
  try {
    const file = join(scratch, 'h220k.tessera');
    console.error('render: generating the H-220k workspace (res 6, 100,000 accounts, 100 reps)…');
    const made = spawnSync(
      process.execPath,
      [TESSERA, 'demo', file, '--resolution', H220K.resolution, '--accounts', H220K.accounts, '--reps', H220K.reps, '--seed', H220K.seed].map(String),
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (made.status !== 0) throw new Error('tessera demo failed');
    host = await serve(file, join(scratch, 'data'));
    const flags = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    flags.push(...(GPU ? ['--ignore-gpu-blocklist', '--enable-gpu-rasterization'] : ['--disable-gpu', '--enable-unsafe-swiftshader']));
    context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: flags,
      viewport: { width: 1600, height: 1000 },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const scriptMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
    };
    const loadStart = Date.now();
    await page.goto(`${host.url}&bench=1`);
    await page.waitForSelector('[data-testid=territory-table] tbody tr', { timeout: 300_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-rendered') ?? 0) > 2, null, { timeout: 300_000 });
    const firstScreenMs = Date.now() - loadStart;
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'unknown';
    });
    // Zoom in so the fine cells (all of them) are drawn, not the coarse overview.
    await page.evaluate(() => {
      const s = window.tesseraBench.store.getState();
      const lat = s.cells.lat;
      const lon = s.cells.lon;
      window.tesseraBench.actions.fitMap([-92, 36, -84, 42]);
      return lat.length + lon.length;
    });
    await page.waitForTimeout(1500);

    // One stroke: 1,000 connected cells (breadth-first from a cell on a territory boundary) painted into the neighbouring territory.
    const plan = await page.evaluate(() => {
      const { cells, assignment, territories } = window.tesseraBench.store.getState();
      const owner = assignment.territoryOfCell;
      const locked = new Set(territories.filter((t) => t.locked).map((t) => t.id));
      let start = -1;
      let to = -1;
      for (let i = 0; i < owner.length && start < 0; i++) {
        for (let e = cells.offsets[i]; e < cells.offsets[i + 1]; e++) {
          const j = cells.neighbors[e];
          if (owner[j] !== owner[i] && owner[j] >= 0 && owner[i] >= 0 && !locked.has(owner[i]) && !locked.has(owner[j])) {
            start = i;
            to = owner[j];
            break;
          }
        }
      }
      const seen = new Set([start]);
      const queue = [start];
      const stroke = [];
      while (queue.length > 0 && stroke.length < 1000) {
        const v = queue.shift();
        if (owner[v] !== to && !locked.has(owner[v])) stroke.push(v);
        for (let e = cells.offsets[v]; e < cells.offsets[v + 1]; e++) {
          const w = cells.neighbors[e];
          if (!seen.has(w)) {
            seen.add(w);
            queue.push(w);
          }
        }
      }
      return { stroke, to, cells: owner.length, territories: territories.length };
    });
    const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))));

    const applyWall = [];
    const applyScript = [];
    const commitWall = [];
    const commitScript = [];
    for (let run = 0; run < RUNS; run++) {
      // Apply: the stroke's preview and the table's live sums, to the next drawn frame.
      let s0 = await scriptMs();
      const wall = await page.evaluate(async ({ stroke, to }) => {
        const t0 = performance.now();
        window.tesseraBench.actions.setPreview({ cells: stroke, to });
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined))));
        return performance.now() - t0;
      }, plan);
      applyScript.push((await scriptMs()) - s0);
      applyWall.push(wall);
      // Commit: the command, the backend's confirmation, the refreshed map (colours, outlines, labels) and table.
      s0 = await scriptMs();
      const committed = await page.evaluate(async () => {
        const { store, actions } = window.tesseraBench;
        const before = store.getState().assignment.revision;
        const t0 = performance.now();
        await actions.commitPreview();
        while (store.getState().assignment.revision === before) await new Promise((done) => setTimeout(done, 1));
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined))));
        return performance.now() - t0;
      });
      commitScript.push((await scriptMs()) - s0);
      commitWall.push(committed);
      await page.evaluate(async () => {
        const { store, actions } = window.tesseraBench;
        const before = store.getState().assignment.revision;
        await actions.undo();
        while (store.getState().assignment.revision === before) await new Promise((done) => setTimeout(done, 1));
      });
      await frames();
    }

    // Pan: drag the map for two seconds and count the frames deck.gl draws.
    const box = await page.getByTestId('map').boundingBox();
    const rendered = async () => Number(await page.getByTestId('map').getAttribute('data-rendered'));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    const f0 = await rendered();
    const p0 = Date.now();
    let step = 0;
    while (Date.now() - p0 < 2000) {
      step++;
      await page.mouse.move(box.x + box.width / 2 + 150 * Math.sin(step / 10), box.y + box.height / 2 + 80 * Math.cos(step / 10));
    }
    const panFps = ((await rendered()) - f0) / ((Date.now() - p0) / 1000);
    await page.mouse.up();

    // Export the whole study area as the export dialog does: A4 landscape PNG and PDF at 300 dpi.
    await page.evaluate(() => window.tesseraBench.actions.fitMap(null));
    await frames();
    const exportMs = {};
    for (const format of ['png', 'pdf']) {
      const t0 = Date.now();
      const bytes = await page.evaluate((f) => window.tesseraBench.exportMap(f, 300), format);
      exportMs[format] = { ms: Date.now() - t0, bytes };
    }

    write({
      suite: 'render',
      at: new Date().toISOString(),
      machine,
      renderer,
      gpu: GPU,
      workspace: { ...H220K, cells: plan.cells, territories: plan.territories },
      figures: {
        firstScreenMs,
        strokeCells: plan.stroke.length,
        strokeApplyWall: summary(applyWall),
        strokeApplyScript: summary(applyScript),
        strokeCommitWall: summary(commitWall),
        strokeCommitScript: summary(commitScript),
        panFps: round(panFps),
        exportA4At300Dpi: exportMs,
      },
    });
  } finally {
    await context?.close();
    host?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
