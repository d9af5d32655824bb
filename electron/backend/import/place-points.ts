import { Worker } from 'node:worker_threads';
import { latLngToCell } from 'h3-js';
import { cellBits, readCellBits } from '../../../shared/domain/h3/cell-bits';
import { workerFile } from '../worker-file';
import { LandCellsBuilder, type LandCells } from './land-cells';

/** The cells of the points placed, as their two halves (what `readCellBits` reads), and the land when asked for. */
export interface PlacedPoints {
  hi: Int32Array;
  lo: Int32Array;
  land: LandCells | null;
}

/**
 * Places points in H3 cells batch by batch as they are read and, when asked, works out
 * the land cells of all of them (`LandCellsBuilder`). The work is the same on either
 * thread; in a worker it runs while the reading thread goes on, and {@link prefetch}
 * fills the land between batches.
 */
export class PointPlacer {
  private hi = new Int32Array(1 << 16);
  private lo = new Int32Array(1 << 16);
  private count = 0;
  private readonly land: LandCellsBuilder | null;

  /** @param withLand whether {@link finish} gives the land of the points too */
  constructor(
    private readonly resolution: number,
    withLand: boolean,
  ) {
    this.land = withLand ? new LandCellsBuilder(resolution) : null;
  }

  add(lat: ArrayLike<number>, lon: ArrayLike<number>): void {
    const n = lat.length;
    this.reserve(this.count + n);
    const { hi, lo, resolution } = this;
    for (let i = 0; i < n; i++) {
      const k = this.count++;
      // h3-js writes every cell as 15 hex digits starting with 8, which readCellBits reads.
      if (!readCellBits(latLngToCell(lat[i]!, lon[i]!, resolution))) throw new Error(`No H3 cell for ${lat[i]}, ${lon[i]}.`);
      hi[k] = cellBits.hi;
      lo[k] = cellBits.lo;
    }
    this.land?.add(lat, lon);
  }

  /** Works out ahead the land the points so far ask for (see `LandCellsBuilder.prefetch`). */
  prefetch(): void {
    this.land?.prefetch();
  }

  finish(): PlacedPoints {
    const n = this.count;
    return { hi: this.hi.slice(0, n), lo: this.lo.slice(0, n), land: this.land?.result() ?? null };
  }

  private reserve(size: number): void {
    if (size <= this.hi.length) return;
    let capacity = this.hi.length;
    while (capacity < size) capacity *= 2;
    const hi = new Int32Array(capacity);
    const lo = new Int32Array(capacity);
    hi.set(this.hi);
    lo.set(this.lo);
    this.hi = hi;
    this.lo = lo;
  }
}

/** What the import worker is sent to run a {@link PointPlacer}: a start, batches of points, a finish. */
export type PlacerMessage =
  | { type: 'placer'; resolution: number; withLand: boolean }
  | { type: 'points'; lat: Float64Array; lon: Float64Array }
  | { type: 'finish' };

/** A {@link PointPlacer} running somewhere: points go in, the placed points come out once. */
export interface RunningPlacer {
  add(lat: Float64Array, lon: Float64Array): void;
  finish(): Promise<PlacedPoints>;
  /** Stops it (cancel, failure); its result is then never awaited. */
  stop(): void;
}

/**
 * Starts a {@link PointPlacer} on a second thread (the import worker's code), so the
 * points are placed while the caller goes on reading; from sources, or if the thread
 * fails to start, it runs on the caller's thread. The batches given to `add` are moved
 * to the worker (do not use them afterwards).
 */
export function startPointPlacer(resolution: number, withLand: boolean): RunningPlacer {
  const file = workerFile('import-worker.js');
  let worker: Worker | null = null;
  if (file) {
    try {
      worker = new Worker(file);
    } catch {
      worker = null;
    }
  }
  if (!worker) return placerHere(resolution, withLand);
  const thread = worker;
  let failure: Error | null = null;
  let settle: ((placed: PlacedPoints) => void) | null = null;
  let fail: ((error: Error) => void) | null = null;
  thread.on('message', (message: { type: 'placed'; placed: PlacedPoints } | { type: 'failed'; message: string }) => {
    if (message.type === 'placed') settle?.(message.placed);
    else {
      failure = new Error(message.message);
      fail?.(failure);
    }
  });
  thread.on('error', (error) => {
    failure = error;
    fail?.(error);
  });
  const post = (message: PlacerMessage, transfer: ArrayBuffer[] = []) => thread.postMessage(message, transfer);
  post({ type: 'placer', resolution, withLand });
  return {
    add: (lat, lon) => post({ type: 'points', lat, lon }, [lat.buffer as ArrayBuffer, lon.buffer as ArrayBuffer]),
    finish: () =>
      new Promise<PlacedPoints>((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        settle = resolve;
        fail = reject;
        post({ type: 'finish' });
      }).finally(() => void thread.terminate()),
    stop: () => void thread.terminate(),
  };
}

function placerHere(resolution: number, withLand: boolean): RunningPlacer {
  const placer = new PointPlacer(resolution, withLand);
  return {
    add: (lat, lon) => placer.add(lat, lon),
    finish: () => Promise.resolve().then(() => placer.finish()),
    stop: () => {},
  };
}

/** Runs a {@link PointPlacer} for the messages of a worker's port (the import worker's side). */
export function servePointPlacer(request: { resolution: number; withLand: boolean }, on: (listener: (message: PlacerMessage) => void) => void, post: (message: unknown, transfer?: ArrayBuffer[]) => void): void {
  const placer = new PointPlacer(request.resolution, request.withLand);
  on((message) => {
    try {
      if (message.type === 'points') {
        placer.add(message.lat, message.lon);
        placer.prefetch();
      } else if (message.type === 'finish') {
        const placed = placer.finish();
        const land = placed.land ? [placed.land.lat, placed.land.lon, placed.land.areaKm2] : [];
        post({ type: 'placed', placed }, [placed.hi, placed.lo, ...land].map((a) => a.buffer as ArrayBuffer));
      }
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
}
