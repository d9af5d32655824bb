import { ScatterplotLayer } from '@deck.gl/layers';
import type { Rep } from '../../../shared/domain/model/workspace';

/** Rep home bases as white-ringed dark dots. */
export function buildRepHomesLayer(reps: readonly Rep[]) {
  return new ScatterplotLayer<Rep>({
    id: 'rep-homes',
    data: reps as Rep[],
    getPosition: (r) => [r.lon, r.lat],
    radiusUnits: 'pixels',
    getRadius: 5,
    getFillColor: [33, 37, 41, 255],
    stroked: true,
    getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    pickable: true,
  });
}
