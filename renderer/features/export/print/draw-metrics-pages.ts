import type { Rgba } from '../../../map/color';
import type { MetricsPages } from './print-types';
import { ellipsize, PRINT_COLORS, PRINT_FONT, rgbaCss, textDir } from './draw-map-page';

/**
 * The metrics table as print pages: title, subtitle and date on every page, the summary
 * figures on the first, the table header repeated on each page, zebra rows, numeric
 * columns aligned to the end, and "page i of n" at the foot.
 */

type Ctx = CanvasRenderingContext2D;

interface Units {
  pt: number;
  mm: number;
}

const BODY_PT = 8;
const MIN_SCALE = 0.82;

function font(u: Units, sizePt: number, weight: number | string = 400): string {
  return `${weight} ${(sizePt * u.pt).toFixed(2)}px ${PRINT_FONT}`;
}

export interface MetricsLayout {
  margin: number;
  contentW: number;
  /** Font scale applied to the table (1, or less when the table is too wide). */
  scale: number;
  /** Column widths in px, in column order; the swatch column (when any) is separate. */
  colW: number[];
  swatchColW: number;
  cellPad: number;
  rowH: number;
  headerLines: string[][];
  headerH: number;
  /** Rows of each page: [first, end) indices into `rows`; the totals row goes on the last page. */
  pages: [number, number][];
  /** Where the table starts on the first page and on the others. */
  tableTopFirst: number;
  tableTop: number;
  summary: { cols: number; cardW: number; cardH: number; rows: number } | null;
}

/** Greedy word wrap into at most `maxLines` lines, the last one ellipsized. */
function wrap(ctx: Ctx, text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (!line || ctx.measureText(next).width <= width) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      line = `${line} ${words.slice(i).join(' ')}`;
      break;
    }
    lines.push(line);
    line = words[i]!;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.map((l) => ellipsize(ctx, l, width));
}

