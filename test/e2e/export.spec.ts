import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { saturatedShare } from '../helpers/pixels';
import { openServedDemo, type ServedDemo } from '../helpers/served-demo';
import { makeSmallDemo, makeTempDir } from '../helpers/workspaces';

const RENDERER = join(__dirname, '..', '..', 'out', 'renderer');

/** Pixels of the image (RGBA) within `tolerance` of `rgb`. */
function pixelsOf(png: PNG, rgb: [number, number, number], x0 = 0, tolerance = 6): number {
  let n = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = x0; x < png.width; x++) {
      const i = 4 * (y * png.width + x);
      if (Math.abs(png.data[i]! - rgb[0]) <= tolerance && Math.abs(png.data[i + 1]! - rgb[1]) <= tolerance && Math.abs(png.data[i + 2]! - rgb[2]) <= tolerance) n++;
    }
  }
  return n;
}

/** The images of a PDF's pages (the writer's deflated RGB), as RGBA like a decoded PNG. */
function pdfPageImages(pdf: Buffer): PNG[] {
  const text = pdf.toString('latin1');
  const found: PNG[] = [];
  const re = /\/Width (\d+) \/Height (\d+)[^]*?stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [width, height] = [Number(m[1]), Number(m[2])];
    const start = m.index + m[0].length;
    const rgb = inflateSync(pdf.subarray(start, text.indexOf('endstream', start)));
    const png = new PNG({ width, height });
    for (let i = 0; i < width * height; i++) {
      png.data[4 * i] = rgb[3 * i]!;
      png.data[4 * i + 1] = rgb[3 * i + 1]!;
      png.data[4 * i + 2] = rgb[3 * i + 2]!;
      png.data[4 * i + 3] = 255;
    }
    found.push(png);
  }
  return found;
}


describe('exporting from the app and the CLI', () => {
  const temp = makeTempDir();
  let served: ServedDemo;
  let page: Page;

  /** Exports with the dialog and returns the downloaded file's bytes. */
  async function exportWithDialog(format: string, options: (dialog: ReturnType<Page['getByTestId']>) => Promise<void> = async () => {}): Promise<{ name: string; bytes: Buffer }> {
    await page.getByTestId('export-open').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId(`export-format-${format}`).check();
    await options(dialog);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByTestId('export-go').click()]);
    await expect.poll(() => dialog.getByTestId('export-outcome').innerText(), { timeout: 30_000 }).toMatch(/^Downloaded /);
    const bytes = readFileSync((await download.path())!);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    return { name: download.suggestedFilename(), bytes };
  }

  /** Each territory's colour, from the swatches of the territory table. */
  async function swatchColors(): Promise<[number, number, number][]> {
    const css = await page.locator('[data-testid=territory-table] tbody tr .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(css.length).toBeGreaterThan(0);
    return css.map((c) => c.match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number]);
  }

  beforeAll(async () => {
    served = await openServedDemo(temp.dir, 'export.tessera');
    page = served.page;
  });
  afterAll(async () => {
    await served?.close();
    temp.cleanup();
  });

  it('downloads the territory boundaries as GeoJSON, one feature per territory', async () => {
    const rows = await page.locator('[data-testid=territory-table] tbody tr').count();
    const { name, bytes } = await exportWithDialog('geojson');
    expect(name).toMatch(/-Current-alignment-territories\.geojson$/);
    const json = JSON.parse(bytes.toString('utf8'));
    expect(json.features).toHaveLength(rows);
    expect(json.features[0].geometry.type).toMatch(/Polygon$/);
  });

  it('downloads the map as an A4 PNG at 150 dpi: the map in the territory colours, and the legend', async () => {
    const rgb = await swatchColors();
    const { name, bytes } = await exportWithDialog('png', async (dialog) => {
      await dialog.getByTestId('export-dpi').selectOption('150');
    });
    expect(name).toMatch(/-Current-alignment-map\.png$/);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1754, 1240]);
    expect(saturatedShare(bytes)).toBeGreaterThan(0.05);
    // The legend sits right of the map frame (which ends before 80 % of the width): every territory's swatch colour appears there.
    for (const c of rgb) expect(pixelsOf(png, c, Math.round(png.width * 0.805))).toBeGreaterThan(100);
  });

  it('downloads the printable PDF: the map page, then the metrics page', async () => {
    const { name, bytes } = await exportWithDialog('pdf', async (dialog) => {
      await dialog.getByTestId('export-dpi').selectOption('150');
    });
    expect(name).toMatch(/-Current-alignment-map\.pdf$/);
    const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(2);
    const first = await doc.getPage(1);
    expect(first.view.map((v) => Math.round(v))).toEqual([0, 0, 842, 595]);
    const [map, table] = pdfPageImages(bytes);
    expect([map!.width, map!.height]).toEqual([1754, 1240]);
    expect(saturatedShare(PNG.sync.write(map!))).toBeGreaterThan(0.05);
    // The legend on the map page, and the territory swatches on the metrics page.
    const colors = await swatchColors();
    for (const c of colors) expect(pixelsOf(map!, c, Math.round(map!.width * 0.805))).toBeGreaterThan(100);
    for (const c of colors) expect(pixelsOf(table!, c)).toBeGreaterThan(50);
  });

  it('makes the same PNG from the CLI in a headless browser', async () => {
    const out: string[] = [];
    const err: string[] = [];
    // The served demo holds its workspace open, so the CLI draws another copy of the demo.
    makeSmallDemo(join(temp.dir, 'export-copy.tessera'));
    const status = await main(
      ['export', 'png', '--workspace', join(temp.dir, 'export-copy.tessera'), '--scenario', 'Current alignment', '--out', join(temp.dir, 'cli.png'), '--dpi', '100', '--json'],
      { out: (t) => out.push(t), err: (t) => err.push(t) },
      RENDERER,
    );
    expect(status, err.join('\n')).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report).toMatchObject({ format: 'png', paper: 'A4', orientation: 'landscape', dpi: 100 });
    const png = PNG.sync.read(readFileSync(report.path));
    expect([png.width, png.height]).toEqual([1169, 827]);
    expect(saturatedShare(readFileSync(report.path))).toBeGreaterThan(0.05);
  });
});
