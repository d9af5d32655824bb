import { resolve } from 'node:path';
import type { ResolutionReport } from '../../shared/contract/resolution-api';
import { changeResolution } from '../backend/workspace/change-resolution';
import { Workspace } from '../backend/workspace/workspace';
import type { Io } from './commands';
import { intFlag, UsageError, type ParsedArgs } from './parse-args';

const now = () => new Date();
/** Changed account ids printed per scenario (the JSON has up to 1,000). */
const IDS_SHOWN = 10;

/** `tessera resolution --workspace <ws> --to <res> [--json]`: changes the workspace's H3 resolution. */
export function resolutionCommand(args: ParsedArgs, io: Io): void {
  const workspace = args.flags.get('workspace');
  if (typeof workspace !== 'string' || workspace.trim() === '') throw new UsageError('--workspace is required.');
  if (!args.flags.has('to')) throw new UsageError('--to <resolution> is required (an H3 resolution, 0–15).');
  const to = intFlag(args.flags, 'to', 0, 0, 15);
  const ws = Workspace.open(resolve(workspace), now);
  try {
    const report = changeResolution(ws, to);
    io.out(args.flags.has('json') ? JSON.stringify(report, null, 2) : describeReport(report));
  } finally {
    ws.close();
  }
}

/** The report in a few lines. */
export function describeReport(r: ResolutionReport): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const lines = [
    `H3 resolution ${r.from} → ${r.to}: ${n(r.cellsBefore)} → ${n(r.cellsAfter)} cells, in ${(r.elapsedMs / 1000).toFixed(1)} s.`,
    r.historyCleared > 0
      ? `Undo history cleared (${n(r.historyCleared)} steps): edits made before the change cannot be undone.`
      : 'There was no undo history to clear.',
  ];
  for (const s of r.scenarios) {
    const moved =
      s.accountsChanged === 0
        ? 'every account keeps its territory'
        : `${n(s.accountsChanged)} accounts in another territory (${s.changedAccountIds.slice(0, IDS_SHOWN).join(', ')}${s.accountsChanged > IDS_SHOWN ? ', …' : ''})`;
    const lost = s.cellsUnassigned > 0 ? `; ${n(s.cellsUnassigned)} cells left unassigned` : '';
    lines.push(`  ${s.name}: ${moved}${lost}`);
  }
  return lines.join('\n');
}
