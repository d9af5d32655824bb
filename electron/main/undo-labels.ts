import type { Backend } from '../backend/create-backend';
import type { Translator } from '../../shared/i18n/create-translator';
import type { UndoLabels } from './menu';

/**
 * The undo and redo labels of a scenario (or of the baseline), translated for the menu.
 * Nothing to undo, or no workspace, gives nulls, which grey the items out.
 */
export function undoLabels(backend: Backend, scenario: number | 'baseline' | null, translator: Translator): UndoLabels {
  if (scenario === null) return { undo: null, redo: null };
  try {
    const workspace = backend.session.require();
    const scenarios = workspace.scenarios();
    const scenarioId = scenario === 'baseline' ? (scenarios.find((s) => s.isBaseline) ?? scenarios[0])?.id : scenario;
    if (scenarioId === undefined) return { undo: null, redo: null };
    const state = workspace.historyState(scenarioId);
    const text = (ref: { key: string; params?: Record<string, string | number> } | null) => (ref ? translator.t(ref.key, ref.params) : null);
    return { undo: text(state.undo), redo: text(state.redo) };
  } catch {
    return { undo: null, redo: null };
  }
}
