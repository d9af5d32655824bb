import { WebMercatorViewport, type MapViewState, type PickingInfo } from '@deck.gl/core';
import DeckGL from '@deck.gl/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { useAppStore } from '../stores/use-app-store';
import { loadBasemap } from './basemap-data';
import { buildCoarseCells } from './coarse-cells';
import { buildBasemapLayers, buildBorderLayers } from './layers/basemap-layers';
import { buildHoverLayer, buildLabelLayer, buildMovedCellsLayer, buildOutlineLayer, buildPinnedCellsLayer, buildPreviewLayer } from './layers/edit-layers';
import { buildRepHomesLayer } from './layers/rep-homes-layer';
import { createOutlineBuilder, territoryLabelPoints } from './territory-outlines';
import { useMapTool } from '../tools/use-map-tool';
import { ToolBar } from '../features/tools/ToolBar';
import { buildTerritoryCellsLayer } from './layers/territory-cells-layer';
import { buildAccountLayer } from './layers/account-layer';
import { buildAccountDragLayers, buildSketchLayer } from './layers/sketch-layers';
import { cellFillFunction } from './cell-fills';
import { hexToRgba, type Rgba } from './color';
import { densityScale } from './thematic';
import { MapControls } from '../features/map/MapControls';
import { useBalance } from '../features/territories/use-balance';
import { provideMapSnapshot, type MapSnapshot } from './map-snapshot';

/** Zoom below which the coarse (parent) hexagons are drawn instead of every cell. */
const COARSE_BELOW_ZOOM = 5.6;
/** Above this many moved cells, their outlines are drawn only once the map is zoomed in (fine cells). */
const MAX_MOVED_OUTLINES_ZOOMED_OUT = 20_000;
const FALLBACK_VIEW: MapViewState = { longitude: -96, latitude: 38.5, zoom: 3.5, pitch: 0, bearing: 0 };

