import type { Handlers, HandlerContext } from './types';

/** Read models of the open workspace: measures, reps, study area, scenarios, alignments. */
export function dataHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'measure.list' | 'rep.list' | 'scenario.list' | 'studyArea.get' | 'assignment.get' | 'territory.list' | 'region.list' | 'account.list'> {
  const ws = () => ctx.session.require();
  return {
    'measure.list': () => ws().measures(),
    'rep.list': () => ws().reps(),
    'scenario.list': () => ws().scenarios(),
    'studyArea.get': () => ws().studyAreaData(),
    'assignment.get': ({ scenarioId }) => ws().assignment(scenarioId),
    'territory.list': ({ scenarioId }) => ws().territories(scenarioId),
    'region.list': ({ scenarioId }) => ws().regions(scenarioId),
    'account.list': () => ws().accountColumns(),
  };
}
