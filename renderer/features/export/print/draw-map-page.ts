import { cellToBoundary } from 'h3-js';
import type { Geometry, Position } from 'geojson';
import type { Rgba } from '../../../map/color';
import type { Basemap } from '../../../map/basemap-data';
import type { LegendItem, MapPage } from './print-types';
import { fitMercator, niceScaleLength, niceScaleLengthMiles, type Frame, type MercatorFit } from './print-geometry';

/**
 * The exported map page drawn with Canvas 2D at print resolution: title, map frame
 * (basemap, cells in their on-screen colours, territory outlines, accounts, rep homes,
 * labels, scale bar, north arrow), legend and footer. Everything is sized in points or
 * millimetres, so the page looks the same at any dpi.
 */

export const PRINT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", "DejaVu Sans", sans-serif';

/** Colours of the print page, matching the app's map and styles. */
export const PRINT_COLORS = {
  ink: '#1f2328',
  muted: '#656d76',
  rule: '#d8dee4',
  frame: '#3d444d',
  water: '#dce8f2',
  land: 'rgb(244,241,234)',
  countryLine: 'rgb(150,150,150)',
  stateLine: 'rgba(90,90,90,0.43)',
  outline: 'rgba(40,40,40,0.86)',
  repHome: '#212529',
  label: '#141414',
} as const;

type Ctx = CanvasRenderingContext2D;
type LayerCtx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

interface Units {
  pt: number;
  mm: number;
}

function units(dpi: number): Units {
  return { pt: dpi / 72, mm: dpi / 25.4 };
}

function font(u: Units, sizePt: number, weight: number | string = 400): string {
  return `${weight} ${(sizePt * u.pt).toFixed(2)}px ${PRINT_FONT}`;
}

export function rgbaCss(c: Rgba, alpha = c[3] / 255): string {
  return `rgba(${c[0]},${c[1]},${c[2]},${Math.round(alpha * 1000) / 1000})`;
}

/** `text` cut with an ellipsis so it fits `maxWidth` in the context's current font. */
export function ellipsize(ctx: Pick<Ctx, 'measureText'>, text: string, maxWidth: number): string {
  if (maxWidth <= 0) return '';
  if (ctx.measureText(text).width <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(chars.slice(0, mid).join('').trimEnd() + '…').width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '…' : chars.slice(0, lo).join('').trimEnd() + '…';
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const LETTER = /\p{L}/u;

/**
 * The direction of a text by its first strong character (like HTML's dir="auto"),
 * `fallback` when it has none (figures, signs): keeps "-7.7 %" or a Latin date reading
 * left to right on a right-to-left page.
 */
export function textDir(text: string, fallback: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
  }
  return fallback;
}

// ---------------------------------------------------------------- layout

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface LegendSymbol {
  kind: 'rep' | 'account';
  label: string;
}

interface LegendPlan extends Box {
  title: string;
  cols: number;
  rows: number;
  colW: number;
  colGap: number;
  pad: number;
  titleH: number;
  itemH: number;
  symbolH: number;
  /** Items drawn (the first `shown`), and how many are summed up as "+ N more". */
  shown: number;
  more: number;
  hasDetail: boolean;
  symbols: LegendSymbol[];
}

export interface MapPageLayout {
  margin: number;
  header: Box;
  frame: Frame;
  legend: LegendPlan | null;
  footer: Box;
}

const LEGEND = { titlePt: 9, labelPt: 8, detailPt: 6.5, swatchMm: 3.4, swatchGapMm: 1.8, rowGapMm: 1.5, padMm: 2.5, colGapMm: 4 };

function planLegend(ctx: Ctx, page: MapPage, u: Units, maxW: number, maxH: number, placement: 'side' | 'bottom'): LegendPlan | null {
  const items = page.legend.items;
  const symbols: LegendSymbol[] = [];
  if (page.repHomeLabel && page.repHomes.length > 0) symbols.push({ kind: 'rep', label: page.repHomeLabel });
  if (page.accountLabel && page.accounts && page.accounts.length > 0) symbols.push({ kind: 'account', label: page.accountLabel });
  if (items.length === 0 && symbols.length === 0) return null;

  const pad = LEGEND.padMm * u.mm;
  const colGap = LEGEND.colGapMm * u.mm;
  const hasDetail = items.some((i) => i.detail);
  const labelLine = LEGEND.labelPt * 1.25 * u.pt;
  const detailLine = LEGEND.detailPt * 1.25 * u.pt;
  const rowGap = LEGEND.rowGapMm * u.mm;
  const itemH = labelLine + (hasDetail ? detailLine : 0) + rowGap;
  const symbolH = labelLine + rowGap;
  const titleH = page.legend.title ? LEGEND.titlePt * 1.3 * u.pt + 2 * u.mm : 0;
  const symbolsH = symbols.length > 0 ? 2 * u.mm + symbols.length * symbolH : 0;

  ctx.font = font(u, LEGEND.labelPt);
  let textW = 0;
  for (const item of items) textW = Math.max(textW, ctx.measureText(item.label).width);
  for (const s of symbols) textW = Math.max(textW, ctx.measureText(s.label).width);
  ctx.font = font(u, LEGEND.detailPt);
  for (const item of items) if (item.detail) textW = Math.max(textW, ctx.measureText(item.detail).width);
  ctx.font = font(u, LEGEND.titlePt, 700);
  const titleW = page.legend.title ? ctx.measureText(page.legend.title).width : 0;
  const natural = (LEGEND.swatchMm + LEGEND.swatchGapMm) * u.mm + textW + 1;
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo * u.mm, Math.min(hi * u.mm, v));

  const rowsFit = Math.max(1, Math.floor((maxH - 2 * pad - titleH - symbolsH + rowGap * 0.5) / itemH));
  const n = items.length;
  let cols: number;
  let colW: number;
  if (placement === 'side') {
    cols = n <= rowsFit ? 1 : 2;
    colW = cols === 1 ? clamp(Math.max(natural, titleW), 34, 62) : clamp(natural, 30, 46);
    const fitW = Math.min(maxW - 2 * pad, cols * colW + (cols - 1) * colGap);
    colW = (fitW - (cols - 1) * colGap) / cols;
  } else {
    colW = clamp(natural, 32, 56);
    cols = Math.max(1, Math.floor((maxW - 2 * pad + colGap) / (colW + colGap)));
    cols = Math.min(cols, Math.max(1, Math.ceil(n / Math.max(1, Math.min(rowsFit, Math.ceil(n / cols))))));
    colW = Math.min(clamp(natural, 32, 80), (maxW - 2 * pad - (cols - 1) * colGap) / cols);
  }
  const rows = n === 0 ? 0 : Math.min(rowsFit, Math.ceil(n / cols));
  const capacity = rows * cols;
  const shown = n <= capacity ? n : Math.max(0, capacity - 1);
  const innerW = placement === 'side' ? cols * colW + (cols - 1) * colGap : maxW - 2 * pad;
  const height = 2 * pad + titleH + rows * itemH - (rows > 0 ? rowGap : 0) + symbolsH;
  return {
    x: 0,
    y: 0,
    width: innerW + 2 * pad,
    height: Math.min(height, maxH),
    title: page.legend.title,
    cols,
    rows,
    colW,
    colGap,
    pad,
    titleH,
    itemH,
    symbolH,
    shown,
    more: n - shown,
    hasDetail,
    symbols,
  };
}

