import { describe, expect, it } from 'vitest';
import { splitByLine } from './split-by-line';

/** Centroids on the integer grid x, y ∈ [from, to], as index lists and coordinates. */
function grid(from: number, to: number): { cells: number[]; lat: number[]; lon: number[] } {
  const cells: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  for (let y = from; y <= to; y++) {
    for (let x = from; x <= to; x++) {
      cells.push(lat.length);
      lat.push(y);
      lon.push(x);
    }
  }
  return { cells, lat, lon };
}

/** The cells of `g` that satisfy `pred` on (x, y). */
function where(g: ReturnType<typeof grid>, pred: (x: number, y: number) => boolean): number[] {
  return g.cells.filter((c) => pred(g.lon[c]!, g.lat[c]!));
}

describe('splitByLine', () => {
  const g = grid(-5, 5);

  it('puts the north on the left of a line drawn west to east, the line itself right', () => {
    const { left, right } = splitByLine(g.cells, g.lat, g.lon, [[-6, 0.5], [6, 0.5]]);
    expect(left).toEqual(where(g, (_, y) => y > 0.5));
    expect(right).toEqual(where(g, (_, y) => y < 0.5));
    const onLine = splitByLine(g.cells, g.lat, g.lon, [[-6, 0], [6, 0]]);
    expect(onLine.left).toEqual(where(g, (_, y) => y > 0));
    expect(onLine.right).toEqual(where(g, (_, y) => y <= 0));
  });

  it('flips when drawn east to west', () => {
    const { left, right } = splitByLine(g.cells, g.lat, g.lon, [[6, 0.5], [-6, 0.5]]);
    expect(left).toEqual(where(g, (_, y) => y < 0.5));
    expect(right).toEqual(where(g, (_, y) => y > 0.5));
  });

  it('extends a line drawn across only the middle third to split the whole cloud', () => {
    const wide = grid(-15, 15);
    const expectedLeft = where(wide, (_, y) => y > 0.25);
    const expectedRight = where(wide, (_, y) => y < 0.25);
    const short = splitByLine(wide.cells, wide.lat, wide.lon, [[-5, 0.25], [5, 0.25]]);
    expect(short.left).toEqual(expectedLeft);
    expect(short.right).toEqual(expectedRight);
    // Same with interior vertices (and a repeated one) on the short line.
    const bent = splitByLine(wide.cells, wide.lat, wide.lon, [[-5, 0.25], [0, 0.25], [0, 0.25], [5, 0.25]]);
    expect(bent.left).toEqual(expectedLeft);
    expect(bent.right).toEqual(expectedRight);
  });

  it('splits by an L-shaped line: the inside of the corner is left', () => {
    // Down the x = 0.5 meridian, then east along y = 0.5: left is x > 0.5 and y > 0.5.
    const line: [number, number][] = [[0.5, 5.5], [0.5, 0.5], [5.5, 0.5]];
    const { left, right } = splitByLine(g.cells, g.lat, g.lon, line);
    expect(left).toEqual(where(g, (x, y) => x > 0.5 && y > 0.5));
    expect(right).toEqual(where(g, (x, y) => x < 0.5 || y < 0.5));
    // Drawn the other way round the inside of the corner becomes right.
    const back = splitByLine(g.cells, g.lat, g.lon, [...line].reverse());
    expect(back.left).toEqual(right);
    expect(back.right).toEqual(left);
  });

  it('decides points nearest a bend vertex by the pseudo-normal, on right-angle and sharp bends', () => {
    // East along y = 0 then north along x = 0, a left turn: left is the quadrant x < 0, y > 0.
    // Points on the outer (reflex) side beyond the corner are nearest the vertex itself.
    const corner: [number, number][] = [[-4, 0], [0, 0], [0, 4]];
    const lat = [-3, 3, -0.5, -3, 1, -1, 0];
    const lon = [3, -3, 0.5, -2.9, 3, -1, 0];
    const split = splitByLine([0, 1, 2, 3, 4, 5, 6], lat, lon, corner);
    expect(split.left).toEqual([1]);
    expect(split.right).toEqual([0, 2, 3, 4, 5, 6]); // 6 is the vertex itself: a tie
    // East to the origin, then sharply back towards (-4, 1): left is the thin wedge between
    // the two segments. Beyond the tip, each point is left of one segment's line and right of
    // the other's; the pseudo-normal puts both outside the wedge, on the right.
    const hairpin: [number, number][] = [[-4, 0], [0, 0], [-4, 1]];
    const tip = splitByLine([0, 1, 2, 3, 4], [0.5, -0.5, 0.3, 2, -1], [1, 1, -2, -2, -2], hairpin);
    expect(tip.left).toEqual([2]); // (-2, 0.3) inside the wedge
    expect(tip.right).toEqual([0, 1, 3, 4]);
    // Reversed, the wedge is on the right and everything else on the left.
    const reversed = splitByLine([0, 1, 2, 3, 4], [0.5, -0.5, 0.3, 2, -1], [1, 1, -2, -2, -2], [...hairpin].reverse());
    expect(reversed.left).toEqual([0, 1, 3, 4]);
    expect(reversed.right).toEqual([2]);
  });

  it('puts the cells beyond a point where the line turns straight back on the right', () => {
    // Out along y = 0 and straight back: the pseudo-normal at the far end is zero.
    const { left, right } = splitByLine([0, 1, 2], [0, 1, -1], [5, 5, 5], [[0, 0], [3, 0], [0, 0]]);
    expect(left).toEqual([]);
    expect(right).toEqual([0, 1, 2]);
  });

  it('throws a RangeError for a line with fewer than 2 distinct vertices', () => {
    expect(() => splitByLine(g.cells, g.lat, g.lon, [])).toThrow(RangeError);
    expect(() => splitByLine(g.cells, g.lat, g.lon, [[1, 1]])).toThrow(/at least 2 distinct vertices/);
    expect(() => splitByLine(g.cells, g.lat, g.lon, [[1, 1], [1, 1], [1, 1]])).toThrow(/at least 2 distinct vertices, got 1/);
  });

  it('throws a RangeError for a cell outside the centroid arrays', () => {
    expect(() => splitByLine([0, 999], g.lat, g.lon, [[0, 0], [1, 0]])).toThrow(RangeError);
  });
});
