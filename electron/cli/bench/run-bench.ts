import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { encodeWire, decodeWire } from '../../../shared/contract/wire';
import { generateDemoContent } from '../../backend/demo/generate-demo';
import { Workspace } from '../../backend/workspace/workspace';
import { writeDemoWorkspace } from '../../backend/workspace/session';
import type { Io } from '../commands';
import { UsageError, type ParsedArgs } from '../parse-args';
import { runBalancingSuite } from './balancing-bench';
import { runImportSuite } from './import-bench';
import { runScenarioSuite } from './scenario-bench';
import { runExportSuite } from './export-bench';
import { runExactSuite } from './exact-bench';
import { runScaleSuite } from './scale-bench';
import { time } from './measure';

/**
 * `tessera bench`: runs the benchmark suites and writes one JSON file per suite.
 * Foundation suite: demo generation, workspace open, first read models, wire encoding.
 */
export async function runBench(args: ParsedArgs, io: Io): Promise<void> {
  const outDir = resolve(typeof args.flags.get('out') === 'string' ? (args.flags.get('out') as string) : 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  const now = () => new Date();
  const suite = typeof args.flags.get('suite') === 'string' ? (args.flags.get('suite') as string) : 'all';
  if (!['all', 'foundation', 'balancing', 'scenarios', 'export', 'exact', 'import', 'scale'].includes(suite)) {
    throw new UsageError('--suite must be all, foundation, balancing, scenarios, export, exact, import or scale.');
  }
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  try {
    if (['all', 'foundation', 'balancing', 'scenarios', 'export'].includes(suite)) await runDesignSuites(io, outDir, scratch, suite, machine);
    if (suite === 'all' || suite === 'exact') {
      // S-exact: the engine against an exact MIP (HiGHS, a devDependency; skipped when absent).
      const exact = await runExactSuite((line) => io.err(line));
      writeReport(io, outDir, { suite: 'exact', at: now().toISOString(), machine, figures: exact });
    }
    if (suite === 'all' || suite === 'import') {
      const imports = await runImportSuite(scratch, join(__dirname, 'cli.js'), (line) => io.err(line));
      const importReport = { suite: 'import', at: now().toISOString(), machine, figures: imports };
      const importOut = join(outDir, 'import.json');
      writeFileSync(importOut, `${JSON.stringify(importReport, null, 2)}\n`);
      io.out(JSON.stringify(importReport, null, 2));
      io.err(`Wrote ${importOut}`);
    }
    if (suite === 'all' || suite === 'scale') {
      // H-1.5M: the million-cell build (K = 500), on its own instance.
      const scale = runScaleSuite(scratch, (line) => io.err(line));
      writeReport(io, outDir, { suite: 'scale', at: now().toISOString(), machine, figures: scale });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The foundation suite (demo, open, read models, wire), then the balancing and scenarios suites on one H-220k workspace. */
async function runDesignSuites(io: Io, outDir: string, scratch: string, suite: string, machine: object): Promise<void> {
  const now = () => new Date();
  if (suite === 'all' || suite === 'foundation') {
    io.err('foundation: generating the demo content (3 runs)…');
    const generate = time(3, () => generateDemoContent());
    const file = join(scratch, 'demo.tessera');
    const write = time(1, () => writeDemoWorkspace(file, {}, now));
    const open = time(5, () => Workspace.open(file, now).close());
    const ws = Workspace.open(file, now);
    let figures;
    try {
      const info = ws.info();
      const firstTotals = time(1, () => ws.territories(1));
      const warmTotals = time(5, () => ws.territories(1));
      const studyArea = time(3, () => ws.studyAreaData());
      const encoded = time(3, () => encodeWire(studyArea.last));
      const decoded = time(3, () => decodeWire(encoded.last));
      const paint = time(20, (run) => {
        const cells = Array.from({ length: 1000 }, (_, i) => (run * 1000 + i * 37) % info.cells);
        ws.execute(1, { type: 'territory.assignCells', cells, to: (run % 5) + 1 });
      });
      const undo = time(20, () => ws.undo(1));
      figures = {
        cells: info.cells,
        accounts: info.accounts,
        reps: info.reps,
        resolution: info.resolution,
        fileBytes: statSync(file).size,
        demoGenerate: generate.timing,
        demoGenerateAndWrite: write.timing,
        workspaceOpen: open.timing,
        territoryTotalsFirst: firstTotals.timing,
        territoryTotalsWarm: warmTotals.timing,
        studyAreaRead: studyArea.timing,
        studyAreaWireBytes: encoded.last.byteLength,
        studyAreaEncode: encoded.timing,
        studyAreaDecode: decoded.timing,
        assign1000CellsCommand: paint.timing,
        undoAssign1000Cells: undo.timing,
      };
    } finally {
      ws.close();
    }
    const report = {
      suite: 'foundation',
      at: now().toISOString(),
      machine,
      figures,
    };
    const out = join(outDir, 'foundation.json');
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    io.out(JSON.stringify(report, null, 2));
    io.err(`Wrote ${out}`);

  }
  if (suite === 'foundation') return;
  // The balancing and scenarios suites share one H-220k instance of BENCHMARKS.md, generated once.
  io.err('generating the H-220k workspace (res 6, 100,000 accounts, 100 reps)…');
  const h220k = join(scratch, 'h220k.tessera');
  writeDemoWorkspace(h220k, { resolution: 6, accounts: 100_000, reps: 100, seed: 2026 }, now);
  const wsH = Workspace.open(h220k, now);
  try {
    if (suite === 'all' || suite === 'balancing') {
      const balancing = runBalancingSuite(wsH, (line) => io.err(line));
      writeReport(io, outDir, { suite: 'balancing', at: now().toISOString(), machine, figures: balancing });
    }
    if (suite === 'all' || suite === 'scenarios') {
      const scenarios = runScenarioSuite(wsH, (line) => io.err(line));
      writeReport(io, outDir, { suite: 'scenarios', at: now().toISOString(), machine, figures: scenarios });
    }
    if (suite === 'all' || suite === 'export') {
      const exports = await runExportSuite(wsH, (line) => io.err(line));
      writeReport(io, outDir, { suite: 'export', at: now().toISOString(), machine, figures: exports });
    }
  } finally {
    wsH.close();
  }
}

/** Writes `<suite>.json` and echoes it. */
function writeReport(io: Io, outDir: string, report: { suite: string; at: string; machine: object; figures: object }): void {
  const out = join(outDir, `${report.suite}.json`);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  io.out(JSON.stringify(report, null, 2));
  io.err(`Wrote ${out}`);
}
