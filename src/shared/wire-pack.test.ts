import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EngineEvent, EventBatch } from './contract'
import { packBatch, unpackBatch } from './wire-pack'

/** What the page gets: the packed batch through JSON, unpacked. */
const overWire = (batch: EventBatch): EventBatch | null =>
  unpackBatch(JSON.parse(JSON.stringify(packBatch(batch))))

/** The events one HTTP hello request made (single thread), as the engine sent them. */
const HTTP_REQUEST: EngineEvent[] = [
  {
    type: 'connection-accepted',
    at: 1796322410641,
    connection: {
      id: 'L1#1',
      listenerId: 'L1',
      number: 1,
      remote: { address: '127.0.0.1', port: 57410, family: 'IPv4' },
      local: { address: '127.0.0.1', port: 39743, family: 'IPv4' },
      acceptedAt: 1796322410641,
      acceptedMono: 141.712584,
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
    },
  },
  { type: 'queue-changed', at: 1796322410641, listenerId: 'L1', queued: ['L1#1'] },
  { type: 'queue-changed', at: 1796322410641, listenerId: 'L1', queued: [] },
  {
    type: 'worker-changed',
    at: 1796322410641,
    listenerId: 'L1',
    worker: 0,
    connectionId: 'L1#1',
    phase: 'reading',
    handled: 0,
  },
  {
    type: 'connection-data',
    at: 1796322410642,
    connectionId: 'L1#1',
    listenerId: 'L1',
    direction: 'in',
    chunks: 1,
    bytes: 103,
    preview:
      'R0VUIC8gSFRUUC8xLjENCkhvc3Q6IDEyNy4wLjAuMTozOTc0Mw0KVXNlci1BZ2VudDogc29ja2V0LWxhYi1iZQ==',
    bytesIn: 103,
    chunksIn: 1,
    captured: 103,
    bytesOut: 0,
    chunksOut: 0,
    capturedOut: 0,
    truncated: false,
    listenerBytesIn: 103,
    listenerBytesOut: 0,
    mono: 142.549281,
  },
  {
    type: 'worker-changed',
    at: 1796322410644,
    listenerId: 'L1',
    worker: 0,
    connectionId: null,
    handled: 1,
  },
  { type: 'connection-we-ended', at: 1796322410643, connectionId: 'L1#1', listenerId: 'L1' },
  {
    type: 'connection-closed',
    at: 1796322410645,
    connectionId: 'L1#1',
    listenerId: 'L1',
    reason: 'us',
    errorCode: null,
  },
  { type: 'capture-totals', at: 1796322410643, totals: { captured: 319, limit: 268435456 } },
]

