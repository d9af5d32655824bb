import type { Revision, ScenarioId } from '../domain/model/ids';
import type { BalanceJobState, WorkspaceStatus } from './api';
import type { ImportJobState } from './import-api';
import type { ScenarioSummary } from '../domain/model/workspace';

/** Menu actions the desktop shell forwards to the UI. */
export type MenuAction = 'undo' | 'redo' | 'about' | 'openDemo' | 'zoomToFit';

/** Events the backend (or a shell) pushes to the UI. Names are in the past tense. */
export interface Events {
  'workspace.changed': WorkspaceStatus;
  'scenario.changed': { scenarioId: ScenarioId; revision: Revision };
  /** A scenario was branched, renamed, annotated, locked, archived, restored, deleted or made the baseline. */
  'scenarios.changed': { scenarios: ScenarioSummary[] };
  'menu.invoked': { action: MenuAction };
  'balance.progress': { jobId: number; fraction: number; phase: string };
  'balance.finished': BalanceJobState;
  'import.progress': { jobId: number; phase: ImportJobState['phase']; rows: number; bytes: number; totalBytes: number };
  'import.finished': ImportJobState;
  /** A file export under way (`ticket` is the caller's, from `export.file`). */
  'export.progress': { ticket: number; fraction: number; phase: string };
}

export type EventName = keyof Events;

export interface EventMessage<E extends EventName = EventName> {
  name: E;
  payload: Events[E];
}
