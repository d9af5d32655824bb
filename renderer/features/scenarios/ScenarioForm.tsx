import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n';

/**
 * The inline forms of the scenario panel (never window.prompt/confirm). Each one runs
 * `onSubmit` and closes only when it reports success (a failure is in the error banner),
 * so what was typed is kept for another try. Escape cancels; keys typed here are not map
 * shortcuts.
 */
interface FormShellProps {
  /** `name-form`, `note-form` or `confirm-form`; also names its test id (`scenario-name-form` …). */
  className: string;
  busy: boolean;
  canSubmit: boolean;
  danger?: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

function FormShell({ className, busy, canSubmit, danger, onSubmit, onCancel, children }: FormShellProps) {
  const { t } = useI18n();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && canSubmit) onSubmit();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <form className={`scenario-form ${className}`} data-testid={`scenario-${className}`} onSubmit={submit} onKeyDown={onKeyDown} onClick={(e) => e.stopPropagation()}>
      {children}
      <div className="scenario-form-actions">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy || !canSubmit}>
          {t('scenarios.action.confirm')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel} autoFocus={danger}>
          {t('scenarios.action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Runs a submit that resolves to whether it succeeded, keeping the form busy meanwhile. */
function useSubmit(run: () => Promise<boolean>, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    void run().then(
      (ok) => {
        setBusy(false);
        if (ok) onDone();
      },
      () => setBusy(false),
    );
  };
  return { busy, submit };
}

/** A scenario name to type: for a branch or a rename. Blank and taken names are caught before sending. */
export function NameForm(props: {
  label: string;
  initial: string;
  /** Names already used (the scenario's own current name is allowed when renaming). */
  taken: readonly string[];
  hint?: string;
  onSubmit(name: string): Promise<boolean>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(props.initial);
  const { busy, submit } = useSubmit(() => props.onSubmit(name.trim()), props.onCancel);
  const trimmed = name.trim();
  const problem = trimmed === '' ? t('scenarios.name.blank') : props.taken.includes(trimmed) ? t('scenarios.name.taken', { name: trimmed }) : null;
  return (
    <FormShell className="name-form" busy={busy} canSubmit={problem === null} onSubmit={submit} onCancel={props.onCancel}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        value={name}
        maxLength={200}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      {props.hint && <p className="muted">{props.hint}</p>}
      {problem && (
        <p className="problem" id={`${id}-problem`} role="status">
          {problem}
        </p>
      )}
    </FormShell>
  );
}

/** A scenario's free-text note. */
export function NoteForm(props: { label: string; initial: string; onSubmit(note: string): Promise<boolean>; onCancel(): void }) {
  const id = useId();
  const [note, setNote] = useState(props.initial);
  const { busy, submit } = useSubmit(() => props.onSubmit(note), props.onCancel);
  return (
    <FormShell className="note-form" busy={busy} canSubmit={note !== props.initial} onSubmit={submit} onCancel={props.onCancel}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        value={note}
        rows={3}
        maxLength={10_000}
        autoFocus
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter saves; plain Enter is a new line.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
    </FormShell>
  );
}

/** A sentence saying what will happen, with Confirm and Cancel (Cancel has the focus). */
export function ConfirmForm(props: { message: string; danger?: boolean; onConfirm(): Promise<boolean>; onCancel(): void }) {
  const { busy, submit } = useSubmit(props.onConfirm, props.onCancel);
  return (
    <FormShell className="confirm-form" busy={busy} canSubmit danger={props.danger ?? true} onSubmit={submit} onCancel={props.onCancel}>
      <p className="confirm-message">{props.message}</p>
    </FormShell>
  );
}
