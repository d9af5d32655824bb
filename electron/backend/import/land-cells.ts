import { cellArea, cellToLatLng, polygonToCellsExperimental, POLYGON_TO_CELLS_FLAGS } from 'h3-js';
import { clipPolygonToBox, inBox, wholeDegreeBox, widenBox, type Box } from '../../../shared/domain/geo/clip-to-box';
import { cellBits, readCellBits } from '../../../shared/domain/h3/cell-bits';
import { LandPoints } from './land-for-points';

/** Land is taken within the records' bounding box widened by this share of its span … */
const MARGIN_SHARE = 0.25;
/** … and by at least this many degrees. */
const MIN_MARGIN_DEG = 1;
/**
 * A land part holding less than this share of the records (points that spill over a
 * border at 1:50m, a few accounts abroad) gives only the land near its own records.
 */
const SPILL_SHARE = 0.002;

/** The land cells for a set of points, with their centres and areas, and the countries / states they come from. */
export interface LandCells {
  /** The cells of each land part taken, part after part (a cell may repeat). */
  cells: string[];
  /** Centre of each cell, degrees. */
  lat: Float64Array;
  lon: Float64Array;
  /** Area of each cell, km². */
  areaKm2: Float64Array;
  places: string[];
}

/** The cells of one land piece whose centres lie in a whole-degree box, with their centres and areas. */
interface PieceCells {
  box: Box;
  cells: string[];
  lat: Float64Array;
  lon: Float64Array;
  areaKm2: Float64Array;
}

/**
 * The cells of the land of the countries (US: states) the points fall in whose centres
 * lie within the points' bounding box widened by a margin (a land part holding only a
 * few points: near those points); see `landForPoints`.
 */
export function landCells(lat: ArrayLike<number>, lon: ArrayLike<number>, resolution: number): LandCells {
  const builder = new LandCellsBuilder(resolution);
  builder.add(lat, lon);
  return builder.result();
}

/**
 * {@link landCells} of points given a batch at a time, as a file is read. Between
 * batches, {@link prefetch} covers the land pieces that hold many points with cells for
 * the box they would have now, rounded out to whole degrees; the result only filters
 * those by the final box, so the polygon filling (most of the work) is done while the
 * file is still being read. The result does not depend on how the points were batched.
 */
export class LandCellsBuilder {
  private readonly points = new LandPoints();
  /** Cells of each piece for the whole-degree box last asked for. */
  private readonly covered = new Map<number, PieceCells>();

  constructor(private readonly resolution: number) {}

  add(lat: ArrayLike<number>, lon: ArrayLike<number>): void {
    const n = Math.min(lat.length, lon.length);
    for (let i = 0; i < n; i++) this.points.add(lat[i]!, lon[i]!);
  }

  /** Covers the pieces chosen now that are not spill pieces, for their boxes now. */
  prefetch(): void {
    const overall = this.overallBox();
    if (!overall) return;
    for (const k of this.points.chosen().pieces) {
      if (!this.isSpill(k)) this.cover(k, wholeDegreeBox(overall));
    }
  }

  result(): LandCells {
    const { pieces, places } = this.points.chosen();
    const overall = this.overallBox();
    const cells: string[] = [];
    const lat: number[] = [];
    const lon: number[] = [];
    const area: number[] = [];
    if (overall) {
      for (const k of pieces) {
        const box = this.isSpill(k) ? this.spillBox(k) : overall;
        const covered = this.cover(k, wholeDegreeBox(box));
        for (let c = 0; c < covered.cells.length; c++) {
          if (!inBox(box, covered.lat[c]!, covered.lon[c]!)) continue;
          cells.push(covered.cells[c]!);
          lat.push(covered.lat[c]!);
          lon.push(covered.lon[c]!);
          area.push(covered.areaKm2[c]!);
        }
      }
    }
    return { cells, lat: Float64Array.from(lat), lon: Float64Array.from(lon), areaKm2: Float64Array.from(area), places };
  }

  private overallBox(): Box | null {
    return widenBox(this.points.box, MARGIN_SHARE, MIN_MARGIN_DEG);
  }

  /** A piece holding some points, but fewer than the spill share of all. */
  private isSpill(k: number): boolean {
    const { count } = this.points.pointsIn(k);
    return count > 0 && count < SPILL_SHARE * this.points.count;
  }

  private spillBox(k: number): Box {
    return widenBox(this.points.pointsIn(k), MARGIN_SHARE, MIN_MARGIN_DEG)!;
  }

  /** The cells of piece k whose centres lie in a whole-degree box (computed once per piece and box). */
  private cover(k: number, box: Box): PieceCells {
    const known = this.covered.get(k);
    if (known && known.box.south === box.south && known.box.north === box.north && known.box.west === box.west && known.box.east === box.east) return known;
    const clipped = clipPolygonToBox(this.points.piece(k), box);
    const cells = clipped ? polygonToCellsExperimental(clipped, this.resolution, POLYGON_TO_CELLS_FLAGS.containmentCenter, true) : [];
    const lat = new Float64Array(cells.length);
    const lon = new Float64Array(cells.length);
    const areaKm2 = new Float64Array(cells.length);
    for (let c = 0; c < cells.length; c++) {
      // h3-js takes a cell as its [lower, upper] halves too, which spares it parsing the text.
      const cell = readCellBits(cells[c]!) ? [cellBits.lo >>> 0, cellBits.hi] : cells[c]!;
      const [la, lo] = cellToLatLng(cell);
      lat[c] = la;
      lon[c] = lo;
      areaKm2[c] = cellArea(cell, 'km2');
    }
    const entry = { box, cells, lat, lon, areaKm2 };
    this.covered.set(k, entry);
    return entry;
  }
}
