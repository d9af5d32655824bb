import { useEffect, useState } from 'react';
import type { ScenarioComparison } from '../../../shared/contract/scenario-api';
import { useActions } from '../../stores/actions-context';

/** The territory of every cell on each side of a comparison. */
export interface ComparePlans {
  baseId: number;
  otherId: number;
  base: Int32Array;
  other: Int32Array;
  /** Bumped on every load, for deck.gl update triggers. */
  version: number;
}

let loads = 0;

/**
 * Loads both plans of the comparison, again whenever either side's revision changes.
 * Plans of another pair of scenarios are never returned; those of an older revision are
 * kept until the newer ones arrive, so the maps do not blink on each edit.
 */
export function useComparePlans(comparison: ScenarioComparison | null): ComparePlans | null {
  const { scenarios } = useActions();
  const [plans, setPlans] = useState<ComparePlans | null>(null);
  const baseId = comparison?.base.id ?? null;
  const otherId = comparison?.other.id ?? null;
  const key = comparison ? `${comparison.base.id}:${comparison.base.revision}:${comparison.other.id}:${comparison.other.revision}` : null;

  useEffect(() => {
    if (baseId === null || otherId === null) return;
    let live = true;
    void scenarios.loadPlans(baseId, otherId).then((loaded) => {
      if (live && loaded) setPlans({ baseId, otherId, base: loaded.base.territoryOfCell, other: loaded.other.territoryOfCell, version: ++loads });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return plans && plans.baseId === baseId && plans.otherId === otherId ? plans : null;
}
