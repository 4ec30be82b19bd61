/**
 * The commands that do what a client plan does, to copy into a terminal: curl, nc and
 * PowerShell, the user's OS first.
 *
 * Several requests run side by side (`&` and `wait` in a POSIX shell, `start /b` in cmd, all
 * connections opened before any answer is read in PowerShell), so a single-threaded server shows
 * the same wait there as in the app.
 */
import { formatHostPort } from '../../../../shared/address'
import type { Platform } from '../../../../shared/bind-failure'
import { chunkSizes, expandRows, httpRequestText } from '../../../../shared/client-plan'
import type { ClientFraming, ClientHttpRow, ClientPlan } from '../../../../shared/client-types'
import { assertNever } from '../../../../shared/result'

export type ClientCommandKind = 'curl' | 'curl-cmd' | 'nc' | 'powershell' | 'powershell-raw'

export interface ClientCommand {
  kind: ClientCommandKind
  text: string
  /** Where it runs as written. */
  platforms: readonly Platform[]
}

const UNIX: readonly Platform[] = ['linux', 'darwin', 'other']
const WINDOWS: readonly Platform[] = ['win32']

/** Bytes as a POSIX `printf` format in single quotes: `\r` `\n` `\t`, others as `\ooo`. */
export function printfFormat(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) {
    if (b === 0x0d) out += '\\r'
    else if (b === 0x0a) out += '\\n'
    else if (b === 0x09) out += '\\t'
    else if (b === 0x5c) out += '\\\\'
    else if (b === 0x25) out += '%%'
    else if (b === 0x27) out += "'\\''"
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b)
    else out += `\\${b.toString(8).padStart(3, '0')}`
  }
  return `'${out}'`
}

/** A PowerShell expression for the bytes: readable text with `r `n when it is ASCII. */
export function powershellBytes(bytes: Uint8Array): string {
  const isText = bytes.every(
    (b) => (b >= 0x20 && b <= 0x7e) || b === 0x0d || b === 0x0a || b === 0x09,
  )
  if (!isText)
    return `[byte[]](${[...bytes].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(',')})`
  let text = ''
  for (const b of bytes) {
    const c = String.fromCharCode(b)
    if (b === 0x0d) text += '`r'
    else if (b === 0x0a) text += '`n'
    else if (b === 0x09) text += '`t'
    else if (c === '`' || c === '$' || c === '"') text += `\`${c}`
    else text += c
  }
  return `[System.Text.Encoding]::ASCII.GetBytes("${text}")`
}

/**
 * Characters that mean nothing to a POSIX shell, cmd or PowerShell in an argument: a URL or host
 * made only of them is written as it is, anything else is quoted (a path may hold `&`, `;`, `$(`…
 * and the command is meant to be pasted into a terminal).
 */
const PLAIN_ARGUMENT = /^[A-Za-z0-9._~\-/:=+,%]+$/

/** `text` as one POSIX shell word: as it is when plain, else in single quotes. */
export function shArg(text: string): string {
  // A leading ~ would expand to a home folder.
  const isPlain = PLAIN_ARGUMENT.test(text) && !text.startsWith('~')
  return isPlain ? text : `'${text.replace(/'/g, "'\\''")}'`
}

/**
 * A PowerShell single-quoted string. PowerShell also takes the typographic quotes ‘ ’ ‚ ‛ as
 * single quotes, so each of them is doubled too.
 */
