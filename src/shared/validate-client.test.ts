import { describe, expect, it } from 'vitest'
import type { ClientFraming, ClientRunRequest } from './client-types'
import { validateRequest } from './validate'
import { clientPlanErrors, parseTarget } from './client-checks'
import { checkClientRun } from './validate-client'

const http = (rows: { count: number; path: string; startMs: number }[]): ClientRunRequest => ({
  target: '127.0.0.1:7878',
  plan: { kind: 'http', rows },
})

const reasons = (request: ClientRunRequest): string[] =>
  clientPlanErrors(request).map((e) => `${e.field}:${e.reason}`)

describe('parseTarget', () => {
  it('takes host:port, localhost and a bracketed IPv6 address', () => {
    expect(parseTarget('127.0.0.1:7878')).toEqual({
      ok: true,
      value: { host: '127.0.0.1', port: 7878 },
    })
    expect(parseTarget(' localhost:80 ')).toEqual({
      ok: true,
      value: { host: 'localhost', port: 80 },
    })
    expect(parseTarget('[::1]:7878')).toEqual({ ok: true, value: { host: '::1', port: 7878 } })
  })

  it.each([
    ['', 'target-empty'],
    ['127.0.0.1', 'target-no-port'],
    ['127.0.0.1:', 'target-no-port'],
    ['[::1]', 'target-no-port'],
    ['::1:7878', 'target-ipv6-brackets'],
    [':7878', 'target-empty'],
    ['a b:80', 'host-invalid-characters'],
    ['127.0.0.1:70000', 'port-out-of-range'],
    ['127.0.0.1:80x', 'port-not-integer'],
    ['127.0.0.1:0', 'port-zero'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseTarget(text)).toMatchObject({ ok: false, error: { field: 'target', reason } })
  })
})

