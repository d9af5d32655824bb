import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerFile } from '../worker-file';
import { balance } from '../../../shared/domain/balancing/balance';
import type { WorkerMessage, WorkerRequest } from './balance-worker';

export interface JobOutcome {
  state: 'done' | 'cancelled' | 'failed';
  plan?: Int32Array;
  moves?: number;
  elapsedMs?: number;
  error?: string;
}

export interface RunningJob {
  done: Promise<JobOutcome>;
  /** Stops the job at once (the worker is terminated). */
  cancel(): void;
}

/** The built worker beside this bundle (out/main); absent when running from sources (tests). */
const WORKER_FILE = workerFile('balance-worker.js');

/** Concurrent jobs: one core is left for the UI. */
export const POOL_SIZE = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

/**
 * Runs a balancing job in a worker thread (or, from sources, on the main thread after the
 * current event), at most POOL_SIZE at once; the rest queue. Cancelling terminates the
 * worker, so a stop takes effect within milliseconds.
 */
export function runJob(request: WorkerRequest, onProgress: (fraction: number, phase: string) => void): RunningJob {
  let cancel = () => {};
  let cancelled = false;
  const done = new Promise<JobOutcome>((resolve) => {
    const start = () => {
      running++;
      const finish = (outcome: JobOutcome) => {
        running--;
        waiting.shift()?.();
        resolve(outcome);
      };
      if (cancelled) return finish({ state: 'cancelled' });
      if (WORKER_FILE === null) return inProcess(request, onProgress, () => cancelled, finish);
      const worker = new Worker(WORKER_FILE);
      cancel = () => {
        cancelled = true;
        void worker.terminate().then(() => finish({ state: 'cancelled' }));
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress(message.fraction, message.phase);
        else if (message.type === 'done') {
          void worker.terminate();
          finish({ state: 'done', plan: message.plan, moves: message.moves, elapsedMs: message.elapsedMs });
        } else {
          void worker.terminate();
          finish({ state: 'failed', error: message.message });
        }
      });
      worker.on('error', (error) => finish({ state: 'failed', error: error.message }));
      worker.postMessage(request);
    };
    cancel = () => {
      cancelled = true;
    };
    if (running < POOL_SIZE) start();
    else waiting.push(start);
  });
  return { done, cancel: () => cancel() };
}

function inProcess(
  request: WorkerRequest,
  onProgress: (fraction: number, phase: string) => void,
  isCancelled: () => boolean,
  finish: (outcome: JobOutcome) => void,
): void {
  setImmediate(() => {
    try {
      const result = balance(request.problem, { ...request.options, onProgress, shouldStop: isCancelled });
      finish(result.cancelled ? { state: 'cancelled' } : { state: 'done', plan: result.plan, moves: result.moves, elapsedMs: result.elapsedMs });
    } catch (error) {
      finish({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  });
}
