/**
 * A question the engine answers by asking the OS (who holds a port, excluded ranges, localhost):
 * one request at a time, its answer kept until asked again. A rejected call becomes an INTERNAL
 * error value, as everything else the Api answers.
 */
import { useState } from 'react'
import type { Result } from '../../../shared/result'

export interface OsQuestion<T> {
  result: Result<T> | null
  isRunning: boolean
  ask: () => void
}

/** `call` runs on every `ask`; the latest answer is kept in `result`. */
export function useOsQuestion<T>(call: () => Promise<Result<T>>): OsQuestion<T> {
  const [result, setResult] = useState<Result<T> | null>(null)
  const [isRunning, setRunning] = useState(false)
  const ask = (): void => {
    setRunning(true)
    void call()
      .then(setResult, (err: unknown) =>
        setResult({ ok: false, error: { code: 'INTERNAL', message: String(err) } }),
      )
      .finally(() => setRunning(false))
  }
  return { result, isRunning, ask }
}
