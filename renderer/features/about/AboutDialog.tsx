import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';

const NO_CREDITS: never[] = [];

/** About box: version, and credits for the workspace's data and the software/basemap data. */
export function AboutDialog() {
  const { t } = useI18n();
  const actions = useActions();
  const open = useAppStore((s) => s.aboutOpen);
  const about = useAppStore((s) => s.about);
  const workspaceCredits = useAppStore((s) => (s.status?.state === 'open' ? s.status.info.credits : NO_CREDITS));
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="about" aria-labelledby="about-title" onClose={() => actions.showAbout(false)}>
      <h2 id="about-title">{t('about.title')}</h2>
      {about && <p className="muted">{t('about.version', { version: about.version })}</p>}
      <p>{t('about.body')}</p>
      {workspaceCredits.length > 0 && (
        <>
          <h3>{t('about.workspaceData')}</h3>
          <ul>
            {workspaceCredits.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong> — {c.license}. <span className="muted">{c.detail}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('about.software')}</h3>
      <ul>
        {(about?.credits ?? []).map((c) => (
          <li key={c.name}>
            <strong>{c.name}</strong> — {c.license}. <span className="muted">{c.detail}</span>
          </li>
        ))}
      </ul>
      <form method="dialog">
        <button type="submit" className="primary">{t('action.dismiss')}</button>
      </form>
    </dialog>
  );
}
