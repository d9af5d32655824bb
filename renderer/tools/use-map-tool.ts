import { WebMercatorViewport, type MapViewState } from '@deck.gl/core';
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { useActions } from '../stores/actions-context';
import { isTypingTarget } from '../ui/is-typing-target';
import { useAppStore } from '../stores/use-app-store';
import { cellAt, cellsBetween, cellsUnderBrush } from './cells-under-brush';
import type { ToolContext, ToolPointer } from './tool-state';
import { INITIAL_STATE, TOOL_STATES } from './tool-states';

const TOOL_KEYS: Record<string, 'select' | 'brush' | 'eraser'> = { v: 'select', b: 'brush', e: 'eraser' };

/**
 * Runs the active tool's state machine on the map: pointer events become grid cells,
 * states decide previews and commands. Keys: V select, B brush, E eraser, [ and ] brush
 * size, Escape cancels a gesture.
 * @returns pointer handlers for the map container and whether panning must be off
 */
export function useMapTool(container: RefObject<HTMLDivElement | null>, viewState: MapViewState) {
  const actions = useActions();
  const tool = useAppStore((s) => s.tool);
  const stateId = useRef(INITIAL_STATE[tool]);
  const view = useRef(viewState);
  view.current = viewState;

  useEffect(() => {
    stateId.current = INITIAL_STATE[tool];
  }, [tool]);

  const context = (): ToolContext | null => {
    const s = useAppStore.getState();
    if (!s.cells || !s.assignment) return null;
    const cells = s.cells;
    return {
      territoryOfCell: s.assignment.territoryOfCell,
      lockedTerritories: new Set(s.territories.filter((t) => t.locked).map((t) => t.id)),
      activeTerritory: s.selectedTerritoryId,
      footprint: (cell) => cellsUnderBrush(cells, cell, s.brushRadius),
      sweep: (from, to) => {
        const out = new Set<number>();
        for (const c of cellsBetween(cells, from, to)) for (const f of cellsUnderBrush(cells, c, s.brushRadius)) out.add(f);
        return [...out];
      },
      preview: s.preview,
      setPreview: actions.setPreview,
      setHover: actions.setHoverCells,
      commit: () => void actions.commitPreview(),
      selectTerritory: actions.setSelectedTerritory,
      assign: (list, to) => void actions.execute({ type: 'territory.assignCells', cells: list, to }),
    };
  };

  const locate = (e: ReactPointerEvent): ToolPointer => {
    const el = container.current;
    const cells = useAppStore.getState().cells;
    if (!el || !cells) return { cell: -1, assignModifier: false };
    const rect = el.getBoundingClientRect();
    const viewport = new WebMercatorViewport({ ...view.current, width: rect.width, height: rect.height });
    const [lon, lat] = viewport.unproject([e.clientX - rect.left, e.clientY - rect.top]) as [number, number];
    return { cell: cellAt(cells, lat, lon), assignModifier: e.altKey || e.shiftKey };
  };

  const run = (handler: 'onPointerDown' | 'onPointerMove' | 'onPointerUp', e: ReactPointerEvent) => {
    // Only the map itself: presses on overlays (tool bar, legend) are theirs.
    if (handler === 'onPointerDown' && (e.target as HTMLElement).tagName !== 'CANVAS') return;
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
    capturesPointer: TOOL_STATES[INITIAL_STATE[tool]]!.capturesPointer,
    handlers: {
      onPointerDown: (e: ReactPointerEvent) => {
        if (e.button !== 0) return;
        (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
        run('onPointerDown', e);
      },
      onPointerMove: (e: ReactPointerEvent) => run('onPointerMove', e),
      onPointerUp: (e: ReactPointerEvent) => {
        if (e.button !== 0) return;
        run('onPointerUp', e);
      },
      onPointerLeave: () => actions.setHoverCells([]),
    },
  };
}
