import { useRef, useState } from 'react';
import type { ImportKind } from '../../../shared/domain/import/types';
import { useI18n } from '../../i18n/use-i18n';

const TABLES = '.csv,.tsv,.txt,.xlsx';
const BOUNDARIES = '.geojson,.json';

/** A drop zone for the file, with a "Choose file…" button (a file input) for the same. */
export function FileDrop({ kind, disabled, onFile }: { kind: ImportKind; disabled: boolean; onFile: (file: File) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const alignment = kind === 'alignment';

  return (
    <div
      className={`import-drop${over ? ' over' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <p>{t('import.drop')}</p>
      <p className="muted">{t(alignment ? 'import.drop.formatsAlignment' : 'import.drop.formats')}</p>
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {t('import.chooseFile')}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('import.chooseFile')}
        data-testid="import-file"
        accept={alignment ? `${TABLES},${BOUNDARIES}` : TABLES}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
