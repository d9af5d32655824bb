// Worker-thread entry: reads one import file off the main thread and posts progress and
// the prepared records back. Built to out/main/import-worker.js beside the main bundle.
import { parentPort } from 'node:worker_threads';
import { prepareImport } from './prepare-import';
import type { PrepareProgress, PrepareRequest, Prepared } from './prepared';

export type ImportWorkerMessage =
  | { type: 'progress'; progress: PrepareProgress }
  /** `sentAt`: epoch ms (performance.timeOrigin + now) when posted, to time the transfer. */
  | { type: 'done'; prepared: Prepared; sentAt: number }
  | { type: 'failed'; message: string };

parentPort?.once('message', (request: PrepareRequest) => {
  const post = (message: ImportWorkerMessage) => parentPort!.postMessage(message);
  prepareImport(request, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled: () => false }).then(
    (prepared) => post({ type: 'done', prepared, sentAt: performance.timeOrigin + performance.now() }),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
