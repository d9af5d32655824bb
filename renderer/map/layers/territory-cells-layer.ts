import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { hexToRgba, UNASSIGNED_FILL, type Rgba } from '../color';

export interface CellLayerInput {
  id: string;
  h3: readonly string[];
  /** Fine-cell index whose territory each drawn hexagon shows (identity for fine cells). */
  source: (i: number) => number;
  territoryOfCell: Int32Array;
  colorOf: ReadonlyMap<number, string>;
  selected: number | null;
  /** Changes whenever the colours must be recomputed. */
  trigger: string;
  visible: boolean;
}

/**
 * H3 cells filled with their territory's colour (the deck.gl instanced fast path). With a
 * territory selected, the others fade so it stands out.
 */
export function buildTerritoryCellsLayer(input: CellLayerInput) {
  const rgba = new Map<number, Rgba>();
  for (const [id, hex] of input.colorOf) rgba.set(id, hexToRgba(hex, 200));
  const faded = new Map<number, Rgba>();
  for (const [id, c] of rgba) faded.set(id, [c[0], c[1], c[2], 60]);
  return new H3HexagonLayer<unknown>({
    id: input.id,
    data: { length: input.h3.length },
    visible: input.visible,
    getHexagon: (_: unknown, { index }: { index: number }) => input.h3[index]!,
    getFillColor: (_: unknown, { index }: { index: number }) => {
      const t = input.territoryOfCell[input.source(index)]!;
      if (t < 0) return UNASSIGNED_FILL;
      if (input.selected !== null && t !== input.selected) return faded.get(t) ?? UNASSIGNED_FILL;
      return rgba.get(t) ?? UNASSIGNED_FILL;
    },
    updateTriggers: { getFillColor: input.trigger },
    extruded: false,
    stroked: false,
    filled: true,
    pickable: true,
    highPrecision: 'auto',
  } as never);
}