/** Where the page's parts go (exported for the integrator's previews and for tests). */
export function layoutMapPage(ctx: Ctx, page: MapPage): MapPageLayout {
  const u = units(page.dpi);
  const W = page.widthPx;
  const H = page.heightPx;
  const margin = Math.min(10 * u.mm, W * 0.06, H * 0.06);
  const titleH = page.title ? 15 * 1.2 * u.pt : 0;
  const subtitleH = page.subtitle ? 9.5 * 1.35 * u.pt : 0;
  const header: Box = { x: margin, y: margin, width: W - 2 * margin, height: titleH + subtitleH + (titleH + subtitleH > 0 ? 3 * u.mm : 0) };
  const footerH = page.date || page.credit ? 7 * 1.3 * u.pt + 2.5 * u.mm : 0;
  const footer: Box = { x: margin, y: H - margin - footerH, width: W - 2 * margin, height: footerH };
  const area: Box = { x: margin, y: header.y + header.height, width: W - 2 * margin, height: footer.y - header.y - header.height };
  const gap = 4 * u.mm;
  const portrait = H > W * 1.05;
  let frame: Frame = { ...area };
  let legend: LegendPlan | null = null;
  if (portrait) {
    legend = planLegend(ctx, page, u, area.width, area.height * 0.36, 'bottom');
    if (legend) {
      legend.x = area.x;
      legend.y = area.y + area.height - legend.height;
      frame = { x: area.x, y: area.y, width: area.width, height: area.height - legend.height - gap };
    }
  } else {
    legend = planLegend(ctx, page, u, Math.min(area.width * 0.42, 110 * u.mm), area.height, 'side');
    if (legend) {
      const rtl = page.direction === 'rtl';
      legend.x = rtl ? area.x : area.x + area.width - legend.width;
      legend.y = area.y;
      frame = { x: rtl ? area.x + legend.width + gap : area.x, y: area.y, width: area.width - legend.width - gap, height: area.height };
    }
  }
  return { margin, header, frame, legend, footer };
}

// ---------------------------------------------------------------- page

/** Draws the whole map page onto `ctx` (a canvas of `page.widthPx` × `page.heightPx`). */
export function drawMapPage(ctx: Ctx, page: MapPage): void {
  const u = units(page.dpi);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  ctx.direction = page.direction === 'rtl' ? 'rtl' : 'ltr';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, page.widthPx, page.heightPx);
  const layout = layoutMapPage(ctx, page);
  drawHeader(ctx, page, u, layout);
  drawMapFrame(ctx, page, u, layout.frame);
  if (layout.legend) drawLegend(ctx, page, u, layout.legend);
  drawFooter(ctx, page, u, layout);
  ctx.restore();
}

