import { describe, expect, it } from 'vitest';
import { layoutMapPage, textDir } from './draw-map-page';
import { drawMetricsPages, layoutMetrics } from './draw-metrics-pages';
import { pagePixels } from './print-geometry';
import type { MapPage, MetricsPages } from './print-types';

/** A stand-in 2D context: text is 0.55 em per character; drawing calls are recorded. */
function fakeContext() {
  const texts: { text: string; x: number; y: number; font: string; align: string }[] = [];
  const state: Record<string | symbol, unknown> = { font: '10px sans-serif', textAlign: 'start' };
  const px = () => Number(/([\d.]+)px/.exec(String(state.font))?.[1] ?? 10);
  const ctx = new Proxy(state, {
    get(target, key) {
      if (key === 'measureText') return (t: string) => ({ width: Array.from(t).length * px() * 0.55 });
      if (key === 'fillText') return (text: string, x: number, y: number) => texts.push({ text, x, y, font: String(target.font), align: String(target.textAlign) });
      if (key in target) return target[key];
      return () => undefined;
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, texts };
}

function mapPage(items: number, over: Partial<MapPage> = {}): MapPage {
  const a4 = pagePixels('A4', 'landscape', 300);
  return {
    ...a4,
    dpi: 300,
    bounds: [-106, 26, -93, 36],
    cells: { h3: [], fill: () => [0, 0, 0, 0] },
    outlines: [],
    basemap: null,
    repHomes: [{ lon: -97, lat: 30, name: 'A' }],
    accounts: null,
    labels: [],
    title: 'Title',
    subtitle: 'Subtitle',
    date: '1 May 2025',
    credit: 'Natural Earth',
    legend: { title: 'Territories', items: Array.from({ length: items }, (_, i) => ({ color: [i, 100, 200, 200], label: `Territory ${i + 1}`, detail: `${i} accounts · 1.2 M` })) },
    repHomeLabel: 'Rep home',
    ...over,
  };
}

describe('layoutMapPage', () => {
  it('puts a one-column legend right of the map frame when the items fit', () => {
    const { ctx } = fakeContext();
    const layout = layoutMapPage(ctx, mapPage(8));
    const legend = layout.legend!;
    expect(legend.cols).toBe(1);
    expect(legend.shown).toBe(8);
    expect(legend.more).toBe(0);
    expect(legend.symbols).toEqual([{ kind: 'rep', label: 'Rep home' }]);
    expect(legend.x).toBeGreaterThan(layout.frame.x + layout.frame.width);
    expect(legend.x + legend.width).toBeCloseTo(3508 - layout.margin, 6);
    // The frame takes most of the page, below the title and above the footer.
    expect(layout.frame.width * layout.frame.height).toBeGreaterThan(0.5 * 3508 * 2480);
    expect(layout.frame.y).toBeGreaterThanOrEqual(layout.header.y + layout.header.height);
    expect(layout.frame.y + layout.frame.height).toBeLessThanOrEqual(layout.footer.y);
  });

  it('uses two columns, then "+ N more", when there are many items', () => {
    const { ctx } = fakeContext();
    const two = layoutMapPage(ctx, mapPage(30)).legend!;
    expect(two.cols).toBe(2);
    expect(two.shown).toBe(30);
    const many = layoutMapPage(ctx, mapPage(200)).legend!;
    expect(many.cols).toBe(2);
    expect(many.more).toBeGreaterThan(0);
    expect(many.shown + many.more).toBe(200);
    expect(many.shown + 1).toBe(many.cols * many.rows);
  });

  it('mirrors for right-to-left pages and puts the legend under the map on portrait pages', () => {
    const { ctx } = fakeContext();
    const rtl = layoutMapPage(ctx, mapPage(8, { direction: 'rtl' }));
    expect(rtl.legend!.x).toBeCloseTo(rtl.margin, 6);
    expect(rtl.frame.x).toBeGreaterThan(rtl.legend!.x + rtl.legend!.width);
    const a4 = pagePixels('A4', 'portrait', 150);
    const portrait = layoutMapPage(ctx, mapPage(30, { ...a4, dpi: 150 }));
    expect(portrait.legend!.y).toBeGreaterThan(portrait.frame.y + portrait.frame.height);
    expect(portrait.legend!.cols).toBeGreaterThan(1);
    expect(portrait.frame.width).toBeCloseTo(a4.widthPx - 2 * portrait.margin, 6);
  });

  it('leaves the legend out when there is nothing to explain', () => {
    const { ctx } = fakeContext();
    expect(layoutMapPage(ctx, mapPage(0, { repHomes: [] })).legend).toBeNull();
  });
});

function metrics(rows: number, over: Partial<MetricsPages> = {}): MetricsPages {
  const a4 = pagePixels('A4', 'landscape', 300);
  return {
    widthPx: a4.widthPx,
    heightPx: a4.heightPx,
    dpi: 300,
    title: 'Metrics',
    subtitle: 'Scenario A',
    date: '1 May 2025',
    summary: [
      { label: 'Territories', value: String(rows) },
      { label: 'Revenue', value: '12.5 M' },
    ],
    header: ['Territory', 'Rep', 'Accounts', 'Revenue'],
    rows: Array.from({ length: rows }, (_, i) => [`Territory ${i + 1}`, `Rep ${i + 1}`, String(i * 10), `${i}.0 M`]),
    numeric: [false, false, true, true],
    swatches: Array.from({ length: rows }, () => [10, 20, 30, 255] as [number, number, number, number]),
    ...over,
  };
}

describe('drawMetricsPages', () => {
  it('pages the rows, repeating the header and numbering the pages', () => {
    const made: ReturnType<typeof fakeContext>[] = [];
    const canvases = drawMetricsPages(metrics(60), () => {
      const f = fakeContext();
      made.push(f);
      return { canvas: { page: made.length }, ctx: f.ctx };
    });
    expect(canvases.length).toBeGreaterThan(1);
    expect(canvases).toEqual(made.map((_, i) => ({ page: i + 1 })));
    const n = canvases.length;
    const seen: string[] = [];
    made.forEach((f, p) => {
      const texts = f.texts.map((t) => t.text);
      expect(texts).toContain('Metrics');
      expect(texts).toContain('1 May 2025');
      expect(texts).toContain('Territory');
      expect(texts).toContain('Accounts');
      expect(texts).toContain(`Page ${p + 1} of ${n}`);
      expect(texts.includes('12.5 M')).toBe(p === 0); // summary on the first page only
      seen.push(...texts.filter((t) => /^Territory \d+$/.test(t)));
    });
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `Territory ${i + 1}`));
    // Numeric columns are right-aligned, text columns left-aligned.
    const first = made[0]!.texts;
    expect(first.find((t) => t.text === '10')!.align).toBe('right');
    expect(first.find((t) => t.text === 'Rep 2')!.align).toBe('left');
  });

  it('keeps every page inside the paper and the totals with at least one row', () => {
    const { ctx } = fakeContext();
    for (const rows of [0, 1, 25, 26, 27, 28, 29, 60, 300]) {
      const page = metrics(rows, { totals: ['Total', '', '999', '1 M'] });
      const layout = layoutMetrics(ctx, page);
      const covered = layout.pages.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i));
      expect(covered).toEqual(Array.from({ length: rows }, (_, i) => i));
      layout.pages.forEach(([a, b], p) => {
        const top = p === 0 ? layout.tableTopFirst : layout.tableTop;
        const bodyRows = b - a + (p === layout.pages.length - 1 ? 1 : 0);
        expect(top + layout.headerH + bodyRows * layout.rowH).toBeLessThan(page.heightPx - layout.margin);
      });
      if (rows > 0) expect(layout.pages.at(-1)![1] - layout.pages.at(-1)![0]).toBeGreaterThan(0);
    }
  });

  it('shrinks the font, then ellipsizes text columns, when the table is too wide', () => {
    const { ctx, texts } = fakeContext();
    const long = 'A very long note that will never fit into a column of the page at all, however it is laid out';
    const page = metrics(5, {
      header: ['Territory', 'Note', 'Note 2', 'Accounts'],
      numeric: [false, false, false, true],
      rows: Array.from({ length: 5 }, (_, i) => [`Territory ${i}`, long, long, '123456']),
    });
    const layout = layoutMetrics(ctx, page);
    expect(layout.scale).toBeLessThan(1);
    const total = layout.swatchColW + layout.colW.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(layout.contentW + 1e-6);
    drawMetricsPages(page, () => ({ canvas: null, ctx }));
    expect(texts.some((t) => t.text.endsWith('…') && t.text.startsWith('A very long'))).toBe(true);
    expect(texts.filter((t) => t.text === '123456')).toHaveLength(5);
  });
});

describe('textDir', () => {
  it('takes the first strong character, else the fallback', () => {
    expect(textDir('-7.7 %', 'ltr')).toBe('ltr');
    expect(textDir('-7.7 %', 'rtl')).toBe('rtl');
    expect(textDir('12 March 2025', 'rtl')).toBe('ltr');
    expect(textDir('١٢ مارس ٢٠٢٥', 'ltr')).toBe('rtl');
    expect(textDir('151.3 M', 'rtl')).toBe('ltr');
    expect(textDir('北京', 'rtl')).toBe('ltr');
  });
});
