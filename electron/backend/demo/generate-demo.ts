import { latLngToCell, polygonToCells } from 'h3-js';
import { growTerritories } from '../../../shared/domain/balancing/grow-territories';
import { buildAdjacency } from '../../../shared/domain/h3/build-adjacency';
import { buildStudyArea } from '../../../shared/domain/h3/build-study-area';
import { placeRepsByDemand, repName } from '../../../shared/domain/demo/pick-rep-homes';
import { sampleAccounts } from '../../../shared/domain/demo/sample-accounts';
import { assignTerritoryColors, territoryNeighbors } from '../../../shared/domain/model/palette';
import { createRng } from '../../../shared/domain/random/create-rng';
import type { Territory } from '../../../shared/domain/model/territory';
import type { Measure, Rep } from '../../../shared/domain/model/workspace';
import { DEMO_CREDITS } from './demo-credits';
import { contiguousUsPlaces, contiguousUsPolygons } from './load-open-data';
import type { WorkspaceContent } from '../workspace/write-content';

export interface DemoOptions {
  /** H3 resolution of the study area (≥ 6 keeps the deck.gl instanced path; default 6). */
  resolution?: number;
  accounts?: number;
  reps?: number;
  seed?: number;
}

export const DEMO_DEFAULTS = { resolution: 6, accounts: 24_000, reps: 40, seed: 2026 } as const;

const MEASURES: Measure[] = [
  { key: 'revenue_potential', label: 'Revenue potential', unit: 'USD', position: 0 },
  { key: 'workload', label: 'Workload', unit: 'visits/yr', position: 1 },
  { key: 'accounts', label: 'Accounts', unit: 'accounts', position: 2 },
];

/**
 * Builds the demo workspace's content from open data shipped in npm packages: accounts
 * sampled from real US places by population, reps placed where the work is (weighted
 * k-means of the accounts, snapped to real towns), the contiguous US land at the chosen H3 resolution (empty cells included) and
 * an initial contiguous alignment grown from the reps' homes. Same options → same content.
 */
export function generateDemoContent(options: DemoOptions = {}): WorkspaceContent {
  const { resolution, accounts: accountCount, reps: repCount, seed } = { ...DEMO_DEFAULTS, ...options };
  const rng = createRng(seed);
  const polygons = contiguousUsPolygons();
  const land = new Set<string>();
  for (const p of polygons) for (const c of polygonToCells(p, resolution, true)) land.add(c);
  const places = contiguousUsPlaces();
  const sampled = sampleAccounts(places, accountCount, rng, (lat, lon) => land.has(latLngToCell(lat, lon, resolution)));
  const points = new Float64Array(sampled.length * 2);
  sampled.forEach((a, i) => {
    points[2 * i] = a.lat;
    points[2 * i + 1] = a.lon;
  });
  const studyArea = buildStudyArea(polygons, points, resolution);
  const index = new Map<string, number>();
  studyArea.h3.forEach((h, i) => index.set(h, i));

  const homes = placeRepsByDemand(places, sampled.map((a) => ({ lat: a.lat, lon: a.lon, weight: a.workload })), repCount, rng);
  const width = String(repCount).length + 1;
  const reps: Rep[] = homes.map((p, i) => ({
    id: `R${String(i + 1).padStart(width, '0')}`,
    name: repName(i),
    lat: p.lat,
    lon: p.lon,
    capacity: 1,
  }));

  const workload = new Float64Array(studyArea.h3.length);
  for (const a of sampled) workload[index.get(latLngToCell(a.lat, a.lon, resolution))!]! += a.workload;
  const graph = buildAdjacency(studyArea.h3);
  const seeds = reps.map((r) => index.get(latLngToCell(r.lat, r.lon, resolution)) ?? nearestCell(studyArea.lat, studyArea.lon, r.lat, r.lon));
  const owner = growTerritories({ graph, weight: workload, lat: studyArea.lat, lon: studyArea.lon, seeds });
  const colors = assignTerritoryColors(territoryNeighbors(graph, owner, reps.length));
  const territories: Territory[] = homes.map((p, i) => ({
    id: i + 1,
    name: `${p.name}, ${p.region}`,
    color: colors[i]!,
    repId: reps[i]!.id,
    parentId: null,
    locked: false,
  }));
  const territoryOfCell = owner.map((t) => (t < 0 ? -1 : t + 1));

  return {
    name: 'Demo — contiguous United States',
    credits: DEMO_CREDITS,
    studyArea,
    measures: MEASURES,
    accounts: sampled.map((a) => ({
      id: a.id,
      name: a.name,
      lat: a.lat,
      lon: a.lon,
      measures: { revenue_potential: a.revenuePotential, workload: a.workload, accounts: 1 },
      attributes: { segment: a.segment, industry: a.industry, city: a.city },
    })),
    reps,
    scenario: { name: 'Current alignment', territories, territoryOfCell },
    graph,
  };
}

function nearestCell(lat: Float64Array, lon: Float64Array, la: number, lo: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < lat.length; i++) {
    const d = (lat[i]! - la) ** 2 + (lon[i]! - lo) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
