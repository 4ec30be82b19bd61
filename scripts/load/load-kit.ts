/**
 * What the load runs (issue 13) share: the client scripts of this folder as their own processes,
 * read line by line, and the engine's view of one listener.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { ConnectionSnapshot, ListenerSnapshot, Snapshot } from '../../src/shared/contract'
import type { control } from '../bench/http-kit'

export type Api = Awaited<ReturnType<typeof control>>

/** A client script of this folder in its own process; `line()` is the next JSON line it prints. */
export function client<T = Record<string, number>>(
  script: string,
  args: (string | number)[],
): { child: ChildProcess; line: () => Promise<T>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(import.meta.dirname, script), ...args.map(String)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const lines: string[] = []
  const waiting: Array<(line: string) => void> = []
  let buffered = ''
  child.stdout?.on('data', (data: Buffer) => {
    buffered += data.toString()
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const text = buffered.slice(0, end)
      buffered = buffered.slice(end + 1)
      const next = waiting.shift()
      if (next) next(text)
      else lines.push(text)
    }
  })
  const line = (): Promise<T> =>
    new Promise<string>((resolve, reject) => {
      const text = lines.shift()
      if (text !== undefined) return resolve(text)
      waiting.push(resolve)
      void exited.then((code) => reject(new Error(`${script} exited (${code}) before its line`)))
    }).then((text) => JSON.parse(text) as T)
  return { child, line, exited }
}

/**
 * The engine's listener and the connections it keeps, from one snapshot, and how many closed ones
 * it forgot (all listeners': the runs have one busy listener each).
 */
export async function engineView(
  api: Api,
  listenerId: string,
): Promise<{ listener: ListenerSnapshot; connections: ConnectionSnapshot[]; forgotten: number }> {
  const snapshot = await api.request<Snapshot>('engine:snapshot', {})
  const listener = snapshot.listeners.find((l) => l.id === listenerId)
  if (!listener) throw new Error(`no listener ${listenerId} in the snapshot`)
  return {
    listener,
    connections: snapshot.connections.filter((c) => c.listenerId === listenerId),
    forgotten: snapshot.forgottenConnections ?? 0,
  }
}

/** Polls `check` every 500 ms until it is true; fails after `limitMs` with `what`. */
export async function until(
  check: () => Promise<boolean>,
  what: string,
  limitMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + limitMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
