import { cellToParent } from 'h3-js';
import { hexToRgba, UNASSIGNED_FILL, type Rgba } from '../../map/color';

/** Alpha of a plan's cells on the side-by-side maps, and of unchanged cells on the differences map. */
export const PLAN_ALPHA = 200;
export const UNCHANGED_ALPHA = 45;
/** A moved cell that ends up unassigned. */
export const MOVED_UNASSIGNED: Rgba = [70, 70, 70, 230];

/** Territory id → colour at the given alpha. */
export function territoryColors(
  territories: readonly { id: number; color: string; colors?: { before: string | null; after: string | null } }[],
  alpha: number,
  side: 'before' | 'after' = 'after',
): Map<number, Rgba> {
  return new Map(territories.map((x) => [x.id, hexToRgba(x.colors?.[side] ?? x.color, alpha)]));
}

/** A plan's fill: each cell in its territory's colour. */
export function planFill(territoryOfCell: Int32Array, colors: ReadonlyMap<number, Rgba>): (cell: number) => Rgba {
  return (cell) => {
    const t = territoryOfCell[cell] ?? -1;
    return t < 0 ? UNASSIGNED_FILL : (colors.get(t) ?? UNASSIGNED_FILL);
  };
}

/** 1 for every moved cell, 0 elsewhere: as a plan, its outlines are the boundary of the moved region. */
export function movedMask(cellCount: number, movedCells: Int32Array): Int32Array {
  const out = new Int32Array(cellCount);
  for (let k = 0; k < movedCells.length; k++) {
    const c = movedCells[k]!;
    if (c >= 0 && c < cellCount) out[c] = 1;
  }
  return out;
}

/** Cell → its row in the moved-cell lists (-1 where the cell did not move). */
export function movedIndex(cellCount: number, movedCells: Int32Array): Int32Array {
  const out = new Int32Array(cellCount).fill(-1);
  for (let k = 0; k < movedCells.length; k++) {
    const c = movedCells[k]!;
    if (c >= 0 && c < cellCount) out[c] = k;
  }
  return out;
}

/**
 * The differences map's fill: unchanged cells faded in the other plan's colour, moved cells
 * at full strength in the colour of the territory they moved to.
 */
export function diffFill(
  otherPlan: Int32Array,
  moved: Int32Array,
  movedTo: Int32Array,
  faded: ReadonlyMap<number, Rgba>,
  strong: ReadonlyMap<number, Rgba>,
): (cell: number) => Rgba {
  const fadedUnassigned: Rgba = [UNASSIGNED_FILL[0], UNASSIGNED_FILL[1], UNASSIGNED_FILL[2], 40];
  return (cell) => {
    const k = moved[cell] ?? -1;
    if (k >= 0) {
      const to = movedTo[k]!;
      return to < 0 ? MOVED_UNASSIGNED : (strong.get(to) ?? MOVED_UNASSIGNED);
    }
    const t = otherPlan[cell] ?? -1;
    return t < 0 ? fadedUnassigned : (faded.get(t) ?? fadedUnassigned);
  };
}

/** For each coarse (parent) hexagon: one moved child cell (-1: none) and how many of its cells moved. */
export interface CoarseMoved {
  child: Int32Array;
  count: Int32Array;
}

/** Groups the moved cells under the coarse hexagons drawn when zoomed out. */
export function coarseMoved(coarse: { resolution: number; h3: readonly string[] }, h3: readonly string[], movedCells: Int32Array): CoarseMoved {
  const indexOf = new Map<string, number>();
  coarse.h3.forEach((p, j) => indexOf.set(p, j));
  const child = new Int32Array(coarse.h3.length).fill(-1);
  const count = new Int32Array(coarse.h3.length);
  for (let k = 0; k < movedCells.length; k++) {
    const cell = movedCells[k]!;
    const code = h3[cell];
    if (code === undefined) continue;
    const j = indexOf.get(cellToParent(code, coarse.resolution));
    if (j === undefined) continue;
    if (child[j] === -1) child[j] = cell;
    count[j]!++;
  }
  return { child, count };
}
