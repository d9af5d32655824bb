import { LineLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { AccountDrag, AppState, MapAccounts } from '../../stores/use-app-store';

/** The lasso, rectangle or split line being drawn. */
export function buildSketchLayer(sketch: NonNullable<AppState['sketch']>, rectangle: boolean) {
  let path = sketch.points;
  if (rectangle && path.length >= 2) {
    const [a, b] = [path[0]!, path[path.length - 1]!];
    path = [a, [b[0], a[1]], b, [a[0], b[1]], a];
  } else if (sketch.kind === 'polygon' && path.length > 2) {
    path = [...path, path[0]!];
  }
  return new PathLayer<{ path: [number, number][] }>({
    id: 'sketch',
    data: [{ path }],
    getPath: (d) => d.path,
    getColor: sketch.kind === 'line' ? [200, 30, 30, 255] : [20, 20, 20, 230],
    widthUnits: 'pixels',
    getWidth: 2,
    updateTriggers: { getPath: path.length },
  });
}

/** An account being dragged: a line from where it lies to the pointer, and a dot at the pointer. */
export function buildAccountDragLayers(drag: AccountDrag, accounts: MapAccounts) {
  const from: [number, number] = [accounts.lon[drag.account]!, accounts.lat[drag.account]!];
  return [
    new LineLayer<{ source: [number, number]; target: [number, number] }>({
      id: 'account-drag-line',
      data: [{ source: from, target: drag.at }],
      getSourcePosition: (d) => d.source,
      getTargetPosition: (d) => d.target,
      getColor: [20, 20, 20, 230],
      widthUnits: 'pixels',
      getWidth: 2,
    }),
    new ScatterplotLayer<[number, number]>({
      id: 'account-drag-dot',
      data: [drag.at],
      getPosition: (d) => d,
      radiusUnits: 'pixels',
      getRadius: 6,
      getFillColor: [255, 255, 255, 255],
      stroked: true,
      getLineColor: [0, 0, 0, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
  ];
}
