import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { MappingStep } from './MappingStep';
import { OutcomeStep } from './OutcomeStep';
import { ProgressStep } from './ProgressStep';
import { SourceStep } from './SourceStep';
import { useImportWizard } from './use-import-wizard';

/** The import wizard while it is open; each opening starts afresh. */
export function ImportDialog() {
  const open = useAppStore((s) => s.importOpen);
  return open ? <ImportWizardDialog /> : null;
}

/**
 * A modal dialog: choose the kind and the file, map its columns, follow the job, read
 * the report. Escape closes it unless a call or the job is running. Closing after an
 * alignment import shows the scenario it created.
 */
function ImportWizardDialog() {
  const { t } = useI18n();
  const actions = useActions();
  const wizard = useImportWizard();
  const dialog = useRef<HTMLDialogElement>(null);
  const closed = useRef(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const close = () => {
    if (closed.current) return;
    closed.current = true;
    const created = wizard.job?.report?.alignment;
    if (created) actions.selectScenario(created.scenarioId);
    actions.showImport(false);
  };

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-label={t('import.title')}
      data-testid="import-dialog"
      data-step={wizard.step}
      onCancel={(e) => {
        e.preventDefault();
        if (!wizard.busy) close();
      }}
      onClose={close}
      // Keys typed here are not map or undo shortcuts.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="import-header">
        <h2>{t('import.title')}</h2>
        <span className="muted">{t(`import.step.${wizard.step}`)}</span>
        <button type="button" className="link" disabled={wizard.busy} onClick={close} aria-label={t('import.close')}>
          ×
        </button>
      </header>
      {wizard.step === 'source' && <SourceStep wizard={wizard} />}
      {wizard.step === 'mapping' && <MappingStep wizard={wizard} />}
      {wizard.step === 'running' && wizard.job && <ProgressStep job={wizard.job} onCancel={() => void wizard.cancel()} />}
      {wizard.step === 'finished' && <OutcomeStep wizard={wizard} onDone={close} />}
    </dialog>
  );
}
