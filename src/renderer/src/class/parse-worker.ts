/**
 * The class view's Web Worker: reads and checks the files a teacher opened, off the page's thread,
 * so a large session never freezes the page.
 */
import { answerReadRequest, type WorkerReply } from './worker-protocol'

/** The little of a dedicated worker's global scope used here (the renderer is typed for DOM). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null
  postMessage(message: WorkerReply): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  void answerReadRequest(event.data, (reply) => scope.postMessage(reply))
}
