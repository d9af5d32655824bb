import { encodeWire } from '../../../shared/contract/wire';
import type { Command } from '../../../shared/domain/commands/command';
import { ScenarioService } from '../../backend/scenarios/scenario-service';
import { forgetAccountColumns } from '../../backend/workspace/account-columns-cache';
import type { Workspace } from '../../backend/workspace/workspace';
import { comparisonJson } from '../scenario-commands';
import { time, type Timing } from './measure';

/** The target of BENCHMARKS.md for a comparison: compare plus wire encoding. */
const COMPARE_TARGET_MS = 500;

/**
 * Picks about `share` of the cells, each on a territory border, with the territory of one
 * of its neighbours: every k-th border cell in cell order, so the moves are spread over
 * the map and the same on every run.
 */
export function borderMoves(owner: Int32Array, offsets: Int32Array, neighbors: Int32Array, share: number): Map<number, number[]> {
  const border: { cell: number; to: number }[] = [];
  for (let c = 0; c < owner.length; c++) {
    const own = owner[c]!;
    if (own < 0) continue;
    for (let j = offsets[c]!; j < offsets[c + 1]!; j++) {
      const t = owner[neighbors[j]!]!;
      if (t >= 0 && t !== own) {
        border.push({ cell: c, to: t });
        break;
      }
    }
  }
  const wanted = Math.min(border.length, Math.round(share * owner.length));
  const stride = border.length / Math.max(1, wanted);
  const byTarget = new Map<number, number[]>();
  for (let i = 0; i < wanted; i++) {
    const { cell, to } = border[Math.floor(i * stride)]!;
    const list = byTarget.get(to);
    if (list) list.push(cell);
    else byTarget.set(to, [cell]);
  }
  return byTarget;
}

/** Median of separately timed samples, in the shape of `time()`. */
function timingOf(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { runs: sorted.length, medianMs: round(sorted[Math.floor(sorted.length / 2)]!), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!) };
}

/**
 * The scenarios suite on one workspace (H-220k in `tessera bench`): branch the baseline,
 * move about 2 % of the branch's cells to a neighbouring territory, then time the
 * comparison (cold: a new ScenarioService with the shared account columns dropped, so it loads them; warm: the
 * same one, which has them), its wire encoding and
 * size, the change-list CSV, the scenario tree's figures, and promote + undo.
 */
export function runScenarioSuite(ws: Workspace, log: (line: string) => void) {
  const baseline = ws.baseline() ?? ws.scenarios()[0]!;
  const branch = ws.createScenario(`Bench branch ${ws.scenarios().length + 1}`, baseline.id);
  const owner = ws.assignment(branch.id).territoryOfCell;
  const area = ws.studyAreaData();
  const moves = borderMoves(owner, area.adjacencyOffsets, area.adjacencyNeighbors, 0.02);
  const commands: Command[] = [...moves].map(([to, cells]) => ({ type: 'territory.assignCells', cells, to }));
  const cellsMoved = commands.reduce((n, c) => n + (c.type === 'territory.assignCells' ? c.cells.length : 0), 0);
  log(`scenarios: branching "${baseline.name}" and moving ${cellsMoved} of ${owner.length} border cells to a neighbour…`);
  const edit = time(1, () => ws.execute(branch.id, { type: 'batch', commands, label: { key: 'command.batch', params: { count: cellsMoved } } }));

  log('scenarios: compare, cold and warm…');
  const accountsLoad = time(5, () => ws.accountColumns());
  const cold = time(5, () => (forgetAccountColumns(ws), new ScenarioService(() => ws).compare(baseline.id, branch.id)));
  const service = new ScenarioService(() => ws);
  service.compare(baseline.id, branch.id);
  const warm = time(5, () => service.compare(baseline.id, branch.id));
  const comparison = warm.last;
  const encoded = time(5, () => encodeWire(comparison));
  const endToEndCold = time(5, () => (forgetAccountColumns(ws), encodeWire(new ScenarioService(() => ws).compare(baseline.id, branch.id))));
  const endToEndWarm = time(5, () => encodeWire(service.compare(baseline.id, branch.id)));
  const cliJson = time(5, () => JSON.stringify(comparisonJson(comparison)));

  log('scenarios: change-list CSV…');
  const csv = time(5, () => service.diffCsv(baseline.id, branch.id));

  log(`scenarios: figures of all ${ws.scenarios().length} scenarios, cold and warm…`);
  const figuresCold = time(5, () => (forgetAccountColumns(ws), new ScenarioService(() => ws).figures()));
  const figuresService = new ScenarioService(() => ws);
  figuresService.figures();
  const figuresWarm = time(5, () => figuresService.figures());

  log('scenarios: promote the branch into the baseline, then undo (5 times)…');
  const promote: number[] = [];
  const undo: number[] = [];
  for (let run = 0; run < 5; run++) {
    promote.push(time(1, () => ws.promote(branch.id)).timing.medianMs);
    undo.push(time(1, () => ws.undo(baseline.id)).timing.medianMs);
  }
  const restored = service.compare(baseline.id, branch.id).disruption.movedCells === comparison.disruption.movedCells;

  const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    cells: owner.length,
    accounts: comparison.disruption.totalAccounts,
    scenarios: ws.scenarios().length,
    territories: comparison.territories.length,
    movedCells: comparison.disruption.movedCells,
    movedAccounts: comparison.disruption.movedAccounts,
    accountsChangingRep: comparison.disruption.accountsChangingRep,
    movedShare: Object.fromEntries(Object.entries(comparison.disruption.movedShare).map(([k, v]) => [k, round4(v)])),
    editBranch: edit.timing,
    accountColumnsLoad: accountsLoad.timing,
    compareCold: cold.timing,
    compareWarm: warm.timing,
    compareWireBytes: encoded.last.byteLength,
    compareEncode: encoded.timing,
    compareAndEncodeCold: endToEndCold.timing,
    compareAndEncodeWarm: endToEndWarm.timing,
    // Warm is the app's case: the backend keeps one service, whose account columns the scenario
    // tree's figures have already loaded. Cold is a first comparison after opening (the CLI's case).
    compareTarget: {
      targetMs: COMPARE_TARGET_MS,
      warmMs: endToEndWarm.timing.medianMs,
      coldMs: endToEndCold.timing.medianMs,
      metWarm: endToEndWarm.timing.medianMs <= COMPARE_TARGET_MS,
      metCold: endToEndCold.timing.medianMs <= COMPARE_TARGET_MS,
    },
    cliJsonBytes: cliJson.last.length,
    cliJsonStringify: cliJson.timing,
    diffCsv: csv.timing,
    diffCsvBytes: Buffer.byteLength(csv.last.csv),
    diffCsvRows: comparison.moved.ids.length,
    figuresCold: figuresCold.timing,
    figuresWarm: figuresWarm.timing,
    promote: timingOf(promote),
    undoPromote: timingOf(undo),
    undoRestoresBaseline: restored,
  };
}
