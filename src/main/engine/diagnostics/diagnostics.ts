/**
 * Diagnostics the book only hints at (issue 4, section 4): who holds a port, Windows' excluded
 * port ranges, and what `localhost` reaches.
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
import { ok, type Result } from '../../../shared/result'
import { isRootProcess } from '../bind-error'
import { excludedPorts } from './excluded-ports'
import { checkLocalhost } from './localhost'
import { limitRuns, runTool, type ToolRunner } from './run-tool'
import { whoHolds } from './who-holds'

/** What the diagnostics need: the platform, and for tests a tool runner and identity. */
export interface DiagnosticsDeps {
  platform: Platform
  /** Runs the OS tools; tests may pass sample outputs. */
  run?: ToolRunner
  /** Defaults to this process's. */
  selfPid?: number
  isRoot?: boolean
}

/** The diagnostics:* requests; each answers a report, never an error for a failing tool. */
export interface Diagnostics {
  whoHolds(request: WhoHoldsRequest): Promise<Result<WhoHoldsReport>>
  excludedPorts(request: ExcludedPortsRequest): Promise<Result<ExcludedPortsReport>>
  localhost(request: LocalhostRequest): Promise<Result<LocalhostReport>>
}

/**
 * The diagnostics of one engine. Requests arrive validated; every answer is a report, even when a
 * tool is missing or fails (the report says so).
 */
export function createDiagnostics(deps: DiagnosticsDeps): Diagnostics {
  const run = limitRuns(deps.run ?? runTool)
  const platform = deps.platform
  return {
    whoHolds: async ({ port }) =>
      ok(
        await whoHolds(port, {
          platform,
          run,
          selfPid: deps.selfPid ?? process.pid,
          isRoot: deps.isRoot ?? isRootProcess(),
        }),
      ),
    excludedPorts: async ({ port }) => ok(await excludedPorts(port, { platform, run })),
    localhost: async ({ port }) => ok(await checkLocalhost(port)),
  }
}
