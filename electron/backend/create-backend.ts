import type { EventMessage, EventName, Events } from '../../shared/contract/events';
import { ContractError } from '../../shared/contract/errors';
import type { Envelope } from '../../shared/contract/transport';
import { createDispatcher, type Dispatch } from './dispatch';
import { BalanceService } from './balancing/balance-service';
import { appHandlers } from './handlers/app';
import { balanceHandlers } from './handlers/balance';
import { importHandlers } from './handlers/import';
import { ImportService } from './import/import-service';
import { commandHandlers } from './handlers/command';
import { exportHandlers } from './handlers/export';
import { goalHandlers } from './handlers/goals';
import { GoalService } from './goals/goal-service';
import { ExportService } from './export/export-service';
import { dataHandlers } from './handlers/data';
import { scenarioHandlers } from './handlers/scenario';
import { ScenarioService } from './scenarios/scenario-service';
import type { DialogPort, Handlers, HandlerContext } from './handlers/types';
import { workspaceHandlers } from './handlers/workspace';
import { WorkspaceSession } from './workspace/session';

export interface BackendOptions {
  /** Folder for the demo workspace and the recent-files list. */
  dataDir: string;
  appVersion: string;
  dialogs?: DialogPort | null;
  now?: () => Date;
  /** How the demo workspace is written when it is missing (see WorkspaceSession). */
  writeDemo?: (path: string) => Promise<void>;
}

export interface Backend {
  dispatch: Dispatch;
  handlers: Handlers;
  session: WorkspaceSession;
  /** Imports; shells stage the files the user hands over (`imports.stage`). */
  imports: ImportService;
  /** Stages a file the shell received from the user (a dropped file's path) for import. */
  stageFile(path: unknown): Envelope;
  /** Registers a listener for every event; returns the unsubscribe function. */
  subscribe(listener: (event: EventMessage) => void): () => void;
  /** Sends an event to all listeners (shells use it for menu actions). */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  close(): void;
}

/** Builds the backend: one workspace session, the contract's handlers and an event bus. */
export function createBackend(options: BackendOptions): Backend {
  const listeners = new Set<(event: EventMessage) => void>();
  const emit = <E extends EventName>(name: E, payload: Events[E]) => {
    for (const l of listeners) l({ name, payload } as EventMessage);
  };
  let balancing: BalanceService | null = null;
  const session = new WorkspaceSession({
    dataDir: options.dataDir,
    now: options.now ?? (() => new Date()),
    onChange: (status) => {
      balancing?.clear();
      emit('workspace.changed', status);
    },
    ...(options.writeDemo ? { writeDemo: options.writeDemo } : {}),
  });
  balancing = new BalanceService(session, emit);
  const imports = new ImportService(session, emit);
  const ctx: HandlerContext = { session, dialogs: options.dialogs ?? null, appVersion: options.appVersion };
  const handlers = {
    ...appHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...dataHandlers(ctx),
    ...commandHandlers(ctx, (p) => emit('scenario.changed', p)),
    ...balanceHandlers(balancing),
    ...importHandlers(imports, ctx.dialogs),
    ...scenarioHandlers(ctx, new ScenarioService(() => session.require()), {
      list: (p) => emit('scenarios.changed', p),
      scenario: (p) => emit('scenario.changed', p),
    }),
    ...exportHandlers(ctx, new ExportService(() => session.require(), options.now ?? (() => new Date())), (p) => emit('export.progress', p)),
    ...goalHandlers(ctx, new GoalService(() => session.require(), options.now ?? (() => new Date())), imports, (p) => emit('scenario.changed', p)),
  } satisfies Handlers;
  return {
    dispatch: createDispatcher(handlers),
    handlers,
    session,
    imports,
    stageFile(path) {
      if (typeof path !== 'string' || path === '') return { ok: false, error: { code: 'BAD_REQUEST', message: 'No file was dropped.' } };
      try {
        return { ok: true, value: imports.stage(path) };
      } catch (error) {
        if (error instanceof ContractError) return { ok: false, error: error.toData() };
        throw error;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    close: () => {
      balancing?.clear();
      imports.close();
      session.close();
    },
  };
}
