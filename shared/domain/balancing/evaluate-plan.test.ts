import { describe, expect, it } from 'vitest';
import { csr } from '../../../test/helpers/csr';
import { connectedComponents } from '../graph/connected-components';
import { evaluateDisruption, evaluatePlan, planHash, type PlanProblem } from './evaluate-plan';

/** km per degree of great circle on the 6371.0088 km sphere (6371.0088 · π / 180). */
const KM_PER_DEG = 111.19508;

/** A problem over the given graph; cells at (0°, 0°) unless lat/lon are given. */
function problem(
  n: number,
  edges: readonly (readonly [number, number])[],
  territories: PlanProblem['territories'],
  weights: PlanProblem['weights'],
  extra: Partial<PlanProblem> = {},
): PlanProblem {
  const graph = csr(n, edges);
  return {
    ...graph,
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    weights,
    travelMeasure: 'workload',
    territories,
    studyComponent: connectedComponents(graph).component,
    ...extra,
  };
}

const plan = (ids: readonly number[]): Int32Array => Int32Array.from(ids);

/**
 * A 2×3 patch of hexes, the second row shifted half a cell right:
 *    0   1   2
 *      3   4   5
 * Degrees 2 4 3 3 4 2: the whole patch has perimeter 36 − 18 = 18 = minimalHexPerimeter(6).
 */
const PATCH_EDGES = [[0, 1], [1, 2], [3, 4], [4, 5], [0, 3], [1, 3], [1, 4], [2, 4], [2, 5]] as const;
/** workload total 21, revenue total 10 */
const PATCH_WEIGHTS = { workload: [1, 2, 3, 4, 5, 6], revenue: [5, 1, 1, 1, 1, 1] };
/** Capacities 1 : 2 → workload targets 7, 14; revenue targets 10/3, 20/3. */
const PATCH_TERRITORIES = [
  { id: 10, capacity: 1, home: -1 },
  { id: 20, capacity: 2, home: -1 },
];
const TOLERANCE = { workload: 0.02, revenue: 0.1 };
const patch = (extra: Partial<PlanProblem> = {}): PlanProblem =>
  problem(6, PATCH_EDGES, PATCH_TERRITORIES, PATCH_WEIGHTS, { tolerance: TOLERANCE, ...extra });

/** Two triangles {0,1,3} and {2,4,5}: W_workload = 7, 14 (on target); W_revenue = 7, 3. */
const PLAN_A = [10, 10, 20, 10, 20, 20];
/** Alternating {0,2,4} and {1,3,5}: each territory in two pieces. W_workload = 9, 12; W_revenue = 7, 3. */
const PLAN_B = [10, 20, 10, 20, 10, 20];

