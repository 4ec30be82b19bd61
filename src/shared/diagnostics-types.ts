/**
 * Diagnostics' contract (issue 4, section 4): who holds a port, Windows' excluded port ranges,
 * what localhost is. PLACEHOLDER shapes: the diagnostics module owns this file and refines them.
 */

export interface WhoHoldsRequest {
  port: number
}

export interface WhoHoldsReport {
  /** The command that ran, as the user could type it. */
  command: string | null
}

export type ExcludedPortsRequest = Record<string, never>

export interface ExcludedPortsReport {
  command: string | null
}

export interface LocalhostRequest {
  port: number
}

export interface LocalhostReport {
  addresses: string[]
}
