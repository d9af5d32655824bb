import type { Events } from '../../../shared/contract/events';
import type { Handlers, HandlerContext } from './types';

/** Edits, undo and redo; each applied step announces the scenario's new revision. */
export function commandHandlers(
  ctx: HandlerContext,
  emit: (payload: Events['scenario.changed']) => void,
): Pick<Handlers, 'command.execute' | 'command.undo' | 'command.redo' | 'history.state'> {
  const ws = () => ctx.session.require();
  return {
    'command.execute': ({ scenarioId, command }) => {
      const result = ws().execute(scenarioId, command);
      emit({ scenarioId, revision: result.revision });
      return result;
    },
    'command.undo': ({ scenarioId }) => {
      const result = ws().undo(scenarioId);
      if (result) emit({ scenarioId, revision: result.revision });
      return result;
    },
    'command.redo': ({ scenarioId }) => {
      const result = ws().redo(scenarioId);
      if (result) emit({ scenarioId, revision: result.revision });
      return result;
    },
    'history.state': ({ scenarioId }) => ws().historyState(scenarioId),
  };
}
