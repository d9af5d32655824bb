import { GeoJsonLayer } from '@deck.gl/layers';
import type { Basemap } from '../basemap-data';

/** Land and borders under the territory cells. */
export function buildBasemapLayers(basemap: Basemap) {
  return [
    new GeoJsonLayer({
      id: 'basemap-countries',
      data: basemap.countries,
      filled: true,
      stroked: true,
      getFillColor: [244, 241, 234, 255],
      getLineColor: [150, 150, 150, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
  ];
}

/** State borders drawn above the cells so they stay readable. */
export function buildBorderLayers(basemap: Basemap) {
  return [
    new GeoJsonLayer({
      id: 'basemap-state-lines',
      data: basemap.stateLines,
      filled: false,
      stroked: true,
      getLineColor: [90, 90, 90, 110],
      lineWidthUnits: 'pixels',
      getLineWidth: 0.8,
    }),
  ];
}
