import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENTS_CHANNEL, METHOD_OF, type Api, type EventBatch } from '../shared/contract'
import { DESKTOP_CHANNELS, DESKTOP_METHOD_OF } from '../shared/desktop-contract'

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((_channel: string, ..._args: unknown[]) => Promise.resolve({ ok: true, value: 1 })),
}))

const ipcEvents = new EventEmitter()

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      ipcEvents.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      ipcEvents.removeListener(channel, listener),
  },
}))

await import('./index')

function exposedApi(): Api {
  expect([...bridge.exposed.keys()]).toEqual(['socketLab', 'socketLabDesktop'])
  return bridge.exposed.get('socketLab') as Api
}

function exposedDesktop(): Record<string, (request: unknown) => Promise<unknown>> {
  return bridge.exposed.get('socketLabDesktop') as Record<
    string,
    (request: unknown) => Promise<unknown>
  >
}

describe('preload', () => {
  it('exposes exactly one function per request plus onEvents, and no ipcRenderer', () => {
    const api = exposedApi()
    const expected = [...Object.values(METHOD_OF), 'onEvents'].sort()
    expect(Object.keys(api).sort()).toEqual(expected)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    // `send` is the contract's connection:send; nothing raw from ipcRenderer is exposed.
    for (const name of Object.keys(api)) expect(name).not.toMatch(/ipc|invoke|^sendSync$|^on$/i)
    expect(api.send).not.toBe(bridge.invoke)
  })

  it('invokes each method on its own channel with the one request', async () => {
    const api = exposedApi() as unknown as Record<string, (request: unknown) => Promise<unknown>>
    for (const channel of CHANNELS) {
      bridge.invoke.mockClear()
      const request = { probe: channel }
      const method = api[METHOD_OF[channel]]
      if (!method) throw new Error(`missing ${METHOD_OF[channel]}`)
      await expect(method(request)).resolves.toEqual({ ok: true, value: 1 })
      expect(bridge.invoke).toHaveBeenCalledExactlyOnceWith(channel, request)
    }
  })

  it('exposes one function per desktop request, each on its own channel', async () => {
    const desktop = exposedDesktop()
    expect(Object.keys(desktop).sort()).toEqual(Object.values(DESKTOP_METHOD_OF).sort())
    for (const channel of DESKTOP_CHANNELS) {
      bridge.invoke.mockClear()
      const request = { probe: channel }
      const method = desktop[DESKTOP_METHOD_OF[channel]]
      if (!method) throw new Error(`missing ${DESKTOP_METHOD_OF[channel]}`)
      await expect(method(request)).resolves.toEqual({ ok: true, value: 1 })
      expect(bridge.invoke).toHaveBeenCalledExactlyOnceWith(channel, request)
    }
  })

  it('passes only the batch to onEvents listeners and unsubscribes', () => {
    const api = exposedApi()
    const received: unknown[][] = []
    const unsubscribe = api.onEvents((...args: unknown[]) => received.push(args))
    expect(ipcEvents.listenerCount(EVENTS_CHANNEL)).toBe(1)
    const batch: EventBatch = { seq: 3, events: [] }
    ipcEvents.emit(EVENTS_CHANNEL, { sender: 'the IPC event object' }, batch)
    expect(received).toEqual([[batch]])
    unsubscribe()
    expect(ipcEvents.listenerCount(EVENTS_CHANNEL)).toBe(0)
    ipcEvents.emit(EVENTS_CHANNEL, {}, { seq: 4, events: [] })
    expect(received).toHaveLength(1)
  })

  it('refuses a non-function listener', () => {
    const api = exposedApi()
    expect(() => api.onEvents('nope' as never)).toThrow(TypeError)
    expect(ipcEvents.listenerCount(EVENTS_CHANNEL)).toBe(0)
  })
})
