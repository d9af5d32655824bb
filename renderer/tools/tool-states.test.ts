import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { MapCells, Preview } from '../stores/use-app-store';
import { cellAt, cellsBetween, cellsUnderBrush } from './cells-under-brush';
import type { ToolContext } from './tool-state';
import { TOOL_STATES } from './tool-states';

function makeCells(): MapCells {
  const h3 = gridDisk(latLngToCell(45, 7, 6), 6).sort();
  const index = new Map(h3.map((h, i) => [h, i]));
  const n = h3.length;
  return {
    resolution: 6, h3, index,
    lat: new Float32Array(n), lon: new Float32Array(n), accounts: new Uint32Array(n), measures: {},
    offsets: new Int32Array(n + 1), neighbors: new Int32Array(0),
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
