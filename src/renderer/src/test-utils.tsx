/**
 * Helpers for component tests: a fake Api, sample snapshots, and a render with every provider.
 */
import { act, render, type RenderResult } from '@testing-library/react'
import type { ReactElement } from 'react'
import { vi, type Mock } from 'vitest'
import type { BindFailure } from '../../shared/bind-failure'
import type {
  Api,
  ConnectionSnapshot,
  EngineEvent,
  EventBatch,
  ListenerSnapshot,
  Snapshot,
  TargetChange,
  TargetLeg,
} from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { I18nProvider } from './i18n/I18nProvider'
import type { Lang } from './i18n/translate'
import { initialState } from './state/app-state'
import { reducer } from './state/reducer'
import type { PacerHost } from './state/pacer'
import { createStore, type Store } from './state/store'
import { StoreProvider } from './state/StoreContext'
import { defaultListenerSettings } from '../../shared/listener-defaults'

type Methods = Omit<Api, 'onEvents'>

/** An Api whose methods are mocks; `emit` delivers a batch to onEvents subscribers. */
export type FakeApi = { [K in keyof Methods]: Mock<Methods[K]> } & {
  onEvents: Mock<Api['onEvents']>
  emit(batch: EventBatch): void
}

export function makeListener(overrides: Partial<ListenerSnapshot> = {}): ListenerSnapshot {
  return {
    id: 'l1',
    number: 1,
    settings: {
      ...defaultListenerSettings(),
      host: '127.0.0.1',
      port: 7878,
      maxConnections: null,
      captureLimitPerConnection: 1024 * 1024,
    },
    state: 'stopped',
    bound: null,
    lastError: null,
    counters: { accepted: 0, dropped: 0, open: 0, bytesIn: 0, bytesOut: 0 },
    workers: [],
    queued: [],
    handled: 0,
    ...overrides,
  }
}

export function makeConnection(
  n: number,
  overrides: Partial<ConnectionSnapshot> = {},
): ConnectionSnapshot {
  return {
    id: `c${n}`,
    listenerId: 'l1',
    number: n,
    remote: { address: '127.0.0.1', port: 50000 + n, family: 'IPv4' },
    local: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
    acceptedAt: Date.UTC(2025, 0, 1, 12, 0, 0, 123),
    acceptedMono: 1000,
    state: 'open',
    closedAt: null,
    closeReason: null,
    errorCode: null,
    bytesIn: 0,
    bytesOut: 0,
    chunksIn: 0,
    chunksOut: 0,
    captured: 0,
    capturedOut: 0,
    truncated: false,
    firstByteInMono: null,
    lastByteMono: null,
    ...overrides,
  }
}

type DataEvent = Extract<EngineEvent, { type: 'connection-data' }>

/** The first read of connection c1: `bytes` in, in one chunk, with the totals after it. */
export function makeDataEvent(bytes: number, overrides: Partial<DataEvent> = {}): DataEvent {
  return {
    type: 'connection-data',
    at: 1,
    connectionId: 'c1',
    listenerId: 'l1',
    direction: 'in',
    chunks: 1,
    bytes,
    preview: '',
    bytesIn: bytes,
    chunksIn: 1,
    captured: bytes,
    bytesOut: 0,
    chunksOut: 0,
    capturedOut: 0,
    truncated: false,
    listenerBytesIn: bytes,
    listenerBytesOut: 0,
    mono: 1,
    ...overrides,
  }
}

/** A forwarded connection's leg to 127.0.0.1:7879, connecting since engine time 2000. */
export function makeTargetLeg(overrides: Partial<TargetLeg> = {}): TargetLeg {
  return {
    host: '127.0.0.1',
    port: 7879,
    state: 'connecting',
    local: null,
    connectMono: 2000,
    connectedMono: null,
    firstByteToTargetMono: null,
    firstByteFromTargetMono: null,
    bytesToTarget: 0,
    bytesFromTarget: 0,
    clientEnded: false,
    targetEnded: false,
    firstEnded: null,
    failure: null,
    errorCode: null,
    response: null,
    ...overrides,
  }
}

