import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { cellsInPolygon, cellsInRectangle } from '../../shared/domain/geo/cells-in-polygon';
import { floodFill } from '../../shared/domain/graph/flood-fill';
import { buildAdjacency } from '../../shared/domain/h3/build-adjacency';
import { describe, expect, it } from 'vitest';
import type { MapCells, Preview } from '../stores/use-app-store';
import { cellAt, cellsBetween, cellsUnderBrush } from './cells-under-brush';
import type { ToolContext } from './tool-state';
import { TOOL_STATES } from './tool-states';

function makeCells(): MapCells {
  const h3 = gridDisk(latLngToCell(45, 7, 6), 6).sort();
  const index = new Map(h3.map((h, i) => [h, i]));
  const n = h3.length;
  const centres = h3.map((h) => cellToLatLng(h));
  const graph = buildAdjacency(h3);
  return {
    resolution: 6, h3, index,
    lat: Float32Array.from(centres, (c) => c[0]), lon: Float32Array.from(centres, (c) => c[1]),
    accounts: new Uint32Array(n), measures: {}, areaKm2: new Float32Array(n).fill(36),
    offsets: graph.offsets, neighbors: graph.neighbors,
  };
}

/** A context over a plan where cells < 40 are territory 1, the rest territory 2; 3 is locked. */
function makeContext(cells: MapCells, active: number | null) {
  const owner = Int32Array.from(cells.h3, (_, i) => (i < 40 ? 1 : i < 80 ? 2 : 3));
  const log: string[] = [];
  const ctx: ToolContext = {
    territoryOfCell: owner,
    lockedTerritories: new Set([3]),
    activeTerritory: active,
    footprint: (c) => cellsUnderBrush(cells, c, 1),
    sweep: (a, b) => [...new Set(cellsBetween(cells, a, b).flatMap((c) => cellsUnderBrush(cells, c, 1)))],
    preview: null,
    setPreview: (p: Preview | null) => {
      ctx.preview = p;
    },
    setHover: () => {},
    commit: () => log.push(`commit ${ctx.preview?.cells.length}`),
    selectTerritory: (id) => log.push(`select ${id}`),
    assign: (list, to) => log.push(`assign ${list.join(',')} ${to}`),
    pin: (list, pinned) => log.push(`${pinned ? 'pin' : 'unpin'} ${list.length}`),
    cellsInPolygon: (points) => cellsInPolygon(cells.lat, cells.lon, points),
    cellsInRectangle: (a, b) => cellsInRectangle(cells.lat, cells.lon, a, b),
    patchAt: (cell) => floodFill(cells.offsets, cells.neighbors, owner, cell),
    sketch: null,
    setSketch: (sketch) => {
      ctx.sketch = sketch;
    },
    splitAlong: (line) => log.push(`split ${line.length}`),
    // Account 0 lies in cell 0 (territory 1) and is placed in territory 2 by name.
    accountTerritory: () => 2,
    accountCellTerritory: () => 1,
    overrideAccount: (account, to) => log.push(`override ${account} ${to}`),
    accountDrag: null,
    setAccountDrag: (drag) => {
      ctx.accountDrag = drag;
    },
    setHoverAccount: () => {},
  };
  return { ctx, owner, log };
}

describe('brush tool', () => {
  const cells = makeCells();

  it('collects a continuous stroke without locked or already-owned cells, then commits once', () => {
    const { ctx, owner, log } = makeContext(cells, 1);
    let state = TOOL_STATES['brush.idle']!;
    const start = 60;
    const end = 75;
    state = TOOL_STATES[state.onPointerDown!(ctx, { cell: start, assignModifier: false })]!;
    expect(state.id).toBe('brush.painting');
    state = TOOL_STATES[state.onPointerMove!(ctx, { cell: end, assignModifier: false })]!;
    const painted = ctx.preview!.cells;
    expect(painted).toEqual(expect.arrayContaining(cellsBetween(cells, start, end)));
    expect(painted.every((c) => owner[c] === 2)).toBe(true);
    expect(new Set(painted).size).toBe(painted.length);
    state = TOOL_STATES[state.onPointerUp!(ctx, { cell: end, assignModifier: false })]!;
    expect(state.id).toBe('brush.idle');
    expect(log).toEqual([`commit ${painted.length}`]);
  });

  it('does nothing without a selected territory, and Escape drops a stroke', () => {
    const none = makeContext(cells, null);
    expect(TOOL_STATES['brush.idle']!.onPointerDown!(none.ctx, { cell: 50, assignModifier: false })).toBe('brush.idle');
    expect(none.ctx.preview).toBeNull();
    const { ctx, log } = makeContext(cells, 2);
    const painting = TOOL_STATES[TOOL_STATES['brush.idle']!.onPointerDown!(ctx, { cell: 10, assignModifier: false })]!;
    expect(ctx.preview!.cells.length).toBeGreaterThan(0);
    expect(painting.onCancel!(ctx)).toBe('brush.idle');
    expect(ctx.preview).toBeNull();
    expect(log).toEqual([]);
  });

  it('erases to null', () => {
    const { ctx } = makeContext(cells, null);
    TOOL_STATES['eraser.idle']!.onPointerDown!(ctx, { cell: 20, assignModifier: false });
    expect(ctx.preview).toMatchObject({ to: null });
    expect(ctx.preview!.cells).toContain(20);
  });
});