describe('evaluatePlan: balance', () => {
  it('computes Δ, B, g and per-territory deviations against capacity-weighted targets', () => {
    const f = evaluatePlan(patch(), plan(PLAN_A));
    expect(f.maxDeviation.workload).toBeCloseTo(0, 12);
    // revenue: (7 − 10/3)/(10/3) = 1.1 and (3 − 20/3)/(20/3) = −0.55
    expect(f.maxDeviation.revenue).toBeCloseTo(1.1, 12);
    // B = (1.1 − 0.1) + (0.55 − 0.1); workload is within 0.02
    expect(f.excess).toBeCloseTo(1.45, 12);
    // g uses the smallest target: workload 6 / 7, revenue 5 / (10/3)
    expect(f.granularity.workload).toBeCloseTo(6 / 7, 12);
    expect(f.granularity.revenue).toBeCloseTo(1.5, 12);
    expect(f.perTerritory.map((t) => [t.id, t.cells, t.totals.workload, t.totals.revenue])).toEqual([
      [10, 3, 7, 7],
      [20, 3, 14, 3],
    ]);
    expect(f.perTerritory[0]!.deviation.revenue).toBeCloseTo(1.1, 12);
    expect(f.perTerritory[1]!.deviation.revenue).toBeCloseTo(-0.55, 12);
    expect(f.perTerritory[1]!.deviation.workload).toBeCloseTo(0, 12);
    expect(f.unassignedCells).toBe(0);
  });

  it('treats a missing tolerance as 0', () => {
    const f = evaluatePlan(patch({ tolerance: undefined }), plan(PLAN_A));
    expect(f.excess).toBeCloseTo(1.1 + 0.55, 12);
    const partial = evaluatePlan(patch({ tolerance: { revenue: 1 } }), plan(PLAN_A));
    // revenue: max(0, 1.1 − 1) + max(0, 0.55 − 1)
    expect(partial.excess).toBeCloseTo(0.1, 12);
  });

  it('adds the workload excess of an off-target plan', () => {
    const f = evaluatePlan(patch(), plan(PLAN_B));
    // workload: (9 − 7)/7 = 2/7 and (12 − 14)/14 = −1/7
    expect(f.maxDeviation.workload).toBeCloseTo(2 / 7, 12);
    expect(f.excess).toBeCloseTo(2 / 7 - 0.02 + (1 / 7 - 0.02) + 1.45, 12);
    expect(f.perTerritory[1]!.deviation.workload).toBeCloseTo(-1 / 7, 12);
  });

  it('counts unassigned and unlisted cells in the totals but in no territory', () => {
    // cell 4 has an unknown id, cell 5 is unassigned
    const f = evaluatePlan(patch(), plan([10, 10, 20, 10, 99, -1]));
    expect(f.unassignedCells).toBe(2);
    expect(f.perTerritory.map((t) => [t.cells, t.totals.workload, t.totals.revenue])).toEqual([
      [3, 7, 7],
      [1, 3, 1],
    ]);
    // targets still come from all 21 / 10: (3 − 14)/14 and (1 − 20/3)/(20/3)
    expect(f.perTerritory[1]!.deviation.workload).toBeCloseTo(-11 / 14, 12);
    expect(f.perTerritory[1]!.deviation.revenue).toBeCloseTo(-0.85, 12);
    expect(f.maxDeviation.workload).toBeCloseTo(11 / 14, 12);
  });

  it('skips zero targets and reports 0 deviation for them', () => {
    const p = patch({ weights: { workload: PATCH_WEIGHTS.workload, empty: [0, 0, 0, 0, 0, 0] } });
    const f = evaluatePlan(p, plan(PLAN_A));
    expect(f.maxDeviation.empty).toBe(0);
    expect(f.granularity.empty).toBe(0);
    expect(f.perTerritory[0]!.deviation.empty).toBe(0);
    expect(f.excess).toBe(0);
  });

  it('gives the same figures for sparse and very large ids', () => {
    const big = patch({
      territories: [
        { id: 5_000_000, capacity: 1, home: -1 },
        { id: 7, capacity: 2, home: -1 },
      ],
    });
    const f = evaluatePlan(big, plan(PLAN_A.map((id) => (id === 10 ? 5_000_000 : 7))));
    const reference = evaluatePlan(patch(), plan(PLAN_A));
    expect(f.excess).toBeCloseTo(reference.excess, 12);
    expect(f.cutEdges).toBe(reference.cutEdges);
    expect(f.perTerritory.map((t) => t.id)).toEqual([5_000_000, 7]);
  });
});

describe('evaluatePlan: shape', () => {
  it('scores two compact triangles', () => {
    const f = evaluatePlan(patch(), plan(PLAN_A));
    expect(f.contiguityBreaks).toBe(0);
    // between the triangles: 1–2, 1–4, 3–4
    expect(f.cutEdges).toBe(3);
    // each triangle: 3 cells × (6 − 2) = 12 = minimalHexPerimeter(3)
    expect(f.meanCompactness).toBeCloseTo(1, 12);
  });

  it('scores a fragmented plan', () => {
    const f = evaluatePlan(patch(), plan(PLAN_B));
    // {0} + {2,4} and {1,3} + {5}
    expect(f.contiguityBreaks).toBe(2);
    // only 2–4 and 1–3 stay inside a territory
    expect(f.cutEdges).toBe(7);
    // P = 6 + 5 + 5 = 16 for both: (12 / 16)²
    expect(f.meanCompactness).toBeCloseTo(0.5625, 12);
  });

  it('cuts edges to unassigned cells but not between them', () => {
    const f = evaluatePlan(patch(), plan([10, 10, 20, 10, 99, -1]));
    // 1–2, 1–4, 3–4, 2–4, 2–5 cut; 4–5 joins two unassigned cells
    expect(f.cutEdges).toBe(5);
    expect(f.contiguityBreaks).toBe(0);
    // triangle 1, single cell (6 / 6)² = 1
    expect(f.meanCompactness).toBeCloseTo(1, 12);
  });

  it('averages compactness over non-empty territories only', () => {
    const three = patch({ territories: [...PATCH_TERRITORIES, { id: 30, capacity: 1, home: -1 }] });
    // {0,1,2,3}: P = 6·4 − 2·(0–1, 1–2, 0–3, 1–3) = 16, minimalHexPerimeter(4) = 2⌈√45⌉ = 14
    const f = evaluatePlan(three, plan([10, 10, 10, 10, 20, 20]));
    expect(f.meanCompactness).toBeCloseTo(((14 / 16) ** 2 + 1) / 2, 12);
    expect(f.perTerritory[2]!.cells).toBe(0);
    // workload targets 21/4 · (1, 2, 1): territory 30 is at −100 %
    expect(f.perTerritory[2]!.deviation.workload).toBeCloseTo(-1, 12);
    expect(evaluatePlan(three, plan([-1, -1, -1, -1, -1, -1])).meanCompactness).toBeNull();
  });

  it('does not count islands of the study area as contiguity breaks', () => {
    // path 0–1–2 and an island 3 (study components 0, 0, 0, 1)
    const territories = [
      { id: 1, capacity: 1, home: -1 },
      { id: 2, capacity: 1, home: -1 },
    ];
    const p = problem(4, [[0, 1], [1, 2]], territories, { workload: [1, 1, 1, 1] });
    expect(evaluatePlan(p, plan([1, 1, 1, 1])).contiguityBreaks).toBe(0);
    expect(evaluatePlan(p, plan([1, 2, 2, 1])).contiguityBreaks).toBe(0);
    // territory 1 = {0}, {2}, {3}: two study components, three pieces
    expect(evaluatePlan(p, plan([1, 2, 1, 1])).contiguityBreaks).toBe(1);
  });
});

