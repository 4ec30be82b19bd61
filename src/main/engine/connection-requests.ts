/**
 * The requests about one connection's bytes and life: close, send, read, chunks, search, HTTP.
 */
import { MAX_CHUNKS_PER_READ } from '../../shared/contract'
import type { HttpAnalysis } from '../../shared/http-types'
import { assertNever, ok, type Result } from '../../shared/result'
import type { ValidRequest } from '../../shared/validate'
import type { ConnectionRuntime } from './connection'
import { analyzeHttp } from './http-analysis'

export type ConnectionRequest = Extract<
  ValidRequest,
  {
    channel:
      | 'connection:close'
      | 'connection:send'
      | 'connection:read'
      | 'connection:chunks'
      | 'connection:search'
      | 'connection:http'
  }
>

/**
 * The most bytes of one direction the HTTP view analyses: enough for any classroom exchange,
 * small enough that a 100 MB capture is not joined and parsed on every refresh.
 */
export const MAX_HTTP_ANALYSIS = 8 * 1024 * 1024

/** Bytes that tell whether a stream starts like HTTP (after a few empty lines). */
const HTTP_PROBE = 4096

/** The last analysis per connection and direction, valid while the kept length is the same. */
const httpCache = new WeakMap<
  ConnectionRuntime,
  Map<string, { kept: number; analysis: HttpAnalysis }>
>()

function analyze(connection: ConnectionRuntime, direction: 'in' | 'out'): HttpAnalysis {
  const capture = connection.capture
  const kept = capture.capturedOf(direction)
  const truncated = capture.isTruncated(direction)
  let cache = httpCache.get(connection)
  if (cache === undefined) {
    cache = new Map()
    httpCache.set(connection, cache)
  }
  // Kept bytes only grow at the end; the truncated flag is part of the key as it may flip alone.
  const key = `${direction}:${truncated}`
  const hit = cache.get(key)
  if (hit !== undefined && hit.kept === kept) return hit.analysis
  // Most streams that are not HTTP say so in their first bytes: no need to join the rest.
  const probe = analyzeHttp(capture.bytes(direction, HTTP_PROBE), direction, truncated)
  const analysis =
    !probe.isHttp || kept <= HTTP_PROBE
      ? { ...probe, analyzedBytes: Math.min(kept, HTTP_PROBE) }
      : analyzeHttp(
          capture.bytes(direction, MAX_HTTP_ANALYSIS),
          direction,
          truncated || kept > MAX_HTTP_ANALYSIS,
        )
  cache.set(key, { kept, analysis })
  return analysis
}

/** Runs one request on its connection (found by the caller). */
export async function handleConnectionRequest(
  valid: ConnectionRequest,
  connection: ConnectionRuntime,
): Promise<Result<unknown>> {
  switch (valid.channel) {
    case 'connection:close':
      // Closing a closed connection is a no-op: the peer may have won the race.
      await connection.close(valid.request.how)
      return ok(null)
    case 'connection:send':
      return connection.send(Buffer.from(valid.request.base64, 'base64'))
    case 'connection:read': {
      const { offset, length, direction = 'in' } = valid.request
      return ok(connection.capture.read(direction, offset, length, MAX_CHUNKS_PER_READ))
    }
    case 'connection:chunks':
      return ok(connection.capture.chunks(valid.request.from, valid.request.count))
    case 'connection:search': {
      const { direction, pattern, from, backwards } = valid.request
      const bytes = Buffer.from(pattern, 'base64')
      return ok({ offset: connection.capture.search(direction, bytes, from, backwards) })
    }
    case 'connection:http':
      return ok(analyze(connection, valid.request.direction))
    default:
      return assertNever(valid)
  }
}
