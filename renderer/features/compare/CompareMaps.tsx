import { WebMercatorViewport, type MapViewState, type PickingInfo } from '@deck.gl/core';
import DeckGL from '@deck.gl/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioComparison, TerritoryDelta } from '../../../shared/contract/scenario-api';
import { useI18n } from '../../i18n/use-i18n';
import { loadBasemap } from '../../map/basemap-data';
import { buildCoarseCells } from '../../map/coarse-cells';
import { buildBasemapLayers, buildBorderLayers } from '../../map/layers/basemap-layers';
import { buildLabelLayer, buildOutlineLayer } from '../../map/layers/edit-layers';
import { buildTerritoryCellsLayer } from '../../map/layers/territory-cells-layer';
import { createOutlineBuilder, territoryLabelPoints } from '../../map/territory-outlines';
import { useAppStore } from '../../stores/use-app-store';
import { coarseMoved, diffFill, movedIndex, movedMask, PLAN_ALPHA, planFill, territoryColors, UNCHANGED_ALPHA } from './compare-fills';
import { buildComparedMovedLayer, buildMovedOutlineLayer } from './compare-layers';
import { useComparePlans } from './use-compare-plans';
import { territoryNameOn, territoryNamesBySide } from './compare-format';

export type CompareMapMode = 'maps' | 'differences';

/** Zoom below which the coarse (parent) hexagons are drawn instead of every cell (as on the main map). */
const COARSE_BELOW_ZOOM = 5.6;
/** Above this many moved cells, the outlined moved-cell layer is drawn only once zoomed in. */
const MAX_MOVED_CELLS_ZOOMED_OUT = 20_000;
const FALLBACK_VIEW: MapViewState = { longitude: -96, latitude: 38.5, zoom: 3.5, pitch: 0, bearing: 0 };
const NO_TERRITORIES: TerritoryDelta[] = [];
const CONTROLLER = { dragRotate: false, touchRotate: false };

/** Only the camera: deck.gl's interaction state and the sender's size must not reach the other map. */
function camera(v: MapViewState): MapViewState {
  return { longitude: v.longitude, latitude: v.latitude, zoom: v.zoom, pitch: 0, bearing: 0 };
}

/**
 * The maps of the compare view: the two plans side by side (one camera: pan or zoom one and
 * the other follows), or one map of the differences, where unchanged cells are faded and the
 * moved cells stand out in the colour of the territory they moved to.
 */
