/**
 * Shape metrics per territory: area, contiguity, compactness, boundary length and
 * the distances a rep travels from home. Everything is computed in one walk over the
 * cells and edges of the study area, whatever the number of territories.
 */
import { EARTH_RADIUS_KM } from '../geo/great-circle';

export interface ShapeInput {
  /** territory id per cell, -1 = unassigned */
  territoryOfCell: Int32Array;
  /** CSR edge adjacency of the study area */
  offsets: Int32Array;
  neighbors: Int32Array;
  /** cell centroids, degrees */
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  /** cell areas in km² */
  areaKm2: ArrayLike<number>;
  /** accounts per cell (weights for distances) */
  cellAccounts: ArrayLike<number>;
  /** component id per cell of the study area itself (islands), e.g. from connectedComponents */
  studyComponent: Int32Array;
  /** territories to report, in output order */
  territoryIds: readonly number[];
  /** rep home per territory id (absent/null = vacant territory) */
  homes: ReadonlyMap<number, { lat: number; lon: number } | null>;
}

export interface TerritoryShape {
  territoryId: number;
  areaKm2: number;
  /** connected pieces of the territory over the adjacency graph */
  pieces: number;
  /** pieces beyond one per study-area component the territory touches (islands don't count); 0 = contiguous */
  contiguityBreaks: number;
  /** Polsby–Popper normalised by the most compact hex blob of the same cell count: (Pmin(n)/P)², in (0,1]; null when the territory has no cells */
  compactness: number | null;
  /** boundary edges: hex sides of the territory's cells not shared with a cell of the same territory */
  boundaryEdges: number;
  /** account-weighted mean great-circle distance (km) from the rep's home to the cell centroids; null without a home or without accounts */
  meanDistanceKm: number | null;
  /** max great-circle distance (km) from the home to a territory cell holding at least one account; null likewise */
  maxDistanceKm: number | null;
  /**
   * great-circle distance (km) from the rep's home to the nearest centre of the territory's
   * cells: at most about a cell's radius when the home lies inside the territory, more when
   * the territory lies away from its rep; null without a home or without cells
   */
  homeGapKm: number | null;
}

/**
 * Whether the rep's home lies outside the territory: further from every cell centre than
 * the circumradius of a regular hexagon of the territory's mean cell area, with a fifth to
 * spare for cells of unequal size (a home inside is at most that far from its cell's centre).
 */
export function homeOutside(shape: Pick<TerritoryShape, 'homeGapKm' | 'areaKm2'> & { cells: number }): boolean {
  if (shape.homeGapKm === null || shape.cells === 0) return false;
  const circumradius = Math.sqrt((2 * (shape.areaKm2 / shape.cells)) / (3 * Math.sqrt(3)));
  return shape.homeGapKm > 1.2 * circumradius;
}

const RAD = Math.PI / 180;
/** Every cell is treated as a hexagon (H3 pentagons are rare enough to ignore). */
const HEX_SIDES = 6;
/** Largest territory id served by a dense id → row array; larger ids fall back to a Map. */
const DENSE_ID_LIMIT = 1 << 20;

/** Running sums per reported territory (one slot per distinct id). */
interface Accumulators {
  cells: Int32Array;
  area: Float64Array;
  pieces: Int32Array;
  components: Int32Array;
  boundary: Int32Array;
  accounts: Float64Array;
  weightedDistance: Float64Array;
  maxDistance: Float64Array;
  /** least haversine term from the home to a cell centre */
  nearestHaversine: Float64Array;
}

/** A rep home in the form the distance loop wants: radians plus the cosine of the latitude. */
interface HomeRad {
  lat: number;
  lon: number;
  cosLat: number;
}

/**
 * Computes the shape metrics of each territory in `input.territoryIds`. Cells whose
 * territory is not listed are ignored (they count as "other territory" for boundaries).
 * @param input assignment, study-area graph and per-cell attributes (see {@link ShapeInput})
 * @returns one row per entry of `territoryIds`, in the same order
 * @throws RangeError when the per-cell arrays do not match the number of cells
 */
export function territoryShapes(input: ShapeInput): TerritoryShape[] {
  checkLengths(input);
  const { rowOfId, rowOfCell, rowCount } = indexRows(input.territoryIds, input.territoryOfCell);
  const homes = homesByRow(input, rowOfId, rowCount);
  const sums = walkTerritories(input, rowOfCell, rowCount, homes);
  return input.territoryIds.map((id) => toShape(id, sums, rowOfId.get(id)!, homes));
}