/** Plans the table and its pages (exported for tests and previews). */
export function layoutMetrics(ctx: Ctx, page: MetricsPages): MetricsLayout {
  const u: Units = { pt: page.dpi / 72, mm: page.dpi / 25.4 };
  const W = page.widthPx;
  const H = page.heightPx;
  const margin = Math.min(12 * u.mm, W * 0.07, H * 0.07);
  const contentW = W - 2 * margin;
  const nCols = page.header.length;
  const cellPad = 1.6 * u.mm;
  const swatchColW = page.swatches && page.swatches.some((s) => s) ? 3.2 * u.mm + cellPad : 0;

  // Natural widths at full size: widest cell, and a header wrapped into at most two lines.
  const measureAt = (scale: number) => {
    const widths = new Array<number>(nCols).fill(0);
    ctx.font = font(u, BODY_PT * scale);
    for (const row of page.rows) for (let c = 0; c < nCols; c++) widths[c] = Math.max(widths[c]!, ctx.measureText(row[c] ?? '').width);
    if (page.totals) {
      ctx.font = font(u, BODY_PT * scale, 700);
      for (let c = 0; c < nCols; c++) widths[c] = Math.max(widths[c]!, ctx.measureText(page.totals[c] ?? '').width);
    }
    ctx.font = font(u, BODY_PT * scale, 700);
    for (let c = 0; c < nCols; c++) {
      const text = page.header[c] ?? '';
      const full = ctx.measureText(text).width;
      const longestWord = Math.max(0, ...text.split(/\s+/).map((w) => ctx.measureText(w).width));
      widths[c] = Math.max(widths[c]!, Math.min(full, Math.max(longestWord, full * 0.55)));
    }
    return widths.map((w) => Math.ceil(w) + 2 * cellPad);
  };
  const avail = contentW - swatchColW;
  let scale = 1;
  let colW = measureAt(1);
  let total = colW.reduce((a, b) => a + b, 0);
  if (total > avail) {
    scale = Math.max(MIN_SCALE, Math.min(1, avail / total));
    colW = measureAt(scale);
    total = colW.reduce((a, b) => a + b, 0);
  }
  if (total > avail) {
    // Still too wide: cap the text columns (their cells get ellipsized), numbers last.
    const shrinkable = (c: number) => !page.numeric[c];
    const capTo = (cols: number[], room: number) => {
      const sorted = cols.map((c) => colW[c]!).sort((a, b) => a - b);
      let rest = room;
      let cap = 0;
      for (let k = 0; k < sorted.length; k++) {
        const even = rest / (sorted.length - k);
        if (sorted[k]! >= even) {
          cap = even;
          break;
        }
        rest -= sorted[k]!;
        cap = sorted[k]!;
      }
      for (const c of cols) colW[c] = Math.min(colW[c]!, cap);
    };
    const text = colW.map((_, c) => c).filter(shrinkable);
    const fixed = colW.reduce((a, w, c) => (shrinkable(c) ? a : a + w), 0);
    const minText = 14 * u.mm;
    if (text.length > 0 && avail - fixed >= text.length * Math.min(minText, avail / nCols)) capTo(text, avail - fixed);
    else capTo(colW.map((_, c) => c), avail);
  } else if (total < avail && nCols > 0) {
    // Spare room: spread it evenly, but keep the table from looking stretched.
    const extra = Math.min(avail - total, nCols * 18 * u.mm);
    colW = colW.map((w) => w + extra / nCols);
  }

  const rowH = BODY_PT * scale * 1.8 * u.pt;
  ctx.font = font(u, BODY_PT * scale, 700);
  const headerLines = page.header.map((h, c) => wrap(ctx, h, colW[c]! - 2 * cellPad, 3));
  const maxHeaderLines = Math.max(1, ...headerLines.map((l) => l.length));
  const headerH = (maxHeaderLines * 1.2 + 0.9) * BODY_PT * scale * u.pt;

  // Page header: title, subtitle, rule.
  const top = margin + 14 * 1.05 * u.pt + (page.subtitle ? 9 * 1.45 * u.pt : 0) + 4 * u.mm;
  const footerTop = H - margin - 7 * 1.4 * u.pt - 2 * u.mm;

  // Summary cards (first page).
  let summary: MetricsLayout['summary'] = null;
  let tableTopFirst = top;
  if (page.summary.length > 0) {
    ctx.font = font(u, 7);
    let w = 0;
    for (const s of page.summary) w = Math.max(w, ctx.measureText(s.label).width);
    ctx.font = font(u, 12, 700);
    for (const s of page.summary) w = Math.max(w, ctx.measureText(s.value).width);
    const gap = 3 * u.mm;
    const cardW0 = Math.max(28 * u.mm, Math.min(70 * u.mm, w + 5 * u.mm));
    const cols = Math.max(1, Math.min(page.summary.length, Math.floor((contentW + gap) / (cardW0 + gap))));
    const rows = Math.ceil(page.summary.length / cols);
    const cardW = Math.min(cardW0 * 1.35, (contentW - (cols - 1) * gap) / cols);
    const cardH = 7 * 1.3 * u.pt + 12 * 1.3 * u.pt + 4 * u.mm;
    summary = { cols, cardW, cardH, rows };
    tableTopFirst = top + rows * cardH + (rows - 1) * 2 * u.mm + 5 * u.mm;
  }

  // Paging.
  const capacity = (tableTop: number) => Math.max(1, Math.floor((footerTop - 2 * u.mm - tableTop - headerH) / rowH));
  const pages: [number, number][] = [];
  const n = page.rows.length;
  const totals = page.totals ? 1 : 0;
  let at = 0;
  for (;;) {
    const cap = capacity(pages.length === 0 ? tableTopFirst : top);
    const remaining = n - at;
    if (remaining + totals <= cap) {
      pages.push([at, n]);
      break;
    }
    // Keep at least one row with the totals on the last page (when a page holds two rows at all).
    const take = remaining <= cap ? Math.max(1, remaining - 1) : cap;
    pages.push([at, at + take]);
    at += take;
  }
  return { margin, contentW, scale, colW, swatchColW, cellPad, rowH, headerLines, headerH, pages, tableTopFirst, tableTop: top, summary };
}

/**
 * Draws the metrics pages one at a time: each step asks `createCanvas` for a canvas (it
 * may hand back the same one every time, as every page paints its whole background),
 * draws the next page on it and yields it, so a caller can encode a page before the next
 * is drawn and hold one page in memory.
 */
export function* metricsPageCanvases(page: MetricsPages, createCanvas: (w: number, h: number) => { canvas: unknown; ctx: CanvasRenderingContext2D }): Generator<unknown> {
  const u: Units = { pt: page.dpi / 72, mm: page.dpi / 25.4 };
  let layout: MetricsLayout | null = null;
  for (let p = 0; layout === null || p < layout.pages.length; p++) {
    const { canvas, ctx } = createCanvas(page.widthPx, page.heightPx);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.direction = page.direction === 'rtl' ? 'rtl' : 'ltr';
    layout ??= layoutMetrics(ctx, page);
    drawPage(ctx, page, u, layout, p);
    ctx.restore();
    yield canvas;
  }
}

