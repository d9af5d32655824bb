// Worker-thread entry: reads one import file off the main thread and posts progress and
// the prepared records back; or works out the land cells of an import's study area
// (land-cells.ts) beside the thread that reads. Built to out/main/import-worker.js beside the main bundle.
import { parentPort } from 'node:worker_threads';
import { landCells, type LandCells, type LandCellsRequest } from './land-cells';
import { prepareImport } from './prepare-import';
import type { PrepareProgress, PrepareRequest, Prepared } from './prepared';

export type ImportWorkerMessage =
  | { type: 'progress'; progress: PrepareProgress }
  /** `sentAt`: epoch ms (performance.timeOrigin + now) when posted, to time the transfer. */
  | { type: 'done'; prepared: Prepared; sentAt: number }
  | { type: 'land'; land: LandCells }
  | { type: 'failed'; message: string };

parentPort?.once('message', (request: PrepareRequest | LandCellsRequest) => {
  const post = (message: ImportWorkerMessage) => parentPort!.postMessage(message);
  if ('type' in request) {
    // The land cells of an import's study area, worked out beside the reading thread.
    try {
      post({ type: 'land', land: landCells(request.lat, request.lon, request.resolution) });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  prepareImport(request, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled: () => false }).then(
    (prepared) => post({ type: 'done', prepared, sentAt: performance.timeOrigin + performance.now() }),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
