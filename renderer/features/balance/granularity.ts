import type { Rep } from '../../../shared/domain/model/workspace';

/**
 * The granularity bound of a measure: the heaviest cell over the smallest territory
 * target. No plan can be more balanced than about half of it, so a tolerance below that
 * cannot be met whatever the algorithm.
 */
export function granularityOf(values: ArrayLike<number>, territories: readonly { repId: string | null }[], reps: readonly Rep[]): number {
  if (territories.length === 0) return 0;
  let total = 0;
  let heaviest = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i]!;
    if (values[i]! > heaviest) heaviest = values[i]!;
  }
  const capacity = new Map(reps.map((r) => [r.id, r.capacity]));
  const caps = territories.map((t) => (t.repId ? (capacity.get(t.repId) ?? 1) : 1));
  const sum = caps.reduce((a, b) => a + b, 0);
  const smallest = (total * Math.min(...caps)) / sum;
  return smallest > 0 ? heaviest / smallest : 0;
}
