/**
 * What the page and its parsing worker say to each other. The class view sends files and the
 * worker answers with each file's result as soon as it is known, then says it is done; the
 * session bar sends one saved session and the worker answers with it, checked, or its problem.
 */
import { readSessionBlob, sessionBuffers, type SessionOpenResult } from '../session/open-session'
import { readClassFiles, type ClassFileResult } from './class-file'

/** Page → worker: read these files (File objects are passed by reference, not copied). */
export interface ReadRequest {
  type: 'read'
  files: File[]
}

/** Page → worker: open this saved session. */
export interface OpenSessionRequest {
  type: 'open-session'
  file: File
}

/** Worker → page. */
export type WorkerReply =
  | { type: 'result'; index: number; result: ClassFileResult }
  | { type: 'done' }
  | { type: 'session'; result: SessionOpenResult }

/** Posts a reply, handing over `transfer` (the session's bytes) rather than copying them. */
export type PostReply = (reply: WorkerReply, transfer?: Transferable[]) => void

/** Whether a message is a well-formed {@link ReadRequest}. */
export function isReadRequest(data: unknown): data is ReadRequest {
  if (typeof data !== 'object' || data === null) return false
  const request = data as Record<string, unknown>
  return (
    request['type'] === 'read' &&
    Array.isArray(request['files']) &&
    request['files'].every((file) => file instanceof File)
  )
}

/** Whether a message is a well-formed {@link OpenSessionRequest}. */
export function isOpenSessionRequest(data: unknown): data is OpenSessionRequest {
  if (typeof data !== 'object' || data === null) return false
  const request = data as Record<string, unknown>
  return request['type'] === 'open-session' && request['file'] instanceof File
}

/**
 * The worker's side of the class view: reads the request's files in turn and posts a reply for
 * each, then 'done'. Anything but a read request is answered with 'done' alone.
 */
export async function answerReadRequest(data: unknown, post: PostReply): Promise<void> {
  if (isReadRequest(data))
    await readClassFiles(data.files, (result, index) => post({ type: 'result', index, result }))
  post({ type: 'done' })
}

/** The worker's side of opening a session: one 'session' reply, its bytes handed over. */
export async function answerOpenSession(
  request: OpenSessionRequest,
  post: PostReply,
): Promise<void> {
  const result = await readSessionBlob(request.file)
  post({ type: 'session', result }, result.ok ? sessionBuffers(result.value) : [])
}

/** Everything the worker is asked: a session to open, or (anything else) the class view's read. */
export function answerRequest(data: unknown, post: PostReply): Promise<void> {
  return isOpenSessionRequest(data) ? answerOpenSession(data, post) : answerReadRequest(data, post)
}