/** The territory map: basemap, H3 cells coloured by territory, rep homes, hover tooltip. */
export function MapView() {
  const { t, number, compact } = useI18n();
  const measuresList = useAppStore((s) => s.measures).filter((m) => m.key !== 'accounts');
  const cells = useAppStore((s) => s.cells);
  const stored = useAppStore((s) => s.assignment);
  const proposal = useAppStore((s) => s.proposal);
  // A balance proposal is previewed in place of the stored plan (as a pseudo-revision) until accepted or discarded.
  const assignment = useMemo(
    () =>
      stored && proposal && proposal.scenarioId === stored.scenarioId
        ? { ...stored, territoryOfCell: proposal.territoryOfCell, revision: -proposal.jobId }
        : stored,
    [stored, proposal],
  );
  const territories = useAppStore((s) => s.territories);
  const reps = useAppStore((s) => s.reps);
  const selected = useAppStore((s) => s.selectedTerritoryId);
  const bounds = useAppStore((s) => (s.status?.state === 'open' ? s.status.info.bounds : null));
  const fitRequest = useAppStore((s) => s.fitRequest);
  const fitTo = useAppStore((s) => s.fitTo);
  const preview = useAppStore((s) => s.preview);
  const hoverCells = useAppStore((s) => s.hoverCells);
  const activeTool = useAppStore((s) => s.tool);
  const mode = useAppStore((s) => s.mapMode);
  const accounts = useAppStore((s) => s.accounts);
  const showAccounts = useAppStore((s) => s.showAccounts);
  const accountSizeKey = useAppStore((s) => s.accountSizeKey);
  const sketch = useAppStore((s) => s.sketch);
  const hoverAccount = useAppStore((s) => s.hoverAccount);
  const accountDrag = useAppStore((s) => s.accountDrag);
  const balance = useBalance(territories);
  const container = useRef<HTMLDivElement>(null);
  const [viewState, setViewState] = useState<MapViewState>(FALLBACK_VIEW);
  const [renderError, setRenderError] = useState<string | null>(null);
  const renders = useRef(0);

  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0) setSize((s) => s ?? { width: el.clientWidth, height: el.clientHeight });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Fit the study area once the map has its real size, and again on "zoom to fit".
  useEffect(() => {
    const el = container.current;
    const target = fitTo ?? bounds;
    if (!target || !el || !size) return;
    const width = Math.max(el.clientWidth, 200);
    const height = Math.max(el.clientHeight, 200);
    const fitted = new WebMercatorViewport({ width, height }).fitBounds(
      [
        [target[0], target[1]],
        [target[2], target[3]],
      ],
      { padding: Math.min(40, width / 10) },
    );
    setViewState({ longitude: fitted.longitude, latitude: fitted.latitude, zoom: Math.min(fitted.zoom, 11), pitch: 0, bearing: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bounds, fitRequest, size]);

  const basemap = useMemo(() => loadBasemap(), []);
  const coarse = useMemo(() => (cells ? buildCoarseCells(cells) : null), [cells]);
  // A build proposal may add territories: they are drawn (and named) while it is previewed.
  const shown = useMemo(() => (proposal && proposal.created.length > 0 ? [...territories, ...proposal.created] : territories), [territories, proposal]);
  const rgbaOf = useMemo(() => new Map<number, Rgba>(shown.map((x) => [x.id, hexToRgba(x.color)])), [shown]);
  const nameOf = useMemo(() => new Map(shown.map((x) => [x.id, x.name])), [shown]);

  const outlineBuilder = useMemo(() => (cells ? createOutlineBuilder(cells) : null), [cells]);
  const outlines = useMemo(
    () => (outlineBuilder && assignment ? outlineBuilder(assignment.territoryOfCell) : []),
    [outlineBuilder, assignment],
  );
  const labels = useMemo(() => (cells && assignment ? territoryLabelPoints(cells, assignment.territoryOfCell) : []), [cells, assignment]);
  const tool = useMapTool(container, viewState);

  const density = useMemo(() => {
    if (mode !== 'density' || !cells || !balance.measure) return null;
    const values = cells.measures[balance.measure.key];
    return values ? { values, areaKm2: cells.areaKm2, scale: densityScale(values, cells.areaKm2), key: balance.measure.key } : null;
  }, [mode, cells, balance.measure]);
  const attainmentReport = useAppStore((s) => s.attainment);
  const attainmentFill = useMemo(
    () =>
      mode === 'attainment' && attainmentReport
        ? { byTerritory: new Map(attainmentReport.territories.map((x) => [x.id, x.attainment])), threshold: attainmentReport.threshold }
        : null,
    [mode, attainmentReport],
  );
  const fillOf = useMemo(
    () =>
      assignment
        ? cellFillFunction({
            mode,
            territoryOfCell: assignment.territoryOfCell,
            territories: shown,
            selected,
            deviation: balance.deviation,
            tolerance: balance.tolerance,
            density,
            attainment: attainmentFill,
          })
        : null,
    [mode, assignment, shown, selected, balance.deviation, balance.tolerance, density, attainmentFill],
  );
  // Accounts: the territory each counts for (its override, or its cell's) and whether it is placed by name.
  const accountPlacement = useMemo(() => {
    if (!accounts || !assignment) return null;
    const territoryOf = new Int32Array(accounts.ids.length);
    const overridden = new Uint8Array(accounts.ids.length);
    for (let i = 0; i < territoryOf.length; i++) territoryOf[i] = assignment.territoryOfCell[accounts.cell[i]!]!;
    for (const o of assignment.overrides) {
      const row = accounts.row.get(o.accountId);
      if (row === undefined) continue;
      territoryOf[row] = o.territoryId;
      overridden[row] = 1;
    }
    return { territoryOf, overridden };
  }, [accounts, assignment]);

  const useCoarse = coarse !== null && viewState.zoom < COARSE_BELOW_ZOOM;

  // What an export of the map draws: the same colours, outlines, points and visible area as on screen.
  const snapshot = useRef<() => MapSnapshot | null>(() => null);
  snapshot.current = () => {
    const el = container.current;
    if (!cells || !assignment || !fillOf || !el) return null;
    const view = new WebMercatorViewport({ ...viewState, width: Math.max(el.clientWidth, 1), height: Math.max(el.clientHeight, 1) });
    const [west, south, east, north] = view.getBounds();
    const points = showAccounts && accounts && accountPlacement
      ? Array.from(accounts.ids, (_, i) => ({ lon: accounts.lon[i]!, lat: accounts.lat[i]!, color: rgbaOf.get(accountPlacement.territoryOf[i]!) ?? ([120, 120, 120, 255] as Rgba) }))
      : null;
    const labelled = [...labels].sort((a, b) => b.cells - a.cells).map((l) => ({ lon: l.position[0], lat: l.position[1], text: nameOf.get(l.territoryId) ?? '' }));
    let hasUnassigned = false;
    for (const x of assignment.territoryOfCell) if (x < 0) { hasUnassigned = true; break; }
    return {
      scenarioId: assignment.scenarioId,
      bounds: [west, south, east, north],
      cells, fillOf, outlines, reps, accounts: points, labels: labelled, mode, territories, selected,
      measure: balance.measure ? { key: balance.measure.key, label: balance.measure.label } : null,
      density: density?.scale ?? null,
      tolerance: balance.tolerance,
      attainment: attainmentReport ? { measure: attainmentReport.measure, threshold: attainmentReport.threshold } : null,
      hasUnassigned,
    };
  };
  useEffect(() => provideMapSnapshot(() => snapshot.current()), []);

  const layers = useMemo(() => {
    const list: unknown[] = [...buildBasemapLayers(basemap)];
    if (cells && assignment && fillOf) {
      const trigger = `${assignment.scenarioId}:${assignment.revision}:${selected}:${mode}:${density?.key}:${balance.tolerance}:${shown.map((x) => x.color).join()}:${attainmentReport?.measure}:${attainmentReport?.selected.join()}:${attainmentReport?.threshold}:${attainmentReport?.totals.actual}`;
      const common = { fillOf, trigger };
      list.push(
        buildTerritoryCellsLayer({ ...common, id: 'cells-fine', h3: cells.h3, source: (i) => i, visible: !useCoarse }),
      );
      if (coarse) {
        list.push(
          buildTerritoryCellsLayer({ ...common, id: 'cells-coarse', h3: coarse.h3, source: (i) => coarse.representative[i]!, visible: useCoarse }),
        );
      }
    }
    list.push(...buildBorderLayers(basemap));
    if (cells && assignment) {
      const revision = `${assignment.scenarioId}:${assignment.revision}`;
      list.push(buildOutlineLayer(outlines, revision));
      if (assignment.pinned.length > 0) list.push(buildPinnedCellsLayer(cells.lat, cells.lon, assignment.pinned, revision));
      if (preview && preview.cells.length > 0) {
        const color = preview.to === null ? null : (territories.find((x) => x.id === preview.to)?.color ?? null);
        list.push(buildPreviewLayer(cells.h3, preview.cells, color));
      }
      if (hoverCells.length > 0) list.push(buildHoverLayer(cells.h3, hoverCells));
      if (proposal && (!useCoarse || proposal.movedCells.length <= MAX_MOVED_OUTLINES_ZOOMED_OUT)) {
        list.push(buildMovedCellsLayer(cells.h3, proposal.movedCells, proposal.jobId));
      }
    }
    list.push(buildRepHomesLayer(reps));
    if (showAccounts && accounts && accountPlacement && assignment) {
      list.push(
        buildAccountLayer({
          accounts,
          ...accountPlacement,
          colorOf: rgbaOf,
          sizeBy: accountSizeKey ? (accounts.measures[accountSizeKey] ?? null) : null,
          hovered: hoverAccount,
          trigger: `${assignment.scenarioId}:${assignment.revision}:${accountSizeKey}:${shown.map((x) => x.color).join()}`,
        }),
      );
    }
    if (cells && assignment) {
      list.push(buildLabelLayer(labels, nameOf, `${assignment.scenarioId}:${assignment.revision}:${shown.map((x) => x.name).join('|')}`));
    }
    if (sketch) list.push(buildSketchLayer(sketch, activeTool === 'rectangle'));
    if (accountDrag && accounts) list.push(...buildAccountDragLayers(accountDrag, accounts));
    return list;
  }, [
    basemap, cells, assignment, coarse, fillOf, nameOf, selected, territories, shown, reps, useCoarse, outlines, labels, preview, hoverCells,
    mode, density, balance.tolerance, showAccounts, attainmentReport, proposal, accounts, accountPlacement, rgbaOf, accountSizeKey, hoverAccount, sketch, activeTool, accountDrag,
  ]);

  const tooltip = (info: PickingInfo) => {
    if (!info.layer || info.index < 0) return null;
    if (info.layer.id === 'rep-homes') return { text: t('map.tooltip.rep', { name: (info.object as { name: string }).name }) };
    if (!cells || !assignment) return null;
    if (info.layer.id === 'accounts' && accounts && accountPlacement) {
      const i = info.index;
      const territory = accountPlacement.territoryOf[i]!;
      const lines = [
        t('map.tooltip.account', { name: accounts.names[i]!, id: accounts.ids[i]! }),
        territory < 0 ? t('map.tooltip.unassigned') : t('map.tooltip.territory', { name: nameOf.get(territory) ?? String(territory) }),
      ];
      if (accountPlacement.overridden[i]) lines.push(t('map.tooltip.placedByName'));
      for (const m of measuresList) {
        const v = accounts.measures[m.key]?.[i];
        lines.push(`${m.label}: ${v === undefined || Number.isNaN(v) ? t('map.tooltip.missing') : number(v)}`);
      }
      lines.push(t('map.tooltip.dragHint'));
      return { text: lines.join('\n') };
    }
    const index = info.layer.id === 'cells-coarse' && coarse ? coarse.representative[info.index]! : info.index;
    const territory = assignment.territoryOfCell[index]!;
    const lines = [
      territory < 0 ? t('map.tooltip.unassigned') : t('map.tooltip.territory', { name: nameOf.get(territory) ?? String(territory) }),
    ];
    if (info.layer.id === 'cells-fine') {
      lines.unshift(t('map.tooltip.cell', { h3: cells.h3[index]! }));
      lines.push(t('map.tooltip.accounts', { count: cells.accounts[index]! }));
      for (const m of measuresList) {
        const v = cells.measures[m.key]?.[index] ?? 0;
        if (v !== 0) lines.push(`${m.label}: ${compact(v)}`);
      }
    }
    return { text: lines.join('\n') };
  };

  return (
    <div
      className={`map tool-${activeTool}`}
      ref={container}
      role="region"
      aria-label={t('map.label')}
      data-testid="map"
      data-lod={useCoarse ? 'coarse' : 'fine'}
      data-zoom={viewState.zoom.toFixed(2)}
      data-view={`${viewState.longitude.toFixed(6)},${viewState.latitude.toFixed(6)},${viewState.zoom.toFixed(6)}`}
      data-mode={mode}
      data-previewing={proposal ? 'proposal' : ''}
      data-hover-account={hoverAccount !== null && accounts ? accounts.ids[hoverAccount] : ''}
      {...tool.handlers}
    >
      <DeckGL
        viewState={viewState}
        onViewStateChange={({ viewState: next }) => setViewState(next as MapViewState)}
        controller={{ dragRotate: false, touchRotate: false, dragPan: !tool.capturesPointer }}
        getCursor={({ isDragging }) => (hoverAccount !== null || accountDrag ? 'grab' : isDragging ? 'grabbing' : activeTool === 'select' ? 'default' : 'crosshair')}
        layers={layers as never}
        getTooltip={tooltip as never}
        onAfterRender={() => {
          // Exposed for tests and diagnostics: how many frames deck.gl has drawn.
          renders.current++;
          if (container.current) container.current.dataset.rendered = String(renders.current);
        }}
        onError={(error) => setRenderError(error.message)}
      />
      {renderError && <div className="map-error" role="alert">{t('map.webglError', { message: renderError })}</div>}
      <ToolBar />
      <MapControls density={density?.scale ?? null} tolerance={balance.tolerance} measureLabel={balance.measure?.label ?? ''} />
    </div>
  );
}
