import { describe, expect, it } from 'vitest';
import { checkLatLon, looksSwapped } from './check-location';

describe('checkLatLon', () => {
  it('accepts locations in range, including the edges', () => {
    expect(checkLatLon(45.5, -122.7)).toEqual({ ok: true });
    expect(checkLatLon(-90, 180)).toEqual({ ok: true });
    expect(checkLatLon(0, 12)).toEqual({ ok: true });
  });

  it('rejects non-finite values', () => {
    expect(checkLatLon(Number.NaN, 10)).toEqual({ ok: false, reason: 'latitude NaN is not a finite number' });
    expect(checkLatLon(10, Number.POSITIVE_INFINITY)).toEqual({ ok: false, reason: 'longitude Infinity is not a finite number' });
  });

  it('rejects the null island', () => {
    expect(checkLatLon(0, 0)).toEqual({ ok: false, reason: '0, 0 is the null island: a missing location, not a place' });
  });

  it('rejects values out of range, naming the coordinate', () => {
    expect(checkLatLon(123.4, 200)).toEqual({
      ok: false,
      reason: 'latitude 123.4 is out of range −90…90; longitude 200 is out of range −180…180',
    });
    expect(checkLatLon(45, 181)).toEqual({ ok: false, reason: 'longitude 181 is out of range −180…180' });
    expect(checkLatLon(-95, 200)).toMatchObject({ ok: false, reason: expect.stringMatching(/^latitude -95 is out of range/) });
  });

  it('says when latitude and longitude look swapped', () => {
    expect(checkLatLon(-122.7, 45.5)).toEqual({ ok: false, reason: 'looks like latitude and longitude are swapped', swapped: true });
    expect(checkLatLon(151.2, -33.9)).toMatchObject({ swapped: true });
  });
});

describe('looksSwapped', () => {
  const germany: [number, number, number, number] = [5.9, 47.3, 15.0, 55.1];
  const pacific: [number, number, number, number] = [170, -50, -170, -10];

  it('is true when the point is outside the region and its swap inside', () => {
    expect(looksSwapped(13.4, 52.5, germany)).toBe(true);
    expect(looksSwapped(52.5, 13.4, germany)).toBe(false);
  });

  it('is false when neither the point nor its swap is inside', () => {
    expect(looksSwapped(40.7, -74, germany)).toBe(false);
  });

  it('handles a region across the antimeridian', () => {
    expect(looksSwapped(-30, 175, pacific)).toBe(false);
    expect(looksSwapped(-175, -30, pacific)).toBe(true);
  });

  it('falls back to the ranges without a region', () => {
    expect(looksSwapped(-122.7, 45.5, null)).toBe(true);
    expect(looksSwapped(45.5, -122.7, null)).toBe(false);
    expect(looksSwapped(Number.NaN, 1, null)).toBe(false);
  });
});