/** Draws every metrics page, one canvas from `createCanvas` per page, and returns them in page order. */
export function drawMetricsPages(page: MetricsPages, createCanvas: (w: number, h: number) => { canvas: unknown; ctx: CanvasRenderingContext2D }): unknown[] {
  return [...metricsPageCanvases(page, createCanvas)];
}

function drawPage(ctx: Ctx, page: MetricsPages, u: Units, L: MetricsLayout, p: number): void {
  const W = page.widthPx;
  const H = page.heightPx;
  const rtl = page.direction === 'rtl';
  const left = L.margin;
  const right = W - L.margin;
  const start = rtl ? right : left;
  const end = rtl ? left : right;
  const startAlign: CanvasTextAlign = rtl ? 'right' : 'left';
  const endAlign: CanvasTextAlign = rtl ? 'left' : 'right';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.textBaseline = 'alphabetic';

  // Header.
  let y = L.margin + 14 * u.pt;
  ctx.font = font(u, 8);
  const dateW = page.date ? Math.min(ctx.measureText(page.date).width, L.contentW * 0.3) : 0;
  if (page.date) {
    ctx.fillStyle = PRINT_COLORS.muted;
    ctx.textAlign = endAlign;
    ctx.direction = rtl ? textDir(page.date, 'ltr') : 'ltr';
    ctx.fillText(ellipsize(ctx, page.date, L.contentW * 0.3), end, y);
    ctx.direction = rtl ? 'rtl' : 'ltr';
  }
  ctx.font = font(u, 14, 700);
  ctx.fillStyle = PRINT_COLORS.ink;
  ctx.textAlign = startAlign;
  ctx.fillText(ellipsize(ctx, page.title, L.contentW - dateW - 6 * u.mm), start, y);
  if (page.subtitle) {
    y += 9 * 1.45 * u.pt;
    ctx.font = font(u, 9);
    ctx.fillStyle = PRINT_COLORS.muted;
    ctx.fillText(ellipsize(ctx, page.subtitle, L.contentW), start, y);
  }
  const ruleY = L.tableTop - 2.5 * u.mm;
  ctx.strokeStyle = PRINT_COLORS.rule;
  ctx.lineWidth = 0.7 * u.pt;
  ctx.beginPath();
  ctx.moveTo(left, ruleY);
  ctx.lineTo(right, ruleY);
  ctx.stroke();

  // Summary (first page).
  if (p === 0 && L.summary) {
    const { cols, cardW, cardH } = L.summary;
    const gap = (L.contentW - cols * cardW) / Math.max(1, cols - 1);
    page.summary.forEach((s, i) => {
      const col = i % cols;
      const row = Math.floor(i / cols);
      const x = rtl ? right - col * (cardW + Math.min(gap, 3 * u.mm)) - cardW : left + col * (cardW + Math.min(gap, 3 * u.mm));
      const cy = L.tableTop + row * (cardH + 2 * u.mm);
      ctx.fillStyle = '#f3f5f8';
      ctx.beginPath();
      ctx.roundRect(x, cy, cardW, cardH, 1.2 * u.mm);
      ctx.fill();
      const tx = rtl ? x + cardW - 2.5 * u.mm : x + 2.5 * u.mm;
      ctx.textAlign = startAlign;
      ctx.font = font(u, 7);
      ctx.fillStyle = PRINT_COLORS.muted;
      ctx.fillText(ellipsize(ctx, s.label, cardW - 5 * u.mm), tx, cy + 2 * u.mm + 7 * u.pt);
      ctx.font = font(u, 12, 700);
      ctx.fillStyle = PRINT_COLORS.ink;
      ctx.direction = rtl ? textDir(s.value, 'ltr') : 'ltr';
      ctx.fillText(ellipsize(ctx, s.value, cardW - 5 * u.mm), tx, cy + 2 * u.mm + 7 * 1.3 * u.pt + 12 * u.pt);
      ctx.direction = rtl ? 'rtl' : 'ltr';
    });
  }

  // Table.
  const [first, last] = L.pages[p]!;
  const tableTop = p === 0 ? L.tableTopFirst : L.tableTop;
  const tableW = L.swatchColW + L.colW.reduce((a, b) => a + b, 0);
  /** Left edge x of a span [offset, offset + w) measured from the table's start edge. */
  const spanX = (offset: number, w: number) => (rtl ? right - offset - w : left + offset);
  const colOffset: number[] = [];
  let acc = L.swatchColW;
  for (const w of L.colW) {
    colOffset.push(acc);
    acc += w;
  }
  const size = 8 * L.scale;
  // Header row.
  ctx.font = font(u, size, 700);
  ctx.fillStyle = PRINT_COLORS.ink;
  const lineH = size * 1.2 * u.pt;
  L.headerLines.forEach((lines, c) => {
    const x = spanX(colOffset[c]!, L.colW[c]!);
    const numericEnd = page.numeric[c] ? !rtl : rtl;
    ctx.textAlign = numericEnd ? 'right' : 'left';
    const tx = numericEnd ? x + L.colW[c]! - L.cellPad : x + L.cellPad;
    // Bottom-aligned, like the on-screen table.
    lines.forEach((line, k) => {
      const ly = tableTop + L.headerH - 0.6 * size * u.pt - (lines.length - 1 - k) * lineH;
      ctx.fillText(line, tx, ly);
    });
  });
  ctx.strokeStyle = PRINT_COLORS.ink;
  ctx.lineWidth = 0.8 * u.pt;
  ctx.beginPath();
  ctx.moveTo(spanX(0, tableW), tableTop + L.headerH);
  ctx.lineTo(spanX(0, tableW) + tableW, tableTop + L.headerH);
  ctx.stroke();

  // Body rows.
  let ry = tableTop + L.headerH;
  const drawRow = (cells: readonly string[], swatch: Rgba | null | undefined, bold: boolean, zebra: boolean) => {
    if (zebra) {
      ctx.fillStyle = '#f6f8fa';
      ctx.fillRect(spanX(0, tableW), ry, tableW, L.rowH);
    }
    const baseline = ry + L.rowH / 2 + size * 0.36 * u.pt;
    if (swatch) {
      const s = 3.2 * u.mm * Math.min(1, L.scale + 0.1);
      const sx = spanX(L.cellPad * 0.8, s);
      const sy = ry + (L.rowH - s) / 2;
      ctx.beginPath();
      ctx.roundRect(sx, sy, s, s, 0.5 * u.mm);
      ctx.fillStyle = rgbaCss(swatch, 1);
      ctx.fill();
      ctx.strokeStyle = 'rgba(0,0,0,0.25)';
      ctx.lineWidth = 0.4 * u.pt;
      ctx.stroke();
    }
    ctx.font = font(u, size, bold ? 700 : 400);
    ctx.fillStyle = PRINT_COLORS.ink;
    for (let c = 0; c < L.colW.length; c++) {
      const text = cells[c] ?? '';
      if (!text) continue;
      const x = spanX(colOffset[c]!, L.colW[c]!);
      const numericEnd = page.numeric[c] ? !rtl : rtl;
      ctx.textAlign = numericEnd ? 'right' : 'left';
      // Figures read left to right even on a right-to-left page ("-7.7 %" must not become "% 7.7-").
      ctx.direction = rtl ? (page.numeric[c] ? textDir(text, 'ltr') : 'rtl') : 'ltr';
      const tx = numericEnd ? x + L.colW[c]! - L.cellPad : x + L.cellPad;
      ctx.fillText(ellipsize(ctx, text, L.colW[c]! - 2 * L.cellPad), tx, baseline);
    }
    ctx.direction = rtl ? 'rtl' : 'ltr';
    ry += L.rowH;
  };
  for (let r = first; r < last; r++) drawRow(page.rows[r]!, page.swatches?.[r], false, (r - first) % 2 === 1);
  ctx.strokeStyle = PRINT_COLORS.rule;
  ctx.lineWidth = 0.6 * u.pt;
  ctx.beginPath();
  ctx.moveTo(spanX(0, tableW), ry);
  ctx.lineTo(spanX(0, tableW) + tableW, ry);
  ctx.stroke();
  if (page.totals && p === L.pages.length - 1) {
    ctx.strokeStyle = PRINT_COLORS.ink;
    ctx.lineWidth = 0.8 * u.pt;
    ctx.stroke();
    drawRow(page.totals, null, true, false);
  }

  // Footer.
  ctx.font = font(u, 7);
  ctx.fillStyle = PRINT_COLORS.muted;
  ctx.textAlign = 'center';
  const label = page.pageLabel ? page.pageLabel(p + 1, L.pages.length) : `Page ${p + 1} of ${L.pages.length}`;
  ctx.fillText(label, W / 2, H - L.margin);
}