type TargetEvent = Extract<EngineEvent, { type: 'connection-target' }>

/** Connection c1's leg changed by `change`, the leg after it `target`. */
export function makeTargetEvent(
  change: TargetChange,
  target: TargetLeg,
  overrides: Partial<TargetEvent> = {},
): TargetEvent {
  return {
    type: 'connection-target',
    at: 1,
    connectionId: 'c1',
    listenerId: 'l1',
    change,
    target,
    ...overrides,
  }
}

export function makeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 0,
    platform: 'linux',
    listeners: [makeListener()],
    connections: [],
    recentEvents: [],
    capture: { captured: 0, limit: 64 * 1024 * 1024 },
    ...overrides,
  }
}

export function makeBindFailure(overrides: Partial<BindFailure> = {}): BindFailure {
  return {
    code: 'EADDRINUSE',
    rawCode: 'EADDRINUSE',
    errno: -98,
    syscall: 'listen',
    host: '127.0.0.1',
    port: 7878,
    address: '127.0.0.1:7878',
    message: 'listen EADDRINUSE: address already in use 127.0.0.1:7878',
    platform: 'linux',
    facts: {
      unprivilegedPortStart: 1024,
      isWildcard: false,
      isLoopback: true,
      hostHasBrackets: false,
      isRoot: false,
    },
    commands: ["ss -ltnp 'sport = :7878'", 'lsof -nP -iTCP:7878 -sTCP:LISTEN'],
    fixes: [{ kind: 'use-port-0' }, { kind: 'use-port', port: 7879 }],
    rust: {
      bindCall: 'TcpListener::bind("127.0.0.1:7878")',
      panic: [
        "thread 'main' panicked at src/main.rs:4:55:",
        'called `Result::unwrap()` on an `Err` value: Os { code: 98, kind: AddrInUse, message: "Address already in use" }',
      ],
      exitCode: 101,
    },
    ...overrides,
  }
}

/** A fake Api answering ok with `listener` (or the snapshot) to every request. */
export function fakeApi(snapshot: Snapshot = makeSnapshot()): FakeApi {
  const subscribers = new Set<(batch: EventBatch) => void>()
  const listener = snapshot.listeners[0] ?? makeListener()
  return {
    addListener: vi.fn(async () => ok(listener)),
    updateListener: vi.fn(async () => ok(listener)),
    setUpListener: vi.fn(async () => ok(listener)),
    startListener: vi.fn(async () => ok({ ...listener, state: 'listening' as const })),
    stopListener: vi.fn(async () => ok({ ...listener, state: 'stopped' as const })),
    removeListener: vi.fn(async () => ok(null)),
    snapshot: vi.fn(async () => ok(snapshot)),
    closeConnection: vi.fn(async () => ok(null)),
    readBytes: vi.fn(async (r) =>
      ok({ offset: r.offset, base64: '', captured: 0, bytesIn: 0, truncated: false, chunks: [] }),
    ),
    closeAllConnections: vi.fn(async () => ok({ closed: 0 })),
    send: vi.fn(async () => ok({ bytes: 0 })),
    readChunks: vi.fn(async () => ok({ total: 0, chunks: [] })),
    search: vi.fn(async () => ok({ offset: null })),
    analyzeHttp: vi.fn(async () => fail({ code: 'BAD_STATE', message: 'not HTTP (fake)' })),
    analyzeBytes: vi.fn(async () => fail({ code: 'BAD_STATE', message: 'not HTTP (fake)' })),
    getSettings: vi.fn(async () => ok({ settings: DEFAULT_SETTINGS, problem: null })),
    setSettings: vi.fn(async (patch) => ok({ ...DEFAULT_SETTINGS, ...patch })),
    runClientPlan: vi.fn(async () => ok({ runId: 'R1' })),
    cancelClientPlan: vi.fn(async () => ok(null)),
    whoHolds: vi.fn(async () => fail({ code: 'BAD_STATE', message: 'not in tests (fake)' })),
    excludedPorts: vi.fn(async () => fail({ code: 'BAD_STATE', message: 'not in tests (fake)' })),
    checkLocalhost: vi.fn(async () => fail({ code: 'BAD_STATE', message: 'not in tests (fake)' })),
    findFreePort: vi.fn(async () => ok({ port: 7879 })),
    onEvents: vi.fn((fn: (batch: EventBatch) => void) => {
      subscribers.add(fn)
      return () => subscribers.delete(fn)
    }),
    emit(batch) {
      for (const fn of subscribers) fn(batch)
    },
  }
}

