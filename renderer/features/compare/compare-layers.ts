import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { LineLayer } from '@deck.gl/layers';
import type { Rgba } from '../../map/color';
import type { Segment } from '../../map/territory-outlines';
import { MOVED_UNASSIGNED } from './compare-fills';

export interface MovedLayerInput {
  h3: readonly string[];
  /** Cells that moved, and the territory each moved to (-1 = unassigned). */
  movedCells: Int32Array;
  movedTo: Int32Array;
  /** Territory colours at full strength. */
  colors: ReadonlyMap<number, Rgba>;
  /** A `{ length }` object kept for as long as `movedCells` is: deck.gl compares `data` by reference. */
  data: { length: number };
  /** Changes whenever the cells or the colours change. */
  trigger: string;
  visible: boolean;
}

/**
 * The moved cells of a comparison, filled in the colour of the territory they moved to
 * (their region is outlined by {@link buildMovedOutlineLayer}). Accessors read the typed
 * arrays by row, so no per-cell objects exist.
 */
export function buildComparedMovedLayer(input: MovedLayerInput) {
  const { h3, movedCells, movedTo, colors } = input;
  return new H3HexagonLayer<unknown>({
    id: 'compare-moved',
    data: input.data,
    visible: input.visible,
    getHexagon: (_: unknown, { index }: { index: number }) => h3[movedCells[index]!]!,
    getFillColor: (_: unknown, { index }: { index: number }) => {
      const to = movedTo[index]!;
      return to < 0 ? MOVED_UNASSIGNED : (colors.get(to) ?? MOVED_UNASSIGNED);
    },
    filled: true,
    stroked: false,
    extruded: false,
    pickable: true,
    highPrecision: 'auto',
    updateTriggers: { getHexagon: input.trigger, getFillColor: input.trigger },
  } as never);
}

/** The boundary of the moved region (edges between moved and unchanged cells), drawn thick once zoomed in. */
export function buildMovedOutlineLayer(segments: Segment[], trigger: string, widthPx: number) {
  return new LineLayer<Segment>({
    id: 'compare-moved-outline',
    data: segments,
    getSourcePosition: (s) => s.source,
    getTargetPosition: (s) => s.target,
    getColor: [20, 20, 20, 240],
    widthUnits: 'pixels',
    getWidth: widthPx,
    updateTriggers: { getSourcePosition: trigger, getTargetPosition: trigger },
  });
}
