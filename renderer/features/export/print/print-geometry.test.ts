import { describe, expect, it } from 'vitest';
import {
  fitMercator,
  METERS_PER_MILE,
  niceBelow,
  niceScaleLength,
  niceScaleLengthMiles,
  pagePixels,
  PAPER_SIZES,
  type Bounds,
  type Frame,
} from './print-geometry';

describe('niceBelow', () => {
  it('picks 1, 2 or 5 × 10^n', () => {
    expect(niceBelow(1)).toBe(1);
    expect(niceBelow(1.99)).toBe(1);
    expect(niceBelow(2)).toBe(2);
    expect(niceBelow(4.99)).toBe(2);
    expect(niceBelow(5)).toBe(5);
    expect(niceBelow(9.99)).toBe(5);
    expect(niceBelow(10)).toBe(10);
    expect(niceBelow(737)).toBe(500);
    expect(niceBelow(0.0031)).toBeCloseTo(0.002, 12);
    expect(niceBelow(0)).toBe(0);
  });
});

describe('niceScaleLength', () => {
  it('gives the longest nice kilometre length that fits', () => {
    const s = niceScaleLength(1000, 250); // 250 km max
    expect(s).toMatchObject({ meters: 200_000, value: 200, unit: 'km', label: '200 km' });
    expect(s.px).toBeCloseTo(200);
    expect(niceScaleLength(10, 120)).toMatchObject({ meters: 1000, label: '1 km' });
    expect(niceScaleLength(3, 120)).toMatchObject({ meters: 200, unit: 'm', label: '200 m' });
    expect(niceScaleLength(5000, 300).label).toBe('1000 km');
    for (const [mpp, max] of [[123.4, 300], [7.7, 90], [40_000, 500]] as const) {
      const r = niceScaleLength(mpp, max);
      expect(r.px).toBeLessThanOrEqual(max);
      expect(r.px).toBeGreaterThan(max / 2.5);
    }
  });

  it('gives miles, and feet for short bars', () => {
    const m = niceScaleLengthMiles(1000, 250); // 155 mi max
    expect(m).toMatchObject({ value: 100, unit: 'mi', label: '100 mi' });
    expect(m.meters).toBeCloseTo(100 * METERS_PER_MILE);
    expect(m.px).toBeCloseTo((100 * METERS_PER_MILE) / 1000);
    expect(niceScaleLengthMiles(10, 120).label).toBe('0.5 mi');
    expect(niceScaleLengthMiles(1, 120).label).toBe('200 ft');
  });
});

