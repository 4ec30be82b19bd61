/**
 * The sandboxed preload: exposes `window.socketLab`, one function per request plus onEvents.
 *
 * Only 'electron' is imported at runtime (a sandboxed preload cannot load other modules), so the
 * channel names are written out here; `satisfies Api` keeps each method on its channel's types.
 * ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, Channel, EventBatch, RequestOf, ResponseOf } from '../shared/contract'
import type { Result } from '../shared/result'

function invoke<C extends Channel>(channel: C) {
  return (request: RequestOf<C>): Promise<Result<ResponseOf<C>>> =>
    ipcRenderer.invoke(channel, request) as Promise<Result<ResponseOf<C>>>
}

const api = {
  addListener: invoke('listener:add'),
  updateListener: invoke('listener:update'),
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

contextBridge.exposeInMainWorld('socketLab', api)
