import type { Api } from '../../shared/contract'
import type { DesktopApi } from '../../shared/desktop-contract'

declare global {
  /** Socket Lab's version (package.json), put in by Vite. */
  const __APP_VERSION__: string

  interface Window {
    /** The Electron preload's bridge (contextBridge.exposeInMainWorld('socketLab', …)). */
    socketLab?: Api
    /** The desktop-only requests (native dialogs, clipboard, links); absent in browser mode. */
    socketLabDesktop?: DesktopApi
  }
}

export {}
