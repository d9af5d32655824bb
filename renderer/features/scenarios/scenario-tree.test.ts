import { describe, expect, it } from 'vitest';
import type { ScenarioFigures } from '../../../shared/contract/scenario-api';
import { balanceMeasure, rowFigures } from './scenario-figures';
import { copyName, scenarioTree, type TreeNode } from './scenario-tree';

const node = (id: number, parentId: number | null = null): TreeNode => ({ id, parentId });
const shape = (rows: ReturnType<typeof scenarioTree>) => rows.map((r) => `${r.scenario.id}@${r.depth}`);

describe('scenario tree', () => {
  it('puts children right after their parent, depth first, siblings in input order', () => {
    const rows = scenarioTree([node(1), node(2, 1), node(3), node(4, 2), node(5, 1), node(6, 3)]);
    expect(shape(rows)).toEqual(['1@0', '2@1', '4@2', '5@1', '3@0', '6@1']);
  });

  it('lists a child given before its parent under that parent', () => {
    expect(shape(scenarioTree([node(5, 3), node(3), node(4, 5)]))).toEqual(['3@0', '5@1', '4@2']);
  });

  it('makes scenarios whose parent is gone (deleted or left out) roots', () => {
    const rows = scenarioTree([node(1), node(3, 2), node(4, 3), node(5, 99)]);
    expect(shape(rows)).toEqual(['1@0', '3@0', '4@1', '5@0']);
  });

  it('shows every scenario once even with a parent cycle or a self-parent', () => {
    const rows = scenarioTree([node(1), node(2, 3), node(3, 2), node(4, 4)]);
    expect(shape(rows)).toEqual(['1@0', '4@0', '2@0', '3@1']);
  });

  it('keeps the scenario objects and handles an empty list and long chains', () => {
    expect(scenarioTree([])).toEqual([]);
    const a = { id: 1, parentId: null, name: 'A' };
    expect(scenarioTree([a])[0]!.scenario).toBe(a);
    const chain = Array.from({ length: 20_000 }, (_, i) => node(i + 1, i === 0 ? null : i));
    const rows = scenarioTree(chain);
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]).toEqual({ scenario: chain[19_999], depth: 19_999 });
  });
});

describe('copy names', () => {
  it('adds the suffix, then numbers it until the name is free', () => {
    expect(copyName('Plan', ['Plan'])).toBe('Plan copy');
    expect(copyName('Plan', ['Plan', 'Plan copy'])).toBe('Plan copy 2');
    expect(copyName(' Plan ', ['Plan', 'Plan copy', ' Plan copy 2 ', 'Plan copy 3'])).toBe('Plan copy 4');
    expect(copyName('Plan', [], 'Kopie')).toBe('Plan Kopie');
  });
});

describe('row figures', () => {
  const measures = [{ key: 'revenue' }, { key: 'workload' }, { key: 'accounts' }];
  const figures: ScenarioFigures = {
    scenarioId: 2,
    revision: 7,
    territories: 5,
    maxDeviation: { revenue: 0.12, workload: 0.08 },
    meanTravelKm: 41.5,
    contiguityBreaks: 0,
    unassignedCells: 0,
    vsBaseline: { baselineId: 1, movedAccounts: 17, movedShare: { revenue: 0.03, workload: 0.021 } },
  };

  it('picks the chosen measure, else workload, else the first', () => {
    expect(balanceMeasure(measures, 'revenue')?.key).toBe('revenue');
    expect(balanceMeasure(measures, null)?.key).toBe('workload');
    expect(balanceMeasure(measures, 'gone')?.key).toBe('workload');
    expect(balanceMeasure([{ key: 'a' }, { key: 'b' }], null)?.key).toBe('a');
    expect(balanceMeasure([], 'a')).toBeNull();
  });

  it('reads deviation and moved share on the measure, null where absent', () => {
    expect(rowFigures(figures, 'workload')).toEqual({ maxDeviation: 0.08, meanTravelKm: 41.5, movedAccounts: 17, movedShare: 0.021 });
    expect(rowFigures(figures, 'accounts')).toEqual({ maxDeviation: null, meanTravelKm: 41.5, movedAccounts: 17, movedShare: null });
    expect(rowFigures({ ...figures, meanTravelKm: null, vsBaseline: null }, 'revenue')).toEqual({
      maxDeviation: 0.12,
      meanTravelKm: null,
      movedAccounts: null,
      movedShare: null,
    });
    expect(rowFigures(undefined, 'revenue')).toEqual({ maxDeviation: null, meanTravelKm: null, movedAccounts: null, movedShare: null });
    expect(rowFigures({ ...figures, maxDeviation: { revenue: Number.NaN } }, 'revenue').maxDeviation).toBeNull();
  });
});
