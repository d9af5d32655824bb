import { splitBalanced } from '../../../shared/domain/balancing/split-balanced';
import { leastUsedColor } from '../../../shared/domain/model/palette';
import { splitOffCommand } from './split-off';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';

/** Actions on territories: create one, and for the selected one recolour, lock, assign a rep, delete. */
export function TerritoryDetails() {
  const { t } = useI18n();
  const actions = useActions();
  const territories = useAppStore((s) => s.territories);
  const reps = useAppStore((s) => s.reps);
  const selectedId = useAppStore((s) => s.selectedTerritoryId);
  const selected = territories.find((x) => x.id === selectedId) ?? null;

  const create = () => {
    const id = territories.reduce((m, x) => Math.max(m, x.id), 0) + 1;
    const color = leastUsedColor(territories.map((x) => x.color));
    const name = t('territories.newName', { number: id });
    void actions.execute({ type: 'territory.create', territory: { id, name, color, repId: null, parentId: null, locked: false } }).then(() =>
      actions.setSelectedTerritory(id),
    );
  };
  const regions = useAppStore((s) => s.regions);
  const measures = useAppStore((s) => s.measures);
  const balanceKey = useAppStore((s) => s.balanceKey);
  const balanceMeasure = measures.find((m) => m.key === balanceKey) ?? measures.find((m) => m.key === 'workload') ?? measures[0];
  /** Splits the selected territory into two contiguous halves of equal balance measure (one undo step). */
  const halve = () => {
    const { cells, assignment } = useAppStore.getState();
    if (!selected || !cells || !assignment || !balanceMeasure) return;
    const mine: number[] = [];
    for (let i = 0; i < assignment.territoryOfCell.length; i++) if (assignment.territoryOfCell[i] === selected.id) mine.push(i);
    const half = splitBalanced({
      cells: mine,
      offsets: cells.offsets,
      neighbors: cells.neighbors,
      lat: cells.lat,
      lon: cells.lon,
      weight: cells.measures[balanceMeasure.key] ?? new Float64Array(cells.lat.length),
      seed: 1,
    });
    if (half.length === 0) return;
    void actions.execute(
      splitOffCommand(selected, half, territories, cells, assignment.territoryOfCell, (id) => t('territories.newName', { number: id })),
    );
  };
  const update = (changes: { color?: string; locked?: boolean; repId?: string | null; parentId?: number | null }) =>
    selected && void actions.execute({ type: 'territory.update', territoryId: selected.id, changes });

  return (
    <div className="territory-details" data-testid="territory-details">
      <button type="button" onClick={create}>{t('territories.create')}</button>
      {/* Always laid out (disabled without a selection) so selecting never shifts the table. */}
      <fieldset className="selected-controls" disabled={!selected}>
        <span className="selected-name">
          <span className="swatch" style={{ background: selected?.color ?? 'transparent' }} aria-hidden="true" />
          {selected ? selected.name : <em className="muted">{t('territories.noneSelected')}</em>}
        </span>
        <label className="inline">
          {t('territories.color')}
          <input type="color" value={selected?.color ?? '#000000'} onChange={(e) => update({ color: e.target.value })} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={selected?.locked ?? false} onChange={(e) => update({ locked: e.target.checked })} />
          {t('territories.locked')}
        </label>
        <label className="inline">
          {t('territories.column.rep')}
          <select value={selected?.repId ?? ''} onChange={(e) => update({ repId: e.target.value || null })}>
            <option value="">{t('territories.vacant')}</option>
            {reps.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('regions.region')}
          <select value={selected?.parentId ?? ''} onChange={(e) => update({ parentId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('regions.none')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('territories.mergeInto')}
          <select
            value=""
            disabled={!selected || selected.locked}
            onChange={(e) => {
              const into = Number(e.target.value);
              const target = territories.find((x) => x.id === into);
              if (selected && target && window.confirm(t('territories.mergeConfirm', { from: selected.name, into: target.name }))) {
                void actions.execute({ type: 'territory.merge', from: selected.id, into }).then(() => actions.setSelectedTerritory(into));
              }
            }}
          >
            <option value="">…</option>
            {territories
              .filter((x) => x.id !== selected?.id && !x.locked)
              .map((x) => (
                <option key={x.id} value={x.id}>{x.name}</option>
              ))}
          </select>
        </label>
        <button type="button" disabled={!selected || selected.locked} onClick={() => actions.setTool('split')} title={t('tools.hint.split', { name: selected?.name ?? '' })}>
          {t('territories.split')}
        </button>
        <button type="button" disabled={!selected || selected.locked || selected.cells < 2} onClick={halve} title={t('territories.halveTitle', { measure: balanceMeasure?.label ?? '' })}>
          {t('territories.halve')}
        </button>
        <button
          type="button"
          onClick={() => selected && actions.zoomToTerritory(selected.id)}
        >
          {t('territories.zoomTo')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={!selected || selected.locked}
          onClick={() => {
            if (selected && window.confirm(t('territories.deleteConfirm', { name: selected.name, cells: selected.cells }))) {
              actions.setSelectedTerritory(null);
              void actions.execute({ type: 'territory.delete', territoryId: selected.id });
            }
          }}
        >
          {t('territories.delete')}
        </button>
      </fieldset>
    </div>
  );
}
