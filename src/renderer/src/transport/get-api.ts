/**
 * The Api the renderer talks to: Electron's preload bridge when there is one, else browser mode's
 * WebSocket client for the page's own server.
 */
import type { Api } from '../../../shared/contract'
import { takePageToken } from './page-token'
import { createWsApi, wsUrl, type TransportLink } from './ws-client'

/** The Api and, in browser mode, the link whose loss the app shows. */
export interface Transport {
  api: Api
  /** Null under Electron: IPC does not disconnect. */
  link: TransportLink | null
}

let transport: Transport | null = null

/** Picks the transport once per page. */
export function getTransport(): Transport {
  if (transport) return transport
  if (window.socketLab) {
    transport = { api: window.socketLab, link: null }
  } else {
    const client = createWsApi(() => {
      const token = takePageToken()
      return token === null ? null : wsUrl(window.location, token)
    })
    // Opening the printed address in a tab already on the page changes only the fragment: no
    // reload, so the new token is picked up here.
    window.addEventListener('hashchange', () => {
      if (!/(^#|&)token=/.test(window.location.hash)) return
      takePageToken()
      client.reconnect()
    })
    transport = { api: client, link: client }
  }
  return transport
}

/** The Api: `window.socketLab` under Electron, a WebSocket client in browser mode. */
export function getApi(): Api {
  return getTransport().api
}
