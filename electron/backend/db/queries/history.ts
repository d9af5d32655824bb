import type { Command } from '../../../../shared/domain/commands/command';
import type { ScenarioId } from '../../../../shared/domain/model/ids';
import type { MessageRef } from '../../../../shared/domain/model/message';
import type { Db } from '../db-types';

export interface HistoryEntry {
  seq: number;
  command: Command;
  inverse: Command;
  label: MessageRef;
}

interface Row {
  seq: number;
  command: string;
  inverse: string;
  label: string;
}

const parse = (r: Row | undefined): HistoryEntry | null =>
  r ? { seq: r.seq, command: JSON.parse(r.command), inverse: JSON.parse(r.inverse), label: JSON.parse(r.label) } : null;

/** Pushes an applied command and drops the scenario's redo entries. Call inside a transaction. */
export function pushHistory(db: Db, scenarioId: ScenarioId, entry: Omit<HistoryEntry, 'seq'>, now: string): void {
  db.prepare('DELETE FROM history WHERE scenario_id = ? AND undone = 1').run(scenarioId);
  const next = (db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM history WHERE scenario_id = ?').get(scenarioId) as { seq: number }).seq;
  db.prepare('INSERT INTO history (scenario_id, seq, command, inverse, label, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    scenarioId,
    next,
    JSON.stringify(entry.command),
    JSON.stringify(entry.inverse),
    JSON.stringify(entry.label),
    now,
  );
}

/** The most recent entry that can be undone. */
export function peekUndo(db: Db, scenarioId: ScenarioId): HistoryEntry | null {
  return parse(
    db.prepare('SELECT seq, command, inverse, label FROM history WHERE scenario_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1').get(scenarioId) as Row | undefined,
  );
}

/** The oldest undone entry, which redo re-applies. */
export function peekRedo(db: Db, scenarioId: ScenarioId): HistoryEntry | null {
  return parse(
    db.prepare('SELECT seq, command, inverse, label FROM history WHERE scenario_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1').get(scenarioId) as Row | undefined,
  );
}

export function markUndone(db: Db, scenarioId: ScenarioId, seq: number, undone: boolean): void {
  db.prepare('UPDATE history SET undone = ? WHERE scenario_id = ? AND seq = ?').run(undone ? 1 : 0, scenarioId, seq);
}
