/** Pure geometry for the print composer: Web Mercator fitting, scale bars, paper sizes. */

export type Bounds = [west: number, south: number, east: number, north: number];

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Web Mercator's latitude limit (the square world). */
export const MAX_MERCATOR_LAT = 85.0511287798066;
/** Metres around the equator (WGS84 semi-major axis × 2π), the Web Mercator world width. */
export const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6378137;

/** Longitude → Mercator world x in [0, 1] (unbounded outside ±180°). */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

/** Latitude → Mercator world y in [0, 1], 0 at the north edge. */
export function mercatorY(lat: number): number {
  const phi = (Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * Math.PI) / 180;
  return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}

function inverseMercatorY(y: number): number {
  return (Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) * 360) / Math.PI - 90;
}

export interface MercatorFit {
  /** Pixels per Mercator world unit (the world is 1 × 1). */
  scale: number;
  /** Centre of the frame, degrees (the longitude may lie outside ±180 for bounds across the antimeridian). */
  centerLon: number;
  centerLat: number;
  /** The frame the bounds were fitted into. */
  frame: Frame;
  /** What the frame shows, [west, south, east, north]; west < east, possibly beyond ±180. */
  visible: Bounds;
  /** Pixel x of a longitude (linear; pass a longitude unwrapped near `centerLon`). */
  x(lon: number): number;
  /** Pixel y of a latitude. */
  y(lat: number): number;
  project(lon: number, lat: number): [number, number];
  unproject(x: number, y: number): [number, number];
  /** Ground metres per pixel at a latitude (the centre's by default). */
  metersPerPx(lat?: number): number;
}

/**
 * Fits `bounds` into `frame` in Web Mercator, keeping the aspect and centring: the frame
 * shows at least the bounds, the spare direction shows more map. Bounds with west > east
 * cross the antimeridian. `padding` (px) is kept free on every side.
 */
export function fitMercator(bounds: Bounds, frame: Frame, padding = 0): MercatorFit {
  const [west, south, east0, north] = bounds;
  const east = east0 < west ? east0 + 360 : east0;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const yTop = mercatorY(Math.max(south, north));
  const yBottom = mercatorY(Math.min(south, north));
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(yBottom - yTop, 1e-9);
  const innerW = Math.max(frame.width - 2 * padding, 1);
  const innerH = Math.max(frame.height - 2 * padding, 1);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const cx = (x0 + x1) / 2;
  const cy = (yTop + yBottom) / 2;
  const px = frame.x + frame.width / 2;
  const py = frame.y + frame.height / 2;
  const x = (lon: number) => px + (mercatorX(lon) - cx) * scale;
  const y = (lat: number) => py + (mercatorY(lat) - cy) * scale;
  const unproject = (sx: number, sy: number): [number, number] => [
    (cx + (sx - px) / scale) * 360 - 180,
    inverseMercatorY(cy + (sy - py) / scale),
  ];
  const [vw, vn] = unproject(frame.x, frame.y);
  const [ve, vs] = unproject(frame.x + frame.width, frame.y + frame.height);
  const centerLon = cx * 360 - 180;
  const centerLat = inverseMercatorY(cy);
  return {
    scale,
    centerLon,
    centerLat,
    frame,
    visible: [vw, vs, ve, vn],
    x,
    y,
    project: (lon, lat) => [x(lon), y(lat)],
    unproject,
    metersPerPx: (lat = centerLat) => (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / scale,
  };
}

/** The largest 1, 2 or 5 × 10^n not above `value` (value > 0). */
export function niceBelow(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const m = value / power;
  // A hair of tolerance so that 5 × 10^n computed as 4.9999… still counts as 5.
  const nice = m >= 5 - 1e-9 ? 5 : m >= 2 - 1e-9 ? 2 : 1;
  return nice * power;
}

export interface ScaleLength {
  /** Ground length of the bar, metres. */
  meters: number;
  /** On-page length of the bar, pixels (≤ maxPx). */
  px: number;
  /** The length in its unit, e.g. 200 (km), 500 (m), 50 (mi), 0.5 (mi), 2000 (ft). */
  value: number;
  unit: 'km' | 'm' | 'mi' | 'ft';
  /** e.g. "200 km", "500 m". */
  label: string;
}

function formatValue(v: number): string {
  // 0.1 + 0.2 style noise never reaches here (nice values), but trim float tails anyway.
  return String(Number(v.toPrecision(6)));
}

/** A metric scale bar: the longest 1/2/5 × 10^n km (or m under 1 km) that fits in `maxPx`. */
export function niceScaleLength(metersPerPx: number, maxPx: number): ScaleLength {
  const meters = niceBelow(metersPerPx * maxPx);
  const km = meters >= 1000;
  const value = km ? meters / 1000 : meters;
  const unit = km ? 'km' : 'm';
  return { meters, px: meters / metersPerPx, value, unit, label: `${formatValue(value)} ${unit}` };
}

export const METERS_PER_MILE = 1609.344;
export const METERS_PER_FOOT = 0.3048;

/** An imperial scale bar: the longest 1/2/5 × 10^n miles (down to 0.1 mi, then feet) that fits in `maxPx`. */
export function niceScaleLengthMiles(metersPerPx: number, maxPx: number): ScaleLength {
  const maxMeters = metersPerPx * maxPx;
  const miles = niceBelow(maxMeters / METERS_PER_MILE);
  if (miles >= 0.1 - 1e-12) {
    const meters = miles * METERS_PER_MILE;
    return { meters, px: meters / metersPerPx, value: miles, unit: 'mi', label: `${formatValue(miles)} mi` };
  }
  const feet = niceBelow(maxMeters / METERS_PER_FOOT);
  const meters = feet * METERS_PER_FOOT;
  return { meters, px: meters / metersPerPx, value: feet, unit: 'ft', label: `${formatValue(feet)} ft` };
}

/** Paper sizes in millimetres, portrait (width < height). */
export const PAPER_SIZES = {
  A4: { widthMm: 210, heightMm: 297 },
  A3: { widthMm: 297, heightMm: 420 },
  Letter: { widthMm: 215.9, heightMm: 279.4 },
  Legal: { widthMm: 215.9, heightMm: 355.6 },
  Tabloid: { widthMm: 279.4, heightMm: 431.8 },
} as const satisfies Record<string, { widthMm: number; heightMm: number }>;

export type PaperName = keyof typeof PAPER_SIZES;
export type Orientation = 'portrait' | 'landscape';

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;

export interface PagePixels {
  widthPx: number;
  heightPx: number;
  /** PDF page size in points (1/72 in), rounded to 0.01 pt. */
  widthPt: number;
  heightPt: number;
}

/** Pixel and point size of a paper at a resolution, e.g. A4 landscape at 300 dpi = 3508 × 2480 px, 841.89 × 595.28 pt. */
export function pagePixels(paper: PaperName | { widthMm: number; heightMm: number }, orientation: Orientation, dpi: number): PagePixels {
  const size = typeof paper === 'string' ? PAPER_SIZES[paper] : paper;
  const short = Math.min(size.widthMm, size.heightMm);
  const long = Math.max(size.widthMm, size.heightMm);
  const [wMm, hMm] = orientation === 'landscape' ? [long, short] : [short, long];
  const pt = (mm: number) => Math.round(((mm / MM_PER_INCH) * PT_PER_INCH) * 100) / 100;
  return {
    widthPx: Math.round((wMm / MM_PER_INCH) * dpi),
    heightPx: Math.round((hMm / MM_PER_INCH) * dpi),
    widthPt: pt(wMm),
    heightPt: pt(hMm),
  };
}