describe('select tool', () => {
  const cells = makeCells();
  it('selects on click and assigns on Alt+click, never out of a locked territory', () => {
    const { ctx, log } = makeContext(cells, 2);
    TOOL_STATES['select.idle']!.onPointerUp!(ctx, { cell: 5, assignModifier: false });
    TOOL_STATES['select.idle']!.onPointerUp!(ctx, { cell: 5, assignModifier: true });
    TOOL_STATES['select.idle']!.onPointerUp!(ctx, { cell: 100, assignModifier: true });
    TOOL_STATES['select.idle']!.onPointerUp!(ctx, { cell: -1, assignModifier: false });
    // The end of a pan selects nothing.
    TOOL_STATES['select.idle']!.onPointerUp!(ctx, { cell: 50, assignModifier: false, moved: true });
    expect(log).toEqual(['select 1', 'assign 5 2']);
  });
});

describe('grid helpers', () => {
  const cells = makeCells();
  it('locates points and sizes the brush in rings', () => {
    expect(cellAt(cells, 45, 7)).toBe(cells.index.get(latLngToCell(45, 7, 6)));
    expect(cellAt(cells, -45, 7)).toBe(-1);
    const centre = cellAt(cells, 45, 7);
    expect(cellsUnderBrush(cells, centre, 0)).toEqual([centre]);
    expect(cellsUnderBrush(cells, centre, 2)).toHaveLength(19);
  });
});

const lngLatOf = (cells: MapCells, i: number): [number, number] => [cells.lon[i]!, cells.lat[i]!];

describe('pin tool', () => {
  const cells = makeCells();

  it('pins the assigned cells a drawn shape encloses, without a selected territory; Alt unpins; Escape drops the shape', () => {
    const { ctx, owner, log } = makeContext(cells, null);
    owner[5] = -1;
    const lats = [...cells.lat];
    const lons = [...cells.lon];
    const [s, n, w, e] = [Math.min(...lats) - 0.1, Math.max(...lats) + 0.1, Math.min(...lons) - 0.1, Math.max(...lons) + 0.1];
    const draw = (modifier: boolean) => {
      let state = TOOL_STATES[TOOL_STATES['pin.idle']!.onPointerDown!(ctx, { cell: -1, assignModifier: modifier, lngLat: [w, s] })]!;
      for (const p of [[e, s], [e, n], [w, n]] as [number, number][]) state = TOOL_STATES[state.onPointerMove!(ctx, { cell: -1, assignModifier: modifier, lngLat: p })]!;
      return state;
    };
    let state = draw(false);
    expect(state.id).toBe('pin.pinning');
    state = TOOL_STATES[state.onPointerUp!(ctx, { cell: -1, assignModifier: false, lngLat: [w, s] })]!;
    expect(state.id).toBe('pin.idle');
    expect(ctx.sketch).toBeNull();
    // Every cell but the unassigned one; unpinning takes them all.
    expect(log).toEqual([`pin ${owner.length - 1}`]);
    state = draw(true);
    expect(state.id).toBe('pin.unpinning');
    state.onPointerUp!(ctx, { cell: -1, assignModifier: true, lngLat: [w, s] });
    expect(log[1]).toBe(`unpin ${owner.length}`);
    state = draw(false);
    expect(state.onCancel!(ctx)).toBe('pin.idle');
    expect(ctx.sketch).toBeNull();
    expect(log).toHaveLength(2);
  });
});

