import type { Events } from '../../../shared/contract/events';
import type { ScenarioService } from '../scenarios/scenario-service';
import type { Handlers, HandlerContext } from './types';

type ScenarioMethods =
  | 'scenario.figures'
  | 'scenario.branch'
  | 'scenario.update'
  | 'scenario.delete'
  | 'scenario.setBaseline'
  | 'scenario.promote'
  | 'scenario.compare'
  | 'scenario.diffCsv';

/**
 * Scenario management (branch, rename, annotate, lock, archive, delete, baseline),
 * promotion and comparison. Every change to the list announces the new list; a promotion
 * also announces the baseline's new revision.
 */
export function scenarioHandlers(
  ctx: HandlerContext,
  service: ScenarioService,
  emit: { list: (payload: Events['scenarios.changed']) => void; scenario: (payload: Events['scenario.changed']) => void },
): Pick<Handlers, ScenarioMethods> {
  const ws = () => ctx.session.require();
  const announce = <T>(result: T): T => {
    emit.list({ scenarios: ws().scenarios() });
    return result;
  };
  return {
    'scenario.figures': () => service.figures(),
    'scenario.branch': ({ from, name }) => announce(ws().createScenario(name, from)),
    'scenario.update': ({ scenarioId, ...patch }) => announce(ws().updateScenario(scenarioId, patch)),
    'scenario.delete': ({ scenarioId }) => announce((ws().deleteScenario(scenarioId), null)),
    'scenario.setBaseline': ({ scenarioId }) => announce(ws().setBaseline(scenarioId)),
    'scenario.promote': ({ scenarioId }) => {
      const result = ws().promote(scenarioId);
      emit.scenario({ scenarioId: result.baselineId, revision: result.revision });
      return announce(result);
    },
    'scenario.compare': ({ base, other }) => service.compare(base, other),
    'scenario.diffCsv': ({ base, other, bom }) => service.diffCsv(base, other, bom ?? false),
  };
}