function drawHeader(ctx: Ctx, page: MapPage, u: Units, layout: MapPageLayout): void {
  const { header } = layout;
  const rtl = page.direction === 'rtl';
  const x = rtl ? header.x + header.width : header.x;
  ctx.textAlign = rtl ? 'right' : 'left';
  ctx.textBaseline = 'alphabetic';
  let y = header.y;
  if (page.title) {
    ctx.font = font(u, 15, 700);
    ctx.fillStyle = PRINT_COLORS.ink;
    y += 15 * u.pt;
    ctx.fillText(ellipsize(ctx, page.title, header.width), x, y);
    y += 15 * 0.2 * u.pt;
  }
  if (page.subtitle) {
    ctx.font = font(u, 9.5);
    ctx.fillStyle = PRINT_COLORS.muted;
    y += 9.5 * 1.15 * u.pt;
    ctx.fillText(ellipsize(ctx, page.subtitle, header.width), x, y);
  }
}

function drawFooter(ctx: Ctx, page: MapPage, u: Units, layout: MapPageLayout): void {
  const { footer } = layout;
  if (footer.height <= 0) return;
  const rtl = page.direction === 'rtl';
  ctx.font = font(u, 7);
  ctx.fillStyle = PRINT_COLORS.muted;
  ctx.textBaseline = 'alphabetic';
  const y = footer.y + footer.height - 1.5 * u.pt;
  const dateW = page.date ? Math.min(ctx.measureText(page.date).width, footer.width * 0.45) : 0;
  const creditMax = footer.width - dateW - (dateW > 0 ? 6 * u.mm : 0);
  const start = rtl ? footer.x + footer.width : footer.x;
  const end = rtl ? footer.x : footer.x + footer.width;
  if (page.date) {
    ctx.textAlign = rtl ? 'right' : 'left';
    ctx.direction = rtl ? textDir(page.date, 'ltr') : 'ltr';
    ctx.fillText(ellipsize(ctx, page.date, footer.width * 0.45), start, y);
    ctx.direction = rtl ? 'rtl' : 'ltr';
  }
  if (page.credit) {
    ctx.textAlign = rtl ? 'left' : 'right';
    ctx.fillText(ellipsize(ctx, page.credit, creditMax), end, y);
  }
}