describe('evaluatePlan: travel and inertia', () => {
  /** Five cells on the equator at 0°, 1°, …, 4° east in a path. */
  const equator = (extra: Partial<PlanProblem> = {}): PlanProblem =>
    problem(
      5,
      [[0, 1], [1, 2], [2, 3], [3, 4]],
      [
        { id: 1, capacity: 1, home: 0 },
        { id: 2, capacity: 1, home: -1 },
      ],
      { workload: [1, 1, 2, 5, 5] },
      { lon: [0, 1, 2, 3, 4], ...extra },
    );
  const onEquator = plan([1, 1, 1, 2, 2]);

  it('averages great-circle distances to the home over homed territories', () => {
    // (1·0° + 1·1° + 2·2°) / 4 = 1.25°; territory 2 has no home
    expect(evaluatePlan(equator(), onEquator).meanTravelKm).toBeCloseTo(1.25 * KM_PER_DEG, 3);
    expect(evaluatePlan(equator(), onEquator).meanTravelKm).toBeCloseTo(138.994, 3);
  });

  it('weighs every cell 1 when the travel measure is not a measure', () => {
    // an inherited property name is not a measure either
    expect(evaluatePlan(equator({ travelMeasure: 'constructor' }), onEquator).meanTravelKm).toBeCloseTo(111.195, 3);
    const f = evaluatePlan(equator({ travelMeasure: 'accounts' }), onEquator);
    // (0° + 1° + 2°) / 3
    expect(f.meanTravelKm).toBeCloseTo(111.195, 3);
    // centroids 1° and 3.5°: (1 + 0 + 1) + (0.25 + 0.25) degrees²
    expect(f.inertia).toBeCloseTo(2.5 * KM_PER_DEG ** 2, 1);
  });

  it('is null without a home or without weight near one', () => {
    const vacant = equator({
      territories: [
        { id: 1, capacity: 1, home: -1 },
        { id: 2, capacity: 1, home: -1 },
      ],
    });
    expect(evaluatePlan(vacant, onEquator).meanTravelKm).toBeNull();
    expect(evaluatePlan(equator({ weights: { workload: [0, 0, 0, 5, 5] } }), onEquator).meanTravelKm).toBeNull();
    // unassigned cells don't travel
    expect(evaluatePlan(equator(), plan([1, 1, -1, 2, 2])).meanTravelKm).toBeCloseTo(0.5 * KM_PER_DEG, 3);
  });

  it('sums weighted squared distances to the weighted centroids', () => {
    // territory 1: centroid (0·1 + 1·1 + 2·2)/4 = 1.25°, offsets −1.25, −0.25, 0.75:
    //   1·1.5625 + 1·0.0625 + 2·0.5625 = 2.75; territory 2: centroid 3.5°, 5·0.25 · 2 = 2.5
    expect(evaluatePlan(equator(), onEquator).inertia).toBeCloseTo(5.25 * KM_PER_DEG ** 2, 1);
  });

  it('projects around each centroid (cos lat, antimeridian, latitude offsets)', () => {
    const p = problem(
      6,
      [],
      [1, 2, 3].map((id) => ({ id, capacity: 1, home: -1 })),
      { workload: [1, 1, 1, 1, 1, 3] },
      { lat: [60, 60, 0, 0, 10, 12], lon: [0, 2, 179.5, -179.5, 0, 0] },
    );
    const f = evaluatePlan(p, plan([1, 1, 2, 2, 3, 3]));
    // 1: ±1° at cos 60° → 2 · 0.25; 2: ±0.5° across 180° → 2 · 0.25;
    // 3: centroid 11.5°, 1·1.5² + 3·0.5² = 3
    expect(f.inertia).toBeCloseTo(4 * KM_PER_DEG ** 2, 1);
  });
});

