/**
 * The Electron transport: the only module that imports ipcMain.
 *
 * Each request channel gets one handler that checks who is asking before the engine sees the
 * request; the engine then validates the request itself. Event batches go the other way.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, EVENTS_CHANNEL, type EventBatch } from '../shared/contract'
import { DESKTOP_CHANNELS } from '../shared/desktop-contract'
import { fail, type Result } from '../shared/result'
import type { DesktopService } from './desktop-services'
import type { Engine } from './engine/engine-api'
import { isAppUrl, type Logger } from './window'

export interface IpcOptions {
  engine: Engine
  /** The desktop-only requests (dialogs, clipboard, links); absent: those channels are not served. */
  desktop?: DesktopService
  /**
   * Called after settings:set applied (the main process follows the chosen language), saved or
   * not.
   */
  onSettingsChanged?: () => void
  /** The one window whose main frame may call. */
  window: BrowserWindow
  /** The renderer's URL; see isAppUrl. */
  appUrl: string
  log?: Logger
}

/**
 * Why a sender is refused, or null when it is our window's main frame showing our page.
 *
 * `senderFrame` is null once the frame navigated away or was destroyed: refused too.
 */
export function senderRefusal(
  event: IpcMainInvokeEvent,
  window: BrowserWindow,
  appUrl: string,
): string | null {
  if (window.isDestroyed()) return 'the window is closed'
  const sender = event.sender
  if (sender.id !== window.webContents.id) return 'the sender is not the app window'
  const frame = event.senderFrame
  if (frame === null) return 'the sender frame is gone'
  // Compared by identity and by ids: Electron caches frame objects, but the ids are what define
  // a frame, so the check holds either way.
  const main = sender.mainFrame
  const isMainFrame =
    frame === main || (frame.processId === main.processId && frame.routingId === main.routingId)
  if (!isMainFrame) return 'the sender is not the main frame'
  if (!isAppUrl(frame.url, appUrl)) return 'the sender is not showing the app'
  return null
}

/**
 * Registers a handler for every request channel and forwards engine batches to the window.
 *
 * Returns the dispose: removes the handlers and the engine subscription.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { engine, window, appUrl } = options
  const log = options.log ?? ((line: string) => console.warn(line))

  /** One handler per channel: the sender check, one argument, then `handle`, which never throws. */
  const serve = (channel: string, handle: (payload: unknown) => Promise<Result<unknown>>): void => {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<unknown>> => {
        const refusal = senderRefusal(event, window, appUrl)
        if (refusal !== null) {
          log(`Socket Lab: refused ${channel}: ${refusal}`)
          return fail({ code: 'INVALID_REQUEST', message: `Request refused: ${refusal}` })
        }
        if (args.length !== 1)
          return fail({ code: 'INVALID_REQUEST', message: 'A request takes exactly one argument' })
        try {
          return await handle(args[0])
        } catch (error) {
          // The engine promises never to throw; if it does, that is a bug to log, not to leak.
          log(`Socket Lab: ${channel} threw: ${String(error)}`)
          return fail({ code: 'INTERNAL', message: 'Internal error' })
        }
      },
    )
  }

  for (const channel of CHANNELS)
    serve(channel, async (payload) => {
      const result = await engine.handle(channel, payload)
      // FILE_FAILED: applied for the session, only not saved.
      if (channel === 'settings:set' && (result.ok || result.error.code === 'FILE_FAILED'))
        options.onSettingsChanged?.()
      return result
    })
  const { desktop } = options
  if (desktop)
    for (const channel of DESKTOP_CHANNELS)
      serve(channel, (payload) => desktop.handle(channel, payload))

  const unsubscribe = engine.subscribe((batch: EventBatch) => {
    if (window.isDestroyed() || window.webContents.isDestroyed()) return
    try {
      window.webContents.send(EVENTS_CHANNEL, batch)
    } catch (error) {
      log(`Socket Lab: could not send events to the window: ${String(error)}`)
    }
  })

  let disposed = false
  return () => {
    if (disposed) return
    disposed = true
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
    if (desktop) for (const channel of DESKTOP_CHANNELS) ipcMain.removeHandler(channel)
    unsubscribe()
  }
}
