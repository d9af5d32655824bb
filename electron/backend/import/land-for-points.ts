import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { createRequire } from 'node:module';
import type { PolygonCoords } from '../../../shared/domain/h3/build-study-area';
import { createPolygonIndex, splitAtAntimeridian, type PolygonIndex } from '../../../shared/domain/geo/point-in-polygon';

/** world-atlas id of the United States, which is taken state by state from us-atlas instead. */
const USA = '840';

/**
 * The bundled boundaries cut into parts (each Polygon of a MultiPolygon), each part cut
 * at the antimeridian into pieces, with the pieces indexed for point lookups.
 */
interface Land {
  /** Country or state name per feature. */
  names: string[];
  /** Feature of each part. */
  partFeature: Int32Array;
  /** Part of each piece; the pieces of a part are consecutive. */
  piecePart: Int32Array;
  pieces: PolygonCoords[];
  /** [west, south, east, north] of each piece, 4 numbers a piece. */
  pieceBox: Float64Array;
  index: PolygonIndex;
}

let cached: Land | null = null;

/**
 * Loads the land once: the US states and territories of us-atlas (Census 1:10m), then
 * every other country of world-atlas (Natural Earth 1:50m). States come first, so where
 * the two sources overlap at a border the state wins.
 */
function loadLand(): Land {
  if (cached) return cached;
  // Required on first use: parsing the boundaries (2 MB of JSON) costs every process that never places a point.
  const require = createRequire(import.meta.url);
  const us = require('us-atlas/states-10m.json') as Topology<{ states: GeometryCollection }>;
  const world = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const features = [
    ...feature(us, us.objects.states).features,
    ...feature(world, world.objects.countries).features.filter((f) => String(f.id) !== USA),
  ];
  const names: string[] = [];
  const partFeature: number[] = [];
  const piecePart: number[] = [];
  const pieces: PolygonCoords[] = [];
  for (const f of features) {
    const g = f.geometry as Polygon | MultiPolygon | null;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const name = String((f.properties as { name?: unknown } | null)?.name ?? f.id ?? '');
    names.push(name);
    for (const part of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      for (const piece of splitAtAntimeridian(part)) {
        pieces.push(piece);
        piecePart.push(partFeature.length);
      }
      partFeature.push(names.length - 1);
    }
  }
  const pieceBox = new Float64Array(pieces.length * 4);
  pieces.forEach((piece, k) => {
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of piece[0] ?? []) {
      box[0] = Math.min(box[0]!, x!);
      box[1] = Math.min(box[1]!, y!);
      box[2] = Math.max(box[2]!, x!);
      box[3] = Math.max(box[3]!, y!);
    }
    pieceBox.set(box, k * 4);
  });
  cached = {
    names,
    partFeature: Int32Array.from(partFeature),
    piecePart: Int32Array.from(piecePart),
    pieces,
    pieceBox,
    index: createPolygonIndex(pieces),
  };
  return cached;
}

/**
 * The land of the region a set of points lies in, from the bundled boundaries: for each
 * country (in the United States: each state or territory) holding at least one point,
 * the parts (islands, exclaves) that hold a point, plus the parts whose bounding box
 * meets the bounding box of that country's points. So points around Paris give
 * mainland France (not French Guiana or Réunion), and points spread over Indonesia give
 * the islands between them too. Every point is looked up (about 0.2 s per million).
 *
 * Points in no polygon (at sea, or on islets missing at 1:50m) and NaN coordinates are
 * ignored: the caller adds the cells of the points themselves.
 *
 * @param lat latitude per point, degrees
 * @param lon longitude per point, degrees
 * @returns `polygons`: the parts chosen, cut at the antimeridian (each lies within lon
 * −180 … 180, ready for h3-js `polygonToCells`), in data order (states first), shared
 * with a module cache (do not modify);
 * `places`: the names of the countries and states used, sorted;
 * `polygonOfPoint`: per point, the index in `polygons` of the first one holding it
 * (what `createPolygonIndex(polygons).find` answers), −1 for none
 */
export function landForPoints(lat: ArrayLike<number>, lon: ArrayLike<number>): { polygons: PolygonCoords[]; places: string[]; polygonOfPoint: Int32Array } {
  const points = new LandPoints();
  const n = Math.min(lat.length, lon.length);
  const pieceOfPoint = new Int32Array(n);
  for (let i = 0; i < n; i++) pieceOfPoint[i] = points.add(lat[i]!, lon[i]!);
  const { pieces, places } = points.chosen();
  const polygonOfPiece = new Int32Array(points.pieceCount).fill(-1);
  pieces.forEach((k, p) => (polygonOfPiece[k] = p));
  // The first piece holding a point is taken (its part holds a point), and no piece
  // before it holds the point: so it is also the first of `polygons` holding it.
  const polygonOfPoint = pieceOfPoint.map((piece) => (piece < 0 ? -1 : polygonOfPiece[piece]!));
  return { polygons: pieces.map((k) => points.piece(k)), places, polygonOfPoint };
}

