/**
 * The sandboxed preload: exposes `window.socketLab`, one function per request plus onEvents, and
 * `window.socketLabDesktop`, one function per desktop-only request (dialogs, clipboard, links).
 *
 * Only 'electron' is imported at runtime (a sandboxed preload cannot load other modules), so the
 * channel names are written out here; `satisfies Api` keeps each method on its channel's types.
 * ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, Channel, EventBatch, RequestOf, ResponseOf } from '../shared/contract'
import type {
  DesktopApi,
  DesktopChannel,
  DesktopRequestOf,
  DesktopResponseOf,
} from '../shared/desktop-contract'
import type { Result } from '../shared/result'

function invoke<C extends Channel>(channel: C) {
  return (request: RequestOf<C>): Promise<Result<ResponseOf<C>>> =>
    ipcRenderer.invoke(channel, request) as Promise<Result<ResponseOf<C>>>
}

function invokeDesktop<C extends DesktopChannel>(channel: C) {
  return (request: DesktopRequestOf<C>): Promise<Result<DesktopResponseOf<C>>> =>
    ipcRenderer.invoke(channel, request) as Promise<Result<DesktopResponseOf<C>>>
}

const api = {
  addListener: invoke('listener:add'),
  updateListener: invoke('listener:update'),
  setUpListener: invoke('listener:set-up'),
  startListener: invoke('listener:start'),
  stopListener: invoke('listener:stop'),
  removeListener: invoke('listener:remove'),
  snapshot: invoke('engine:snapshot'),
  closeConnection: invoke('connection:close'),
  closeAllConnections: invoke('connections:close-all'),
  send: invoke('connection:send'),
  readBytes: invoke('connection:read'),
  readChunks: invoke('connection:chunks'),
  search: invoke('connection:search'),
  analyzeHttp: invoke('connection:http'),
  analyzeBytes: invoke('http:analyze'),
  getSettings: invoke('settings:get'),
  setSettings: invoke('settings:set'),
  runClientPlan: invoke('client:run'),
  cancelClientPlan: invoke('client:cancel'),
  whoHolds: invoke('diagnostics:who-holds'),
  excludedPorts: invoke('diagnostics:excluded-ports'),
  checkLocalhost: invoke('diagnostics:localhost'),
  findFreePort: invoke('diagnostics:free-port'),
  onEvents(listener: (batch: EventBatch) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvents takes a function')
    // The renderer gets the batch only, never the IPC event (it holds a sender object).
    const relay = (_event: IpcRendererEvent, batch: EventBatch): void => listener(batch)
    ipcRenderer.on('engine:events', relay)
    return () => {
      ipcRenderer.removeListener('engine:events', relay)
    }
  },
} satisfies Api

const desktop = {
  info: invokeDesktop('desktop:info'),
  saveFile: invokeDesktop('desktop:save-file'),
  openFile: invokeDesktop('desktop:open-file'),
  copyText: invokeDesktop('desktop:copy-text'),
  openLink: invokeDesktop('desktop:open-link'),
} satisfies DesktopApi

contextBridge.exposeInMainWorld('socketLab', api)
contextBridge.exposeInMainWorld('socketLabDesktop', desktop)