function drawLegend(ctx: Ctx, page: MapPage, u: Units, plan: LegendPlan): void {
  const rtl = page.direction === 'rtl';
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(plan.x, plan.y, plan.width, plan.height);
  ctx.strokeStyle = PRINT_COLORS.rule;
  ctx.lineWidth = 0.6 * u.pt;
  ctx.strokeRect(plan.x, plan.y, plan.width, plan.height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = rtl ? 'right' : 'left';
  const innerX = plan.x + plan.pad;
  const innerW = plan.width - 2 * plan.pad;
  /** Start-edge x of a box [x, x + w) laid out left to right, mirrored in RTL. */
  const sx = (x: number, w: number) => (rtl ? plan.x + plan.width - (x - plan.x) - w : x);
  let y = plan.y + plan.pad;
  if (plan.title) {
    ctx.font = font(u, LEGEND.titlePt, 700);
    ctx.fillStyle = PRINT_COLORS.ink;
    const tx = sx(innerX, innerW);
    ctx.fillText(ellipsize(ctx, plan.title, innerW), rtl ? tx + innerW : tx, y + LEGEND.titlePt * u.pt);
    y += plan.titleH;
  }
  const swatch = LEGEND.swatchMm * u.mm;
  const textOff = (LEGEND.swatchMm + LEGEND.swatchGapMm) * u.mm;
  const labelLine = LEGEND.labelPt * 1.25 * u.pt;
  const items = page.legend.items;
  const drawEntry = (col: number, row: number, draw: (x: number, yTop: number, textX: number, textW: number) => void) => {
    const cx = innerX + col * (plan.colW + plan.colGap);
    const boxX = sx(cx, plan.colW);
    const yTop = y + row * plan.itemH;
    const textW = plan.colW - textOff;
    const swatchX = rtl ? boxX + plan.colW - swatch : boxX;
    const textX = rtl ? boxX + plan.colW - textOff : boxX + textOff;
    draw(swatchX, yTop, textX, textW);
  };
  const slots = plan.shown + (plan.more > 0 ? 1 : 0);
  for (let k = 0; k < slots; k++) {
    const col = Math.floor(k / plan.rows);
    const row = k % plan.rows;
    drawEntry(col, row, (swatchX, yTop, textX, textW) => {
      if (k >= plan.shown) {
        ctx.font = font(u, LEGEND.labelPt, 'italic 400');
        ctx.fillStyle = PRINT_COLORS.muted;
        const more = page.moreLabel ? page.moreLabel(plan.more) : `+ ${plan.more} more`;
        ctx.fillText(ellipsize(ctx, more, textW), textX, yTop + LEGEND.labelPt * u.pt);
        return;
      }
      const item: LegendItem = items[k]!;
      drawSwatch(ctx, u, item.color, swatchX, yTop + (labelLine - swatch) / 2 - 0.2 * u.pt, swatch);
      ctx.font = font(u, LEGEND.labelPt);
      ctx.fillStyle = PRINT_COLORS.ink;
      ctx.fillText(ellipsize(ctx, item.label, textW), textX, yTop + LEGEND.labelPt * u.pt);
      if (item.detail) {
        ctx.font = font(u, LEGEND.detailPt);
        ctx.fillStyle = PRINT_COLORS.muted;
        ctx.fillText(ellipsize(ctx, item.detail, textW), textX, yTop + labelLine + LEGEND.detailPt * u.pt);
      }
    });
  }
  if (plan.symbols.length > 0) {
    let sy = y + plan.rows * plan.itemH - (plan.rows > 0 ? LEGEND.rowGapMm * u.mm : 0);
    if (plan.rows > 0) {
      sy += 1 * u.mm;
      ctx.strokeStyle = PRINT_COLORS.rule;
      ctx.lineWidth = 0.5 * u.pt;
      ctx.beginPath();
      ctx.moveTo(innerX, sy);
      ctx.lineTo(innerX + innerW, sy);
      ctx.stroke();
      sy += 1 * u.mm;
    }
    for (const s of plan.symbols) {
      const boxX = sx(innerX, innerW);
      const cx = rtl ? boxX + innerW - swatch / 2 : boxX + swatch / 2;
      const cy = sy + labelLine / 2 - 0.2 * u.pt;
      if (s.kind === 'rep') drawRepMarker(ctx, u, cx, cy);
      else {
        ctx.beginPath();
        ctx.arc(cx, cy, 1.4 * u.pt, 0, Math.PI * 2);
        ctx.fillStyle = '#6b7280';
        ctx.fill();
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 0.4 * u.pt;
        ctx.stroke();
      }
      ctx.font = font(u, LEGEND.labelPt);
      ctx.fillStyle = PRINT_COLORS.ink;
      const textX = rtl ? boxX + innerW - textOff : boxX + textOff;
      ctx.fillText(ellipsize(ctx, s.label, innerW - textOff), textX, sy + LEGEND.labelPt * u.pt);
      sy += plan.symbolH;
    }
  }
  ctx.restore();
}

function drawSwatch(ctx: Ctx, u: Units, color: Rgba, x: number, y: number, size: number): void {
  const r = 0.6 * u.mm;
  ctx.beginPath();
  ctx.roundRect(x, y, size, size, r);
  ctx.fillStyle = rgbaCss(color);
  ctx.fill();
  ctx.strokeStyle = 'rgba(0,0,0,0.28)';
  ctx.lineWidth = 0.4 * u.pt;
  ctx.stroke();
}

/** A rep home: a dark diamond with a white edge. */
function drawRepMarker(ctx: LayerCtx, u: Units, x: number, y: number): void {
  const r = 3.6 * u.pt;
  ctx.beginPath();
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
  ctx.lineJoin = 'miter';
  ctx.strokeStyle = 'rgba(0,0,0,0.35)';
  ctx.lineWidth = 2.6 * u.pt;
  ctx.stroke();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.9 * u.pt;
  ctx.stroke();
  ctx.fillStyle = PRINT_COLORS.repHome;
  ctx.fill();
}

// ---------------------------------------------------------------- map

/** Unwraps a longitude to within 180° of `center`. */
function near(lon: number, center: number): number {
  return lon + 360 * Math.round((center - lon) / 360);
}

function drawMapFrame(ctx: Ctx, page: MapPage, u: Units, frame: Frame): void {
  if (frame.width <= 2 || frame.height <= 2) return;
  const fit = fitMercator(page.bounds, frame);
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.x, frame.y, frame.width, frame.height);
  ctx.clip();
  ctx.fillStyle = PRINT_COLORS.water;
  ctx.fillRect(frame.x, frame.y, frame.width, frame.height);
  if (page.basemap) drawCountries(ctx, page.basemap, fit, u);
  drawCells(ctx, page, fit);
  if (page.basemap) drawStateLines(ctx, page.basemap, fit, u);
  drawOutlines(ctx, page, fit, u);
  if (page.accounts) drawAccounts(ctx, page.accounts, fit, u);
  const obstacles: Box[] = [];
  const rtl = page.direction === 'rtl';
  obstacles.push(drawNorthArrow(ctx, u, frame, rtl));
  obstacles.push(drawScaleBar(ctx, u, frame, fit, rtl));
  const reps = page.repHomes
    .map((r) => ({ x: fit.x(near(r.lon, fit.centerLon)), y: fit.y(r.lat) }))
    .filter((p) => p.x > frame.x - 20 && p.x < frame.x + frame.width + 20 && p.y > frame.y - 20 && p.y < frame.y + frame.height + 20);
  const repR = 4.6 * u.pt;
  for (const p of reps) obstacles.push({ x: p.x - repR, y: p.y - repR, width: 2 * repR, height: 2 * repR });
  drawLabels(ctx, page, fit, u, obstacles);
  for (const p of reps) drawRepMarker(ctx, u, p.x, p.y);
  ctx.restore();
  ctx.strokeStyle = PRINT_COLORS.frame;
  ctx.lineWidth = 0.7 * u.pt;
  ctx.strokeRect(frame.x, frame.y, frame.width, frame.height);
}

// ---- basemap

