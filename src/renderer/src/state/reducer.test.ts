import { describe, expect, it } from 'vitest'
import type { EngineEvent, EventBatch } from '../../../shared/contract'
import {
  makeBindFailure,
  makeConnection,
  makeDataEvent,
  makeListener,
  makeSnapshot,
} from '../test-utils'
import { LOG_LIMIT } from './log'
import { initialState, type AppState } from './app-state'
import { reducer } from './reducer'
import { DEFAULT_SETTINGS } from '../../../shared/settings'

const AT = 1_700_000_000_000

function loaded(snapshot = makeSnapshot({ seq: 10 })): AppState {
  return reducer(initialState, { type: 'snapshot-loaded', snapshot })
}

function apply(state: AppState, seq: number, ...events: EngineEvent[]): AppState {
  const batch: EventBatch = { seq, events }
  return reducer(state, { type: 'batches', batches: [batch] })
}

const dataEvent = (bytesIn: number, captured = bytesIn): EngineEvent =>
  makeDataEvent(bytesIn, { at: AT, bytes: 5, captured, truncated: captured < bytesIn, mono: 1500 })

type DataEvent = Extract<EngineEvent, { type: 'connection-data' }>

/** A data event with totals after `in` received and `out` sent bytes (one chunk per 10 bytes). */
const totals = (
  direction: 'in' | 'out',
  mono: number,
  inBytes: number,
  outBytes: number,
  extra: Partial<DataEvent> = {},
): DataEvent => ({
  type: 'connection-data',
  at: AT,
  connectionId: 'c1',
  listenerId: 'l1',
  direction,
  chunks: 1,
  bytes: direction === 'in' ? inBytes : outBytes,
  preview: '',
  bytesIn: inBytes,
  chunksIn: Math.ceil(inBytes / 10),
  captured: inBytes,
  bytesOut: outBytes,
  chunksOut: Math.ceil(outBytes / 10),
  capturedOut: outBytes,
  truncated: false,
  listenerBytesIn: inBytes,
  listenerBytesOut: outBytes,
  mono,
  ...extra,
})

const accepted1: EngineEvent = {
  type: 'connection-accepted',
  at: AT,
  connection: makeConnection(1),
}

const messages = (s: AppState): string[] => s.log.map((e) => e.message.kind)