describe('evaluateDisruption', () => {
  const accounts = { cellAccounts: [3, 7, 0, 0, 0, 11] };

  it('measures moved weight, accounts and cells', () => {
    // cell 1 moves 10 → 20, cell 5 moves 20 → unassigned
    const d = evaluateDisruption(patch(accounts), plan(PLAN_A), plan([10, 20, 20, 10, 20, -1]));
    expect(d.movedCells).toBe(2);
    expect(d.movedAccounts).toBe(18);
    expect(d.movedShare.workload).toBeCloseTo(8 / 21, 12);
    expect(d.movedShare.revenue).toBeCloseTo(0.2, 12);
  });

  it('bounds the moved share from the prior plan', () => {
    const d = evaluateDisruption(patch(), plan(PLAN_A), plan(PLAN_A));
    expect(d.movedCells).toBe(0);
    expect(d.movedAccounts).toBe(0);
    expect(d.movedShare.workload).toBe(0);
    // workload is on target
    expect(d.movedLowerBound.workload).toBe(0);
    // revenue W⁰ = 7, 3, T = 10/3, 20/3, τ = 0.1: over 7 − 11/3 = 10/3, under 6 − 3 = 3
    expect(d.movedLowerBound.revenue).toBeCloseTo(1 / 3, 12);
    // τ = 0: both sides 11/3
    const strict = evaluateDisruption(patch({ tolerance: {} }), plan(PLAN_A), plan(PLAN_A));
    expect(strict.movedLowerBound.revenue).toBeCloseTo(11 / 30, 12);
    // workload from plan B: W⁰ = 9, 12; over 9 − 1.02·7 = 1.86, under 0.98·14 − 12 = 1.72
    const fromB = evaluateDisruption(patch(), plan(PLAN_B), plan(PLAN_A));
    expect(fromB.movedLowerBound.workload).toBeCloseTo(1.86 / 21, 12);
    // cells 1–4 change: workload 2 + 3 + 4 + 5
    expect(fromB.movedCells).toBe(4);
    expect(fromB.movedShare.workload).toBeCloseTo(14 / 21, 12);
  });

  it('treats all negative ids as the same unassigned state', () => {
    const d = evaluateDisruption(patch(accounts), plan([-1, 10, 20, 10, 20, 20]), plan([-2, 10, 20, 10, 20, 20]));
    expect(d.movedCells).toBe(0);
    const unlisted = evaluateDisruption(patch(accounts), plan([99, 10, 20, 10, 20, 20]), plan([-1, 10, 20, 10, 20, 20]));
    expect(unlisted.movedCells).toBe(1);
    expect(unlisted.movedAccounts).toBe(3);
  });

  it('rejects plans of different lengths', () => {
    expect(() => evaluateDisruption(patch(), plan(PLAN_A), plan([10]))).toThrow(RangeError);
  });
});

describe('planHash', () => {
  it('is FNV-1a over little-endian bytes', () => {
    expect(planHash(new Int32Array(0))).toBe('811c9dc5');
    // the bytes "foobarfo" (FNV-1a("foobar") = bf9cf968 checks the same reference implementation)
    expect(planHash(plan([0x626f6f66, 0x6f667261]))).toBe('c72f61ff');
    expect(planHash(plan([1, -1, 258]))).toBe('7212724d');
  });

  it('is stable for equal plans and changes with one cell', () => {
    const a = plan(PLAN_A);
    expect(planHash(a)).toBe(planHash(plan(PLAN_A)));
    expect(planHash(a)).toBe(planHash(plan([0, ...PLAN_A]).subarray(1)));
    const b = plan(PLAN_A);
    b[3] = 20;
    expect(planHash(b)).not.toBe(planHash(a));
    expect(planHash(a)).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('evaluatePlan: input checks', () => {
  it('rejects malformed problems', () => {
    const a = plan(PLAN_A);
    expect(() => evaluatePlan(patch(), plan([10, 10]))).toThrow(RangeError);
    expect(() => evaluatePlan(patch({ territories: [PATCH_TERRITORIES[0]!, PATCH_TERRITORIES[0]!] }), a)).toThrow(/twice/);
    expect(() => evaluatePlan(patch({ territories: [{ id: 10, capacity: 0, home: -1 }] }), a)).toThrow(/capacity/);
    expect(() => evaluatePlan(patch({ territories: [{ id: 10, capacity: 1, home: 6 }] }), a)).toThrow(/home/);
    expect(() => evaluatePlan(patch({ weights: { workload: [1, 2] } }), a)).toThrow(/weights\.workload/);
  });
});
