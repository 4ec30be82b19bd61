import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENTS_CHANNEL, type EventBatch } from '../shared/contract'
import { DESKTOP_CHANNELS } from '../shared/desktop-contract'
import type { Result } from '../shared/result'
import type { DesktopService } from './desktop-services'
import type { Engine } from './engine/engine-api'

type Handler = (event: unknown, ...args: unknown[]) => Promise<Result<unknown>>

const ipc = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }))

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (ipc.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      ipc.handlers.set(channel, handler)
    },
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}))

const { registerIpc } = await import('./ipc')

const appUrl = 'app://socket-lab/index.html'

interface FakeFrame {
  url: string
  processId: number
  routingId: number
}

function fakeWindow(id = 1) {
  const mainFrame: FakeFrame = { url: `${appUrl}#/`, processId: 4, routingId: 1 }
  const state = { destroyed: false }
  const webContents = {
    id,
    mainFrame,
    isDestroyed: () => state.destroyed,
    send: vi.fn<(channel: string, batch: EventBatch) => void>(),
  }
  return { state, webContents, isDestroyed: () => state.destroyed }
}

type FakeWindow = ReturnType<typeof fakeWindow>

/** An invoke from the window's main frame, as Electron would describe it. */
function eventFrom(win: FakeWindow, overrides: Record<string, unknown> = {}) {
  return { sender: win.webContents, senderFrame: win.webContents.mainFrame, ...overrides }
}

function fakeEngine() {
  const listeners = new Set<(batch: EventBatch) => void>()
  const engine = {
    handle: vi.fn<Engine['handle']>(async () => ({ ok: true, value: 'handled' })),
    subscribe: vi.fn((listener: (batch: EventBatch) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }),
    shutdown: vi.fn(async () => {}),
  } satisfies Engine
  return { engine, listeners, emit: (batch: EventBatch) => listeners.forEach((l) => l(batch)) }
}

function handler(channel: string): Handler {
  const found = ipc.handlers.get(channel)
  if (!found) throw new Error(`no handler for ${channel}`)
  return found
}

function fakeDesktop() {
  return {
    handle: vi.fn<DesktopService['handle']>(async () => ({ ok: true, value: 'desktop' })),
  } satisfies DesktopService
}

function register(
  engine: Engine,
  win: FakeWindow,
  log = vi.fn(),
  extra: { desktop?: DesktopService; onSettingsChanged?: () => void } = {},
) {
  return registerIpc({ engine, window: win as never, appUrl, log, ...extra })
}

let dispose: (() => void) | null = null

afterEach(() => {
  dispose?.()
  dispose = null
})

