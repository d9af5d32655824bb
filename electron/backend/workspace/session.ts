import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorkspaceStatus } from '../../../shared/contract/api';
import { ContractError } from '../../../shared/contract/errors';
import { generateDemoContent, type DemoOptions } from '../demo/generate-demo';
import { RecentFiles } from './recent-files';
import { Workspace } from './workspace';
import { writeWorkspaceContent } from './write-content';

export interface SessionOptions {
  dataDir: string;
  now: () => Date;
  onChange: (status: WorkspaceStatus) => void;
  /**
   * Writes the demo workspace to a path. Defaults to generating it in this thread; the
   * desktop shell passes one that runs in a child process so its main process never stalls.
   */
  writeDemo?: (path: string) => Promise<void>;
}

/**
 * The workspace a backend has open (at most one), its status, and the recent list.
 * Opening replaces the current workspace; a failed open leaves a `failed` status that
 * names the file and the reason, and the file untouched.
 */
export class WorkspaceSession {
  private current: Workspace | null = null;
  private state: WorkspaceStatus = { state: 'none' };
  readonly recent: RecentFiles;

  constructor(private readonly options: SessionOptions) {
    this.recent = new RecentFiles(options.dataDir);
  }

  status(): WorkspaceStatus {
    return this.state;
  }

  /** The open workspace. @throws ContractError NO_WORKSPACE */
  require(): Workspace {
    if (!this.current) throw new ContractError('NO_WORKSPACE', 'No workspace is open. Open or create one first.');
    return this.current;
  }

  open(path: string): WorkspaceStatus {
    const target = resolve(path);
    this.closeCurrent();
    this.setState({ state: 'opening', path: target });
    try {
      this.current = Workspace.open(target, this.options.now);
    } catch (error) {
      return this.fail(target, error);
    }
    this.recent.add(target, this.options.now());
    return this.setState({ state: 'open', info: this.current.info() });
  }

  create(path: string, resolution: number): WorkspaceStatus {
    const target = resolve(path);
    this.closeCurrent();
    try {
      this.current = Workspace.create(target, resolution, this.options.now, { baseline: Workspace.NEW_BASELINE });
    } catch (error) {
      return this.fail(target, error);
    }
    this.recent.add(target, this.options.now());
    return this.setState({ state: 'open', info: this.current.info() });
  }

  /** Opens the demo workspace in the data folder, generating it first if it is missing. */
  async openDemo(): Promise<WorkspaceStatus> {
    const path = join(this.options.dataDir, 'demo.tessera');
    if (!existsSync(path)) {
      this.closeCurrent();
      this.setState({ state: 'opening', path });
      try {
        if (this.options.writeDemo) await this.options.writeDemo(path);
        else writeDemoWorkspace(path, {}, this.options.now);
      } catch (error) {
        return this.fail(path, error);
      }
    }
    return this.open(path);
  }

  async saveAs(target: string): Promise<WorkspaceStatus> {
    const workspace = this.require();
    const path = resolve(target);
    if (path === workspace.path) return this.state;
    if (existsSync(path)) rmSync(path);
    await workspace.backupTo(path);
    return this.open(path);
  }

  /** Announces that the open workspace's content changed outside an edit (an import): its caches are dropped and its info re-read. */
  contentChanged(): WorkspaceStatus {
    const workspace = this.require();
    workspace.reload();
    return this.setState({ state: 'open', info: workspace.info() });
  }

  close(): WorkspaceStatus {
    this.closeCurrent();
    if (this.state.state !== 'none') this.setState({ state: 'none' });
    return this.state;
  }

  /** Releases the open file without announcing a change (an open or create follows). */
  private closeCurrent(): void {
    if (this.current) {
      this.current.close();
      this.current = null;
    }
  }

  private fail(path: string, error: unknown): WorkspaceStatus {
    this.current = null;
    const e =
      error instanceof ContractError
        ? error
        : new ContractError('INTERNAL', `"${path}" could not be opened: ${(error as Error).message ?? String(error)}`);
    return this.setState({ state: 'failed', path, error: e.toData() });
  }

  private setState(state: WorkspaceStatus): WorkspaceStatus {
    this.state = state;
    this.options.onChange(state);
    return state;
  }
}

/**
 * Generates the demo into `path` through a temporary file, so an interrupted run never
 * leaves half a demo behind.
 */
export function writeDemoWorkspace(path: string, options: DemoOptions, now: () => Date): void {
  mkdirSync(resolve(path, '..'), { recursive: true });
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  const content = generateDemoContent(options);
  const workspace = Workspace.create(partial, content.studyArea.resolution, now);
  try {
    writeWorkspaceContent(workspace.db, content, now().toISOString());
  } finally {
    workspace.close();
  }
  renameSync(partial, path);
}
