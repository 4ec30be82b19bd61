/**
 * Reading files through the parsing worker: a class's files, one worker per batch (it ends when
 * the batch is read, or at once when the view closes), and a saved session, one worker per file.
 */
import { err } from '../../../shared/result'
import { readSessionBlob, type SessionOpenResult } from '../session/open-session'
import type { ClassFileResult } from './class-file'
import type { OpenSessionRequest, ReadRequest, WorkerReply } from './worker-protocol'

/** Reads files off the page's thread. */
export interface ClassReader {
  /**
   * Reads `files`, calling `onResult` for each as soon as it is known (with its index in
   * `files`); resolves when all are read or the reading was cancelled, rejects when the worker
   * failed (it could not start, or crashed).
   */
  read(
    files: readonly File[],
    onResult: (result: ClassFileResult, index: number) => void,
  ): Promise<void>
  /** Stops the reading under way, if any. */
  cancel(): void
}

/** The worker Vite builds from parse-worker.ts (a module worker from the app's own origin). */
export function parseWorker(): Worker {
  return new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' })
}

/** A reader backed by `makeWorker` (the real parsing worker unless a test passes another). */
export function createWorkerReader(makeWorker: () => Worker = parseWorker): ClassReader {
  let running: { worker: Worker; finish: () => void } | null = null

  return {
    read(files, onResult) {
      return new Promise<void>((resolve, reject) => {
        const worker = makeWorker()
        const end = (): void => {
          worker.terminate()
          if (running?.worker === worker) running = null
        }
        running = {
          worker,
          finish: () => {
            end()
            resolve()
          },
        }
        worker.onmessage = (event: MessageEvent<WorkerReply>) => {
          const reply = event.data
          if (reply.type === 'result') onResult(reply.result, reply.index)
          else {
            end()
            resolve()
          }
        }
        worker.onerror = (event: ErrorEvent) => {
          event.preventDefault()
          end()
          reject(new Error(event.message || 'the reading worker stopped'))
        }
        worker.onmessageerror = () => {
          end()
          reject(new Error('the reading worker sent a message that could not be read'))
        }
        const request: ReadRequest = { type: 'read', files: [...files] }
        worker.postMessage(request)
      })
    },
    cancel() {
      running?.finish()
    },
  }
}

/**
 * Opens a saved session in a worker of its own, ended once it answers. A worker that fails (it
 * could not start, or ran out of memory) answers `unreadable`.
 *
 * Where there is no Worker at all (jsdom, in component tests) the same code reads the file here.
 */
export function openSessionInWorker(
  file: File,
  makeWorker: () => Worker = parseWorker,
): Promise<SessionOpenResult> {
  if (typeof Worker === 'undefined' && makeWorker === parseWorker) return readSessionBlob(file)
  return new Promise((resolve) => {
    const worker = makeWorker()
    const finish = (result: SessionOpenResult): void => {
      worker.terminate()
      resolve(result)
    }
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data
      finish(reply.type === 'session' ? reply.result : err({ kind: 'unreadable' }))
    }
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault()
      finish(err({ kind: 'unreadable' }))
    }
    worker.onmessageerror = () => finish(err({ kind: 'unreadable' }))
    const request: OpenSessionRequest = { type: 'open-session', file }
    worker.postMessage(request)
  })
}
