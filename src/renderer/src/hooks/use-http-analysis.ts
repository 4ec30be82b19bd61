/**
 * The engine's HTTP/1.x analysis of both directions of a connection, fetched again (throttled)
 * while the capture grows.
 */
import { useEffect, useRef, useState } from 'react'
import type { Api, Direction } from '../../../shared/contract'
import type { HttpAnalysis } from '../../../shared/http-types'

/** Least time between two analyses of one direction while bytes keep arriving. */
export const HTTP_REFRESH_MS = 500

export interface HttpAnalyses {
  in: HttpAnalysis | null
  out: HttpAnalysis | null
  /** The last failure's message, if the last request failed. */
  error: string | null
}

const NONE: HttpAnalyses = { in: null, out: null, error: null }

/** Both analyses of `connectionId`, refreshed when `captured` or `capturedOut` grows. */
export function useHttpAnalysis(
  api: Api,
  connectionId: string,
  captured: number,
  capturedOut: number,
): HttpAnalyses {
  const [state, setState] = useState<HttpAnalyses>(NONE)
  const lastRun = useRef(-Infinity)

  useEffect(() => {
    let isCurrent = true
    const fetchOne = async (direction: Direction): Promise<void> => {
      const result = await api.analyzeHttp({ connectionId, direction })
      if (!isCurrent) return
      setState((s) =>
        result.ok
          ? { ...s, [direction]: result.value, error: null }
          : { ...s, error: result.error.message },
      )
    }
    // Throttled: a change runs at once unless the last run was under HTTP_REFRESH_MS ago; a
    // newer change replaces the pending one, so the last totals are always analyzed.
    const delay = Math.max(0, lastRun.current + HTTP_REFRESH_MS - Date.now())
    const timer = setTimeout(() => {
      lastRun.current = Date.now()
      void fetchOne('in')
      void fetchOne('out')
    }, delay)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [api, connectionId, captured, capturedOut])

  return state
}