export function CompareMaps({ comparison, mode }: { comparison: ScenarioComparison | null; mode: CompareMapMode }) {
  const { t } = useI18n();
  const cells = useAppStore((s) => s.cells);
  const bounds = useAppStore((s) => (s.status?.state === 'open' ? s.status.info.bounds : null));
  const plans = useComparePlans(comparison);
  // Until the comparison arrives, the captions name the scenarios being compared from the list.
  const fallbackNames = {
    base: useAppStore((s) => s.scenarios.find((x) => x.id === s.compare?.baseId)?.name ?? ''),
    other: useAppStore((s) => s.scenarios.find((x) => x.id === s.compare?.otherId)?.name ?? ''),
  };
  const wrapper = useRef<HTMLDivElement>(null);
  const [viewState, setViewState] = useState<MapViewState>(FALLBACK_VIEW);
  const [renderError, setRenderError] = useState<string | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  /** Set once the user pans or zooms: from then on a resize no longer refits the maps. */
  const userMoved = useRef(false);

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    // The wrapper settles its size over the first layouts (the tables beside it load); refit until the user moves the map.
    const observer = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0 && !userMoved.current) setSize({ width: el.clientWidth, height: el.clientHeight });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Fit the study area once the maps have their real size (each map is half the width side by side).
  useEffect(() => {
    if (!bounds || !size) return;
    const width = Math.max(mode === 'maps' ? size.width / 2 : size.width, 200);
    const height = Math.max(size.height, 200);
    const fitted = new WebMercatorViewport({ width, height }).fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding: Math.min(40, width / 10) },
    );
    setViewState({ longitude: fitted.longitude, latitude: fitted.latitude, zoom: Math.min(fitted.zoom, 11), pitch: 0, bearing: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bounds, size]);

  const basemap = useMemo(() => loadBasemap(), []);
  const coarse = useMemo(() => (cells ? buildCoarseCells(cells) : null), [cells]);
  const outlineBuilder = useMemo(() => (cells ? createOutlineBuilder(cells) : null), [cells]);
  const territories = comparison?.territories ?? NO_TERRITORIES;
  const colorKey = useMemo(() => territories.map((x) => `${x.id}${x.colors.before}${x.colors.after}`).join(), [territories]);
  const nameKey = useMemo(() => territories.map((x) => `${x.names.before}|${x.names.after}`).join('|'), [territories]);
  const planColors = useMemo(
    () => ({ base: territoryColors(territories, PLAN_ALPHA, 'before'), other: territoryColors(territories, PLAN_ALPHA, 'after') }),
    [territories],
  );
  const fadedColors = useMemo(() => territoryColors(territories, UNCHANGED_ALPHA), [territories]);
  const strongColors = useMemo(() => territoryColors(territories, 255), [territories]);
  const names = useMemo(() => territoryNamesBySide(territories), [territories]);

  const moved = useMemo(() => (cells && comparison ? movedIndex(cells.h3.length, comparison.movedCells) : null), [cells, comparison]);
  const movedData = useMemo(() => ({ length: comparison?.movedCells.length ?? 0 }), [comparison]);
  const coarseDiff = useMemo(
    () => (mode === 'differences' && coarse && cells && comparison ? coarseMoved(coarse, cells.h3, comparison.movedCells) : null),
    [mode, coarse, cells, comparison],
  );

  const movedOutlines = useMemo(
    () => (mode === 'differences' && outlineBuilder && cells && comparison ? outlineBuilder(movedMask(cells.h3.length, comparison.movedCells)) : []),
    [mode, outlineBuilder, cells, comparison],
  );
  const baseOutlines = useMemo(() => (outlineBuilder && plans && mode === 'maps' ? outlineBuilder(plans.base) : []), [outlineBuilder, plans, mode]);
  const otherOutlines = useMemo(() => (outlineBuilder && plans ? outlineBuilder(plans.other) : []), [outlineBuilder, plans]);
  const baseLabels = useMemo(() => (cells && plans && mode === 'maps' ? territoryLabelPoints(cells, plans.base) : []), [cells, plans, mode]);
  const otherLabels = useMemo(() => (cells && plans ? territoryLabelPoints(cells, plans.other) : []), [cells, plans]);

  const useCoarse = coarse !== null && viewState.zoom < COARSE_BELOW_ZOOM;
  const planTrigger = `${plans?.version ?? 0}:${colorKey}`;

  /** One side's layers: basemap, its cells in its territories' colours, borders, outlines and names. */
  const sideLayers = (side: 'base' | 'other') => {
    const list: unknown[] = [...buildBasemapLayers(basemap)];
    const plan = plans ? plans[side] : null;
    if (cells && plan) {
      const fillOf = planFill(plan, planColors[side]);
      const common = { fillOf, trigger: `${side}:${planTrigger}` };
      list.push(buildTerritoryCellsLayer({ ...common, id: 'cells-fine', h3: cells.h3, source: (i) => i, visible: !useCoarse }));
      if (coarse) {
        list.push(buildTerritoryCellsLayer({ ...common, id: 'cells-coarse', h3: coarse.h3, source: (i) => coarse.representative[i]!, visible: useCoarse }));
      }
    }
    list.push(...buildBorderLayers(basemap));
    if (cells && plan) {
      list.push(buildOutlineLayer(side === 'base' ? baseOutlines : otherOutlines, `${side}:${plans?.version}`));
      list.push(buildLabelLayer(side === 'base' ? baseLabels : otherLabels, names[side === 'base' ? 'before' : 'after'], `${side}:${plans?.version}:${nameKey}`));
    }
    return list;
  };

  const baseLayers = useMemo(
    () => (mode === 'maps' ? sideLayers('base') : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mode, basemap, cells, coarse, plans, planColors, useCoarse, baseOutlines, baseLabels, names, nameKey, planTrigger],
  );
  const otherLayers = useMemo(
    () => (mode === 'maps' ? sideLayers('other') : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mode, basemap, cells, coarse, plans, planColors, useCoarse, otherOutlines, otherLabels, names, nameKey, planTrigger],
  );
  const diffLayers = useMemo(() => {
    if (mode !== 'differences') return [];
    const list: unknown[] = [...buildBasemapLayers(basemap)];
    if (cells && plans && comparison && moved) {
      const fillOf = diffFill(plans.other, moved, comparison.movedTo, fadedColors, strongColors);
      const common = { fillOf, trigger: `diff:${planTrigger}:${comparison.base.revision}:${comparison.other.revision}` };
      list.push(buildTerritoryCellsLayer({ ...common, id: 'cells-fine', h3: cells.h3, source: (i) => i, visible: !useCoarse }));
      if (coarse && coarseDiff) {
        const source = (j: number) => {
          const child = coarseDiff.child[j]!;
          return child >= 0 ? child : coarse.representative[j]!;
        };
        list.push(buildTerritoryCellsLayer({ ...common, id: 'cells-coarse', h3: coarse.h3, source, visible: useCoarse }));
      }
    }
    list.push(...buildBorderLayers(basemap));
    if (cells && plans && comparison) {
      const movedTrigger = `${comparison.base.id}:${comparison.base.revision}:${comparison.other.id}:${comparison.other.revision}`;
      list.push(
        buildComparedMovedLayer({
          h3: cells.h3,
          movedCells: comparison.movedCells,
          movedTo: comparison.movedTo,
          colors: strongColors,
          data: movedData,
          trigger: `${movedTrigger}:${colorKey}`,
          visible: !useCoarse || comparison.movedCells.length <= MAX_MOVED_CELLS_ZOOMED_OUT,
        }),
      );
      list.push(buildMovedOutlineLayer(movedOutlines, movedTrigger, useCoarse ? 1.2 : 2.5));
      list.push(buildLabelLayer(otherLabels, names.after, `other:${plans.version}:${nameKey}`));
    }
    return list;
  }, [
    mode, basemap, cells, plans, comparison, moved, fadedColors, strongColors, planTrigger, useCoarse, coarse, coarseDiff,
    movedOutlines, movedData, colorKey, otherLabels, names, nameKey,
  ]);

  const territoryName = (id: number, side: 'before' | 'after') => territoryNameOn(names, id, side, t('compare.unassigned'));
  const movedLine = (k: number) =>
    comparison ? t('compare.tooltip.moved', { from: territoryName(comparison.movedFrom[k]!, 'before'), to: territoryName(comparison.movedTo[k]!, 'after') }) : '';

  /** The fine cell a picked hexagon stands for. */
  const cellOf = (info: PickingInfo, diff: boolean): number => {
    if (info.layer?.id !== 'cells-coarse' || !coarse) return info.index;
    const child = diff && coarseDiff ? coarseDiff.child[info.index]! : -1;
    return child >= 0 ? child : coarse.representative[info.index]!;
  };

  const sideTooltip = (side: 'base' | 'other') => (info: PickingInfo) => {
    if (!info.layer || info.index < 0 || !cells || !plans) return null;
    const cell = cellOf(info, false);
    const territory = plans[side][cell] ?? -1;
    const lines = [
      territory < 0 ? t('compare.unassigned') : t('compare.tooltip.territory', { name: territoryName(territory, side === 'base' ? 'before' : 'after') }),
    ];
    if (info.layer.id === 'cells-fine') {
      lines.unshift(t('compare.tooltip.cell', { h3: cells.h3[cell]! }));
      const k = moved?.[cell] ?? -1;
      if (k >= 0) lines.push(movedLine(k));
    }
    return { text: lines.join('\n') };
  };

  const diffTooltip = (info: PickingInfo) => {
    if (!info.layer || info.index < 0 || !cells || !plans || !comparison || !moved) return null;
    if (info.layer.id === 'compare-moved') {
      const k = info.index;
      return { text: [t('compare.tooltip.cell', { h3: cells.h3[comparison.movedCells[k]!]! }), movedLine(k)].join('\n') };
    }
    if (info.layer.id !== 'cells-fine' && info.layer.id !== 'cells-coarse') return null;
    const cell = cellOf(info, true);
    const k = moved[cell] ?? -1;
    const lines: string[] = [];
    if (info.layer.id === 'cells-fine') lines.push(t('compare.tooltip.cell', { h3: cells.h3[cell]! }));
    if (k >= 0) {
      lines.push(movedLine(k));
      const count = info.layer.id === 'cells-coarse' && coarseDiff ? coarseDiff.count[info.index]! : 0;
      if (count > 1) lines.push(t('compare.tooltip.movedHere', { count }));
    } else {
      const territory = plans.other[cell] ?? -1;
      lines.push(territory < 0 ? t('compare.unassigned') : t('compare.tooltip.territory', { name: territoryName(territory, 'after') }));
      lines.push(t('compare.tooltip.unchanged'));
    }
    return { text: lines.join('\n') };
  };

  const onViewStateChange = ({ viewState: next }: { viewState: unknown }) => {
    userMoved.current = true;
    setViewState(camera(next as MapViewState));
  };
  const pane = (testId: string, label: string, layers: unknown[], tooltip: (info: PickingInfo) => unknown) => (
    <MapPane
      testId={testId}
      label={label}
      layers={layers}
      tooltip={tooltip}
      viewState={viewState}
      onViewStateChange={onViewStateChange}
      lod={useCoarse ? 'coarse' : 'fine'}
      onError={setRenderError}
    />
  );

  const baseName = comparison?.base.name ?? fallbackNames.base;
  const otherName = comparison?.other.name ?? fallbackNames.other;
  return (
    <div className={`compare-maps ${mode}`} ref={wrapper} data-plans={plans ? 'loaded' : 'loading'}>
      {mode === 'maps' ? (
        <>
          {pane('compare-map-base', t('compare.map.base', { name: baseName }), baseLayers, sideTooltip('base'))}
          {pane('compare-map-other', t('compare.map.other', { name: otherName }), otherLayers, sideTooltip('other'))}
        </>
      ) : (
        <div className="compare-diff">
          {pane('compare-diff-map', t('compare.map.diff', { base: baseName, other: otherName }), diffLayers, diffTooltip)}
          {comparison && (
            <div className="map-legend compare-legend">
              <span data-testid="moved-cells-count">{t('compare.map.movedCells', { count: comparison.movedCells.length })}</span>
              <span className="compare-legend-item">
                <span className="swatch moved" aria-hidden="true" />
                {t('compare.map.legendMoved')}
              </span>
              <span className="compare-legend-item">
                <span className="swatch unchanged" aria-hidden="true" />
                {t('compare.map.legendUnchanged', { other: otherName })}
              </span>
            </div>
          )}
        </div>
      )}
      {!plans && comparison && <div className="compare-map-loading muted">{t('compare.loadingPlans')}</div>}
      {renderError && <div className="map-error" role="alert">{t('map.webglError', { message: renderError })}</div>}
    </div>
  );
}

