import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { CollisionFilterExtension } from '@deck.gl/extensions';
import { LineLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { hexToRgba, type Rgba } from '../color';
import type { Label, Segment } from '../territory-outlines';

/** Territory boundaries drawn from cut edges. */
export function buildOutlineLayer(segments: Segment[], trigger: string) {
  return new LineLayer<Segment>({
    id: 'territory-outlines',
    data: segments,
    getSourcePosition: (s) => s.source,
    getTargetPosition: (s) => s.target,
    getColor: [40, 40, 40, 220],
    widthUnits: 'pixels',
    getWidth: 1.4,
    updateTriggers: { getSourcePosition: trigger, getTargetPosition: trigger },
  });
}

/**
 * Territory names at a point inside each territory. Overlapping labels are thinned on the
 * GPU (collision filter): the territories with more cells win, so the map stays readable
 * at national zoom and every name appears as you zoom in.
 */
export function buildLabelLayer(labels: Label[], nameOf: ReadonlyMap<number, string>, trigger: string) {
  return new TextLayer<Label>({
    id: 'territory-labels',
    data: labels,
    getPosition: (l: Label) => l.position,
    getText: (l: Label) => nameOf.get(l.territoryId) ?? '',
    characterSet: 'auto',
    fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
    getSize: 12,
    sizeUnits: 'pixels',
    getColor: [20, 20, 20, 255],
    fontWeight: 600,
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true },
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    extensions: [new CollisionFilterExtension()],
    collisionEnabled: true,
    getCollisionPriority: (l: Label) => Math.min(1000, l.cells / 10),
    collisionTestProps: { sizeScale: 1.6 },
    updateTriggers: { getText: trigger, getPosition: trigger, getCollisionPriority: trigger },
  } as never);
}

/** Cells of the stroke in progress, in the colour they are about to take. */
export function buildPreviewLayer(h3: readonly string[], cells: number[], color: string | null) {
  const fill: Rgba = color ? hexToRgba(color, 235) : [250, 250, 250, 230];
  return new H3HexagonLayer<number>({
    id: 'edit-preview',
    data: cells,
    getHexagon: (i: number) => h3[i]!,
    getFillColor: fill,
    filled: true,
    stroked: false,
    extruded: false,
    updateTriggers: { getFillColor: color },
  } as never);
}

/** The brush footprint under the pointer. */
export function buildHoverLayer(h3: readonly string[], cells: number[]) {
  return new H3HexagonLayer<number>({
    id: 'brush-footprint',
    data: cells,
    getHexagon: (i: number) => h3[i]!,
    filled: true,
    getFillColor: [255, 255, 255, 60],
    stroked: true,
    getLineColor: [20, 20, 20, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    extruded: false,
  } as never);
}

/** Cells a balance proposal moves: outlined in dark red over their proposed colour. */
export function buildMovedCellsLayer(h3: readonly string[], cells: Int32Array, trigger: number) {
  return new H3HexagonLayer<number>({
    id: 'balance-moved',
    data: Array.from(cells),
    getHexagon: (i: number) => h3[i]!,
    filled: false,
    stroked: true,
    getLineColor: [150, 20, 20, 230],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.2,
    extruded: false,
    updateTriggers: { getHexagon: trigger },
  } as never);
}

/** Pinned cells (a balance keeps them in their territory): a small white dot ringed in dark slate at each centre. */
export function buildPinnedCellsLayer(lat: ArrayLike<number>, lon: ArrayLike<number>, cells: Int32Array, trigger: string) {
  return new ScatterplotLayer<number>({
    id: 'pinned-cells',
    data: Array.from(cells),
    getPosition: (i: number) => [lon[i]!, lat[i]!],
    radiusUnits: 'pixels',
    getRadius: 2.5,
    getFillColor: [255, 255, 255, 255],
    stroked: true,
    getLineColor: [47, 62, 78, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    updateTriggers: { getPosition: trigger },
  });
}
