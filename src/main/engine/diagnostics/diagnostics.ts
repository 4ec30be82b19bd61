/**
 * Diagnostics the book only hints at (issue 4, section 4). PLACEHOLDER: the diagnostics module
 * replaces this.
 */
import type { Platform } from '../../../shared/bind-failure'
import type {
  ExcludedPortsReport,
  ExcludedPortsRequest,
  LocalhostReport,
  LocalhostRequest,
  WhoHoldsReport,
  WhoHoldsRequest,
} from '../../../shared/diagnostics-types'
import { fail, type Result } from '../../../shared/result'

export interface DiagnosticsDeps {
  platform: Platform
}

export interface Diagnostics {
  whoHolds(request: WhoHoldsRequest): Promise<Result<WhoHoldsReport>>
  excludedPorts(request: ExcludedPortsRequest): Promise<Result<ExcludedPortsReport>>
  localhost(request: LocalhostRequest): Promise<Result<LocalhostReport>>
}

export function createDiagnostics(_deps: DiagnosticsDeps): Diagnostics {
  const notYet = <T>(): Promise<Result<T>> =>
    Promise.resolve(fail({ code: 'BAD_STATE', message: 'Diagnostics are not built yet' }))
  return {
    whoHolds: () => notYet(),
    excludedPorts: () => notYet(),
    localhost: () => notYet(),
  }
}