describe('reducer', () => {
  it('ignores batches before a snapshot and those the snapshot covers', () => {
    const early = apply(initialState, 1, { type: 'listener-removed', at: AT, listenerId: 'l1' })
    expect(early).toBe(initialState)
    const s = loaded()
    expect(apply(s, 10, { type: 'listener-removed', at: AT, listenerId: 'l1' })).toBe(s)
    const next = apply(s, 11, { type: 'listener-removed', at: AT, listenerId: 'l1' })
    expect(next.listeners).toEqual([])
    expect(next.seq).toBe(11)
  })

  it('applies listener-added, -changed and -removed, keeping cards ordered by number', () => {
    let s = loaded()
    s = apply(s, 11, {
      type: 'listener-added',
      at: AT,
      listener: makeListener({ id: 'l2', number: 2 }),
    })
    expect(s.listeners.map((l) => l.number)).toEqual([1, 2])
    const listening = makeListener({
      state: 'listening',
      bound: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
    })
    s = apply(s, 12, { type: 'listener-changed', at: AT, listener: listening })
    expect(s.listeners[0]?.state).toBe('listening')
    expect(s.log.at(-1)?.message).toEqual({ kind: 'listening', address: '127.0.0.1:7878' })
    s = apply(s, 13, { type: 'listener-changed', at: AT, listener: makeListener() })
    expect(s.log.at(-1)?.message).toEqual({ kind: 'stopped' })
    s = apply(s, 14, { type: 'listener-removed', at: AT, listenerId: 'l2' })
    expect(s.listeners.map((l) => l.id)).toEqual(['l1'])
  })

  it('logs a bind failure once per failure', () => {
    let s = loaded()
    s = apply(s, 11, {
      type: 'listener-changed',
      at: AT,
      listener: makeListener({ state: 'starting' }),
    })
    const failed = makeListener({ lastError: makeBindFailure() })
    s = apply(s, 12, { type: 'listener-changed', at: AT, listener: failed })
    s = apply(s, 13, { type: 'listener-changed', at: AT, listener: failed })
    expect(messages(s)).toEqual(['bind-failed'])
    expect(s.log[0]?.message).toMatchObject({ rawCode: 'EADDRINUSE', address: '127.0.0.1:7878' })
  })

  it('adds a connection once, counts it, and logs "Connection established!"', () => {
    let s = loaded()
    const accepted: EngineEvent = {
      type: 'connection-accepted',
      at: AT,
      connection: makeConnection(1),
    }
    s = apply(s, 11, accepted)
    s = apply(s, 12, accepted)
    expect(s.connections).toHaveLength(1)
    expect(s.connectionIndex.find(s.connections, 'c1')).toBe(0)
    expect(s.listeners[0]?.counters).toMatchObject({ accepted: 1, open: 1 })
    expect(s.log[0]?.message).toEqual({
      kind: 'connection-established',
      connectionNumber: 1,
      remote: '127.0.0.1:50001',
      isBookLine: true,
    })
  })

  it("an HTTP responder's accept is logged, but not as the book's 20-1 line", () => {
    const listener = makeListener()
    const http = {
      ...listener,
      settings: { ...listener.settings, responder: 'http-routes' as const },
    }
    let s = loaded(makeSnapshot({ seq: 10, listeners: [http] }))
    s = apply(s, 11, { type: 'connection-accepted', at: AT, connection: makeConnection(1) })
    expect(s.log[0]?.message).toMatchObject({ kind: 'connection-established', isBookLine: false })
  })

  it('applies connection-data as totals: twice changes nothing', () => {
    let s = apply(loaded(), 11, {
      type: 'connection-accepted',
      at: AT,
      connection: makeConnection(1),
    })
    s = apply(s, 12, dataEvent(5))
    const once = s
    s = reducer(s, {
      type: 'batches',
      batches: [{ seq: 13, events: [dataEvent(5), dataEvent(5)] }],
    })
    expect(s.connections).toEqual(once.connections)
    expect(s.listeners).toBe(once.listeners)
    expect(s.connections[0]).toMatchObject({ bytesIn: 5, captured: 5, truncated: false })
    expect(s.listeners[0]?.counters.bytesIn).toBe(5)
    s = apply(s, 14, dataEvent(2000, 1024))
    expect(s.connections[0]).toMatchObject({ bytesIn: 2000, captured: 1024, truncated: true })
    expect(s.log).toHaveLength(1)
  })

  it('applies peer-ended, closed (once) and dropped', () => {
    let s = apply(loaded(), 11, {
      type: 'connection-accepted',
      at: AT,
      connection: makeConnection(1),
    })
    s = apply(s, 12, {
      type: 'connection-peer-ended',
      at: AT + 5,
      connectionId: 'c1',
      listenerId: 'l1',
    })
    expect(s.connections[0]?.state).toBe('peer-ended')
    const closed: EngineEvent = {
      type: 'connection-closed',
      at: AT + 10,
      connectionId: 'c1',
      listenerId: 'l1',
      reason: 'reset',
      errorCode: 'ECONNRESET',
    }
    s = apply(s, 13, closed)
    s = apply(s, 14, closed)
    expect(s.connections[0]).toMatchObject({
      state: 'closed',
      closedAt: AT + 10,
      closeReason: 'reset',
      errorCode: 'ECONNRESET',
    })
    expect(s.listeners[0]?.counters.open).toBe(0)
    s = apply(s, 15, {
      type: 'connection-dropped',
      at: AT,
      listenerId: 'l1',
      remote: { address: '::1', port: 5555, family: 'IPv6' },
      dropped: 3,
    })
    expect(s.listeners[0]?.counters.dropped).toBe(3)
    expect(s.log.at(-1)?.message).toEqual({ kind: 'dropped', remote: '[::1]:5555' })
    expect(messages(s)).toEqual(['connection-established', 'peer-ended', 'closed', 'dropped'])
    expect(s.log[2]?.message).toMatchObject({
      connectionNumber: 1,
      reason: 'reset',
      errorCode: 'ECONNRESET',
    })
  })

  it('applies capture-totals', () => {
    const s = apply(loaded(), 11, {
      type: 'capture-totals',
      at: AT,
      totals: { captured: 42, limit: 100 },
    })
    expect(s.capture).toEqual({ captured: 42, limit: 100 })
  })

  it('rebuilds everything from a snapshot, with the log from its recent events', () => {
    let s = apply(loaded(), 11, {
      type: 'connection-accepted',
      at: AT,
      connection: makeConnection(9),
    })
    const snapshot = makeSnapshot({
      seq: 40,
      platform: 'darwin',
      connections: [makeConnection(1)],
      recentEvents: [{ type: 'connection-accepted', at: AT, connection: makeConnection(1) }],
    })
    s = reducer(s, { type: 'snapshot-loaded', snapshot })
    expect(s.seq).toBe(40)
    expect(s.platform).toBe('darwin')
    expect(s.connections.map((c) => c.id)).toEqual(['c1'])
    expect(messages(s)).toEqual(['connection-established'])
    expect(s.log[0]?.listenerNumber).toBe(1)
    // Ids stay unique across reloads: React keys never repeat.
    const ids = new Set(s.log.map((e) => e.id))
    s = apply(s, 41, { type: 'connection-accepted', at: AT, connection: makeConnection(2) })
    expect(ids.has(s.log.at(-1)!.id)).toBe(false)
  })

  it('caps the log at LOG_LIMIT entries, dropping the oldest', () => {
    let s = loaded()
    const events: EngineEvent[] = []
    for (let i = 1; i <= LOG_LIMIT + 5; i++)
      events.push({ type: 'connection-accepted', at: AT, connection: makeConnection(i) })
    s = apply(s, 11, ...events)
    expect(s.log).toHaveLength(LOG_LIMIT)
    expect(s.log[0]?.message).toMatchObject({ connectionNumber: 6 })
    expect(s.connections).toHaveLength(LOG_LIMIT + 5)
  })

  it('never changes the state it was given', () => {
    const s = apply(loaded(), 11, {
      type: 'connection-accepted',
      at: AT,
      connection: makeConnection(1),
    })
    const frozen = JSON.stringify(s)
    apply(s, 12, dataEvent(7))
    apply(s, 13, {
      type: 'connection-closed',
      at: AT,
      connectionId: 'c1',
      listenerId: 'l1',
      reason: 'us',
      errorCode: null,
    })
    expect(JSON.stringify(s)).toBe(frozen)
    // The shared index grew, but this state still finds only what it holds.
    expect(s.connectionIndex.find(s.connections, 'c1')).toBe(0)
  })

  it('tracks the link', () => {
    const s = reducer(initialState, { type: 'link-changed', status: 'closed' })
    expect(s.link).toBe('closed')
    expect(reducer(s, { type: 'link-changed', status: 'closed' })).toBe(s)
    expect(reducer(s, { type: 'load-failed', message: 'x' }).loadError).toBe('x')
  })

  it('applies both directions: out totals, listener bytes out, first-in and last-byte times', () => {
    let s = apply(loaded(), 11, accepted1)
    // The server writes first (a greeting): no first received byte yet.
    s = apply(s, 12, totals('out', 1200, 0, 20))
    expect(s.connections[0]).toMatchObject({
      bytesIn: 0,
      bytesOut: 20,
      chunksOut: 2,
      capturedOut: 20,
      firstByteInMono: null,
      lastByteMono: 1200,
    })
    expect(s.listeners[0]?.counters).toMatchObject({ bytesIn: 0, bytesOut: 20 })
    s = apply(s, 13, totals('in', 1300, 15, 20))
    expect(s.connections[0]).toMatchObject({
      bytesIn: 15,
      chunksIn: 2,
      captured: 15,
      bytesOut: 20,
      firstByteInMono: 1300,
      lastByteMono: 1300,
    })
    s = apply(s, 14, totals('in', 1400, 30, 20), totals('out', 1450, 30, 25))
    expect(s.connections[0]).toMatchObject({
      bytesIn: 30,
      bytesOut: 25,
      firstByteInMono: 1300,
      lastByteMono: 1450,
    })
    expect(s.listeners[0]?.counters).toMatchObject({ bytesIn: 30, bytesOut: 25 })
    s = apply(s, 15, totals('out', 1500, 30, 2000, { capturedOut: 1024, truncated: true }))
    expect(s.connections[0]).toMatchObject({ capturedOut: 1024, truncated: true })
  })

  it('applies a data event twice, or an older one late, without change', () => {
    let s = apply(loaded(), 11, accepted1)
    s = apply(s, 12, totals('in', 1300, 10, 0), totals('out', 1400, 10, 5))
    const once = s
    s = apply(s, 13, totals('out', 1400, 10, 5), totals('in', 1300, 10, 0))
    expect(s.connections).toBe(once.connections)
    expect(s.listeners).toBe(once.listeners)
    expect(s.connections[0]).toMatchObject({ firstByteInMono: 1300, lastByteMono: 1400 })
    expect(s.log).toHaveLength(1)
  })

  it('applies we-ended (logged) and keeps a half-closed state until the close', () => {
    let s = apply(loaded(), 11, accepted1, {
      type: 'connection-accepted',
      at: AT,
      connection: makeConnection(2),
    })
    const weEnded = (id: string): EngineEvent => ({
      type: 'connection-we-ended',
      at: AT + 1,
      connectionId: id,
      listenerId: 'l1',
    })
    s = apply(s, 12, weEnded('c1'))
    s = apply(s, 13, weEnded('c1'))
    expect(s.connections[0]?.state).toBe('we-ended')
    // The peer's FIN after ours: both halves are done, the close follows; no state in between.
    s = apply(s, 14, {
      type: 'connection-peer-ended',
      at: AT,
      connectionId: 'c1',
      listenerId: 'l1',
    })
    expect(s.connections[0]?.state).toBe('we-ended')
    s = apply(s, 15, {
      type: 'connection-peer-ended',
      at: AT,
      connectionId: 'c2',
      listenerId: 'l1',
    })
    s = apply(s, 16, weEnded('c2'))
    expect(s.connections[1]?.state).toBe('peer-ended')
    s = apply(s, 17, {
      type: 'connection-closed',
      at: AT + 9,
      connectionId: 'c1',
      listenerId: 'l1',
      reason: 'us',
      errorCode: null,
    })
    expect(s.connections[0]?.state).toBe('closed')
    s = apply(s, 18, weEnded('c1'))
    expect(s.connections[0]?.state).toBe('closed')
    expect(s.listeners[0]?.counters.open).toBe(1)
    expect(s.log.filter((e) => e.message.kind === 'we-ended').map((e) => e.message)).toEqual([
      { kind: 'we-ended', connectionNumber: 1 },
      { kind: 'we-ended', connectionNumber: 1 },
      { kind: 'we-ended', connectionNumber: 2 },
      { kind: 'we-ended', connectionNumber: 1 },
    ])
  })

  it('keeps the selection across a reload while the connection still exists', () => {
    let s = apply(loaded(), 11, accepted1)
    s = reducer(s, { type: 'connection-selected', connectionId: 'c1' })
    expect(s.selectedConnectionId).toBe('c1')
    expect(reducer(s, { type: 'connection-selected', connectionId: 'c1' })).toBe(s)
    s = reducer(s, {
      type: 'snapshot-loaded',
      snapshot: makeSnapshot({ seq: 30, connections: [makeConnection(1)] }),
    })
    expect(s.selectedConnectionId).toBe('c1')
    s = reducer(s, { type: 'snapshot-loaded', snapshot: makeSnapshot({ seq: 31 }) })
    expect(s.selectedConnectionId).toBeNull()
  })

  it('loads, changes and fails settings, and dismisses their problem', () => {
    expect(initialState.settings).toEqual(DEFAULT_SETTINGS)
    expect(initialState.settingsStatus).toBe('loading')
    const problem = { kind: 'corrupt' as const, message: 'Unexpected token } in JSON' }
    let s = reducer(initialState, {
      type: 'settings-loaded',
      loaded: { settings: { ...DEFAULT_SETTINGS, language: 'ru', theme: 'dark' }, problem },
    })
    expect(s).toMatchObject({ settingsStatus: 'loaded', settingsProblem: problem })
    expect(s.settings).toMatchObject({ language: 'ru', theme: 'dark' })
    s = reducer(s, { type: 'settings-changed', patch: { theme: 'light' } })
    expect(s.settings).toMatchObject({ language: 'ru', theme: 'light' })
    s = reducer(s, { type: 'settings-problem-dismissed' })
    expect(s.settingsProblem).toBeNull()
    expect(reducer(s, { type: 'settings-problem-dismissed' })).toBe(s)
    // A snapshot leaves the settings alone.
    s = reducer(s, { type: 'snapshot-loaded', snapshot: makeSnapshot() })
    expect(s.settings.theme).toBe('light')
    expect(reducer(initialState, { type: 'settings-failed' }).settingsStatus).toBe('failed')
  })
})
