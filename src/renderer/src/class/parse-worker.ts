/**
 * The parsing Web Worker: reads and checks the files a teacher opened in the class view, and a
 * saved session opened to be viewed, off the page's thread, so a large or hostile file never
 * freezes the page.
 */
import { answerRequest, type WorkerReply } from './worker-protocol'

/** The little of a dedicated worker's global scope used here (the renderer is typed for DOM). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null
  postMessage(message: WorkerReply, transfer?: Transferable[]): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  void answerRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []))
}