describe('registerIpc with a fake engine', () => {
  let fake: ReturnType<typeof fakeEngine>
  let win: FakeWindow

  beforeEach(() => {
    fake = fakeEngine()
    win = fakeWindow()
  })

  it('registers one handler per channel and passes the payload to the engine', async () => {
    dispose = register(fake.engine, win)
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    const payload = { listenerId: 'l1' }
    await expect(handler('listener:start')(eventFrom(win), payload)).resolves.toEqual({
      ok: true,
      value: 'handled',
    })
    expect(fake.engine.handle).toHaveBeenCalledWith('listener:start', payload)
  })

  it('serves the desktop channels through the desktop service, with the same sender check', async () => {
    const desktop = fakeDesktop()
    dispose = register(fake.engine, win, vi.fn(), { desktop })
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS, ...DESKTOP_CHANNELS].sort())
    const request = { kind: 'session' }
    await expect(handler('desktop:open-file')(eventFrom(win), request)).resolves.toEqual({
      ok: true,
      value: 'desktop',
    })
    expect(desktop.handle).toHaveBeenCalledWith('desktop:open-file', request)
    expect(fake.engine.handle).not.toHaveBeenCalled()
    const refused = await handler('desktop:copy-text')(
      eventFrom(win, { sender: fakeWindow(2).webContents }),
      { text: 'x' },
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    expect(desktop.handle).toHaveBeenCalledTimes(1)
    dispose()
    dispose = null
    expect(ipc.handlers.size).toBe(0)
  })

  it('tells the main process when settings:set succeeded (the title follows the language)', async () => {
    const onSettingsChanged = vi.fn()
    dispose = register(fake.engine, win, vi.fn(), { onSettingsChanged })
    await handler('settings:get')(eventFrom(win), {})
    expect(onSettingsChanged).not.toHaveBeenCalled()
    fake.engine.handle.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'no' },
    })
    await handler('settings:set')(eventFrom(win), { language: 7 })
    expect(onSettingsChanged).not.toHaveBeenCalled()
    await handler('settings:set')(eventFrom(win), { language: 'ru' })
    expect(onSettingsChanged).toHaveBeenCalledOnce()
    // Applied but not saved (FILE_FAILED): the language changed all the same.
    fake.engine.handle.mockResolvedValueOnce({
      ok: false,
      error: { code: 'FILE_FAILED', message: 'could not save the settings: EROFS' },
    })
    await handler('settings:set')(eventFrom(win), { language: 'en' })
    expect(onSettingsChanged).toHaveBeenCalledTimes(2)
  })

  const refusals: [string, (win: FakeWindow) => Record<string, unknown>][] = [
    ['another web contents', () => ({ sender: fakeWindow(2).webContents })],
    ['a subframe', () => ({ senderFrame: { url: appUrl, processId: 4, routingId: 2 } })],
    [
      'a frame in another process',
      () => ({ senderFrame: { url: appUrl, processId: 5, routingId: 1 } }),
    ],
    ['a null senderFrame', () => ({ senderFrame: null })],
    [
      'a main frame showing a foreign page',
      (w) => {
        w.webContents.mainFrame.url = 'https://evil.example/'
        return {}
      },
    ],
  ]

  for (const [name, change] of refusals) {
    it(`refuses ${name} without calling the engine`, async () => {
      const log = vi.fn()
      dispose = register(fake.engine, win, log)
      for (const channel of CHANNELS) {
        const result = await handler(channel)(eventFrom(win, change(win)), {})
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
      }
      expect(fake.engine.handle).not.toHaveBeenCalled()
      expect(log).toHaveBeenCalled()
    })
  }

  it('refuses once the window is closed, and extra arguments', async () => {
    dispose = register(fake.engine, win)
    const result = await handler('engine:snapshot')(eventFrom(win), {}, 'extra')
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    win.state.destroyed = true
    const closed = await handler('engine:snapshot')(eventFrom(win), {})
    expect(closed).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    expect(fake.engine.handle).not.toHaveBeenCalled()
  })

  it('answers INTERNAL instead of throwing if the engine ever throws', async () => {
    fake.engine.handle.mockRejectedValueOnce(new Error('bug'))
    const log = vi.fn()
    dispose = register(fake.engine, win, log)
    const result = await handler('engine:snapshot')(eventFrom(win), {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('bug'))
  })

  it('forwards batches while the window lives, and disposes cleanly', () => {
    dispose = register(fake.engine, win)
    const batch: EventBatch = { seq: 1, events: [] }
    fake.emit(batch)
    expect(win.webContents.send).toHaveBeenCalledWith(EVENTS_CHANNEL, batch)
    win.state.destroyed = true
    fake.emit({ seq: 2, events: [] })
    expect(win.webContents.send).toHaveBeenCalledTimes(1)
    dispose()
    dispose = null
    expect(ipc.handlers.size).toBe(0)
    expect(fake.listeners.size).toBe(0)
  })
})

describe('registerIpc with the real engine', () => {
  it('sends every request through engine validation: garbage is a value, never a throw', async () => {
    const { createEngine } = await import('./engine/engine')
    const engine = createEngine()
    const win = fakeWindow()
    dispose = register(engine, win)
    try {
      const garbage: unknown[] = [
        undefined,
        null,
        42,
        'text',
        [],
        [{}],
        { extra: true },
        { listenerId: 7 },
        { listenerId: 'x'.repeat(1000) },
        Object.create({ inherited: 1 }) as unknown,
        { port: 'abc' },
        { connectionId: 'c', offset: -1, length: 1 },
      ]
      for (const channel of CHANNELS) {
        for (const payload of garbage) {
          const result = await handler(channel)(eventFrom(win), payload)
          expect(result.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false)
          if (!result.ok) expect(['INVALID_REQUEST', 'INVALID_INPUT']).toContain(result.error.code)
        }
      }
      const port = await handler('listener:add')(eventFrom(win), { port: 'abc' })
      expect(port).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'port' } })
      const snapshot = await handler('engine:snapshot')(eventFrom(win), {})
      expect(snapshot.ok).toBe(true)
    } finally {
      await engine.shutdown()
    }
  })
})