interface PreparedLine {
  /** Interleaved lon, lat. */
  coords: Float64Array;
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

interface PreparedBasemap {
  /** Country polygons, each a list of rings. */
  polygons: { rings: PreparedLine[]; minLon: number; maxLon: number; minLat: number; maxLat: number }[];
  stateLines: PreparedLine[];
}

const preparedBasemaps = new WeakMap<Basemap, PreparedBasemap>();

function prepareLine(points: Position[]): PreparedLine {
  const coords = new Float64Array(points.length * 2);
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  let prev = points[0]?.[0] ?? 0;
  points.forEach((p, i) => {
    // Keep lines continuous across the antimeridian (a 360° jump would streak across the map).
    let lon = p[0]!;
    if (lon - prev > 180) lon -= 360;
    else if (lon - prev < -180) lon += 360;
    prev = lon;
    const lat = p[1]!;
    coords[2 * i] = lon;
    coords[2 * i + 1] = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  });
  return { coords, minLon, maxLon, minLat, maxLat };
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

function linesOf(geometry: Geometry | null): Position[][] {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(linesOf);
  return [];
}

function prepareBasemap(basemap: Basemap): PreparedBasemap {
  let prepared = preparedBasemaps.get(basemap);
  if (prepared) return prepared;
  const polygons: PreparedBasemap['polygons'] = [];
  for (const f of basemap.countries.features) {
    for (const poly of polygonsOf(f.geometry)) {
      const rings = poly.filter((r) => r.length >= 3).map(prepareLine);
      if (rings.length === 0) continue;
      const outer = rings[0]!;
      polygons.push({ rings, minLon: outer.minLon, maxLon: outer.maxLon, minLat: outer.minLat, maxLat: outer.maxLat });
    }
  }
  const stateLines: PreparedLine[] = [];
  for (const f of basemap.stateLines.features) for (const line of linesOf(f.geometry)) if (line.length >= 2) stateLines.push(prepareLine(line));
  prepared = { polygons, stateLines };
  preparedBasemaps.set(basemap, prepared);
  return prepared;
}

/** World-copy offsets (multiples of 360°) at which a lon range overlaps the visible one. */
function copiesOf(minLon: number, maxLon: number, fit: MercatorFit): number[] {
  const [vw, , ve] = fit.visible;
  const out: number[] = [];
  for (let k = Math.floor((vw - maxLon) / 360); k <= Math.ceil((ve - minLon) / 360); k++) {
    if (maxLon + k * 360 >= vw && minLon + k * 360 <= ve) out.push(k * 360);
  }
  return out;
}

function latVisible(minLat: number, maxLat: number, fit: MercatorFit): boolean {
  return maxLat >= fit.visible[1] && minLat <= fit.visible[3];
}

/** Adds a lon/lat line to `path`, dropping points closer than `tolerance` px to the last one kept. */
function addLine(path: Path2D, line: PreparedLine, shift: number, fit: MercatorFit, tolerance: number, close: boolean): void {
  const c = line.coords;
  const n = c.length / 2;
  let lastX = fit.x(c[0]! + shift);
  let lastY = fit.y(c[1]!);
  path.moveTo(lastX, lastY);
  const t2 = tolerance * tolerance;
  for (let i = 1; i < n; i++) {
    const x = fit.x(c[2 * i]! + shift);
    const y = fit.y(c[2 * i + 1]!);
    const dx = x - lastX;
    const dy = y - lastY;
    if (dx * dx + dy * dy < t2 && i < n - 1) continue;
    path.lineTo(x, y);
    lastX = x;
    lastY = y;
  }
  // Rings repeat their first point; lineTo rather than closePath (see drawCells).
  if (close && (c[0] !== c[c.length - 2] || c[1] !== c[c.length - 1])) path.lineTo(fit.x(c[0]! + shift), fit.y(c[1]!));
}

function drawCountries(ctx: Ctx, basemap: Basemap, fit: MercatorFit, u: Units): void {
  const prepared = prepareBasemap(basemap);
  const path = new Path2D();
  const tolerance = 0.35 * u.pt;
  for (const poly of prepared.polygons) {
    if (!latVisible(poly.minLat, poly.maxLat, fit)) continue;
    for (const shift of copiesOf(poly.minLon, poly.maxLon, fit)) {
      for (const ring of poly.rings) addLine(path, ring, shift, fit, tolerance, true);
    }
  }
  ctx.fillStyle = PRINT_COLORS.land;
  ctx.fill(path, 'evenodd');
  ctx.strokeStyle = PRINT_COLORS.countryLine;
  ctx.lineWidth = 0.45 * u.pt;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.stroke(path);
}

function drawStateLines(ctx: Ctx, basemap: Basemap, fit: MercatorFit, u: Units): void {
  const prepared = prepareBasemap(basemap);
  const path = new Path2D();
  const tolerance = 0.35 * u.pt;
  let any = false;
  for (const line of prepared.stateLines) {
    if (!latVisible(line.minLat, line.maxLat, fit)) continue;
    for (const shift of copiesOf(line.minLon, line.maxLon, fit)) {
      addLine(path, line, shift, fit, tolerance, false);
      any = true;
    }
  }
  if (!any) return;
  ctx.strokeStyle = PRINT_COLORS.stateLine;
  ctx.lineWidth = 0.5 * u.pt;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.setLineDash([]);
  ctx.stroke(path);
}

// ---- cells

interface CellGeometry {
  /** Boundary vertices as interleaved lon, lat; each cell's ring unwrapped (no 360° jumps), not closed. */
  coords: Float64Array;
  /** Cell i's vertices are coords[2 * start[i] .. 2 * start[i + 1]). */
  start: Uint32Array;
}

const cellGeometries = new WeakMap<readonly string[], CellGeometry>();

/** Boundaries of every cell, computed once per cell list (h3-js is the slow part of a cold export). */
export function cellGeometry(h3: readonly string[]): CellGeometry {
  const cached = cellGeometries.get(h3);
  if (cached) return cached;
  const n = h3.length;
  const start = new Uint32Array(n + 1);
  let coords = new Float64Array(Math.max(16, n * 14));
  let v = 0;
  for (let i = 0; i < n; i++) {
    start[i] = v;
    const ring = cellToBoundary(h3[i]!, true);
    const count = ring.length - 1; // GeoJSON rings repeat the first vertex
    if ((v + count) * 2 > coords.length) {
      const grown = new Float64Array(Math.max(coords.length * 2, (v + count) * 2));
      grown.set(coords);
      coords = grown;
    }
    let prev = ring[0]![0]!;
    for (let k = 0; k < count; k++) {
      let lon = ring[k]![0]!;
      // Antimeridian: keep the ring continuous (no jump of more than 180° between vertices).
      if (lon - prev > 180) lon -= 360;
      else if (lon - prev < -180) lon += 360;
      prev = lon;
      coords[2 * (v + k)] = lon;
      coords[2 * (v + k) + 1] = ring[k]![1]!;
    }
    v += count;
  }
  start[n] = v;
  const geometry = { coords: coords.slice(0, v * 2), start };
  cellGeometries.set(h3, geometry);
  return geometry;
}

function createLayer(width: number, height: number): { canvas: CanvasImageSource; ctx: LayerCtx } | null {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const c = canvas.getContext('2d');
    if (c) return { canvas, ctx: c };
  }
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const c = canvas.getContext('2d');
    if (c) return { canvas, ctx: c };
  }
  return null;
}

