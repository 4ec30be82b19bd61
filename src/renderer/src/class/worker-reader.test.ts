import { describe, expect, it, vi } from 'vitest'
import { fileOf, type ClassFileResult } from './class-file'
import { progressText, progressUpTo, sessionText } from './class-test-kit'
import { answerReadRequest, answerRequest } from './worker-protocol'
import { createWorkerReader, openSessionInWorker } from './worker-reader'

/**
 * A stand-in for the parsing worker: it answers with the real worker code, asynchronously, as a
 * worker would; or fails to start, as a worker refused by the page's policy does.
 */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: (() => void) | null = null
  terminated = false
  constructor(private readonly mode: 'answer' | 'fail' | 'silent' = 'answer') {}
  postMessage(data: unknown): void {
    if (this.mode === 'silent') return
    if (this.mode === 'fail') {
      setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'refused by CSP' })))
      return
    }
    void answerReadRequest(data, (reply) => {
      if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: reply }))
    })
  }
  terminate(): void {
    this.terminated = true
  }
}

const files = [
  new File([progressText('Anna', progressUpTo('routes'))], 'anna.json'),
  new File(['[]'], 'list.json'),
]

describe('createWorkerReader', () => {
  it('reports each file as the worker answers, then resolves and ends the worker', async () => {
    const worker = new FakeWorker()
    const reader = createWorkerReader(() => worker as unknown as Worker)
    const seen: [number, ClassFileResult][] = []
    await reader.read(files, (result, index) => seen.push([index, result]))
    expect(seen.map(([index, r]) => [index, fileOf(r), r.ok])).toEqual([
      [0, 'anna.json', true],
      [1, 'list.json', false],
    ])
    expect(worker.terminated).toBe(true)
  })

  it('uses a fresh worker for each batch', async () => {
    const made = vi.fn(() => new FakeWorker() as unknown as Worker)
    const reader = createWorkerReader(made)
    await reader.read(files, () => {})
    await reader.read(files, () => {})
    expect(made).toHaveBeenCalledTimes(2)
  })

  it('rejects with the reason when the worker fails', async () => {
    const worker = new FakeWorker('fail')
    const reader = createWorkerReader(() => worker as unknown as Worker)
    await expect(reader.read(files, () => {})).rejects.toThrow('refused by CSP')
    expect(worker.terminated).toBe(true)
  })

  it('cancel ends the worker and the reading', async () => {
    const worker = new FakeWorker('silent')
    const reader = createWorkerReader(() => worker as unknown as Worker)
    const reading = reader.read(files, () => {})
    reader.cancel()
    await expect(reading).resolves.toBeUndefined()
    expect(worker.terminated).toBe(true)
  })
})

describe('openSessionInWorker', () => {
  /** The worker's own answer to a session, delivered as a worker would, then ended. */
  class SessionWorker extends FakeWorker {
    override postMessage(data: unknown): void {
      void answerRequest(data, (reply) => {
        if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: reply }))
      })
    }
  }

  it('answers with the checked session and ends the worker', async () => {
    const worker = new SessionWorker()
    const read = await openSessionInWorker(
      new File([sessionText('Anna', progressUpTo('routes'))], 'anna.json'),
      () => worker as unknown as Worker,
    )
    expect(read.ok && read.value.student).toBe('Anna')
    expect(worker.terminated).toBe(true)
  })

  it('answers a worker that fails with unreadable', async () => {
    const worker = new FakeWorker('fail')
    const read = await openSessionInWorker(
      new File(['{}'], 'a.json'),
      () => worker as unknown as Worker,
    )
    expect(read).toEqual({ ok: false, error: { kind: 'unreadable' } })
    expect(worker.terminated).toBe(true)
  })
})
