import type { FeatureCollection } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesTopology from 'world-atlas/countries-50m.json';
import statesTopology from 'us-atlas/states-10m.json';

/** Offline basemap: Natural Earth countries and US state lines, bundled with the app. */
export interface Basemap {
  countries: FeatureCollection;
  stateLines: FeatureCollection;
}

let cached: Basemap | null = null;

export function loadBasemap(): Basemap {
  if (cached) return cached;
  const world = countriesTopology as unknown as Topology<{ countries: GeometryCollection }>;
  const us = statesTopology as unknown as Topology<{ states: GeometryCollection }>;
  cached = {
    countries: feature(world, world.objects.countries) as FeatureCollection,
    stateLines: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: mesh(us, us.objects.states, (a, b) => a !== b) }],
    },
  };
  return cached;
}
