/**
 * What the class view and its parsing worker say to each other: the page sends the files, the
 * worker answers with each file's result as soon as it is known, then says it is done.
 */
import { readClassFiles, type ClassFileResult } from './class-file'

/** Page → worker: read these files (File objects are passed by reference, not copied). */
export interface ReadRequest {
  type: 'read'
  files: File[]
}

/** Worker → page. */
export type WorkerReply =
  { type: 'result'; index: number; result: ClassFileResult } | { type: 'done' }

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

/**
 * The worker's side: reads the request's files in turn and posts a reply for each, then 'done'.
 * Anything but a read request is answered with 'done' alone.
 */
export async function answerReadRequest(
  data: unknown,
  post: (reply: WorkerReply) => void,
): Promise<void> {
  if (isReadRequest(data))
    await readClassFiles(data.files, (result, index) => post({ type: 'result', index, result }))
  post({ type: 'done' })
}
