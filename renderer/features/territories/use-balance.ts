import { useMemo } from 'react';
import type { TerritorySummary } from '../../../shared/contract/api';
import { targetDeviation } from '../../../shared/domain/metrics/target-deviation';
import { useAppStore } from '../../stores/use-app-store';

/**
 * Balance on the chosen measure: each territory's deviation from its capacity-weighted
 * target, the tolerance, and how many territories fall outside it.
 */
export function useBalance(territories: readonly TerritorySummary[]) {
  const measures = useAppStore((s) => s.measures);
  const reps = useAppStore((s) => s.reps);
  const balanceKey = useAppStore((s) => s.balanceKey);
  const tolerancePct = useAppStore((s) => s.tolerancePct);
  const measure = measures.find((m) => m.key === balanceKey) ?? measures.find((m) => m.key === 'workload') ?? measures[0] ?? null;
  const deviation = useMemo(() => {
    if (!measure || territories.length === 0) return new Map<number, number>();
    const capacity = new Map(reps.map((r) => [r.id, r.capacity]));
    const dev = targetDeviation(
      territories.map((x) => x.measures[measure.key] ?? 0),
      territories.map((x) => (x.repId ? (capacity.get(x.repId) ?? 1) : 1)),
    );
    return new Map(territories.map((x, i) => [x.id, dev[i]!]));
  }, [territories, measure, reps]);
  const tolerance = tolerancePct / 100;
  const outside = [...deviation.values()].filter((d) => Math.abs(d) > tolerance).length;
  return { measure, deviation, tolerance, tolerancePct, outside };
}
