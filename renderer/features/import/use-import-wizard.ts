import { useEffect, useRef, useState } from 'react';
import type { ImportJobState, ImportPreview, ImportRequest, StagedFile } from '../../../shared/contract/api';
import type { ImportKind, ImportMapping } from '../../../shared/domain/import/types';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { alignToHeader, baseName } from './mapping-rules';

/** What the user chose beside the column mapping. */
export interface ImportChoices {
  /** Re-import: records of the workspace absent from the file. */
  missingRecords: 'keep' | 'remove';
  saveMappingAs: string;
  /** Alignment: the scenario to create. */
  scenarioName: string;
  fillEmpty: boolean;
}

export type WizardStep = 'source' | 'mapping' | 'running' | 'finished';

/** A call in flight: staging the file, previewing it, starting the job. */
type Pending = 'staging' | 'previewing' | 'starting' | null;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The import wizard's state: the kind of file, the staged file and its preview, the
 * mapping and choices being edited, then the job (progress, then its final state with the
 * report). Follows the job through its events; a finished event that overtakes the answer
 * to `import.start` is kept until the job id is known.
 */
export function useImportWizard() {
  const { t } = useI18n();
  const imports = useActions().imports;
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [pending, setPending] = useState<Pending>(null);
  /** A failure of staging, previewing or starting (nothing was imported). */
  const [error, setError] = useState<string | null>(null);
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  /** The mapping differs from the one the preview started from (its problems must be recomputed). */
  const [edited, setEdited] = useState(false);
  const [choices, setChoices] = useState<ImportChoices>({ missingRecords: 'keep', saveMappingAs: '', scenarioName: '', fillEmpty: true });
  const [job, setJob] = useState<ImportJobState | null>(null);
  const jobId = useRef<number | null>(null);
  const finishedEarly = useRef(new Map<number, ImportJobState>());

  useEffect(() => {
    const offProgress = imports.onProgress((p) => {
      if (p.jobId !== jobId.current) return;
      setJob((j) => (j?.state === 'running' ? { ...j, phase: p.phase, rows: p.rows, bytes: p.bytes, totalBytes: p.totalBytes } : j));
    });
    const offFinished = imports.onFinished((state) => {
      if (state.jobId === jobId.current) setJob(state);
      else finishedEarly.current.set(state.jobId, state);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [imports]);

  async function loadPreview(file: StagedFile, sheet?: string): Promise<void> {
    setPending('previewing');
    setError(null);
    try {
      const p = await imports.preview(file.sourceId, kind, sheet);
      const name = baseName(p.fileName);
      setPreview(p);
      setMapping(alignToHeader(p.mapping, p.header));
      setEdited(false);
      setChoices({ missingRecords: 'keep', saveMappingAs: p.savedMapping ?? name, scenarioName: t('import.scenarioDefault', { name }), fillEmpty: true });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPending(null);
    }
  }

  async function takeFile(stage: () => Promise<StagedFile | null>): Promise<void> {
    setPending('staging');
    setError(null);
    let file: StagedFile | null = null;
    try {
      file = await stage();
    } catch (e) {
      setError(messageOf(e));
    }
    setPending(null);
    if (!file) return;
    setStaged(file);
    await loadPreview(file);
  }

  async function start(): Promise<void> {
    if (!staged || !preview || !mapping) return;
    const request: ImportRequest = {
      sourceId: staged.sourceId,
      kind,
      mapping: { ...mapping, columns: mapping.columns.map((c) => (c.key === undefined ? c : { ...c, key: c.key.trim() })) },
    };
    if (preview.sheet !== null) request.sheet = preview.sheet;
    if (choices.saveMappingAs.trim() !== '') request.saveMappingAs = choices.saveMappingAs.trim();
    if (kind === 'alignment') {
      request.scenarioName = choices.scenarioName.trim();
      request.fillEmpty = choices.fillEmpty;
    } else {
      request.missingRecords = choices.missingRecords;
    }
    setPending('starting');
    setError(null);
    try {
      const { jobId: id } = await imports.start(request);
      jobId.current = id;
      const early = finishedEarly.current.get(id);
      setJob(early ?? { jobId: id, state: 'running', phase: 'reading', rows: 0, bytes: 0, totalBytes: staged.bytes });
      if (!early) {
        // Events sent before the socket caught up are not replayed: ask once.
        void imports.state(id).then((s) => setJob((j) => (j?.jobId === id && j.state === 'running' ? s : j)), () => undefined);
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPending(null);
    }
  }

  async function cancel(): Promise<void> {
    const id = jobId.current;
    if (id === null) return;
    try {
      const s = await imports.cancel(id);
      setJob((j) => (j?.jobId === id && j.state === 'running' ? s : j));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  /** From a cancelled or failed import back to its mapping. */
  function again(): void {
    jobId.current = null;
    setJob(null);
    setError(null);
  }

  /** Back to choosing a file (the staged one is left to the backend). */
  function back(): void {
    setStaged(null);
    setPreview(null);
    setMapping(null);
    setError(null);
  }

  const step: WizardStep = job ? (job.state === 'running' ? 'running' : 'finished') : preview ? 'mapping' : 'source';
  return {
    step,
    kind,
    setKind,
    pending,
    busy: pending !== null || job?.state === 'running',
    error,
    preview,
    mapping,
    edited,
    editMapping: (next: ImportMapping) => {
      setMapping(next);
      setEdited(true);
    },
    choices,
    setChoices,
    job,
    chooseFile: (file: File) => takeFile(() => imports.stage(file)),
    selectSheet: (sheet: string) => (staged ? loadPreview(staged, sheet) : Promise.resolve()),
    start,
    cancel,
    back,
    again,
    downloadRejects: () => (jobId.current === null ? Promise.reject(new Error('no job')) : imports.rejects(jobId.current)),
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
