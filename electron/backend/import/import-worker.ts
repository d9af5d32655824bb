// Worker-thread entry: reads one import file off the main thread and posts progress and
// the prepared records back; or places the points of an import in cells, and works out
// the land of its study area, beside the thread that reads (place-points.ts). Built to
// out/main/import-worker.js beside the main bundle.
import { parentPort } from 'node:worker_threads';
import { servePointPlacer, type PlacerMessage } from './place-points';
import { prepareImport } from './prepare-import';
import type { PrepareProgress, PrepareRequest, Prepared } from './prepared';

export type ImportWorkerMessage =
  | { type: 'progress'; progress: PrepareProgress }
  /** `sentAt`: epoch ms (performance.timeOrigin + now) when posted, to time the transfer. */
  | { type: 'done'; prepared: Prepared; sentAt: number }
  | { type: 'failed'; message: string };

parentPort?.once('message', (request: PrepareRequest | PlacerMessage) => {
  const port = parentPort!;
  const post = (message: ImportWorkerMessage) => port.postMessage(message);
  if ('type' in request) {
    // Points placed in cells beside the reading thread; the land at the end.
    if (request.type === 'placer') {
      servePointPlacer(
        request,
        (listener) => port.on('message', listener),
        (message, transfer) => port.postMessage(message, transfer),
      );
    }
    return;
  }
  prepareImport(request, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled: () => false }).then(
    (prepared) => post({ type: 'done', prepared, sentAt: performance.timeOrigin + performance.now() }),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