/** Cells smaller than this (px across) are drawn as squares rather than hexagons. */
export const TINY_CELL_PX = 1.5;
/** Each hexagon is grown by this much (px) so neighbours overlap: no anti-aliasing seams between them. */
const SEAM_PX = 0.5;

/**
 * Cells grouped by fill colour into one path per colour, each filled once. Colours that
 * share an alpha are drawn opaque onto a layer that is then composited with that alpha,
 * so overlapping (seam-free) hexagons look exactly like the on-screen translucent fill.
 */
function drawCells(ctx: Ctx, page: MapPage, fit: MercatorFit): void {
  const h3 = page.cells.h3;
  if (h3.length === 0) return;
  const { coords, start } = cellGeometry(h3);
  const n = h3.length;
  const frame = fit.frame;
  const left = frame.x - 2;
  const right = frame.x + frame.width + 2;
  const top = frame.y - 2;
  const bottom = frame.y + frame.height + 2;
  const center = fit.centerLon;
  // Fast linear x: x = ax * lon + bx.
  const ax = fit.x(1) - fit.x(0);
  const bx = fit.x(0);
  const fill = page.cells.fill;

  // Cell size on the page (median of a sample), to pick hexagons or squares.
  const sizes: number[] = [];
  const step = Math.max(1, Math.floor(n / 400));
  for (let i = 0; i < n; i += step) {
    const s = start[i]!;
    const lat = coords[2 * s + 1]!;
    const lat2 = coords[2 * (s + 3 < start[i + 1]! ? s + 3 : s) + 1]!;
    const dLon = Math.abs(coords[2 * s]! - coords[2 * (s + 3 < start[i + 1]! ? s + 3 : s)]!);
    sizes.push(Math.hypot(dLon * ax, fit.y(lat) - fit.y(lat2)));
  }
  sizes.sort((a, b) => a - b);
  const tiny = (sizes[sizes.length >> 1] ?? 0) < TINY_CELL_PX;

  /** alpha → rgb key → path */
  const groups = new Map<number, Map<number, Path2D>>();
  const xs = new Float64Array(16);
  const ys = new Float64Array(16);
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    const e = start[i + 1]!;
    const count = e - s;
    if (count < 3) continue;
    const shift = 360 * Math.round((center - coords[2 * s]!) / 360);
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    let sx = 0;
    let sy = 0;
    for (let k = 0; k < count; k++) {
      const x = ax * (coords[2 * (s + k)]! + shift) + bx;
      const y = fit.y(coords[2 * (s + k) + 1]!);
      xs[k] = x;
      ys[k] = y;
      sx += x;
      sy += y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (maxX < left || minX > right || maxY < top || minY > bottom) continue;
    const color = fill(i);
    const a = color[3];
    if (!(a > 0)) continue;
    const key = (color[0] << 16) | (color[1] << 8) | color[2];
    let byColor = groups.get(a);
    if (!byColor) groups.set(a, (byColor = new Map()));
    let path = byColor.get(key);
    if (!path) byColor.set(key, (path = new Path2D()));
    if (tiny) {
      // Sub-pixel cells: their bounding squares (overlapping a little) cover the area seamlessly.
      path.rect(minX, minY, Math.max(maxX - minX, 0.5), Math.max(maxY - minY, 0.5));
      continue;
    }
    const cx = sx / count;
    const cy = sy / count;
    const r = Math.hypot(xs[0]! - cx, ys[0]! - cy);
    const grow = r > 0 ? 1 + SEAM_PX / r : 1;
    path.moveTo(cx + (xs[0]! - cx) * grow, cy + (ys[0]! - cy) * grow);
    for (let k = 1; k < count; k++) path.lineTo(cx + (xs[k]! - cx) * grow, cy + (ys[k]! - cy) * grow);
    // Back to the start rather than closePath(): Chromium's closePath costs time in proportion
    // to the path's length, which makes one path of 200k hexagons take minutes.
    path.lineTo(cx + (xs[0]! - cx) * grow, cy + (ys[0]! - cy) * grow);
  }
  if (groups.size === 0) return;

  const alphas = [...groups.keys()].sort((a, b) => b - a);
  const opaqueOnly = alphas.length === 1 && alphas[0] === 255;
  const layer = opaqueOnly ? null : createLayer(Math.ceil(frame.width), Math.ceil(frame.height));
  for (const alpha of alphas) {
    const byColor = groups.get(alpha)!;
    if (!layer) {
      // Opaque cells, or no offscreen canvas to composite through: draw straight onto the page.
      for (const [key, path] of byColor) {
        ctx.fillStyle = `rgba(${key >> 16},${(key >> 8) & 255},${key & 255},${alpha / 255})`;
        ctx.fill(path);
      }
      continue;
    }
    const lc = layer.ctx;
    lc.setTransform(1, 0, 0, 1, 0, 0);
    lc.clearRect(0, 0, Math.ceil(frame.width), Math.ceil(frame.height));
    lc.setTransform(1, 0, 0, 1, -frame.x, -frame.y);
    for (const [key, path] of byColor) {
      lc.fillStyle = `rgb(${key >> 16},${(key >> 8) & 255},${key & 255})`;
      lc.fill(path);
    }
    ctx.save();
    ctx.globalAlpha = alpha / 255;
    ctx.drawImage(layer.canvas, frame.x, frame.y);
    ctx.restore();
  }
}

