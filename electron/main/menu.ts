// Electron-only: the application menu (File / Edit / View / Help).
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Backend } from '../backend/create-backend';

/** What Edit → Undo / Redo would do, already translated ("Assign 12 cells to North"); null greys the item out. */
export interface UndoLabels {
  undo: string | null;
  redo: string | null;
}

export function buildMenu(backend: Backend, isMac: boolean, isDev: boolean, history: UndoLabels = { undo: null, redo: null }): Menu {
  const call = (method: Parameters<Backend['dispatch']>[0], args: unknown = {}) => void backend.dispatch(method, args);
  const recent = backend.session.recent.list().filter((r) => r.exists);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => call('workspace.create', { resolution: 7 }) },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => call('workspace.open') },
        {
          label: 'Open Recent',
          enabled: recent.length > 0,
          submenu: recent.map((r) => ({ label: r.path, click: () => call('workspace.open', { recentPath: r.path }) })),
        },
        { label: 'Open Demo Workspace', click: () => call('workspace.openDemo') },
        { type: 'separator' },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => call('workspace.saveAs') },
        { label: 'Close Workspace', accelerator: 'CmdOrCtrl+W', click: () => call('workspace.close') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        {
          label: history.undo ? `Undo ${history.undo}` : 'Undo',
          enabled: history.undo !== null,
          accelerator: 'CmdOrCtrl+Z',
          click: () => backend.emit('menu.invoked', { action: 'undo' }),
        },
        {
          label: history.redo ? `Redo ${history.redo}` : 'Redo',
          enabled: history.redo !== null,
          accelerator: 'CmdOrCtrl+Shift+Z',
          click: () => backend.emit('menu.invoked', { action: 'redo' }),
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Zoom to Fit', accelerator: 'CmdOrCtrl+0', click: () => backend.emit('menu.invoked', { action: 'zoomToFit' }) },
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+Shift+0' },
        { role: 'togglefullscreen' },
        ...(isDev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Help',
      submenu: [{ label: 'About Tessera', click: () => backend.emit('menu.invoked', { action: 'about' }) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
