import { describe, expect, it } from 'vitest';
import { metricsSheet, type MetricsTerritory } from './metrics-table';

const territory = (id: number, repId: string | null, revenue: number): MetricsTerritory => ({
  id,
  name: `T${id}`,
  color: '#000000',
  repId,
  regionName: id === 1 ? 'West' : null,
  accounts: 10 * id,
  cells: 5,
  areaKm2: 123.456,
  measures: { revenue },
  pieces: 1,
  contiguityBreaks: 0,
  compactness: 0.87654,
  meanDistanceKm: 12.34,
  maxDistanceKm: null,
  homeGapKm: id === 1 ? 2.04 : null,
});

describe('metricsSheet', () => {
  it('splits each measure by rep capacity and reports the deviation in percent', () => {
    // capacities 2 and 1 (vacant = 1): total 300 → targets 200 and 100.
    const sheet = metricsSheet({
      territories: [territory(1, 'r1', 250), territory(2, null, 50)],
      measures: [{ key: 'revenue', label: 'Revenue' }],
      reps: new Map([['r1', { name: 'Rita', capacity: 2 }]]),
    });
    expect(sheet.header).toEqual([
      'territory_id', 'territory', 'region', 'rep_id', 'rep', 'accounts', 'cells', 'area_km2',
      'Revenue', 'Revenue target', 'Revenue deviation %',
      'pieces', 'contiguity_breaks', 'compactness', 'mean_travel_km', 'max_travel_km', 'home_outside', 'home_gap_km',
    ]);
    // 5 cells of 24.7 km²: circumradius 3.1 km, so a home 2.0 km from the nearest centre lies inside.
    expect(sheet.rows[0]).toEqual(['1', 'T1', 'West', 'r1', 'Rita', 10, 5, 123.5, 250, 200, 25, 1, 0, 0.877, 12.3, null, 'no', 2]);
    expect(sheet.rows[1]).toEqual(['2', 'T2', '', '', '', 20, 5, 123.5, 50, 100, -50, 1, 0, 0.877, 12.3, null, null, null]);
  });

  it("says when the rep's home lies outside the territory", () => {
    const far = { ...territory(1, 'r1', 1), homeGapKm: 40 };
    const sheet = metricsSheet({ territories: [far], measures: [], reps: new Map([['r1', { name: 'Rita', capacity: 1 }]]) });
    expect(sheet.rows[0]!.slice(-2)).toEqual(['yes', 40]);
  });

  it('leaves the deviation empty where the target is 0', () => {
    const sheet = metricsSheet({ territories: [territory(1, null, 0)], measures: [{ key: 'revenue', label: 'Revenue' }], reps: new Map() });
    expect(sheet.rows[0]!.slice(8, 11)).toEqual([0, 0, null]);
  });
});