function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`
}

/** `text` as one PowerShell argument: as it is when plain, else single-quoted. */
function psArg(text: string): string {
  // A comma would make an array of the argument.
  return PLAIN_ARGUMENT.test(text) && !text.includes(',') ? text : psQuote(text)
}

/** `text` inside a PowerShell double-quoted string: `` ` `` `$` and every kind of `"` escaped. */
function psInDoubleQuotes(text: string): string {
  return text.replace(/[`$"\u201c\u201d\u201e]/g, (c) => `\`${c}`)
}

/**
 * `text` as one cmd argument: in double quotes unless plain; null when cmd cannot carry it safely
 * (a `"` ends the quotes, a `%` may expand a variable or a `for` loop's `%i`).
 */
function cmdArg(text: string): string | null {
  if (PLAIN_ARGUMENT.test(text) && !text.includes('%')) return text
  return /["%]/.test(text) ? null : `"${text}"`
}

function seconds(ms: number): string {
  return String(Math.round(ms) / 1000)
}

/** A row's `count` runs of `command` in the background of a POSIX shell, `startMs` later. */
function background(command: string, row: ClientHttpRow): string {
  if (row.startMs === 0)
    return row.count === 1 ? `${command} &` : `for i in $(seq ${row.count}); do ${command} & done`
  const core =
    row.count === 1 ? command : `for i in $(seq ${row.count}); do ${command} & done; wait`
  return `(sleep ${seconds(row.startMs)}; ${core}) &`
}

const WRITE_OUT = `-w '%{http_code} %{url_effective} %{time_total}s\\n'`

function curlUnix(rows: readonly ClientHttpRow[], hostPort: string): string {
  const all = expandRows(rows)
  const first = all[0]
  if (all.length === 1 && first) return `curl -v ${shArg(`http://${hostPort}${first.path}`)}`
  const lines = rows.map((row) => {
    const curl = `curl -s -o /dev/null ${WRITE_OUT} ${shArg(`http://${hostPort}${row.path}`)}`
    return background(curl, row)
  })
  return [...lines, 'wait'].join('\n')
}

function curlCmd(rows: readonly ClientHttpRow[], hostPort: string): string | null {
  const all = expandRows(rows)
  const first = all[0]
  const urls = rows.map((row) => cmdArg(`http://${hostPort}${row.path}`))
  if (urls.some((url) => url === null)) return null
  if (all.length === 1 && first) {
    const url = cmdArg(`http://${hostPort}${first.path}`)
    return url === null ? null : `curl.exe -v ${url}`
  }
  // cmd has no sub-second sleep: later starts are left to the other commands.
  if (rows.some((r) => r.startMs > 0)) return null
  const out = `-w "%{http_code} %{url_effective} %{time_total}s\\n"`
  return rows
    .map((row, i) => {
      const curl = `curl.exe -s -o NUL ${out} ${urls[i] ?? ''}`
      return row.count === 1
        ? `start /b ${curl}`
        : `for /l %i in (1,1,${row.count}) do start /b ${curl}`
    })
    .join('\n')
}

function ncHttp(rows: readonly ClientHttpRow[], host: string, port: number): string {
  const nc = `nc ${shArg(host)} ${port}`
  const all = expandRows(rows)
  const first = all[0]
  const request = (path: string): string =>
    printfFormat(new TextEncoder().encode(httpRequestText(path, host, port)))
  if (all.length === 1 && first) return `printf ${request(first.path)} | ${nc}`
  const lines = rows.map((row) => {
    return background(`printf ${request(row.path)} | ${nc}`, row)
  })
  return [...lines, 'wait'].join('\n')
}

/** All connections opened and sent first (in start order), then each answer read in turn. */
function powershellHttp(rows: readonly ClientHttpRow[], host: string, port: number): string {
  const all = expandRows(rows).sort((a, b) => a.startMs - b.startMs)
  const first = all[0]
  if (all.length === 1 && first)
    return `Invoke-WebRequest -Uri ${psArg(`http://${formatHostPort(host, port)}${first.path}`)} -UseBasicParsing`
  const hostHeader = psInDoubleQuotes(formatHostPort(host, port))
  const lines = ['$sw = [System.Diagnostics.Stopwatch]::StartNew()', '$conns = @()']
  let at = 0
  for (const request of all) {
    if (request.startMs > at) {
      lines.push(`Start-Sleep -Milliseconds ${request.startMs - at}`)
      at = request.startMs
    }
    lines.push(
      `$conns += ,@(${psQuote(request.path)}, [System.Net.Sockets.TcpClient]::new(${psQuote(host)}, ${port}))`,
    )
  }
  lines.push(
    'foreach ($c in $conns) {',
    `  $b = [System.Text.Encoding]::ASCII.GetBytes("GET $($c[0]) HTTP/1.1\`r\`nHost: ${hostHeader}\`r\`nConnection: close\`r\`n\`r\`n")`,
    '  $c[1].GetStream().Write($b, 0, $b.Length)',
    '}',
    'foreach ($c in $conns) {',
    '  $line = [System.IO.StreamReader]::new($c[1].GetStream()).ReadLine()',
    '  "{0}  {1}  read at {2:N2} s" -f $c[0], $line, $sw.Elapsed.TotalSeconds',
    '  $c[1].Close()',
    '}',
  )
  return lines.join('\n')
}

function ncRaw(bytes: Uint8Array, framing: ClientFraming, host: string, port: number): string {
  const nc = `nc ${shArg(host)} ${port}`
  switch (framing.kind) {
    case 'whole':
      return `printf ${printfFormat(bytes)} | ${nc}`
    case 'chunks': {
      let at = 0
      const parts = chunkSizes(bytes.length, framing.chunks).map((size) => {
        const part = `printf ${printfFormat(bytes.subarray(at, at + size))}`
        at += size
        return part
      })
      return `{ ${parts.join(`; sleep ${seconds(framing.gapMs)}; `)}; } | ${nc}`
    }
    case 'bytes':
      return (
        `printf ${printfFormat(bytes)} | { for i in $(seq ${bytes.length}); do ` +
        `dd bs=1 count=1 2>/dev/null; sleep ${seconds(framing.intervalMs)}; done; } | ${nc}`
      )
    default:
      return assertNever(framing)
  }
}

function powershellRaw(
  bytes: Uint8Array,
  framing: ClientFraming,
  host: string,
  port: number,
): string {
  const lines = [
    `$c = [System.Net.Sockets.TcpClient]::new(${psQuote(host)}, ${port})`,
    '$c.NoDelay = $true',
    '$s = $c.GetStream()',
    `$b = ${powershellBytes(bytes)}`,
  ]
  switch (framing.kind) {
    case 'whole':
      lines.push('$s.Write($b, 0, $b.Length)')
      break
    case 'chunks': {
      let at = 0
      const ranges = chunkSizes(bytes.length, framing.chunks).map((size) => {
        const range = `@(${at},${size})`
        at += size
        return range
      })
      lines.push(
        `foreach ($r in @(${ranges.join(',')})) { $s.Write($b, $r[0], $r[1]); Start-Sleep -Milliseconds ${framing.gapMs} }`,
      )
      break
    }
    case 'bytes':
      lines.push(
        `foreach ($x in $b) { $s.WriteByte($x); Start-Sleep -Milliseconds ${framing.intervalMs} }`,
      )
      break
    default:
      assertNever(framing)
  }
  lines.push('[System.IO.StreamReader]::new($s).ReadToEnd()', '$c.Close()')
  return lines.join('\n')
}

/**
 * The commands for `plan` against host:port, those for `platform` first. `rawBytes` is the raw
 * plan's bytes (null when its text does not parse: then only HTTP plans get commands).
 */
export function clientCommands(
  plan: ClientPlan,
  host: string,
  port: number,
  platform: Platform | null,
  rawBytes: Uint8Array | null,
): ClientCommand[] {
  const hostPort = formatHostPort(host, port)
  const commands: ClientCommand[] = []
  if (plan.kind === 'http') {
    commands.push({ kind: 'curl', text: curlUnix(plan.rows, hostPort), platforms: UNIX })
    const cmd = curlCmd(plan.rows, hostPort)
    if (cmd !== null) commands.push({ kind: 'curl-cmd', text: cmd, platforms: WINDOWS })
    commands.push({ kind: 'nc', text: ncHttp(plan.rows, host, port), platforms: UNIX })
    commands.push({
      kind: 'powershell',
      text: powershellHttp(plan.rows, host, port),
      platforms: WINDOWS,
    })
  } else if (rawBytes !== null) {
    commands.push({ kind: 'nc', text: ncRaw(rawBytes, plan.framing, host, port), platforms: UNIX })
    commands.push({
      kind: 'powershell-raw',
      text: powershellRaw(rawBytes, plan.framing, host, port),
      platforms: WINDOWS,
    })
  }
  const mine = (c: ClientCommand): number =>
    platform !== null && c.platforms.includes(platform) ? 0 : 1
  return commands
    .map((c, i) => ({ c, i }))
    .sort((a, b) => mine(a.c) - mine(b.c) || a.i - b.i)
    .map(({ c }) => c)
}
