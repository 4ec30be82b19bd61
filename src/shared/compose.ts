/**
 * The composer's input turned into the bytes to send: typed text with escapes, or hex.
 *
 * Pure (no Node, no DOM): the renderer shows the byte count and errors as the user types, and the
 * same functions run wherever the bytes are built. Nothing half-parsed is ever returned: an error
 * carries only its code and where in the text it is.
 */
import { err, ok, type Result } from './result'

/** How typed newlines are sent. Escaped `\r` `\n` are never converted. */
export type LineEnding = 'as-typed' | 'lf' | 'crlf'

export type ComposeTextErrorCode = 'unknown-escape' | 'bad-hex-escape' | 'trailing-backslash'
export type ComposeHexErrorCode = 'odd-digits' | 'bad-hex'

/** Bytes, or why the text is not valid, with the index (UTF-16 code unit) of the culprit. */
export type ComposeResult<Code extends string> = Result<Uint8Array, { code: Code; index: number }>

const SIMPLE_ESCAPES: Record<string, number> = { r: 0x0d, n: 0x0a, t: 0x09, '0': 0x00, '\\': 0x5c }

/** The value of one hex digit's UTF-16 code, or -1. */
function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10
  return -1
}

/** Collects byte runs without quadratic copying. */
class ByteSink {
  private readonly parts: Uint8Array[] = []
  private pending: number[] = []
  private size = 0

  push(byte: number): void {
    this.pending.push(byte)
  }

  pushAll(bytes: Uint8Array): void {
    this.flush()
    this.parts.push(bytes)
    this.size += bytes.length
  }

  private flush(): void {
    if (this.pending.length === 0) return
    this.parts.push(Uint8Array.from(this.pending))
    this.size += this.pending.length
    this.pending = []
  }

  toBytes(): Uint8Array {
    this.flush()
    const out = new Uint8Array(this.size)
    let at = 0
    for (const part of this.parts) {
      out.set(part, at)
      at += part.length
    }
    return out
  }
}

const encoder = new TextEncoder()

/**
 * The bytes of composer text: UTF-8, with escapes `\r` `\n` `\t` `\0` `\\` and `\xNN`.
 *
 * `\xNN` takes exactly two hex digits and stands for one raw byte (so `\xff` sends 0xFF, not the
 * UTF-8 of ÿ). `lineEnding` applies to newlines typed in the text only: 'lf' sends typed CRLF and LF
 * as `\n`, 'crlf' as `\r\n`; a lone typed CR is sent as it is.
 */
export function parseComposerText(
  text: string,
  lineEnding: LineEnding,
): ComposeResult<ComposeTextErrorCode> {
  const sink = new ByteSink()
  let runStart = 0
  const flushRun = (end: number): void => {
    if (end > runStart) sink.pushAll(encoder.encode(text.slice(runStart, end)))
  }
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '\\') {
      flushRun(i)
      const next = text[i + 1]
      if (next === undefined) return err({ code: 'trailing-backslash', index: i })
      const simple = SIMPLE_ESCAPES[next]
      if (simple !== undefined) {
        sink.push(simple)
        i += 2
      } else if (next === 'x') {
        const high = hexDigit(text.charCodeAt(i + 2))
        const low = hexDigit(text.charCodeAt(i + 3))
        if (high < 0 || low < 0) return err({ code: 'bad-hex-escape', index: i })
        sink.push(high * 16 + low)
        i += 4
      } else {
        return err({ code: 'unknown-escape', index: i })
      }
      runStart = i
    } else if (
      lineEnding !== 'as-typed' &&
      (ch === '\n' || (ch === '\r' && text[i + 1] === '\n'))
    ) {
      flushRun(i)
      if (lineEnding === 'crlf') sink.push(0x0d)
      sink.push(0x0a)
      i += ch === '\r' ? 2 : 1
      runStart = i
    } else {
      i += 1
    }
  }
  flushRun(text.length)
  return ok(sink.toBytes())
}

function isHexSeparator(ch: string): boolean {
  return ch === ',' || ch === ':' || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r'
}

/**
 * The bytes of hex the user typed: `0d 0a`, `0d0a`, `0x0d,0x0a`, `0d:0a`.
 *
 * Whitespace, commas and colons separate groups; a group may start with 0x and holds an even number
 * of digits (two per byte). 'odd-digits' points at the group's first digit, 'bad-hex' at the
 * character that is not a digit.
 */
export function parseComposerHex(text: string): ComposeResult<ComposeHexErrorCode> {
  const out: number[] = []
  let i = 0
  while (i < text.length) {
    const ch = text.charAt(i)
    if (isHexSeparator(ch)) {
      i += 1
      continue
    }
    let groupEnd = i
    while (groupEnd < text.length && !isHexSeparator(text.charAt(groupEnd))) groupEnd += 1
    let digitsStart = i
    if (ch === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
      digitsStart = i + 2
      if (digitsStart === groupEnd) return err({ code: 'bad-hex', index: i })
    }
    for (let j = digitsStart; j < groupEnd; j += 1) {
      if (hexDigit(text.charCodeAt(j)) < 0) return err({ code: 'bad-hex', index: j })
    }
    if ((groupEnd - digitsStart) % 2 !== 0) return err({ code: 'odd-digits', index: digitsStart })
    for (let j = digitsStart; j < groupEnd; j += 2)
      out.push(hexDigit(text.charCodeAt(j)) * 16 + hexDigit(text.charCodeAt(j + 1)))
    i = groupEnd
  }
  return ok(Uint8Array.from(out))
}