/**
 * Minimal perimeter, in hex sides, of any polyomino of n hexagons: 2⌈√(12n − 3)⌉
 * (Harary & Harborth), e.g. 6 for one cell, 18 for a 7-cell flower.
 * @param n number of cells, a non-negative integer
 * @returns the minimal perimeter; 0 for n = 0
 * @throws RangeError when n is negative or not an integer
 */
export function minimalHexPerimeter(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Cell count ${n} is not a non-negative integer.`);
  return n === 0 ? 0 : 2 * Math.ceil(Math.sqrt(12 * n - 3));
}

/**
 * The haversine h = sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2) from a home given in radians (with
 * its latitude's cosine precomputed) to a point given in degrees: the inner-loop form of
 * `greatCircleKm` (geo/great-circle), which is `kmOfHaversine(h)`. It grows with the distance.
 */
function haversineTerm(phi1: number, lambda1: number, cosPhi1: number, lat2: number, lon2: number): number {
  const phi2 = lat2 * RAD;
  const sinDPhi = Math.sin((phi2 - phi1) / 2);
  const sinDLambda = Math.sin((lon2 * RAD - lambda1) / 2);
  return sinDPhi * sinDPhi + cosPhi1 * Math.cos(phi2) * sinDLambda * sinDLambda;
}

const kmOfHaversine = (h: number) => 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));

/**
 * Rejects inputs whose per-cell arrays are shorter than the assignment or whose CSR
 * offsets do not describe one row per cell.
 * @throws RangeError on a mismatch
 */
function checkLengths(input: ShapeInput): void {
  const n = input.territoryOfCell.length;
  if (input.offsets.length !== n + 1) {
    throw new RangeError(`offsets has ${input.offsets.length} entries; expected ${n + 1}.`);
  }
  const { lat, lon, areaKm2, cellAccounts, studyComponent } = input;
  for (const [name, values] of Object.entries({ lat, lon, areaKm2, cellAccounts, studyComponent })) {
    if (values.length < n) throw new RangeError(`${name} has ${values.length} entries; expected ${n}.`);
  }
}

/**
 * Gives each distinct reported territory id a row (0, 1, …) and labels every cell with
 * its territory's row, -1 for unassigned cells and territories not reported.
 * @param territoryIds territories to report (duplicates share a row)
 * @param territoryOfCell territory id per cell
 * @returns id → row, row per cell and the number of rows
 */
function indexRows(
  territoryIds: readonly number[],
  territoryOfCell: Int32Array,
): { rowOfId: Map<number, number>; rowOfCell: Int32Array; rowCount: number } {
  const rowOfId = new Map<number, number>();
  let maxId = -1;
  for (const id of territoryIds) {
    if (rowOfId.has(id)) continue;
    rowOfId.set(id, rowOfId.size);
    if (Number.isInteger(id) && id > maxId) maxId = id;
  }
  const rowOfCell = new Int32Array(territoryOfCell.length);
  if (maxId < DENSE_ID_LIMIT) {
    const dense = new Int32Array(maxId + 1).fill(-1);
    for (const [id, row] of rowOfId) if (Number.isInteger(id) && id >= 0) dense[id] = row;
    for (let i = 0; i < territoryOfCell.length; i++) {
      const id = territoryOfCell[i]!;
      rowOfCell[i] = id >= 0 && id <= maxId ? dense[id]! : -1;
    }
  } else {
    for (let i = 0; i < territoryOfCell.length; i++) {
      const id = territoryOfCell[i]!;
      rowOfCell[i] = id >= 0 ? (rowOfId.get(id) ?? -1) : -1;
    }
  }
  return { rowOfId, rowOfCell, rowCount: rowOfId.size };
}

/**
 * Looks up each row's rep home once, converted for the distance loop.
 * @returns home per row; null for a vacant territory
 */
function homesByRow(input: ShapeInput, rowOfId: ReadonlyMap<number, number>, rowCount: number): (HomeRad | null)[] {
  const homes = new Array<HomeRad | null>(rowCount).fill(null);
  for (const [id, row] of rowOfId) {
    const home = input.homes.get(id);
    if (!home) continue;
    const lat = home.lat * RAD;
    homes[row] = { lat, lon: home.lon * RAD, cosLat: Math.cos(lat) };
  }
  return homes;
}

/**
 * The single pass: a breadth-first search over each territory's own cells labels its
 * pieces while every visited cell adds its area, boundary sides and account distances.
 * Each cell and each edge is looked at once.
 * @returns the running sums per row
 */
function walkTerritories(input: ShapeInput, rowOfCell: Int32Array, rowCount: number, homes: readonly (HomeRad | null)[]): Accumulators {
  const { offsets, neighbors, lat, lon, areaKm2, cellAccounts, studyComponent } = input;
  const n = rowOfCell.length;
  const sums: Accumulators = {
    cells: new Int32Array(rowCount),
    area: new Float64Array(rowCount),
    pieces: new Int32Array(rowCount),
    components: new Int32Array(rowCount),
    boundary: new Int32Array(rowCount),
    accounts: new Float64Array(rowCount),
    weightedDistance: new Float64Array(rowCount),
    maxDistance: new Float64Array(rowCount),
    nearestHaversine: new Float64Array(rowCount).fill(Infinity),
  };
  const seenComponent = new ComponentSet();
  const visited = new Uint8Array(n);
  const queue = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    const row = rowOfCell[start]!;
    if (row < 0 || visited[start]) continue;
    sums.pieces[row]!++;
    const pieceComponent = studyComponent[start]!;
    if (seenComponent.add(row, pieceComponent)) sums.components[row]!++;
    const home = homes[row] ?? null;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    visited[start] = 1;
    while (head < tail) {
      const v = queue[head++]!;
      const component = studyComponent[v]!;
      // A piece lies in one study component unless the labels disagree with the graph.
      if (component !== pieceComponent && seenComponent.add(row, component)) sums.components[row]!++;
      sums.cells[row]!++;
      sums.area[row]! += areaKm2[v]!;
      let same = 0;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = neighbors[e]!;
        if (rowOfCell[w] !== row) continue;
        same++;
        if (!visited[w]) {
          visited[w] = 1;
          queue[tail++] = w;
        }
      }
      // Clamped so a malformed graph (more than six neighbours) cannot shrink the perimeter.
      sums.boundary[row]! += Math.max(0, HEX_SIDES - same);
      const accounts = cellAccounts[v]!;
      if (home) {
        const h = haversineTerm(home.lat, home.lon, home.cosLat, lat[v]!, lon[v]!);
        if (h < sums.nearestHaversine[row]!) sums.nearestHaversine[row] = h;
        if (accounts > 0) {
          const d = kmOfHaversine(h);
          sums.accounts[row]! += accounts;
          sums.weightedDistance[row]! += accounts * d;
          if (d > sums.maxDistance[row]!) sums.maxDistance[row] = d;
        }
      }
    }
  }
  return sums;
}

/** Distinct (row, study component) pairs met so far. */
class ComponentSet {
  private readonly keys = new Set<number>();

  /** @returns true when the pair is new */
  add(row: number, component: number): boolean {
    // Rows stay far below 2^21, so the key is an exact integer below 2^53.
    const key = row * 4294967296 + (component >>> 0);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}

/**
 * Turns one row's sums into the reported shape.
 * @param id the territory id to report
 * @param row the id's row in the sums
 */
function toShape(id: number, sums: Accumulators, row: number, homes: readonly (HomeRad | null)[]): TerritoryShape {
  const cells = sums.cells[row]!;
  const boundaryEdges = sums.boundary[row]!;
  const pieces = sums.pieces[row]!;
  const accounts = sums.accounts[row]!;
  const hasDistances = homes[row] != null && accounts > 0;
  return {
    territoryId: id,
    areaKm2: sums.area[row]!,
    pieces,
    contiguityBreaks: pieces - sums.components[row]!,
    compactness: compactness(cells, boundaryEdges),
    boundaryEdges,
    meanDistanceKm: hasDistances ? sums.weightedDistance[row]! / accounts : null,
    maxDistanceKm: hasDistances ? sums.maxDistance[row]! : null,
    homeGapKm: homes[row] != null && cells > 0 ? kmOfHaversine(sums.nearestHaversine[row]!) : null,
  };
}

/**
 * Polsby–Popper on the hex grid: (Pmin(n) / P)², capped at 1.
 * @param cells number of cells n
 * @param perimeter boundary sides P
 * @returns a value in (0, 1]; null for an empty territory
 */
function compactness(cells: number, perimeter: number): number | null {
  if (cells === 0) return null;
  if (perimeter <= 0) return 1;
  return Math.min(1, (minimalHexPerimeter(cells) / perimeter) ** 2);
}
