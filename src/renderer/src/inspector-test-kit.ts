/**
 * Test helpers for the Stream region: a fake engine serving a two-way conversation (bytes, chunks,
 * search, HTTP analysis) through a {@link FakeApi}.
 */
import { findBytes, fromBase64 } from '../../shared/byte-formats'
import type { ChunkInfo, ConnectionSnapshot } from '../../shared/contract'
import type { HttpAnalysis } from '../../shared/http-types'
import { ok } from '../../shared/result'
import { fakeApi, makeConnection, toBase64, type FakeApi } from './test-utils'

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

export const REQUEST = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'
export const RESPONSE = 'HTTP/1.1 200 OK\r\n\r\nhi'

/** The request in two reads, the response in one write, then two odd bytes. */
export const IN = new Uint8Array([...enc(REQUEST), 0x00, 0xff])
export const OUT = enc(RESPONSE)
export const CHUNKS: ChunkInfo[] = [
  { direction: 'in', offset: 0, size: 10, mono: 1010, kept: 10 },
  { direction: 'in', offset: 10, size: 17, mono: 1012.5, kept: 17 },
  { direction: 'out', offset: 0, size: OUT.length, mono: 1020, kept: OUT.length },
  { direction: 'in', offset: 27, size: 2, mono: 1030, kept: 2 },
]

export interface Served {
  in: Uint8Array
  out: Uint8Array
  chunks: ChunkInfo[]
  http?: { in: HttpAnalysis; out: HttpAnalysis }
}

/** An Api that serves `served` like the engine's capture does. */
export function apiServing(served: Served = { in: IN, out: OUT, chunks: CHUNKS }): FakeApi {
  const api = fakeApi()
  api.readBytes.mockImplementation(async ({ offset, length, direction = 'in' }) => {
    const stream = served[direction]
    return ok({
      offset,
      base64: toBase64(stream.subarray(offset, offset + length)),
      captured: stream.length,
      bytesIn: served.in.length,
      truncated: false,
      chunks: [],
    })
  })
  api.readChunks.mockImplementation(async ({ from, count }) =>
    ok({ total: served.chunks.length, chunks: served.chunks.slice(from, from + count) }),
  )
  api.search.mockImplementation(async ({ direction, pattern, from, backwards }) => {
    const at = findBytes(
      served[direction],
      fromBase64(pattern) ?? new Uint8Array(),
      from,
      backwards,
    )
    return ok({ offset: at < 0 ? null : at })
  })
  const http = served.http
  if (http) api.analyzeHttp.mockImplementation(async ({ direction }) => ok(http[direction]))
  return api
}

/** The connection that sent IN and got OUT. */
export function conversationConnection(
  overrides: Partial<ConnectionSnapshot> = {},
): ConnectionSnapshot {
  return makeConnection(1, {
    bytesIn: IN.length,
    captured: IN.length,
    chunksIn: 3,
    bytesOut: OUT.length,
    capturedOut: OUT.length,
    chunksOut: 1,
    acceptedMono: 1000,
    firstByteInMono: 1010,
    lastByteMono: 1030,
    ...overrides,
  })
}