describe('fitMercator', () => {
  const frame: Frame = { x: 100, y: 50, width: 800, height: 400 };
  const texas: Bounds = [-106.65, 25.84, -93.51, 36.5];

  function check(bounds: Bounds) {
    const fit = fitMercator(bounds, frame);
    const [w, s, e, n] = bounds;
    const east = e < w ? e + 360 : e;
    const x0 = fit.x(w);
    const x1 = fit.x(east);
    const yN = fit.y(n);
    const yS = fit.y(s);
    // Contained in the frame.
    for (const v of [x0, x1]) {
      expect(v).toBeGreaterThanOrEqual(frame.x - 1e-6);
      expect(v).toBeLessThanOrEqual(frame.x + frame.width + 1e-6);
    }
    for (const v of [yN, yS]) {
      expect(v).toBeGreaterThanOrEqual(frame.y - 1e-6);
      expect(v).toBeLessThanOrEqual(frame.y + frame.height + 1e-6);
    }
    // Fills one direction exactly, and is centred.
    const fillsX = Math.abs(x1 - x0 - frame.width) < 1e-6;
    const fillsY = Math.abs(yS - yN - frame.height) < 1e-6;
    expect(fillsX || fillsY).toBe(true);
    expect((x0 + x1) / 2).toBeCloseTo(frame.x + frame.width / 2, 6);
    expect((yN + yS) / 2).toBeCloseTo(frame.y + frame.height / 2, 6);
    // Aspect kept (conformal): at the equator a small step east spans as many pixels as the same step north.
    expect((fit.x(1e-4) - fit.x(0)) / (fit.y(0) - fit.y(1e-4))).toBeCloseTo(1, 6);
    // The inverse round-trips, and the visible extent contains the bounds.
    const [lon, lat] = fit.unproject(...fit.project(w + 1, s + 1));
    expect(lon).toBeCloseTo(w + 1, 9);
    expect(lat).toBeCloseTo(s + 1, 9);
    expect(fit.visible[0]).toBeLessThanOrEqual(w + 1e-9);
    expect(fit.visible[2]).toBeGreaterThanOrEqual(east - 1e-9);
    expect(fit.visible[1]).toBeLessThanOrEqual(s + 1e-9);
    expect(fit.visible[3]).toBeGreaterThanOrEqual(n - 1e-9);
    return fit;
  }

  it('keeps the aspect, centres and contains the bounds', () => {
    const fit = check(texas);
    // Texas is taller than 2:1, so the height is filled and the sides show more map.
    expect(fit.y(25.84) - fit.y(36.5)).toBeCloseTo(400, 6);
    expect(fit.visible[2] - fit.visible[0]).toBeGreaterThan(-93.51 - -106.65);
    check([-180, -60, 180, 75]);
    check([5.9, 45.8, 10.5, 47.8]);
    check([-74.3, 40.5, -73.7, 40.9]);
  });

  it('handles bounds across the antimeridian', () => {
    const fit = check([170, -50, -175, -30]); // New Zealand to the Chathams
    expect(fit.centerLon).toBeCloseTo(177.5, 9);
    expect(fit.visible[2]).toBeGreaterThan(180);
  });

  it('honours padding and gives metres per pixel', () => {
    const fit = fitMercator(texas, frame, 20);
    expect(fit.y(25.84) - fit.y(36.5)).toBeCloseTo(360, 6);
    // At the equator, a world of scale px spans the whole circumference.
    const eq = fitMercator([-1, -1, 1, 1], frame);
    expect(eq.metersPerPx(0) * eq.scale).toBeCloseTo(40_075_016.69, 1);
    expect(eq.metersPerPx(60)).toBeCloseTo(eq.metersPerPx(0) / 2, 6);
  });

  it('survives a degenerate (point) extent', () => {
    const fit = fitMercator([10, 20, 10, 20], frame);
    expect(Number.isFinite(fit.scale)).toBe(true);
    expect(fit.x(10)).toBeCloseTo(500, 6);
    expect(fit.y(20)).toBeCloseTo(250, 6);
  });
});

describe('pagePixels', () => {
  it('converts paper sizes at a resolution', () => {
    expect(pagePixels('A4', 'landscape', 300)).toEqual({ widthPx: 3508, heightPx: 2480, widthPt: 841.89, heightPt: 595.28 });
    expect(pagePixels('A4', 'portrait', 300)).toEqual({ widthPx: 2480, heightPx: 3508, widthPt: 595.28, heightPt: 841.89 });
    expect(pagePixels('Letter', 'portrait', 300)).toEqual({ widthPx: 2550, heightPx: 3300, widthPt: 612, heightPt: 792 });
    expect(pagePixels('Tabloid', 'landscape', 150)).toEqual({ widthPx: 2550, heightPx: 1650, widthPt: 1224, heightPt: 792 });
    expect(pagePixels('Legal', 'portrait', 72)).toMatchObject({ widthPx: 612, heightPx: 1008 });
    expect(pagePixels('A3', 'landscape', 300)).toMatchObject({ widthPx: 4961, heightPx: 3508 });
    expect(pagePixels({ widthMm: 100, heightMm: 50 }, 'portrait', 254)).toMatchObject({ widthPx: 500, heightPx: 1000 });
  });

  it('lists portrait sizes', () => {
    for (const size of Object.values(PAPER_SIZES)) expect(size.widthMm).toBeLessThan(size.heightMm);
  });
});
