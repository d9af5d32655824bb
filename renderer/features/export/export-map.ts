import type { Translator } from '../../../shared/i18n/create-translator';
import { writePdf, type PdfPage } from '../../../shared/domain/export/pdf-writer';
import { withPngDpi } from '../../../shared/domain/export/png-dpi';
import { fileSlug } from '../../../shared/domain/export/table-csv';
import { loadBasemap } from '../../map/basemap-data';
import { hexToRgba, UNASSIGNED_FILL } from '../../map/color';
import { takeMapSnapshot, type MapSnapshot } from '../../map/map-snapshot';
import { attainmentColor, deviationColor } from '../../map/thematic';
import { useAppStore } from '../../stores/use-app-store';
import type { ExportActions } from '../../stores/export-actions';
import type { MetricsReport } from '../../../shared/contract/api';
import { drawMapPage } from './print/draw-map-page';
import { metricsPageCanvases } from './print/draw-metrics-pages';
import { pagePixels, type Orientation, type PaperName } from './print/print-geometry';
import type { LegendItem, MapPage } from './print/print-types';

/** The size of an exported map: the screen's view enlarged, or a paper size at a resolution. */
export type ImageSize = { kind: 'screen'; scale: number } | { kind: 'paper'; paper: PaperName; orientation: Orientation; dpi: number };

export interface MadeFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** Territories on the map. */
  records: number;
}

type Progress = (fraction: number, phase: string) => void;
type Format = Pick<Translator, 't' | 'number'>;

/** Lets the progress bar repaint between the long synchronous steps (a timer, not an animation frame, which a hidden window never gets). */
const frame = () => new Promise<void>((resolve) => setTimeout(resolve, 16));

/** The data credit line: the workspace's data sources and the basemap. */
function creditLine(): string {
  const status = useAppStore.getState().status;
  const credits = status?.state === 'open' ? status.info.credits : [];
  return ['Basemap: Natural Earth (public domain)', ...credits.map((c) => `${c.name} (${c.license})`)].join(' · ');
}

function workspaceName(): string {
  const status = useAppStore.getState().status;
  return status?.state === 'open' ? status.info.name.replace(/\.tessera$/i, '') : 'tessera';
}

