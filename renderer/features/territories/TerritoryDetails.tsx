import { TERRITORY_PALETTE } from '../../../shared/domain/model/palette';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { territoryBounds } from '../../map/territory-bounds';
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
    const usage = new Map<string, number>(TERRITORY_PALETTE.map((c) => [c, 0]));
    for (const x of territories) if (usage.has(x.color)) usage.set(x.color, usage.get(x.color)! + 1);
    const color = [...usage].sort((a, b) => a[1] - b[1])[0]![0];
    const name = t('territories.newName', { number: id });
    void actions.execute({ type: 'territory.create', territory: { id, name, color, repId: null, parentId: null, locked: false } }).then(() =>
      actions.setSelectedTerritory(id),
    );
  };
  const update = (changes: { color?: string; locked?: boolean; repId?: string | null }) =>
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
        <button
          type="button"
          onClick={() => {
            const { cells, assignment } = useAppStore.getState();
            if (selected && cells && assignment) {
              const bounds = territoryBounds(cells, assignment.territoryOfCell, selected.id);
              if (bounds) actions.fitMap(bounds);
            }
          }}
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
