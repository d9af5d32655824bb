// Electron-only: app lifecycle, the hardened window, menu and dialogs around the backend.
import { app, BrowserWindow, ipcMain, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend } from '../backend/create-backend';
import { electronDialogs } from './dialogs';
import { createChildDemoWriter } from './demo-process';
import { wireIpc } from './ipc-adapter';
import { buildMenu } from './menu';
import { undoLabels } from './undo-labels';
import type { WorkspaceStatus } from '../../shared/contract/api';
import { createTranslator } from '../../shared/i18n/create-translator';

const isDev = !app.isPackaged && process.env.NODE_ENV === 'development';
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(__dirname, '../renderer/index.html');
const trusted = (url: string) => (rendererUrl ? url.startsWith(rendererUrl) : url.startsWith(pathToFileURL(rendererFile).href));

let window: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Tessera',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  w.once('ready-to-show', () => w.show());
  w.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  w.webContents.on('will-navigate', (event, url) => {
    if (!trusted(url)) event.preventDefault();
  });
  w.webContents.on('will-attach-webview', (event) => event.preventDefault());
  if (rendererUrl) void w.loadURL(rendererUrl);
  else void w.loadFile(rendererFile);
  return w;
}

app.enableSandbox();

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, done) => done(false));
  const backend = createBackend({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    dialogs: electronDialogs(() => window),
    writeDemo: createChildDemoWriter(join(__dirname, 'cli.js')),
  });
  wireIpc(ipcMain, backend, (channel, event) => window?.webContents.send(channel, event), trusted);
  // The Edit menu names what Undo and Redo would do in the scenario last edited (or the baseline).
  const translator = createTranslator(app.getLocale());
  let scenarioId: number | 'baseline' | null = null;
  const refreshMenu = () => {
    const history = undoLabels(backend, scenarioId, translator);
    Menu.setApplicationMenu(buildMenu(backend, process.platform === 'darwin', isDev, history));
  };
  backend.subscribe((event) => {
    if (event.name === 'workspace.changed') {
      scenarioId = (event.payload as WorkspaceStatus).state === 'open' ? 'baseline' : null;
      refreshMenu();
    } else if (event.name === 'scenario.changed') {
      scenarioId = (event.payload as { scenarioId: number }).scenarioId;
      refreshMenu();
    }
  });
  refreshMenu();
  window = createWindow();
  window.on('closed', () => (window = null));

  // Open the file named on the command line, else the last workspace, else the demo.
  window.webContents.once('did-finish-load', () => {
    const fromArgs = process.argv.slice(1).find((a) => a.endsWith('.tessera'));
    const last = backend.session.recent.list().find((r) => r.exists);
    setTimeout(() => {
      if (fromArgs) backend.session.open(fromArgs);
      else if (last) backend.session.open(last.path);
      else void backend.session.openDemo();
    }, 50);
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  app.on('before-quit', () => backend.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