/** A store already holding `snapshot`. */
export function storeWith(snapshot: Snapshot): Store {
  return createStore(
    reducer({ ...initialState, link: 'open' }, { type: 'snapshot-loaded', snapshot }),
  )
}

export interface RenderOptions {
  api?: FakeApi
  store?: Store
  lang?: Lang
}

/** Renders `ui` inside the language and store providers. */
export function renderWith(
  ui: ReactElement,
  { api = fakeApi(), store = storeWith(makeSnapshot()), lang = 'en' }: RenderOptions = {},
): RenderResult & { api: FakeApi; store: Store } {
  const result = render(
    <I18nProvider lang={lang}>
      <StoreProvider store={store} api={api}>
        {ui}
      </StoreProvider>
    </I18nProvider>,
  )
  return { ...result, api, store }
}

/** Bytes → base64, as the engine sends them. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** A page whose frames and timers run when the test says. */
export function manualHost(): PacerHost & {
  /** Runs the frames requested so far (one animation frame). */
  paint(): void
  /** Moves the clock, running the timers that come due. */
  advance(ms: number): void
  hidden: boolean
} {
  let now = 0
  let frames: Array<() => void> = []
  let timers: Array<{ at: number; run: () => void }> = []
  return {
    hidden: false,
    now: () => now,
    frame(run) {
      frames.push(run)
      return () => (frames = frames.filter((f) => f !== run))
    },
    later(run, ms) {
      const timer = { at: now + ms, run }
      timers.push(timer)
      return () => (timers = timers.filter((t) => t !== timer))
    },
    isHidden() {
      return this.hidden
    },
    paint() {
      const due = frames
      frames = []
      for (const run of due) run()
    },
    advance(ms) {
      now += ms
      for (;;) {
        const due = timers.find((t) => t.at <= now)
        if (!due) return
        timers = timers.filter((t) => t !== due)
        due.run()
      }
    },
  }
}

/**
 * ResizeObserver for jsdom, which lays nothing out: every observer reports all it watches when the
 * test says the browser has laid out (`layout()`), with heights from `offsetHeight`. Undo with
 * `vi.unstubAllGlobals()`.
 */
export function stubResizeObserver(): { layout(): void } {
  const notifiers: Array<() => void> = []
  vi.stubGlobal(
    'ResizeObserver',
    class {
      private readonly targets = new Set<Element>()
      constructor(callback: ResizeObserverCallback) {
        notifiers.push(() => {
          const entries = [...this.targets].map(
            (target) =>
              ({
                target,
                borderBoxSize: [{ blockSize: (target as HTMLElement).offsetHeight, inlineSize: 0 }],
              }) as unknown as ResizeObserverEntry,
          )
          if (entries.length > 0) callback(entries, this as unknown as ResizeObserver)
        })
      }
      observe(target: Element): void {
        this.targets.add(target)
      }
      unobserve(target: Element): void {
        this.targets.delete(target)
      }
      disconnect(): void {
        this.targets.clear()
      }
    },
  )
  return {
    // A report may render new rows, which the next layout reports: three rounds settle it.
    layout() {
      for (let i = 0; i < 3; i++) act(() => notifiers.forEach((notify) => notify()))
    },
  }
}
