// Preload: exposes exactly `invoke`, `subscribe` and `stageFile` to the renderer, nothing else.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { EventMessage } from '../../shared/contract/events';
import type { Transport } from '../../shared/contract/transport';

const transport: Transport = {
  invoke: (method, args) => ipcRenderer.invoke('tdw:invoke', method, args),
  subscribe: (listener) => {
    const handler = (_event: IpcRendererEvent, message: EventMessage) => listener(message);
    ipcRenderer.on('tdw:event', handler);
    return () => {
      ipcRenderer.off('tdw:event', handler);
    };
  },
  stageFile: (file) => ipcRenderer.invoke('tdw:stage', webUtils.getPathForFile(file)),
};

contextBridge.exposeInMainWorld('tdw', transport);
