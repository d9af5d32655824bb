import { Worker } from 'node:worker_threads';
import { workerFile } from '../worker-file';
import { polygonToCells } from 'h3-js';
import { clipPolygonToBox, widenedBox, type Box } from '../../../shared/domain/geo/clip-to-box';
import type { PolygonCoords } from '../../../shared/domain/h3/build-study-area';
import { landForPoints } from './land-for-points';

/** Land is taken within the records' bounding box widened by this share of its span … */
const MARGIN_SHARE = 0.25;
/** … and by at least this many degrees. */
const MIN_MARGIN_DEG = 1;
/**
 * A land part holding less than this share of the records (points that spill over a
 * border at 1:50m, a few accounts abroad) gives only the land near its own records.
 */
const SPILL_SHARE = 0.002;

/** The land cells for a set of points, and the countries / states they come from. */
export interface LandCells {
  /** The cells of each land part taken, part after part (a cell may repeat). */
  cells: string[];
  places: string[];
}

/**
 * The cells of the land of the countries (US: states) the points fall in, within their
 * bounding box widened by a margin (a land part holding only a few points: near those
 * points); see `landForPoints`.
 */
export function landCells(lat: Float64Array, lon: Float64Array, resolution: number): LandCells {
  const { polygons, places, polygonOfPoint } = landForPoints(lat, lon);
  const boxes = partBoxes(polygons, polygonOfPoint, lat, lon);
  const cells: string[] = [];
  polygons.forEach((polygon, p) => {
    const clipped = clipPolygonToBox(polygon, boxes[p]!);
    if (!clipped) return;
    for (const cell of polygonToCells(clipped, resolution, true)) cells.push(cell);
  });
  return { cells, places };
}

/** The box each land part is clipped to: the points' widened box, or for a part with few points, the box around those. */
function partBoxes(polygons: readonly PolygonCoords[], polygonOfPoint: Int32Array, lat: Float64Array, lon: Float64Array): Box[] {
  const overall = widenedBox(lat, lon, MARGIN_SHARE, MIN_MARGIN_DEG)!;
  const members = polygons.map(() => ({ lat: [] as number[], lon: [] as number[] }));
  for (let i = 0; i < lat.length; i++) {
    const p = polygonOfPoint[i]!;
    if (p < 0) continue;
    members[p]!.lat.push(lat[i]!);
    members[p]!.lon.push(lon[i]!);
  }
  return members.map((m) => {
    if (m.lat.length === 0 || m.lat.length >= SPILL_SHARE * lat.length) return overall;
    return widenedBox(m.lat, m.lon, MARGIN_SHARE, MIN_MARGIN_DEG)!;
  });
}

/** What the import worker is sent to work out {@link landCells} on its own thread. */
export interface LandCellsRequest {
  type: 'land';
  lat: Float64Array;
  lon: Float64Array;
  resolution: number;
}

/**
 * Starts {@link landCells} on a second thread (the import worker's code), so the caller
 * can place its records in cells meanwhile; from sources, or if the thread fails to
 * start, it is worked out here when awaited. The points are copied, not moved.
 */
export function startLandCells(lat: Float64Array, lon: Float64Array, resolution: number): Promise<LandCells> {
  const file = workerFile('import-worker.js');
  const here = () => landCells(lat, lon, resolution);
  if (!file) return Promise.resolve().then(here);
  return new Promise<LandCells>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(file);
    } catch {
      resolve(here());
      return;
    }
    worker.once('message', (message: { type: 'land'; land: LandCells } | { type: 'failed'; message: string }) => {
      void worker.terminate();
      if (message.type === 'land') resolve(message.land);
      else reject(new Error(message.message));
    });
    worker.once('error', (error) => {
      void worker.terminate();
      reject(error);
    });
    const request: LandCellsRequest = { type: 'land', lat, lon, resolution };
    worker.postMessage(request);
  });
}
