/**
 * The test client (issue 4, section 3): runs a plan of real TCP connections against a target and
 * reports each request's timeline as events. PLACEHOLDER: the client's module replaces this.
 */
import type {
  ClientCancelRequest,
  ClientEvent,
  ClientRunRequest,
  ClientRunStarted,
} from '../../../shared/client-types'
import { fail, type Result } from '../../../shared/result'

export interface ClientRunnerDeps {
  emit: (event: ClientEvent) => void
}

export interface ClientRunner {
  run(request: ClientRunRequest): Promise<Result<ClientRunStarted>>
  cancel(request: ClientCancelRequest): Promise<Result<null>>
  /** Stops every run and closes its sockets; resolves when all are closed. */
  shutdown(): Promise<void>
}

export function createClientRunner(_deps: ClientRunnerDeps): ClientRunner {
  const notYet = <T>(): Promise<Result<T>> =>
    Promise.resolve(fail({ code: 'BAD_STATE', message: 'The client is not built yet' }))
  return {
    run: () => notYet(),
    cancel: () => notYet(),
    shutdown: () => Promise.resolve(),
  }
}
