import { Worker } from 'node:worker_threads';
import { workerFile } from '../worker-file';
import type { ImportWorkerMessage } from './import-worker';
import { ImportCancelled, prepareImport } from './prepare-import';
import type { PrepareProgress, PrepareRequest, Prepared } from './prepared';

export type ReadOutcome = { state: 'done'; prepared: Prepared; transferMs: number } | { state: 'cancelled' } | { state: 'failed'; error: string };

export interface RunningRead {
  done: Promise<ReadOutcome>;
  /** Stops reading at once; nothing has been written yet. */
  cancel(): void;
}

/** The built worker beside this bundle (out/main); absent when running from sources (tests). */
const WORKER_FILE = workerFile('import-worker.js');

/**
 * Reads an import file in a worker thread (from sources: on this thread, between row
 * batches). Cancelling terminates the worker, so it stops within milliseconds.
 */
export function runImportRead(request: PrepareRequest, onProgress: (p: PrepareProgress) => void, options: { inProcess?: boolean } = {}): RunningRead {
  if (options.inProcess || WORKER_FILE === null) return readInProcess(request, onProgress);
  const worker = new Worker(WORKER_FILE);
  let settle: (outcome: ReadOutcome) => void = () => {};
  const done = new Promise<ReadOutcome>((resolve) => {
    let settled = false;
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(outcome);
    };
  });
  worker.on('message', (message: ImportWorkerMessage) => {
    if (message.type === 'progress') onProgress(message.progress);
    else if (message.type === 'done') {
      settle({ state: 'done', prepared: message.prepared, transferMs: Math.max(0, Math.round(performance.timeOrigin + performance.now() - message.sentAt)) });
    }
    else if (message.type === 'failed') settle({ state: 'failed', error: message.message });
  });
  worker.on('error', (error) => settle({ state: 'failed', error: error.message }));
  worker.postMessage(request);
  return { done, cancel: () => settle({ state: 'cancelled' }) };
}

function readInProcess(request: PrepareRequest, onProgress: (p: PrepareProgress) => void): RunningRead {
  let cancelled = false;
  const done = prepareImport(request, { onProgress, isCancelled: () => cancelled }).then(
    (prepared): ReadOutcome => (cancelled ? { state: 'cancelled' } : { state: 'done', prepared, transferMs: 0 }),
    (error: unknown): ReadOutcome =>
      error instanceof ImportCancelled || cancelled ? { state: 'cancelled' } : { state: 'failed', error: error instanceof Error ? error.message : String(error) },
  );
  return {
    done,
    cancel: () => {
      cancelled = true;
    },
  };
}
