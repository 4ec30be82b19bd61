import { describe, expect, it } from 'vitest'
import type { ConnectionSnapshot, ListenerSnapshot, TargetLeg } from './contract'
import { parseSessionFile, serializeSession, type Session } from './session-file'
import { defaultListenerSettings } from './listener-defaults'

const listener: ListenerSnapshot = {
  id: 'L1',
  number: 1,
  settings: {
    ...defaultListenerSettings(),
    host: '127.0.0.1',
    port: 7878,
    maxConnections: null,
    captureLimitPerConnection: 1024,
  },
  state: 'listening',
  bound: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
  lastError: null,
  counters: { accepted: 1, dropped: 0, open: 1, bytesIn: 5, bytesOut: 2 },
  workers: [],
  queued: [],
  handled: 0,
}

const connection: ConnectionSnapshot = {
  id: 'L1#1',
  listenerId: 'L1',
  number: 1,
  remote: { address: '127.0.0.1', port: 50000, family: 'IPv4' },
  local: { address: '127.0.0.1', port: 7878, family: 'IPv4' },
  acceptedAt: 1_700_000_000_000,
  acceptedMono: 100,
  state: 'closed',
  closedAt: 1_700_000_001_000,
  closeReason: 'peer',
  errorCode: null,
  bytesIn: 5,
  bytesOut: 2,
  chunksIn: 2,
  chunksOut: 1,
  captured: 5,
  capturedOut: 2,
  truncated: false,
  firstByteInMono: 110,
  lastByteMono: 130,
}

const session: Session = {
  savedAt: 1_700_000_002_000,
  platform: 'linux',
  listeners: [listener],
  connections: [
    {
      connection,
      chunks: [
        { direction: 'in', offset: 0, size: 3, mono: 110, kept: 3 },
        { direction: 'out', offset: 0, size: 2, mono: 120, kept: 2 },
        { direction: 'in', offset: 3, size: 2, mono: 130, kept: 2 },
      ],
      received: new Uint8Array([0x00, 0xff, 0x0d, 0x0a, 0x41]),
      sent: new Uint8Array([0x4f, 0x4b]),
    },
  ],
}

/** A forwarded connection's leg to the target, as a session file keeps it. */
const FORWARDED_LEG: TargetLeg = {
  host: '127.0.0.1',
  port: 7879,
  state: 'closed',
  local: { address: '127.0.0.1', port: 50412, family: 'IPv4' },
  connectMono: 10,
  connectedMono: 10.4,
  firstByteToTargetMono: 10.5,
  firstByteFromTargetMono: 12,
  bytesToTarget: 78,
  bytesFromTarget: 131,
  clientEnded: true,
  targetEnded: true,
  firstEnded: 'target',
  failure: 'target-reset',
  errorCode: 'ECONNRESET',
  response: {
    isHttp: true,
    headEnd: 38,
    contentLength: 91,
    progress: 'complete',
    findings: [{ warning: { code: 'bare-lf', line: 1 }, offset: 15, length: 1 }],
  },
}