interface MapPaneProps {
  testId: string;
  label: string;
  layers: unknown[];
  tooltip: (info: PickingInfo) => unknown;
  viewState: MapViewState;
  onViewStateChange: (change: { viewState: unknown }) => void;
  lod: 'coarse' | 'fine';
  onError: (message: string) => void;
}

/** One deck.gl map of the compare view, on the shared camera, with its caption. */
function MapPane({ testId, label, layers, tooltip, viewState, onViewStateChange, lod, onError }: MapPaneProps) {
  const el = useRef<HTMLDivElement>(null);
  const renders = useRef(0);
  return (
    <div
      className="map compare-map"
      ref={el}
      role="region"
      aria-label={label}
      data-testid={testId}
      data-lod={lod}
      data-view={`${viewState.longitude.toFixed(6)},${viewState.latitude.toFixed(6)},${viewState.zoom.toFixed(6)}`}
    >
      <DeckGL
        viewState={viewState}
        onViewStateChange={onViewStateChange as never}
        controller={CONTROLLER}
        layers={layers as never}
        getTooltip={tooltip as never}
        onAfterRender={() => {
          // Exposed for tests and diagnostics, as on the main map: how many frames this map has drawn.
          renders.current++;
          if (el.current) el.current.dataset.rendered = String(renders.current);
        }}
        onError={(error) => onError(error.message)}
      />
      <div className="compare-map-label">{label}</div>
    </div>
  );
}
