import type { WebMercatorViewport } from '@deck.gl/core';
import type { MapAccounts, MapCells } from '../stores/use-app-store';

/** How close (screen pixels) the pointer must be to an account point to pick it. */
const PICK_RADIUS_PX = 8;

/**
 * The account point nearest to screen position (x, y) within a few pixels, searching only
 * the accounts of the cell under the pointer and of its neighbours (so the cost does not
 * grow with the number of accounts). -1 when none is that close.
 */
export function accountNear(cells: MapCells, accounts: MapAccounts, cell: number, viewport: WebMercatorViewport, x: number, y: number): number {
  let best = -1;
  let bestDistance = PICK_RADIUS_PX * PICK_RADIUS_PX;
  const visit = (c: number) => {
    for (const a of accounts.byCell.get(c) ?? []) {
      const [px, py] = viewport.project([accounts.lon[a]!, accounts.lat[a]!]) as [number, number];
      const d = (px - x) ** 2 + (py - y) ** 2;
      if (d <= bestDistance) {
        bestDistance = d;
        best = a;
      }
    }
  };
  visit(cell);
  for (let e = cells.offsets[cell]!; e < cells.offsets[cell + 1]!; e++) visit(cells.neighbors[e]!);
  return best;
}
