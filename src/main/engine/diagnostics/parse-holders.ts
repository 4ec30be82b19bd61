/**
 * Pure parsers of `ss`, `lsof`, `netstat -ano` and `tasklist` output: who listens on a port.
 *
 * They read addresses, ports and pids, never the localized words around them, and keep only the
 * lines for the asked port (a tool's own filter is trusted but checked).
 */

/** A listening socket as a tool printed it; the name may be unknown. */
export interface ParsedHolder {
  localAddress: string
  pid: number | null
  processName: string | null
}

function lines(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

function hasPort(address: string, port: number): boolean {
  return address.endsWith(`:${port}`)
}

function toPid(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,10}$/.test(text)) return null
  const pid = Number(text)
  return pid > 0 ? pid : null
}

function dedupe(holders: ParsedHolder[]): ParsedHolder[] {
  const seen = new Set<string>()
  return holders.filter((h) => {
    const key = `${h.localAddress}|${h.pid ?? ''}|${h.processName ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** `users:(("node",pid=123,fd=19),("node",pid=124,fd=19))` → name and pid of each. */
const SS_USER = /\("((?:[^"\\]|\\.)*)",pid=(\d+)(?:,fd=\d+)?\)/g

/**
 * `ss -ltnpH 'sport = :PORT'`: `LISTEN 0 511 127.0.0.1:7878 0.0.0.0:* users:(("node",pid=1,fd=19))`.
 *
 * A socket without `users:(…)` is one the OS did not attribute for us (another user's process
 * when not root): it is kept, with a null pid. A header line (old ss without -H) is skipped.
 */
export function parseSs(output: string, port: number): ParsedHolder[] {
  const holders: ParsedHolder[] = []
  for (const line of lines(output)) {
    const cols = line.split(/\s+/)
    if (cols[0] !== 'LISTEN') continue
    const local = cols[3]
    if (local === undefined || !hasPort(local, port)) continue
    const rest = cols.slice(5).join(' ')
    const users = [...rest.matchAll(SS_USER)]
    if (users.length === 0) {
      holders.push({ localAddress: local, pid: null, processName: null })
      continue
    }
    for (const [, name, pid] of users)
      holders.push({ localAddress: local, pid: toPid(pid), processName: name ?? null })
  }
  return dedupe(holders)
}

/** lsof escapes odd bytes in a command name as `\xNN`. */
function unescapeLsof(name: string): string {
  return name.replace(/\\x([0-9a-fA-F]{2})/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
}

/**
 * `lsof -nP -iTCP:PORT -sTCP:LISTEN`: a header, then `node 4321 me 19u IPv4 … TCP 127.0.0.1:7878
 * (LISTEN)`. The same socket shared by several fds or processes is listed once per process.
 */
export function parseLsof(output: string, port: number): ParsedHolder[] {
  const holders: ParsedHolder[] = []
  for (const line of lines(output)) {
    const cols = line.split(/\s+/)
    if (cols[0] === 'COMMAND' || cols.at(-1) !== '(LISTEN)') continue
    const local = cols.at(-2)
    const pid = toPid(cols[1])
    if (local === undefined || pid === null || !hasPort(local, port)) continue
    holders.push({ localAddress: local, pid, processName: unescapeLsof(cols[0] ?? '') || null })
  }
  return dedupe(holders)
}

/** A listening socket's foreign address in netstat: `0.0.0.0:0`, `[::]:0` (or `*:*`). */
const NETSTAT_ANY = /^(?:0\.0\.0\.0|\[::\]|\*):(?:0|\*)$/

/**
 * `netstat -ano`: `TCP    127.0.0.1:7878    0.0.0.0:0    LISTENING    4321`, for TCP over IPv4
 * and IPv6. The state word is localized on some Windows versions, so a socket counts as listening
 * by its wildcard foreign address too.
 */
export function parseNetstat(output: string, port: number): ParsedHolder[] {
  const holders: ParsedHolder[] = []
  for (const line of lines(output)) {
    const cols = line.split(/\s+/)
    if (cols[0]?.toUpperCase() !== 'TCP' || cols.length < 5) continue
    const [, local, foreign, state] = cols
    if (local === undefined || !hasPort(local, port)) continue
    if (state !== 'LISTENING' && !NETSTAT_ANY.test(foreign ?? '')) continue
    holders.push({ localAddress: local, pid: toPid(cols.at(-1)), processName: null })
  }
  return dedupe(holders)
}

/**
 * `tasklist /FI "PID eq N" /FO CSV /NH`: `"node.exe","4321","Console","1","45,000 K"`, or an INFO
 * line when no such process exists. The image name of `pid`, or null.
 */
export function parseTasklist(output: string, pid: number): string | null {
  for (const line of lines(output)) {
    const match = /^"([^"]*)","(\d+)"/.exec(line)
    if (match && Number(match[2]) === pid) return match[1] || null
  }
  return null
}
