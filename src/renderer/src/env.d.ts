import type { Api } from '../../shared/contract'

declare global {
  interface Window {
    /** The Electron preload's bridge (contextBridge.exposeInMainWorld('socketLab', …)). */
    socketLab?: Api
  }
}

export {}
