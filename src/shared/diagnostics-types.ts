/**
 * Diagnostics' contract (issue 4, section 4): who holds a port, Windows' excluded port ranges,
 * what `localhost` is here and which of its addresses a listener accepts.
 *
 * The engine runs the OS tools with fixed arguments and reports what they said, raw output
 * included; the renderer turns outcomes into catalog text. Commands and outputs are never
 * translated: they are what a person types and what the OS printed.
 *
 * The requests are valibot schemas, their types inferred (what a caller may send). The port is
 * the only thing that reaches an OS command, so it must be an integer 1–65535 and nothing else;
 * the free-port search's host only reaches listen() (as a listener's would).
 */
import * as v from 'valibot'
import type { Platform } from './bind-failure'
import { hostSchema, integer } from './schema/fields'
import { strictObject } from './schema/object'

/** A port to look up: an integer 1–65535, nothing else (no text to pass to a shell). */
const port = integer('port', 1, 65535)

/** How long one OS tool may run before the engine gives up on it. */
export const TOOL_TIMEOUT_MS = 3000

/** Output kept from one tool run (more is cut off and marked). */
export const MAX_TOOL_OUTPUT_CHARS = 16_000

/** How long a localhost probe waits for a connection. */
export const PROBE_TIMEOUT_MS = 1500

/**
 * What became of one run of an OS tool.
 *
 * `exited` is any finished run, with `exitCode` (lsof exits 1 when it found nothing, so the caller
 * decides what an exit code means); `missing`: not installed (or not on PATH); `timeout`: killed
 * after {@link TOOL_TIMEOUT_MS}; `failed`: it could not be started, or printed too much.
 */
export type ToolStatus = 'exited' | 'missing' | 'timeout' | 'failed'

export interface ToolRun {
  /** The command as a person would type it, e.g. `ss -ltnpH 'sport = :7878'`. */
  command: string
  status: ToolStatus
  exitCode: number | null
  /** stdout, then stderr if any; cut at {@link MAX_TOOL_OUTPUT_CHARS}. */
  output: string
  isTruncated: boolean
  /** For `failed`: the error Node gave (English). */
  error: string | null
}

// --- Who holds this port? -------------------------------------------------------------------

export const whoHoldsSchema = strictObject({ port }, 'required')
export type WhoHoldsRequest = v.InferInput<typeof whoHoldsSchema>

/** One listening socket on the port, as the tool printed it. */
export interface PortHolder {
  /** The local address as printed: `127.0.0.1:7878`, `[::]:7878`, `*:7878`. */
  localAddress: string
  /** Null when the OS listed the socket but did not say which process holds it. */
  pid: number | null
  /** Null when unknown (no pid, or the name lookup failed). */
  processName: string | null
  /** The holder is this very process (Socket Lab's own engine, another listener of it). */
  isSelf: boolean
}

/**
 * What the lookup found.
 *
 * - `found`: listening sockets on the port, in `holders` (some may have no pid: the OS did not say).
 * - `nobody`: the tool ran and lists no listener on the port (see `seesAllProcesses`).
 * - `tool-missing`: none of the tools is installed; `timeout`, `failed`: the last tool tried did not
 *   give an answer; `unsupported`: an OS the app has no tool for.
 */
export type WhoHoldsOutcome =
  'found' | 'nobody' | 'tool-missing' | 'timeout' | 'failed' | 'unsupported'

export interface WhoHoldsReport {
  port: number
  platform: Platform
  outcome: WhoHoldsOutcome
  holders: PortHolder[]
  /**
   * Whether the tool that answered sees every process's sockets. False for lsof without root:
   * it lists only the user's own processes, so "nobody" may be someone else.
   */
  seesAllProcesses: boolean
  /** The engine runs as root (Unix); false on Windows. */
  isRoot: boolean
  /** Every command tried, in order; the last one gave the answer. */
  runs: ToolRun[]
}

// --- Windows' excluded port ranges ----------------------------------------------------------

export const excludedPortsSchema = strictObject({ port }, 'required')
export type ExcludedPortsRequest = v.InferInput<typeof excludedPortsSchema>

export interface ExcludedRange {
  family: 'ipv4' | 'ipv6'
  start: number
  end: number
  /** Marked `*` by netsh: added by an administrator, not reserved dynamically. */
  isAdministered: boolean
}

/**
 * - `in-range` / `not-in-range`: netsh answered; `matches` holds the ranges with the port.
 * - `not-windows`: excluded ranges are a Windows thing; nothing was run.
 * - `tool-missing`, `timeout`, `failed`: netsh gave no usable answer.
 */
export type ExcludedPortsOutcome =
  'in-range' | 'not-in-range' | 'not-windows' | 'tool-missing' | 'timeout' | 'failed'

export interface ExcludedPortsReport {
  port: number
  platform: Platform
  outcome: ExcludedPortsOutcome
  ranges: ExcludedRange[]
  matches: ExcludedRange[]
  runs: ToolRun[]
}

// --- localhost ------------------------------------------------------------------------------

export const localhostSchema = strictObject(
  {
    /** The listener's port to probe; null only resolves `localhost`. */
    port: v.nullable(port),
  },
  'required',
)
export type LocalhostRequest = v.InferInput<typeof localhostSchema>

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

export type ProbeOutcome = 'accepted' | 'refused' | 'timeout' | 'error'

export interface LocalhostProbe {
  address: string
  family: 4 | 6
  /** One of the addresses `localhost` resolved to (127.0.0.1 and ::1 are probed anyway). */
  isResolved: boolean
  outcome: ProbeOutcome
  /** Node's error code for `error` (e.g. EADDRNOTAVAIL where ::1 is not configured). */
  code: string | null
}

/**
 * - `all`: every address `localhost` resolves to accepts; `some`: only some do (the trap);
 *   `none`: none does; `not-probed`: no port was given; `lookup-failed`: `localhost` did not resolve.
 */
export type LocalhostVerdict = 'all' | 'some' | 'none' | 'not-probed' | 'lookup-failed'

export interface LocalhostReport {
  port: number | null
  /** What `dns.lookup('localhost', { all: true })` returned, in its order. */
  resolved: ResolvedAddress[]
  /** The lookup's error code, when it failed. */
  lookupError: string | null
  /** One per resolved address, plus 127.0.0.1 and ::1 if not among them. */
  probes: LocalhostProbe[]
  verdict: LocalhostVerdict
}

// --- A free port ----------------------------------------------------------------------------

/** How many ports after `from` a search tries before it gives up. */
export const FREE_PORT_TRIES = 100

export const freePortSchema = strictObject({
  host: hostSchema,
  /** The first port to try (the book's 7878, say). */
  from: integer('from', 1, 65535),
})
export type FreePortRequest = v.InferInput<typeof freePortSchema>

export interface FreePortAnswer {
  /**
   * The first port from `from` on that no Socket Lab listener uses and the OS lets this process
   * listen on at `host` right now; null when none of FREE_PORT_TRIES was.
   */
  port: number | null
}