describe('session files', () => {
  it('round-trips every byte, chunk and field; the listener comes back stopped', () => {
    const result = parseSessionFile(serializeSession(session))
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const [back] = result.value.connections
    expect(back?.received).toEqual(session.connections[0]?.received)
    expect(back?.sent).toEqual(session.connections[0]?.sent)
    expect(back?.chunks).toEqual(session.connections[0]?.chunks)
    expect(back?.connection).toEqual(connection)
    expect(result.value.listeners[0]).toMatchObject({
      id: 'L1',
      state: 'stopped',
      counters: { open: 0 },
    })
    expect(result.value.platform).toBe('linux')
  })

  it('keeps what issue 13 added: refusals at the open-file limit, a reset found by the probe, a capped echo', () => {
    const marked: Session = {
      ...session,
      listeners: [{ ...listener, counters: { ...listener.counters, refused: 7 } }],
      connections: [
        {
          ...session.connections[0]!,
          connection: {
            ...connection,
            closeReason: 'reset',
            isFoundByProbe: true,
            isEchoCapped: true,
          },
        },
      ],
    }
    const result = parseSessionFile(serializeSession(marked))
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect(result.value.listeners[0]?.counters.refused).toBe(7)
    expect(result.value.connections[0]?.connection).toEqual(marked.connections[0]?.connection)
    // An older file has none of them, and none appear.
    const plain = parseSessionFile(serializeSession(session))
    if (!plain.ok) throw new Error(JSON.stringify(plain.error))
    expect(plain.value.listeners[0]?.counters).not.toHaveProperty('refused')
    expect(plain.value.connections[0]?.connection).toEqual(connection)
  })

  it('keeps a forwarded connection’s leg to the target, findings included; refuses a damaged one', () => {
    const target = FORWARDED_LEG
    const forwarded: Session = {
      ...session,
      connections: [{ ...session.connections[0]!, connection: { ...connection, target } }],
    }
    const result = parseSessionFile(serializeSession(forwarded))
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect(result.value.connections[0]?.connection.target).toEqual(target)
    const damaged = serializeSession(forwarded).replace(
      '"progress":"complete"',
      '"progress":"done"',
    )
    expect(parseSessionFile(damaged)).toMatchObject({ ok: false })
  })

  it('keeps a leg’s stalls, resolved address and end times; still reads a leg without them', () => {
    // A leg as a file from before these fields has it: a host name, no failure, no findings.
    const before: TargetLeg = {
      ...FORWARDED_LEG,
      host: 'localhost',
      failure: null,
      errorCode: null,
      response: null,
    }
    const leg: TargetLeg = {
      ...before,
      remote: { address: '127.0.0.1', port: 7879, family: 'IPv4' },
      clientEndedMono: 14.25,
      targetEndedMono: 13,
      closedMono: 14.5,
      stalled: null,
      lastStall: { side: 'client', waiting: 1_048_576, cap: 16_384 },
      stalls: 2,
    }
    const withLeg = (target: TargetLeg): Session => ({
      ...session,
      connections: [{ ...session.connections[0]!, connection: { ...connection, target } }],
    })
    const read = parseSessionFile(serializeSession(withLeg(leg)))
    if (!read.ok) throw new Error(JSON.stringify(read.error))
    expect(read.value.connections[0]?.connection.target).toEqual(leg)
    // Written before these fields: none of them, and the leg reads as it was.
    const text = serializeSession(withLeg(before))
    expect(text).not.toContain('"stalls"')
    const old = parseSessionFile(text)
    if (!old.ok) throw new Error(JSON.stringify(old.error))
    const oldLeg = old.value.connections[0]?.connection.target
    expect(oldLeg).toEqual(before)
    expect(oldLeg).not.toHaveProperty('stalls')
    expect(oldLeg).not.toHaveProperty('remote')
    // A damaged one is refused.
    const damaged = [
      ['"side":"client"', '"side":"both"'],
      ['"stalls":2', '"stalls":-1'],
      ['"closedMono":14.5', '"closedMono":"soon"'],
    ]
    for (const [from, to] of damaged) {
      const bad = serializeSession(withLeg(leg)).replace(from!, to!)
      expect(bad).toContain(to)
      expect(parseSessionFile(bad)).toMatchObject({ ok: false })
    }
  })

  it('says what is wrong with a foreign, newer or damaged file', () => {
    expect(parseSessionFile('not json')).toEqual({ ok: false, error: { kind: 'not-json' } })
    expect(parseSessionFile('{"hello":1}')).toEqual({
      ok: false,
      error: { kind: 'not-a-session' },
    })
    expect(parseSessionFile('[1,2]')).toEqual({ ok: false, error: { kind: 'not-a-session' } })
    const text = serializeSession(session)
    const newer = text.replace('"version":1', '"version":9')
    expect(parseSessionFile(newer)).toEqual({
      ok: false,
      error: { kind: 'newer-version', version: 9 },
    })
    expect(parseSessionFile(text.replace('"version":1', '"version":"1"'))).toEqual({
      ok: false,
      error: { kind: 'damaged', where: 'version' },
    })

    const data = JSON.parse(text)
    data.connections[0].chunks[2].offset = 4 // past the received bytes
    expect(parseSessionFile(JSON.stringify(data))).toEqual({
      ok: false,
      error: { kind: 'damaged', where: 'connections[0].chunks[2]' },
    })
    const badBase64 = JSON.parse(text)
    badBase64.connections[0].received = '!!!'
    expect(parseSessionFile(JSON.stringify(badBase64))).toMatchObject({
      ok: false,
      error: { kind: 'damaged', where: 'connections[0].received' },
    })
    const orphan = JSON.parse(text)
    orphan.connections[0].connection.listenerId = 'L9'
    expect(parseSessionFile(JSON.stringify(orphan))).toMatchObject({
      ok: false,
      error: { kind: 'damaged', where: 'connections[0].connection.listenerId' },
    })
    const wrongType = JSON.parse(text)
    wrongType.listeners[0].settings.port = '7878'
    expect(parseSessionFile(JSON.stringify(wrongType))).toMatchObject({
      ok: false,
      error: { kind: 'damaged', where: 'listeners[0].settings.port' },
    })
  })
})

describe('the student and progress a session carries', () => {
  it('round-trips them, reads files without them, and refuses bad ones', () => {
    const base = { savedAt: 5, platform: 'linux' as const, listeners: [], connections: [] }
    const withProgress = {
      ...base,
      student: 'Аня',
      progress: {
        stageId: 'pool' as const,
        stages: { pool: { since: 1, ticked: { 'worker-job': 2 } } },
      },
    }
    expect(parseSessionFile(serializeSession(withProgress))).toEqual({
      ok: true,
      value: withProgress,
    })
    expect(parseSessionFile(serializeSession(base))).toEqual({ ok: true, value: base })
    const bad = JSON.parse(serializeSession(withProgress)) as Record<string, unknown>
    bad['progress'] = { stageId: 'nope', stages: {} }
    expect(parseSessionFile(JSON.stringify(bad))).toEqual({
      ok: false,
      error: { kind: 'damaged', where: 'progress' },
    })
    expect(parseSessionFile(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toEqual({
      ok: false,
      error: { kind: 'too-deep' },
    })
  })
})

describe('the forgotten connections a session carries', () => {
  it('round-trips the count of a capped engine, reads files without it, and refuses a bad one', () => {
    const base = { savedAt: 5, platform: 'linux' as const, listeners: [], connections: [] }
    const capped = { ...base, forgottenConnections: 12_345 }
    expect(parseSessionFile(serializeSession(capped))).toEqual({ ok: true, value: capped })
    expect(parseSessionFile(serializeSession(base))).toEqual({ ok: true, value: base })
    const bad = JSON.parse(serializeSession(capped)) as Record<string, unknown>
    bad['forgottenConnections'] = -1
    expect(parseSessionFile(JSON.stringify(bad))).toEqual({
      ok: false,
      error: { kind: 'damaged', where: 'forgottenConnections' },
    })
  })
})