/** The legend of what the map shows: territories (with accounts and the balance measure), density classes or deviation bands. */
export function legendOf(s: MapSnapshot, f: Format): MapPage['legend'] {
  const { t, number } = f;
  if (s.mode === 'density' && s.density && s.measure) {
    const items: LegendItem[] = s.density.breaks.map((b, k) => ({
      color: s.density!.colors[k]!,
      label: `${k === 0 ? '0' : number(s.density!.breaks[k - 1]!, { maximumSignificantDigits: 3 })} – ${number(b, { maximumSignificantDigits: 3 })}`,
    }));
    return { title: t('print.legendDensity', { measure: s.measure.label }), items };
  }
  if (s.mode === 'attainment' && s.attainment) {
    const th = s.attainment.threshold;
    const pct = `${number(th * 100, { maximumFractionDigits: 1 })} %`;
    return {
      title: t('print.legendAttainment', { measure: s.attainment.measure }),
      items: [
        { color: attainmentColor(th * 0.5, th), label: t('print.attainmentBelow', { threshold: pct }) },
        { color: attainmentColor((th + 1) / 2, th), label: t('print.attainmentNear', { threshold: pct }) },
        { color: attainmentColor(1.15, th), label: t('print.attainmentAbove') },
        { color: attainmentColor(null, th), label: t('print.attainmentNone') },
      ],
    };
  }
  if (s.mode === 'deviation' && s.measure) {
    const pct = `${number(s.tolerance * 100, { maximumFractionDigits: 1 })} %`;
    return {
      title: t('print.legendDeviation', { measure: s.measure.label }),
      items: [
        { color: deviationColor(-3 * s.tolerance - 0.2, s.tolerance), label: t('print.deviationBelow', { tolerance: pct }) },
        { color: deviationColor(0, s.tolerance), label: t('print.deviationWithin', { tolerance: pct }) },
        { color: deviationColor(3 * s.tolerance + 0.2, s.tolerance), label: t('print.deviationAbove', { tolerance: pct }) },
      ],
    };
  }
  const items: LegendItem[] = s.territories
    .filter((x) => s.selected === null || x.id === s.selected)
    .map((x) => ({
      color: hexToRgba(x.color),
      label: x.name,
      detail: [
        t('print.accounts', { count: number(x.accounts) }),
        s.measure && s.measure.key !== 'accounts' ? `${s.measure.label} ${number(x.measures[s.measure.key] ?? 0, { maximumFractionDigits: 0 })}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  if (s.hasUnassigned && s.selected === null) items.push({ color: UNASSIGNED_FILL, label: t('print.unassigned') });
  return { title: t('print.legend'), items };
}

/**
 * The metrics table as printed: territory, region (when any), rep, accounts, each
 * measure's total and deviation from target, contiguity breaks and mean travel — the
 * columns a reader needs on paper (the CSV and workbook carry every column).
 */
export function printTable(report: MetricsReport, f: Format): { header: string[]; rows: string[][]; numeric: boolean[] } {
  const { t, number } = f;
  const header = report.table.header;
  const col = (name: string) => header.indexOf(name);
  const hasRegion = report.table.rows.some((r) => r[col('region')] !== '' && r[col('region')] !== null);
  const measures: { label: string; total: number; deviation: number }[] = [];
  report.measures.forEach((m, k) => {
    // The account count as a measure repeats the Accounts column.
    if (m.key === 'accounts') return;
    const c = col('area_km2') + 1 + 3 * k;
    measures.push({ label: m.label, total: c, deviation: c + 2 });
  });
  const columns: { title: string; numeric: boolean; cell: (r: MetricsReport['table']['rows'][number]) => string }[] = [
    { title: t('print.col.territory'), numeric: false, cell: (r) => String(r[col('territory')] ?? '') },
    ...(hasRegion ? [{ title: t('print.col.region'), numeric: false, cell: (r: MetricsReport['table']['rows'][number]) => String(r[col('region')] ?? '') }] : []),
    { title: t('print.col.rep'), numeric: false, cell: (r) => String(r[col('rep')] ?? '') },
    { title: t('print.col.accounts'), numeric: true, cell: (r) => number(Number(r[col('accounts')] ?? 0)) },
    ...measures.flatMap((m) => [
      { title: m.label, numeric: true, cell: (r: MetricsReport['table']['rows'][number]) => number(Number(r[m.total] ?? 0), { maximumFractionDigits: 0 }) },
      {
        title: t('print.col.deviation', { measure: m.label }),
        numeric: true,
        cell: (r: MetricsReport['table']['rows'][number]) => {
          const v = r[m.deviation];
          return typeof v === 'number' ? `${v > 0 ? '+' : ''}${number(v, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} %` : '–';
        },
      },
    ]),
    { title: t('print.col.breaks'), numeric: true, cell: (r) => number(Number(r[col('contiguity_breaks')] ?? 0)) },
    { title: t('print.col.travel'), numeric: true, cell: (r) => (typeof r[col('mean_travel_km')] === 'number' ? number(r[col('mean_travel_km')] as number, { maximumFractionDigits: 0 }) : '–') },
  ];
  return { header: columns.map((c) => c.title), rows: report.table.rows.map((r) => columns.map((c) => c.cell(r))), numeric: columns.map((c) => c.numeric) };
}

/** A canvas and its 2D context. @throws Error naming the size when the browser cannot make one that large */
function newCanvas(widthPx: number, heightPx: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = widthPx;
  canvas.height = heightPx;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(`The browser could not make a ${widthPx} × ${heightPx} px drawing surface; choose a smaller size or resolution.`);
  return { canvas, ctx };
}

/** The printed map page of a snapshot, on a canvas of the given pixel size. */
function drawMap(s: MapSnapshot, widthPx: number, heightPx: number, dpi: number, title: string, f: Format): HTMLCanvasElement {
  const { canvas, ctx } = newCanvas(widthPx, heightPx);
  const scenario = useAppStore.getState().scenarios.find((x) => x.id === s.scenarioId);
  drawMapPage(ctx, {
    widthPx,
    heightPx,
    dpi,
    bounds: s.bounds,
    cells: { h3: s.cells.h3, fill: s.fillOf },
    outlines: s.outlines,
    basemap: loadBasemap(),
    repHomes: s.reps.map((r) => ({ lon: r.lon, lat: r.lat, name: r.name })),
    accounts: s.accounts,
    labels: s.labels,
    title,
    subtitle: `${workspaceName()} — ${scenario?.name ?? ''}`,
    date: f.t('print.exported', { date: new Date().toLocaleDateString(document.documentElement.lang || undefined, { year: 'numeric', month: 'long', day: 'numeric' }) }),
    credit: creditLine(),
    legend: legendOf(s, f),
    repHomeLabel: f.t('print.repHome'),
    ...(s.accounts ? { accountLabel: f.t('print.account') } : {}),
    moreLabel: (n) => f.t('print.more', { count: f.number(n) }),
    direction: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr',
  });
  return canvas;
}

function snapshotOrThrow(f: Format): MapSnapshot {
  const s = takeMapSnapshot();
  if (!s) throw new Error(f.t('export.noMap'));
  return s;
}

/** Canvas → PNG bytes. */
async function pngBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the image.');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Canvas → deflated 8-bit RGB samples (PDF FlateDecode), the page's white background under any transparency. */
async function deflatedRgb(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    const a = rgba[i + 3]! / 255;
    rgb[j] = Math.round(rgba[i]! * a + 255 * (1 - a));
    rgb[j + 1] = Math.round(rgba[i + 1]! * a + 255 * (1 - a));
    rgb[j + 2] = Math.round(rgba[i + 2]! * a + 255 * (1 - a));
  }
  const stream = new Blob([rgb]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The map as on screen, as a PNG (with its dpi recorded for paper sizes). */
export async function exportMapImage(input: { size: ImageSize; title: string; onProgress: Progress } & Format): Promise<MadeFile> {
  const s = snapshotOrThrow(input);
  const { size } = input;
  const px =
    size.kind === 'paper'
      ? { ...pagePixels(size.paper, size.orientation, size.dpi), dpi: size.dpi }
      : { widthPx: Math.round(window.innerWidth * size.scale), heightPx: Math.round(window.innerHeight * size.scale), dpi: 96 * size.scale };
  input.onProgress(0.1, 'drawing');
  await frame();
  const canvas = drawMap(s, px.widthPx, px.heightPx, px.dpi, input.title, input);
  input.onProgress(0.7, 'encoding');
  await frame();
  const png = await pngBytes(canvas);
  const scenario = useAppStore.getState().scenarios.find((x) => x.id === s.scenarioId);
  return {
    fileName: `${fileSlug(workspaceName())}-${fileSlug(scenario?.name ?? 'map')}-map.png`,
    mime: 'image/png',
    bytes: withPngDpi(png, px.dpi),
    records: s.territories.length,
  };
}

/** The printable PDF: the map page as on screen, then the metrics table of the scenario over as many pages as it needs. */
export async function exportPrintPdf(
  input: { scenarioId: number; size: { paper: PaperName; orientation: Orientation; dpi: number }; title: string; actions: ExportActions; onProgress: Progress } & Format,
): Promise<MadeFile> {
  const s = snapshotOrThrow(input);
  const { paper, orientation, dpi } = input.size;
  const page = pagePixels(paper, orientation, dpi);
  input.onProgress(0.05, 'drawing');
  const report = await input.actions.metrics(s.scenarioId);
  await frame();
  // One page canvas at a time: draw, deflate, release (A4 at 600 dpi is ~140 MB of pixels per page).
  const pages: PdfPage[] = [];
  const addPage = async (c: HTMLCanvasElement) => {
    pages.push({ widthPt: page.widthPt, heightPt: page.heightPt, image: { width: c.width, height: c.height, data: await deflatedRgb(c), filter: 'FlateDecode' } });
  };
  await addPage(drawMap(s, page.widthPx, page.heightPx, dpi, input.title, input));
  input.onProgress(0.45, 'table');
  await frame();
  const table = printTable(report, input);
  const sheet = newCanvas(page.widthPx, page.heightPx);
  const tablePages = metricsPageCanvases(
    {
      widthPx: page.widthPx,
      heightPx: page.heightPx,
      dpi,
      title: input.t('print.metricsTitle'),
      subtitle: `${workspaceName()} — ${report.scenario.name}`,
      date: input.t('print.exported', { date: new Date(report.createdAt).toLocaleDateString(document.documentElement.lang || undefined, { year: 'numeric', month: 'long', day: 'numeric' }) }),
      summary: report.summary.map((x) => ({ label: x.label, value: x.value })),
      header: table.header,
      rows: table.rows,
      numeric: table.numeric,
      swatches: report.colors.map((c) => hexToRgba(c)),
      pageLabel: (i, n) => input.t('print.page', { page: i, pages: n }),
      direction: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr',
    },
    () => sheet,
  );
  for (const canvas of tablePages) {
    input.onProgress(Math.min(0.95, 0.5 + 0.05 * pages.length), 'encoding');
    await frame();
    await addPage(canvas as HTMLCanvasElement);
  }
  const bytes = writePdf(pages, { title: input.title, subject: `${workspaceName()} — ${report.scenario.name}`, creator: 'Tessera', created: new Date(report.createdAt) });
  return { fileName: `${fileSlug(workspaceName())}-${fileSlug(report.scenario.name)}-map.pdf`, mime: 'application/pdf', bytes, records: report.table.rows.length };
}
