import { WebMercatorViewport, type MapViewState } from '@deck.gl/core';
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { useActions } from '../stores/actions-context';
import { isTypingTarget } from '../ui/is-typing-target';
import { useAppStore, type ToolId } from '../stores/use-app-store';
import { accountNear } from './account-near';
import { cellAt } from './cells-under-brush';
import { createToolContext } from './tool-context';
import type { ToolPointer } from './tool-state';
import { INITIAL_STATE, TOOL_STATES } from './tool-states';

/** A press that moves further than this is a drag (a pan), not a click. */
const CLICK_SLOP_PX = 5;

const TOOL_KEYS: Record<string, ToolId> = { v: 'select', b: 'brush', e: 'eraser', l: 'lasso', r: 'rectangle', f: 'fill', p: 'pin' };

/**
 * Runs the active tool's state machine on the map: pointer events become grid cells,
 * states decide previews and commands. Keys: V select, B brush, E eraser, L lasso,
 * R rectangle, F fill, [ and ] brush size, Escape cancels a gesture.
 * @returns pointer handlers for the map container and whether panning must be off
 */
export function useMapTool(container: RefObject<HTMLDivElement | null>, viewState: MapViewState) {
  const actions = useActions();
  const { t } = useI18n();
  const tool = useAppStore((s) => s.tool);
  const hoverAccount = useAppStore((s) => s.hoverAccount);
  const dragging = useAppStore((s) => s.accountDrag !== null);
  const stateId = useRef(INITIAL_STATE[tool]);
  /** Where the current press began on the map (null: no press on the map in progress). */
  const press = useRef<{ x: number; y: number } | null>(null);
  const view = useRef(viewState);
  view.current = viewState;

  useEffect(() => {
    stateId.current = INITIAL_STATE[tool];
  }, [tool]);

  const context = () => createToolContext(actions, (id) => t('territories.newName', { number: id }));

  const locate = (e: ReactPointerEvent): ToolPointer => {
    const el = container.current;
    const s = useAppStore.getState();
    if (!el || !s.cells) return { cell: -1, assignModifier: false };
    const rect = el.getBoundingClientRect();
    const viewport = new WebMercatorViewport({ ...view.current, width: rect.width, height: rect.height });
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const [lon, lat] = viewport.unproject([x, y]) as [number, number];
    const cell = cellAt(s.cells, lat, lon);
    const account =
      s.tool === 'select' && s.showAccounts && s.accounts && cell >= 0 ? accountNear(s.cells, s.accounts, cell, viewport, x, y) : -1;
    const start = press.current;
    const moved = start !== null && Math.hypot(e.clientX - start.x, e.clientY - start.y) > CLICK_SLOP_PX;
    return { cell, assignModifier: e.altKey || e.shiftKey, lngLat: [lon, lat], account, moved };
  };

  const run = (handler: 'onPointerDown' | 'onPointerMove' | 'onPointerUp', e: ReactPointerEvent) => {
    const ctx = context();
    const state = TOOL_STATES[stateId.current];
    const fn = state?.[handler];
    if (!ctx || !state || !fn) return;
    stateId.current = fn.call(state, ctx, locate(e));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        const state = TOOL_STATES[stateId.current];
        const ctx = context();
        if (state?.onCancel && ctx) stateId.current = state.onCancel(ctx);
        return;
      }
      if (e.key === '[' || e.key === ']') {
        actions.setBrushRadius(useAppStore.getState().brushRadius + (e.key === ']' ? 1 : -1));
        return;
      }
      const next = TOOL_KEYS[e.key.toLowerCase()];
      if (next) actions.setTool(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actions]);

  return {
    // Panning stays on in the select tool, except over a draggable account or during its drag.
    capturesPointer: TOOL_STATES[INITIAL_STATE[tool]]!.capturesPointer || hoverAccount !== null || dragging,
    handlers: {
      onPointerDown: (e: ReactPointerEvent) => {
        // Only the map itself: presses on overlays (tool bar, legend) stay theirs, uncaptured.
        if (e.button !== 0 || (e.target as HTMLElement).tagName !== 'CANVAS') return;
        (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
        press.current = { x: e.clientX, y: e.clientY };
        run('onPointerDown', e);
      },
      onPointerMove: (e: ReactPointerEvent) => run('onPointerMove', e),
      onPointerUp: (e: ReactPointerEvent) => {
        // Only a press that began on the map ends a gesture (not a click on the tool bar or legend).
        if (e.button !== 0 || press.current === null) return;
        run('onPointerUp', e);
        press.current = null;
      },
      onPointerLeave: () => {
        actions.setHoverCells([]);
        actions.setHoverAccount(null);
      },
    },
  };
}
