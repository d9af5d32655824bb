import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { TerritoryList } from '../territories/TerritoryList';
import { ScenarioPanel } from './ScenarioPanel';
import { GoalsPanel } from '../goals/GoalsPanel';

type Panel = 'territories' | 'scenarios' | 'goals';
const PANELS: Panel[] = ['territories', 'scenarios', 'goals'];
const tabId = (panel: Panel) => `side-tab-${panel}`;
const panelId = (panel: Panel) => `side-panel-${panel}`;

/**
 * The tab strip above the side panel: Territories | Scenarios. Arrow keys, Home and End
 * move between the tabs (and show the one reached), as in the ARIA tabs pattern.
 */
export function SidePanelTabs() {
  const { t } = useI18n();
  const actions = useActions();
  const current = useAppStore((s) => s.sidePanel);
  const refs = useRef<Partial<Record<Panel, HTMLButtonElement | null>>>({});

  const go = (panel: Panel) => {
    actions.scenarios.showPanel(panel);
    refs.current[panel]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // From the focused tab (the shown one, unless focus was put elsewhere).
    const focused = (e.target as HTMLElement).dataset.panel as Panel | undefined;
    const at = PANELS.indexOf(focused ?? current);
    const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    let next: Panel | undefined;
    if (e.key === forward) next = PANELS[(at + 1) % PANELS.length];
    else if (e.key === backward) next = PANELS[(at + PANELS.length - 1) % PANELS.length];
    else if (e.key === 'Home') next = PANELS[0];
    else if (e.key === 'End') next = PANELS[PANELS.length - 1];
    if (!next) return;
    e.preventDefault();
    go(next);
  };

  return (
    <div className="side-tabs" role="tablist" aria-label={t('scenarios.tabs')} onKeyDown={onKeyDown}>
      {PANELS.map((panel) => (
        <button
          key={panel}
          ref={(el) => {
            refs.current[panel] = el;
          }}
          type="button"
          role="tab"
          id={tabId(panel)}
          data-panel={panel}
          aria-selected={current === panel}
          aria-controls={panelId(panel)}
          tabIndex={current === panel ? 0 : -1}
          onClick={() => current !== panel && actions.scenarios.showPanel(panel)}
        >
          {t(`scenarios.tab.${panel}`)}
        </button>
      ))}
    </div>
  );
}

/** The side panel: the tab strip, then the territory table or the scenario tree. */
export function SidePanel() {
  const actions = useActions();
  const current = useAppStore((s) => s.sidePanel);

  // Mounting with the scenario tree already chosen (a workspace opened or reloaded while it
  // showed) finds the figures cleared: fetch them. Choosing the tab fetches them itself.
  useEffect(() => {
    if (useAppStore.getState().sidePanel === 'scenarios') void actions.scenarios.refreshFigures();
    if (useAppStore.getState().sidePanel === 'goals') void actions.goals.refresh();
  }, [actions]);

  return (
    <>
      <SidePanelTabs />
      <div className="side-tabpanel" role="tabpanel" id={panelId(current)} aria-labelledby={tabId(current)}>
        {current === 'scenarios' ? <ScenarioPanel /> : current === 'goals' ? <GoalsPanel /> : <TerritoryList />}
      </div>
    </>
  );
}
