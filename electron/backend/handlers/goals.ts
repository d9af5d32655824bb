import type { Events } from '../../../shared/contract/events';
import { actualsCatalog } from '../db/queries/goals';
import type { GoalService } from '../goals/goal-service';
import { importActuals } from '../goals/import-actuals';
import type { ImportService } from '../import/import-service';
import { comparePeriods } from '../../../shared/domain/goals/periods';
import type { Handlers, HandlerContext } from './types';

type GoalMethods = 'goals.list' | 'goals.set' | 'goals.setTerritory' | 'goals.recompute' | 'actuals.import' | 'actuals.catalog' | 'attainment.get';

/** Goals per scenario (they change the scenario's revision, announced), actuals, attainment. */
export function goalHandlers(
  ctx: HandlerContext,
  service: GoalService,
  imports: ImportService,
  emit: (payload: Events['scenario.changed']) => void,
): Pick<Handlers, GoalMethods> {
  const ws = () => ctx.session.require();
  const announce = <T>(scenarioId: number, result: T): T => {
    emit({ scenarioId, revision: ws().scenario(scenarioId).revision });
    return result;
  };
  return {
    'goals.list': ({ scenarioId }) => service.list(scenarioId),
    'goals.set': ({ scenarioId, ...request }) => announce(scenarioId, service.set(scenarioId, request)),
    'goals.setTerritory': ({ scenarioId, measure, territoryId, goal }) => announce(scenarioId, service.setTerritory(scenarioId, measure, territoryId, goal)),
    'goals.recompute': ({ scenarioId, measure }) => announce(scenarioId, service.recompute(scenarioId, measure)),
    'actuals.import': ({ sourceId }) => {
      const workspace = ws();
      const file = imports.staged.get(sourceId);
      return importActuals(workspace, file.path, {}, file.name);
    },
    'actuals.catalog': () => {
      const catalog = actualsCatalog(ws().db);
      return { measures: catalog.measures, periods: [...catalog.periods].sort(comparePeriods) };
    },
    'attainment.get': ({ scenarioId, measure, periods, threshold, potential }) =>
      service.attainment(scenarioId, { measure, threshold, ...(periods ? { periods } : {}), ...(potential ? { potential } : {}) }),
  };
}
