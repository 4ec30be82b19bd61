/**
 * Issue 13's churn run: a listener started and stopped 100 times, a client connected and closed in
 * each round, leaves the process with the handles it had before (servers, sockets, timers).
 */
import { afterEach, expect, it } from 'vitest'
import { closed, connectClient, recordingEngine, waitFor, type TestEngine } from './engine-test-kit'

const ROUNDS = 100

let t: TestEngine | null = null
afterEach(async () => {
  await t?.engine.shutdown()
  t = null
})

/** The process's active handles and requests, counted by kind (TCPServerWrap, Timeout, …). */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1
  return counts
}

it(`start/stop ${ROUNDS} times with a client each round leaves the handles where they were`, async () => {
  t = recordingEngine({ batchIntervalMs: 5 })
  const listener = await t.value('listener:add', {
    host: '127.0.0.1',
    port: 0,
    responder: 'close-at-once',
  })
  // Settle what the engine's start-up scheduled before counting.
  await waitFor(() => t!.batches.length > 0, 'the first batch')
  const baseline = JSON.stringify(resources())
  for (let round = 0; round < ROUNDS; round++) {
    const started = await t.value('listener:start', { listenerId: listener.id })
    const client = await connectClient(started.bound!.port)
    await closed(client)
    await t.value('listener:stop', { listenerId: listener.id, mode: 'let-finish' })
  }
  // Every accept accounted for: accepted and closed once each, as the engine's events say.
  const count = (type: string): number => t!.events().filter((e) => e.type === type).length
  await waitFor(() => count('connection-closed') >= ROUNDS, 'every connection closed')
  expect(count('connection-accepted')).toBe(ROUNDS)
  expect(count('connection-closed')).toBe(ROUNDS)
  await waitFor(() => JSON.stringify(resources()) === baseline, `the handles back at ${baseline}`)
}, 60_000)