/**
 * The points of {@link landForPoints} taken one at a time (as a file is read), with
 * what each land piece holds: how many points, and their box.
 */
export class LandPoints {
  private readonly land = loadLand();
  private readonly hasPoint: Uint8Array;
  /** Bounding box of the points in each feature: west, south, east, north. */
  private readonly featureBox: Float64Array;
  /** Points per piece, and their box (south, north, west, east). */
  private readonly piecePoints: Uint32Array;
  private readonly piecePointBox: Float64Array;
  /** All points added, those on no land included. */
  count = 0;
  /** The box of all points added. */
  readonly box = { south: Infinity, north: -Infinity, west: Infinity, east: -Infinity };

  constructor() {
    const { land } = this;
    this.hasPoint = new Uint8Array(land.partFeature.length);
    this.featureBox = new Float64Array(land.names.length * 4);
    for (let f = 0; f < land.names.length; f++) this.featureBox.set([Infinity, Infinity, -Infinity, -Infinity], f * 4);
    this.piecePoints = new Uint32Array(land.pieces.length);
    this.piecePointBox = new Float64Array(land.pieces.length * 4);
    for (let k = 0; k < land.pieces.length; k++) this.piecePointBox.set([Infinity, -Infinity, Infinity, -Infinity], k * 4);
  }

  get pieceCount(): number {
    return this.land.pieces.length;
  }

  piece(k: number): PolygonCoords {
    return this.land.pieces[k]!;
  }

  /** Points in piece k, and their box. */
  pointsIn(k: number): { count: number; south: number; north: number; west: number; east: number } {
    const b = this.piecePointBox;
    return { count: this.piecePoints[k]!, south: b[k * 4]!, north: b[k * 4 + 1]!, west: b[k * 4 + 2]!, east: b[k * 4 + 3]! };
  }

  /** Adds a point; returns the first piece holding it, −1 for none. */
  add(y: number, x: number): number {
    const { land, box } = this;
    this.count++;
    if (y < box.south) box.south = y;
    if (y > box.north) box.north = y;
    if (x < box.west) box.west = x;
    if (x > box.east) box.east = x;
    const piece = land.index.find(x, y);
    if (piece < 0) return piece;
    const part = land.piecePart[piece]!;
    this.hasPoint[part] = 1;
    const f = this.featureBox;
    const b = land.partFeature[part]! * 4;
    if (x < f[b]!) f[b] = x;
    if (y < f[b + 1]!) f[b + 1] = y;
    if (x > f[b + 2]!) f[b + 2] = x;
    if (y > f[b + 3]!) f[b + 3] = y;
    this.piecePoints[piece]!++;
    const q = this.piecePointBox;
    const p = piece * 4;
    if (y < q[p]!) q[p] = y;
    if (y > q[p + 1]!) q[p + 1] = y;
    if (x < q[p + 2]!) q[p + 2] = x;
    if (x > q[p + 3]!) q[p + 3] = x;
    return piece;
  }

  /** The pieces chosen for the points so far (in data order), and the names of their countries and states, sorted. */
  chosen(): { pieces: number[]; places: string[] } {
    const { land, featureBox } = this;
    // A part is taken when it holds a point or one of its pieces meets its feature's box.
    const take = Uint8Array.from(this.hasPoint);
    for (let k = 0; k < land.pieces.length; k++) {
      const part = land.piecePart[k]!;
      if (take[part]) continue;
      const b = land.partFeature[part]! * 4;
      const p = k * 4;
      const box = land.pieceBox;
      if (box[p]! <= featureBox[b + 2]! && box[p + 2]! >= featureBox[b]! && box[p + 1]! <= featureBox[b + 3]! && box[p + 3]! >= featureBox[b + 1]!) {
        take[part] = 1;
      }
    }
    const pieces: number[] = [];
    const places = new Set<string>();
    for (let k = 0; k < land.pieces.length; k++) {
      const part = land.piecePart[k]!;
      if (!take[part]) continue;
      pieces.push(k);
      places.add(land.names[land.partFeature[part]!]!);
    }
    return { pieces, places: [...places].sort((a, b) => a.localeCompare(b, 'en')) };
  }
}