describe('lasso and rectangle tools', () => {
  const cells = makeCells();

  it('previews the enclosed cells live, skips locked ones, and assigns them in one command', () => {
    const { ctx, owner, log } = makeContext(cells, 1);
    // A rectangle around the whole patch: every unlocked cell not already in territory 1.
    const lats = [...cells.lat];
    const lons = [...cells.lon];
    const [s, n, w, e] = [Math.min(...lats) - 0.1, Math.max(...lats) + 0.1, Math.min(...lons) - 0.1, Math.max(...lons) + 0.1];
    let state = TOOL_STATES[TOOL_STATES['lasso.idle']!.onPointerDown!(ctx, { cell: -1, assignModifier: false, lngLat: [w, s] })]!;
    expect(state.id).toBe('lasso.drawing');
    for (const p of [[e, s], [e, n], [w, n]] as [number, number][]) state = TOOL_STATES[state.onPointerMove!(ctx, { cell: -1, assignModifier: false, lngLat: p })]!;
    const expected = [...owner.keys()].filter((c) => owner[c] === 2);
    expect([...ctx.preview!.cells].sort((a, b) => a - b)).toEqual(expected);
    expect(ctx.sketch!.points).toHaveLength(4);
    state = TOOL_STATES[state.onPointerUp!(ctx, { cell: -1, assignModifier: false, lngLat: [w, s] })]!;
    expect(state.id).toBe('lasso.idle');
    expect(ctx.sketch).toBeNull();
    expect(log).toEqual([`commit ${expected.length}`]);
  });

  it('a rectangle keeps its first corner; Alt unassigns; Escape drops it', () => {
    const { ctx } = makeContext(cells, null);
    const a = lngLatOf(cells, 0);
    const b = lngLatOf(cells, 50);
    let state = TOOL_STATES[TOOL_STATES['rectangle.idle']!.onPointerDown!(ctx, { cell: 0, assignModifier: true, lngLat: a })]!;
    state = TOOL_STATES[state.onPointerMove!(ctx, { cell: 50, assignModifier: true, lngLat: b })]!;
    expect(ctx.preview!.to).toBeNull();
    const inside = cellsInRectangle(cells.lat, cells.lon, a, b).filter((c) => c < 80);
    expect([...ctx.preview!.cells].sort((x, y) => x - y)).toEqual(inside);
    expect(state.onCancel!(ctx)).toBe('rectangle.idle');
    expect(ctx.preview).toBeNull();
    expect(ctx.sketch).toBeNull();
  });

  it('does not start without a selected territory (unless unassigning)', () => {
    const { ctx } = makeContext(cells, null);
    expect(TOOL_STATES['lasso.idle']!.onPointerDown!(ctx, { cell: 0, assignModifier: false, lngLat: [7, 45] })).toBe('lasso.idle');
  });
});

describe('fill tool', () => {
  const cells = makeCells();
  it('gives the connected patch under the pointer to the selected territory', () => {
    const { ctx, owner, log } = makeContext(cells, 1);
    TOOL_STATES['fill.idle']!.onPointerUp!(ctx, { cell: 45, assignModifier: false });
    const patch = floodFill(cells.offsets, cells.neighbors, owner, 45)!;
    expect(patch.every((c) => owner[c] === 2)).toBe(true);
    expect(log).toEqual([`commit ${patch.length}`]);
  });
  it('refuses to fill a locked patch, or on a drag', () => {
    const { ctx, log } = makeContext(cells, 1);
    TOOL_STATES['fill.idle']!.onPointerUp!(ctx, { cell: 100, assignModifier: false });
    TOOL_STATES['fill.idle']!.onPointerUp!(ctx, { cell: 45, assignModifier: false, moved: true });
    expect(log).toEqual([]);
  });
});

describe('split tool', () => {
  const cells = makeCells();
  it('collects the drawn line and splits along it on release', () => {
    const { ctx, log } = makeContext(cells, 1);
    let state = TOOL_STATES[TOOL_STATES['split.idle']!.onPointerDown!(ctx, { cell: 0, assignModifier: false, lngLat: [6.9, 45] })]!;
    state = TOOL_STATES[state.onPointerMove!(ctx, { cell: 0, assignModifier: false, lngLat: [7, 45] })]!;
    expect(state.onPointerUp!(ctx, { cell: 0, assignModifier: false, lngLat: [7.1, 45] })).toBe('split.idle');
    expect(log).toEqual(['split 3']);
  });
});

describe('dragging an account', () => {
  const cells = makeCells();
  it('overrides onto the territory it is dropped on, and clears the override on its own cell', () => {
    const { ctx, log } = makeContext(cells, null);
    const down = TOOL_STATES['select.idle']!.onPointerDown!(ctx, { cell: 0, assignModifier: false, lngLat: lngLatOf(cells, 0), account: 0 });
    expect(down).toBe('select.dragAccount');
    const drag = TOOL_STATES[down]!;
    drag.onPointerMove!(ctx, { cell: 85, assignModifier: false, lngLat: lngLatOf(cells, 85), account: -1 });
    expect(ctx.accountDrag).toMatchObject({ account: 0, target: 3 });
    // Territory 3 is locked: refused.
    expect(drag.onPointerUp!(ctx, { cell: 85, assignModifier: false, account: -1 })).toBe('select.idle');
    TOOL_STATES['select.idle']!.onPointerDown!(ctx, { cell: 0, assignModifier: false, lngLat: lngLatOf(cells, 0), account: 0 });
    drag.onPointerUp!(ctx, { cell: 5, assignModifier: false, account: -1 });
    expect(ctx.accountDrag).toBeNull();
    expect(log).toEqual(['override 0 null']);
  });
  it('a press away from accounts does not start a drag', () => {
    const { ctx } = makeContext(cells, null);
    expect(TOOL_STATES['select.idle']!.onPointerDown!(ctx, { cell: 0, assignModifier: false, lngLat: [7, 45], account: -1 })).toBe('select.idle');
  });
});