describe('clientPlanErrors', () => {
  it('accepts the book plan', () => {
    expect(
      reasons(
        http([
          { count: 2, path: '/sleep', startMs: 0 },
          { count: 1, path: '/', startMs: 0 },
        ]),
      ),
    ).toEqual([])
  })

  it('checks counts, starts and paths, row by row', () => {
    expect(
      reasons(
        http([
          { count: 0, path: '/a b', startMs: 0 },
          { count: 1.5, path: 'x', startMs: -1 },
          { count: 1, path: '', startMs: 60_001 },
          { count: 1, path: '/\r\nX: y', startMs: 0 },
          { count: 1, path: '/é', startMs: 0 },
        ]),
      ),
    ).toEqual([
      'rows.0.count:count-range',
      'rows.0.path:path-invalid',
      'rows.1.count:count-range',
      'rows.1.startMs:start-range',
      'rows.1.path:path-no-slash',
      'rows.2.startMs:start-range',
      'rows.2.path:path-empty',
      'rows.3.path:path-invalid',
      'rows.4.path:path-invalid',
    ])
    expect(reasons(http([]))).toEqual(['rows:rows-empty'])
  })

  it('allows 200 connections in a plan, not 201', () => {
    expect(reasons(http([{ count: 200, path: '/', startMs: 0 }]))).toEqual([])
    expect(
      reasons(
        http([
          { count: 200, path: '/', startMs: 0 },
          { count: 1, path: '/', startMs: 0 },
        ]),
      ),
    ).toEqual(['rows:too-many-connections'])
  })

  it('counts idle connections: 0 to 8, and within the 200 connections', () => {
    const plan = (idle: unknown, count = 1): ClientRunRequest => ({
      target: '127.0.0.1:7878',
      plan: { kind: 'http', rows: [{ count, path: '/', startMs: 0 }], idle: idle as number },
    })
    expect(reasons(plan(0))).toEqual([])
    expect(reasons(plan(8))).toEqual([])
    for (const bad of [-1, 9, 1.5, Number.NaN])
      expect(reasons(plan(bad))).toEqual(['idle:idle-range'])
    expect(reasons(plan(8, 192))).toEqual([])
    expect(reasons(plan(8, 193))).toEqual(['rows:too-many-connections'])
    const refused = checkClientRun({ ...plan('2') })
    expect(refused.ok).toBe(false)
    const accepted = checkClientRun({ ...plan(2) })
    expect(accepted.ok && accepted.value.plan).toEqual({
      kind: 'http',
      rows: [{ count: 1, path: '/', startMs: 0 }],
      idle: 2,
    })
  })

  it('needs confirmation for a host that is not loopback', () => {
    const remote = { ...http([{ count: 1, path: '/', startMs: 0 }]), target: 'example.com:80' }
    expect(reasons(remote)).toEqual(['confirmedRemote:remote-not-confirmed'])
    expect(reasons({ ...remote, confirmedRemote: true })).toEqual([])
    for (const target of ['127.0.0.2:1', 'localhost:1', '[::1]:1'])
      expect(reasons({ ...remote, target })).toEqual([])
    expect(reasons({ ...remote, target: '0.0.0.0:7878' })).toEqual([
      'confirmedRemote:remote-not-confirmed',
    ])
  })

  it('checks a raw plan: its escapes, size and framing', () => {
    const raw = (text: string, framing: ClientFraming) =>
      reasons({ target: '127.0.0.1:1', plan: { kind: 'raw', text, framing } })
    expect(raw('GET / HTTP/1.1\\r\\n\\r\\n', { kind: 'chunks', chunks: 3, gapMs: 50 })).toEqual([])
    expect(raw('', { kind: 'whole' })).toEqual(['raw.text:raw-empty'])
    expect(raw('\\q', { kind: 'whole' })).toEqual(['raw.text:raw-escape'])
    expect(raw('x'.repeat(65 * 1024), { kind: 'whole' })).toEqual(['raw.text:raw-too-large'])
    expect(raw('abc', { kind: 'chunks', chunks: 4, gapMs: -1 })).toEqual([
      'framing.chunks:chunks-more-than-bytes',
      'framing.gapMs:gap-range',
    ])
    expect(raw('abc', { kind: 'bytes', intervalMs: 0 })).toEqual([
      'framing.intervalMs:interval-range',
    ])
  })

  it('checks the time limit: 1 to 60 s', () => {
    const plan = http([{ count: 1, path: '/', startMs: 0 }])
    expect(reasons({ ...plan, timeLimitSeconds: 60 })).toEqual([])
    expect(reasons({ ...plan, timeLimitSeconds: 61 })).toEqual([
      'timeLimitSeconds:time-limit-range',
    ])
  })
})

describe('checkClientRun (the engine side)', () => {
  it('answers INVALID_REQUEST for a wrong shape, INVALID_INPUT for a wrong value', () => {
    expect(checkClientRun({ target: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    expect(
      checkClientRun({ target: '127.0.0.1:1', plan: { kind: 'http', rows: [{ count: '1' }] } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    expect(
      checkClientRun({
        target: '127.0.0.1:1',
        plan: { kind: 'raw', text: 'x', framing: { kind: 'x' } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    expect(
      checkClientRun({ ...http([{ count: 1, path: '/', startMs: 0 }]), extra: true }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    expect(
      checkClientRun({ ...http([{ count: 1, path: '/', startMs: 0 }]), target: '1.2.3.4:80' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'confirmedRemote' },
    })
    expect(checkClientRun({ ...http([{ count: 1, path: '/', startMs: 0 }]) })).toEqual({
      ok: true,
      value: http([{ count: 1, path: '/', startMs: 0 }]),
    })
  })

  it('is what validateRequest runs for client:run and client:cancel', () => {
    expect(validateRequest('client:run', http([{ count: 1, path: '/', startMs: 0 }])).ok).toBe(true)
    expect(validateRequest('client:cancel', { runId: 'run-1' }).ok).toBe(true)
    expect(validateRequest('client:cancel', { runId: '' }).ok).toBe(false)
  })
})