// ---- outlines, points, labels

function drawOutlines(ctx: Ctx, page: MapPage, fit: MercatorFit, u: Units): void {
  if (page.outlines.length === 0) return;
  const frame = fit.frame;
  const path = new Path2D();
  const center = fit.centerLon;
  for (const seg of page.outlines) {
    const lon0 = near(seg.source[0], center);
    let lon1 = seg.target[0] + (lon0 - seg.source[0]);
    if (lon1 - lon0 > 180) lon1 -= 360;
    else if (lon1 - lon0 < -180) lon1 += 360;
    const x0 = fit.x(lon0);
    const x1 = fit.x(lon1);
    if (Math.max(x0, x1) < frame.x - 5 || Math.min(x0, x1) > frame.x + frame.width + 5) continue;
    const y0 = fit.y(seg.source[1]);
    const y1 = fit.y(seg.target[1]);
    if (Math.max(y0, y1) < frame.y - 5 || Math.min(y0, y1) > frame.y + frame.height + 5) continue;
    path.moveTo(x0, y0);
    path.lineTo(x1, y1);
  }
  ctx.strokeStyle = PRINT_COLORS.outline;
  ctx.lineWidth = 0.6 * u.pt;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke(path);
}

function drawAccounts(ctx: Ctx, accounts: NonNullable<MapPage['accounts']>, fit: MercatorFit, u: Units): void {
  const frame = fit.frame;
  const r = 1.25 * u.pt;
  const edge = 0.35 * u.pt;
  const halo = new Path2D();
  const byColor = new Map<string, Path2D>();
  let any = false;
  for (const a of accounts) {
    const x = fit.x(near(a.lon, fit.centerLon));
    const y = fit.y(a.lat);
    if (x < frame.x - r || x > frame.x + frame.width + r || y < frame.y - r || y > frame.y + frame.height + r) continue;
    const key = rgbaCss(a.color, 1);
    let path = byColor.get(key);
    if (!path) byColor.set(key, (path = new Path2D()));
    halo.moveTo(x + r + edge, y);
    halo.arc(x, y, r + edge, 0, Math.PI * 2);
    path.moveTo(x + r, y);
    path.arc(x, y, r, 0, Math.PI * 2);
    any = true;
  }
  if (!any) return;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fill(halo);
  for (const [css, path] of byColor) {
    ctx.fillStyle = css;
    ctx.fill(path);
  }
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function drawLabels(ctx: Ctx, page: MapPage, fit: MercatorFit, u: Units, obstacles: Box[]): void {
  if (page.labels.length === 0) return;
  const frame = fit.frame;
  const sizePt = 7.5;
  const size = sizePt * u.pt;
  ctx.font = font(u, sizePt, 600);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.miterLimit = 2;
  const placed: Box[] = [];
  const pad = 0.8 * u.pt;
  const inset = 1 * u.mm;
  const maxW = frame.width * 0.5;
  for (const label of page.labels) {
    if (!label.text) continue;
    const x = fit.x(near(label.lon, fit.centerLon));
    const y = fit.y(label.lat);
    if (x < frame.x || x > frame.x + frame.width || y < frame.y || y > frame.y + frame.height) continue;
    const text = ellipsize(ctx, label.text, maxW);
    const w = ctx.measureText(text).width;
    const h = size * 1.15;
    // Centred on the point; moved just above or below it only to clear a marker or the map furniture.
    for (const dy of [0, -h * 0.95, h * 0.95]) {
      const box: Box = { x: x - w / 2 - pad, y: y + dy - h / 2 - pad, width: w + 2 * pad, height: h + 2 * pad };
      if (box.x < frame.x + inset || box.y < frame.y + inset || box.x + box.width > frame.x + frame.width - inset || box.y + box.height > frame.y + frame.height - inset) continue;
      if (placed.some((p) => intersects(p, box))) {
        if (dy === 0) break; // collides with a more important label: skip this one
        continue;
      }
      if (obstacles.some((o) => intersects(o, box))) continue;
      placed.push(box);
      ctx.strokeStyle = 'rgba(255,255,255,0.92)';
      ctx.lineWidth = size * 0.34;
      ctx.strokeText(text, x, y + dy);
      ctx.fillStyle = PRINT_COLORS.label;
      ctx.fillText(text, x, y + dy);
      break;
    }
  }
}

// ---- furniture

/** North arrow in the frame's top end corner; returns the box it covers. */
function drawNorthArrow(ctx: Ctx, u: Units, frame: Frame, rtl: boolean): Box {
  const inset = 4 * u.mm;
  const h = 9 * u.mm;
  const w = 5 * u.mm;
  const letter = 8 * u.pt;
  const boxW = w + 3 * u.mm;
  const boxH = letter * 1.2 + h + 3 * u.mm;
  const bx = rtl ? frame.x + inset : frame.x + frame.width - inset - boxW;
  const by = frame.y + inset;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.82)';
  ctx.beginPath();
  ctx.roundRect(bx, by, boxW, boxH, 1 * u.mm);
  ctx.fill();
  const cx = bx + boxW / 2;
  const tipY = by + 1.5 * u.mm + letter * 1.2;
  const baseY = tipY + h;
  const notchY = baseY - h * 0.28;
  ctx.font = font(u, 8, 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = PRINT_COLORS.ink;
  ctx.fillText('N', cx, by + 1.5 * u.mm + letter * 0.95);
  ctx.lineJoin = 'miter';
  ctx.lineWidth = 0.5 * u.pt;
  ctx.strokeStyle = PRINT_COLORS.ink;
  // Left half dark, right half white: the classic north arrow.
  ctx.beginPath();
  ctx.moveTo(cx, tipY);
  ctx.lineTo(cx - w / 2, baseY);
  ctx.lineTo(cx, notchY);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(cx, tipY);
  ctx.lineTo(cx + w / 2, baseY);
  ctx.lineTo(cx, notchY);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.stroke();
  ctx.restore();
  return { x: bx, y: by, width: boxW, height: boxH };
}

/** A dual scale bar (km above, miles below) in the frame's bottom start corner; returns its box. */
function drawScaleBar(ctx: Ctx, u: Units, frame: Frame, fit: MercatorFit, rtl: boolean): Box {
  const inset = 4 * u.mm;
  const maxPx = Math.min(40 * u.mm, frame.width * 0.3);
  // The scale at the frame's centre latitude (Mercator's scale changes with latitude).
  const mpp = fit.metersPerPx(fit.centerLat);
  const km = niceScaleLength(mpp, maxPx);
  const mi = niceScaleLengthMiles(mpp, maxPx);
  const size = 6.5 * u.pt;
  const tick = 1.4 * u.mm;
  const pad = 2 * u.mm;
  ctx.save();
  // Numbers with units read left to right whatever the page direction.
  ctx.direction = 'ltr';
  ctx.font = font(u, 6.5);
  const zeroW = ctx.measureText('0').width;
  const barW = Math.max(km.px, mi.px);
  const reach = Math.max(barW, km.px + ctx.measureText(km.label).width / 2, mi.px + ctx.measureText(mi.label).width / 2);
  const boxW = pad * 2 + zeroW / 2 + reach;
  const boxH = pad * 2 + size * 2 + tick * 2 + 2 * u.pt;
  const bx = rtl ? frame.x + frame.width - inset - boxW : frame.x + inset;
  const by = frame.y + frame.height - inset - boxH;
  ctx.fillStyle = 'rgba(255,255,255,0.82)';
  ctx.beginPath();
  ctx.roundRect(bx, by, boxW, boxH, 1 * u.mm);
  ctx.fill();
  const x0 = bx + pad + zeroW / 2;
  const axisY = by + pad + size + 1 * u.pt + tick;
  ctx.strokeStyle = PRINT_COLORS.ink;
  ctx.fillStyle = PRINT_COLORS.ink;
  ctx.lineWidth = 0.6 * u.pt;
  ctx.lineCap = 'square';
  ctx.beginPath();
  ctx.moveTo(x0, axisY);
  ctx.lineTo(x0 + barW, axisY);
  for (const f of [0, 0.5, 1]) {
    ctx.moveTo(x0 + km.px * f, axisY);
    ctx.lineTo(x0 + km.px * f, axisY - (f === 0.5 ? tick * 0.6 : tick));
    ctx.moveTo(x0 + mi.px * f, axisY);
    ctx.lineTo(x0 + mi.px * f, axisY + (f === 0.5 ? tick * 0.6 : tick));
  }
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText('0', x0, axisY - tick - 1 * u.pt);
  ctx.fillText(km.label, x0 + km.px, axisY - tick - 1 * u.pt);
  ctx.textBaseline = 'top';
  ctx.fillText('0', x0, axisY + tick + 1 * u.pt);
  ctx.fillText(mi.label, x0 + mi.px, axisY + tick + 1 * u.pt);
  ctx.restore();
  return { x: bx, y: by, width: boxW, height: boxH };
}