describe('packed event batches', () => {
  it('unpack to exactly the events sent', () => {
    const batch = { seq: 7, events: HTTP_REQUEST }
    expect(overWire(batch)).toEqual(batch)
  })

  it('carry a burst of requests in under 30% of the bytes', () => {
    // 500 requests in one batch, as a burst fills one: keys go once, values stay.
    const events = Array.from({ length: 500 }, () => HTTP_REQUEST).flat()
    const plain = JSON.stringify({ seq: 1, events }).length
    const packed = JSON.stringify(packBatch({ seq: 1, events })).length
    expect(packed / plain).toBeLessThan(0.3)
  })

  it('send a long string once per batch, however many events repeat it', () => {
    const events = Array.from({ length: 50 }, () => HTTP_REQUEST).flat()
    const text = JSON.stringify(packBatch({ seq: 1, events }))
    const preview = (HTTP_REQUEST[4] as Extract<EngineEvent, { type: 'connection-data' }>).preview
    expect(text.split(preview).length - 1).toBe(1)
    expect(text.split('"127.0.0.1"').length - 1).toBe(1)
    // Short strings stay where they are: a reference would be no shorter.
    expect(text.split('"L1#1"').length - 1).toBe(50 * 6)
    expect(overWire({ seq: 1, events })).toEqual({ seq: 1, events })
  })

  it('round-trip any JSON value as JSON itself does, undefined and odd keys included', () => {
    const anything = fc.anything({
      withBoxedValues: false,
      withMap: false,
      withSet: false,
      withBigInt: false,
      withDate: false,
      withTypedArray: false,
      withSparseArray: true,
      withNullPrototype: true,
      withObjectString: false,
    })
    // Events as the engine makes them (a type and a clock first), and anything else besides.
    const event = fc.record(
      {
        type: fc.constantFrom('connection-data', 'queue-changed', '__proto__', ''),
        at: fc.oneof(fc.maxSafeInteger(), fc.integer()),
        rest: anything,
      },
      { requiredKeys: ['type', 'at'] },
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(event, anything), { maxLength: 8 }), (values) => {
        const batch = { seq: 3, events: values as EngineEvent[] }
        const expected = JSON.parse(JSON.stringify(batch)) as EventBatch
        expect(overWire(batch)).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps "__proto__" an own key, as JSON.parse does', () => {
    const event = JSON.parse('{"type":"x","__proto__":{"polluted":true}}') as EngineEvent
    const back = overWire({ seq: 1, events: [event] })?.events[0] as Record<string, unknown>
    expect(Object.keys(back)).toEqual(['type', '__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype)
  })

  it.each([
    ['not an object', 'events'],
    ['no seq', { at: 0, shapes: [], events: [] }],
    ['a fractional seq', { seq: 1.5, at: 0, shapes: [], events: [] }],
    ['no clock', { seq: 1, shapes: [], events: [] }],
    ['keys not strings', { seq: 1, at: 0, shapes: [{ keys: [1] }], events: [] }],
    [
      'a typed shape without at',
      { seq: 1, at: 0, shapes: [{ keys: ['type'], type: 'x' }], events: [] },
    ],
    ['a bare object inside', { seq: 1, at: 0, shapes: [], events: [{ type: 'x' }] }],
    ['a shape out of range', { seq: 1, at: 0, shapes: [{ keys: ['a'] }], events: [[2, 1]] }],
    ['a negative tag', { seq: 1, at: 0, shapes: [{ keys: ['a'] }], events: [[-1, 1]] }],
    ['too few values', { seq: 1, at: 0, shapes: [{ keys: ['a', 'b'] }], events: [[1, 1]] }],
    ['too many values', { seq: 1, at: 0, shapes: [{ keys: ['a'] }], events: [[1, 1, 2]] }],
    ['an empty array', { seq: 1, at: 0, shapes: [], events: [[]] }],
    ['a string out of range', { seq: 1, at: 0, shapes: [], strings: ['a'], events: [[-2]] }],
    ['a string with values', { seq: 1, at: 0, shapes: [], strings: ['a'], events: [[-1, 1]] }],
    ['a fractional string', { seq: 1, at: 0, shapes: [], strings: ['a'], events: [[-0.5]] }],
    ['strings not a list', { seq: 1, at: 0, shapes: [], strings: 'a', events: [] }],
    ['strings not text', { seq: 1, at: 0, shapes: [], strings: [1], events: [[-1]] }],
    [
      'a clock that is not an integer',
      { seq: 1, at: 0, shapes: [{ keys: ['type', 'at'], type: 'x' }], events: [[1, 0.5]] },
    ],
    [
      'an event shape inside a value',
      {
        seq: 1,
        at: 0,
        shapes: [{ keys: ['type', 'at', 'v'], type: 'x' }],
        events: [[1, 0, [1, 0, null]]],
      },
    ],
  ])('refuse %s whole', (_name, raw) => {
    expect(unpackBatch(raw)).toBeNull()
  })

  it('refuse nesting past the stack without throwing', () => {
    let deep: unknown = 1
    for (let i = 0; i < 200_000; i++) deep = [0, deep]
    expect(unpackBatch({ seq: 1, at: 0, shapes: [], events: [deep] })).toBeNull()
  })
})
