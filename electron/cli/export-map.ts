import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractError } from '../../shared/contract/errors';
import { createBackend } from '../backend/create-backend';
import { startWebHost } from '../web-host/server';

/** Where Chromium-family browsers usually live; `TESSERA_BROWSER` (or the tests' `TESSERA_CHROMIUM`) names another. */
const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

const FLAGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The browser that draws the map. @throws ContractError UNSUPPORTED when none is found */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.TESSERA_BROWSER ?? env.TESSERA_CHROMIUM;
  if (named) {
    if (!existsSync(named)) throw new ContractError('UNSUPPORTED', `TESSERA_BROWSER names ${named}, which does not exist.`);
    return named;
  }
  const found = BROWSERS.find((p) => existsSync(p));
  if (!found) {
    throw new ContractError(
      'UNSUPPORTED',
      'tessera export png|pdf draws the map in a headless Chromium, Chrome or Edge, and none was found. Install one, or set TESSERA_BROWSER to its executable; or export the map from the app (Export…).',
    );
  }
  return found;
}

export interface MapExportOptions {
  workspace: string;
  scenarioId: number;
  format: 'png' | 'pdf';
  paper: string;
  orientation: 'landscape' | 'portrait';
  dpi: number;
  title: string | null;
  mode: 'territory' | 'density' | 'deviation';
  accounts: boolean;
  rendererDir: string;
}

/**
 * Makes the map image or the printable PDF the way the app does: serves the workspace on
 * 127.0.0.1, opens the app in a headless browser with the export in its address, and
 * takes the file it makes. The page's view is the whole study area at the paper's aspect.
 */
export async function renderMapExport(options: MapExportOptions): Promise<{ fileName: string; bytes: Uint8Array }> {
  const executablePath = findBrowser();
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new ContractError('UNSUPPORTED', `The app is not built (${join(options.rendererDir, 'index.html')} is missing); run npm run build first.`);
  }
  const { chromium } = await import('playwright-core');
  const scratch = mkdtempSync(join(tmpdir(), 'tessera-export-'));
  try {
    const backend = createBackend({ dataDir: join(scratch, 'data'), appVersion: 'cli' });
    try {
      const status = backend.session.open(options.workspace);
      if (status.state === 'failed') throw new ContractError(status.error.code, status.error.message);
      const host = await startWebHost({ backend, rendererDir: options.rendererDir });
      try {
        return await drawInBrowser(chromium, executablePath, join(scratch, 'browser'), host.url, options);
      } finally {
        await host.close();
      }
    } finally {
      backend.close();
    }
  } finally {
    try {
      rmSync(scratch, { recursive: true, force: true });
    } catch {
      // A leftover temporary folder is not worth failing the export for.
    }
  }
}

/** Flags for the headless browser; the sandbox is kept unless running as root (where Chromium refuses it) or TESSERA_NO_SANDBOX=1. */
function browserFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return [...(root || env.TESSERA_NO_SANDBOX === '1' ? ['--no-sandbox'] : []), ...FLAGS];
}

async function drawInBrowser(
  chromium: typeof import('playwright-core').chromium,
  executablePath: string,
  profile: string,
  url: string,
  options: MapExportOptions,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const landscape = options.orientation === 'landscape';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: browserFlags(),
    viewport: landscape ? { width: 1400, height: 990 } : { width: 990, height: 1400 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const query = new URLSearchParams({
      export: options.format,
      scenario: String(options.scenarioId),
      paper: options.paper,
      orientation: options.orientation,
      dpi: String(options.dpi),
      mode: options.mode,
      accounts: options.accounts ? '1' : '0',
      ...(options.title ? { title: options.title } : {}),
    });
    await page.goto(`${url}&${query.toString()}`);
    await page.waitForFunction(() => window.tesseraExport !== undefined, undefined, { timeout: 60_000 });
    const result = await page.evaluate(() => window.tesseraExport!.catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) })));
    if ('error' in result) throw new ContractError('INTERNAL', `The map could not be drawn: ${result.error}${errors.length ? ` (${errors.join('; ')})` : ''}`);
    return { fileName: result.fileName, bytes: new Uint8Array(Buffer.from(result.base64, 'base64')) };
  } finally {
    await context.close();
  }
}
