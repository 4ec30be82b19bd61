/**
 * Pure formatting of captured bytes: a hand-written UTF-8 decoder that keeps every byte visible,
 * the visual-line index of the Text view, and the lines of the Hex view.
 *
 * Nothing here touches the DOM, so every rule is unit-tested byte by byte.
 */

/** Bytes a Text line may hold before it wraps (a multi-byte character is never split). */
export const TEXT_LINE_BYTES = 128

/** Bytes per Hex line. */
export const HEX_LINE_BYTES = 16

/** One decoded unit of a byte stream: a character, or a byte that is not valid UTF-8. */
export type Utf8Unit =
  { kind: 'char'; codePoint: number; size: number } | { kind: 'invalid'; byte: number }

/** How a piece of the Text view is shown. */
export type TextToken =
  /** Printable text, runs merged. */
  | { kind: 'text'; text: string }
  /** A control character shown as an escape (`\r`, `\n`, `\t`, `\x00`, `\u{202e}`). */
  | { kind: 'control'; text: string; codePoint: number }
  /** A byte that is not valid UTF-8, shown as `\xNN`. */
  | { kind: 'invalid'; text: string; byte: number }
  /**
   * A literal backslash (byte 0x5c), shown doubled as `\\`: a `\` before an `r` must not pass
   * for the escape of a carriage return.
   */
  | { kind: 'backslash'; text: string }

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf
}

/**
 * Decodes the unit that starts at `pos` (which must be < `end`).
 *
 * A well-formed sequence (per the Unicode table of well-formed byte sequences: no overlongs, no
 * surrogates, nothing above U+10FFFF) is one character; otherwise the lead byte alone is invalid
 * and decoding resumes at the next byte, so every byte of a broken sequence is shown.
 */
export function decodeUtf8At(bytes: Uint8Array, pos: number, end: number = bytes.length): Utf8Unit {
  const b0 = bytes[pos] ?? 0
  if (b0 < 0x80) return { kind: 'char', codePoint: b0, size: 1 }
  const at = (i: number): number | undefined => (pos + i < end ? bytes[pos + i] : undefined)
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const b1 = at(1)
    if (isContinuation(b1))
      return { kind: 'char', codePoint: ((b0 & 0x1f) << 6) | (b1! & 0x3f), size: 2 }
    return { kind: 'invalid', byte: b0 }
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = at(1)
    const b2 = at(2)
    const low = b0 === 0xe0 ? 0xa0 : 0x80
    const high = b0 === 0xed ? 0x9f : 0xbf
    if (b1 !== undefined && b1 >= low && b1 <= high && isContinuation(b2)) {
      const codePoint = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2! & 0x3f)
      return { kind: 'char', codePoint, size: 3 }
    }
    return { kind: 'invalid', byte: b0 }
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = at(1)
    const low = b0 === 0xf0 ? 0x90 : 0x80
    const high = b0 === 0xf4 ? 0x8f : 0xbf
    if (
      b1 !== undefined &&
      b1 >= low &&
      b1 <= high &&
      isContinuation(at(2)) &&
      isContinuation(at(3))
    ) {
      const codePoint =
        ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((at(2)! & 0x3f) << 6) | (at(3)! & 0x3f)
      return { kind: 'char', codePoint, size: 4 }
    }
  }
  return { kind: 'invalid', byte: b0 }
}

/** Two lowercase hex digits. */
export function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0')
}

/**
 * Characters that would be invisible or would reorder the line: C0, DEL, C1, bidi controls,
 * zero-width and BOM. They are shown as escapes.
 */
function isHiddenControl(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff
  )
}

const BACKSLASH = 0x5c

/** How a backslash byte is shown: escaped, like in the composer. */
const BACKSLASH_TEXT = '\\\\'

function controlText(cp: number): string {
  if (cp === 0x0d) return '\\r'
  if (cp === 0x0a) return '\\n'
  if (cp === 0x09) return '\\t'
  if (cp <= 0x7f) return `\\x${hex2(cp)}`
  return `\\u{${cp.toString(16).padStart(4, '0')}}`
}

/** The tokens of `bytes[start, end)`, which must begin on a unit boundary (a line start). */
export function tokenize(bytes: Uint8Array, start = 0, end = bytes.length): TextToken[] {
  const tokens: TextToken[] = []
  let run = ''
  const flush = (): void => {
    if (run !== '') tokens.push({ kind: 'text', text: run })
    run = ''
  }
  let pos = start
  while (pos < end) {
    const unit = decodeUtf8At(bytes, pos, end)
    if (unit.kind === 'invalid') {
      flush()
      tokens.push({ kind: 'invalid', text: `\\x${hex2(unit.byte)}`, byte: unit.byte })
      pos += 1
    } else {
      if (isHiddenControl(unit.codePoint)) {
        flush()
        tokens.push({
          kind: 'control',
          text: controlText(unit.codePoint),
          codePoint: unit.codePoint,
        })
      } else if (unit.codePoint === BACKSLASH) {
        flush()
        tokens.push({ kind: 'backslash', text: BACKSLASH_TEXT })
      } else {
        run += String.fromCodePoint(unit.codePoint)
      }
      pos += unit.size
    }
  }
  flush()
  return tokens
}

/**
 * Extends the start offsets of the Text view's visual lines to cover `bytes[0, length)`.
 *
 * A line ends after `\n` or once it holds {@link TEXT_LINE_BYTES} bytes, never inside a character.
 * The last line may still grow, so it is scanned again: pass the previous result to keep the work
 * proportional to the new bytes. Returns a new array; `previous` is not changed.
 */
export function extendLineStarts(
  bytes: Uint8Array,
  length: number,
  previous: readonly number[] = [],
): number[] {
  const starts = previous.length > 0 ? previous.slice() : [0]
  let lineStart = starts[starts.length - 1] ?? 0
  let pos = lineStart
  while (pos < length) {
    const unit = decodeUtf8At(bytes, pos, length)
    const size = unit.kind === 'char' ? unit.size : 1
    if (pos > lineStart && pos - lineStart + size > TEXT_LINE_BYTES) {
      lineStart = pos
      starts.push(pos)
    }
    pos += size
    if (unit.kind === 'char' && unit.codePoint === 0x0a && pos < length) {
      lineStart = pos
      starts.push(pos)
    }
  }
  return starts
}

/** The byte range of visual line `index`. */
export function lineRange(
  starts: readonly number[],
  index: number,
  length: number,
): [number, number] {
  return [starts[index] ?? length, starts[index + 1] ?? length]
}

/** A byte as the ASCII column shows it: printable 0x20–0x7e, else '.'. */
export function asciiChar(byte: number): string {
  return byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.'
}

/** The parts of one Hex line. */
export interface HexLine {
  /** 8 lowercase hex digits. */
  offset: string
  /** Up to 16 bytes, lowercase, single spaces, padded to the width of a full line. */
  hex: string
  ascii: string
}

/** The Hex line that starts at `offset` (a multiple of 16) in `bytes[0, length)`. */
export function hexLine(bytes: Uint8Array, offset: number, length: number = bytes.length): HexLine {
  const end = Math.min(offset + HEX_LINE_BYTES, length)
  const pairs: string[] = []
  let ascii = ''
  for (let i = offset; i < end; i++) {
    const byte = bytes[i] ?? 0
    pairs.push(hex2(byte))
    ascii += asciiChar(byte)
  }
  return {
    offset: offset.toString(16).padStart(8, '0'),
    hex: pairs.join(' ').padEnd(HEX_LINE_BYTES * 3 - 1, ' '),
    ascii,
  }
}

/** A Hex line as one string: `00000000  47 45 54 20 …  |GET …|`. */
export function formatHexLine(line: HexLine): string {
  return `${line.offset}  ${line.hex}  |${line.ascii}|`
}

/** How many Hex lines `length` bytes take. */
export function hexLineCount(length: number): number {
  return Math.ceil(length / HEX_LINE_BYTES)
}

/** Decodes base64 (as the API sends bytes) into bytes. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** How the Text view decodes bytes: UTF-8 (invalid bytes marked) or Latin-1 (one byte, one char). */
export type Decoding = 'utf-8' | 'latin1'

/** A {@link TextToken} with the stream offsets of its bytes, `[from, to)`. */
export type SpanToken = TextToken & { from: number; to: number }

/** Latin-1's hidden characters: C0, DEL and C1. */
function isLatin1Control(byte: number): boolean {
  return byte < 0x20 || (byte >= 0x7f && byte <= 0x9f)
}

/**
 * The tokens of `bytes[start, end)` with their byte ranges, decoded as `decoding`.
 *
 * Like {@link tokenize}, but every token knows where its bytes are, so the Text view can map a
 * click or a DOM selection back to stream offsets and highlight a byte range.
 */
export function tokenizeSpans(
  bytes: Uint8Array,
  start: number,
  end: number,
  decoding: Decoding,
): SpanToken[] {
  const tokens: SpanToken[] = []
  let run = ''
  let runFrom = start
  const flush = (to: number): void => {
    if (run !== '') tokens.push({ kind: 'text', text: run, from: runFrom, to })
    run = ''
  }
  let pos = start
  while (pos < end) {
    if (decoding === 'latin1') {
      const byte = bytes[pos] ?? 0
      if (isLatin1Control(byte)) {
        flush(pos)
        tokens.push({
          kind: 'control',
          text: controlText(byte),
          codePoint: byte,
          from: pos,
          to: pos + 1,
        })
      } else if (byte === BACKSLASH) {
        flush(pos)
        tokens.push({ kind: 'backslash', text: BACKSLASH_TEXT, from: pos, to: pos + 1 })
      } else {
        if (run === '') runFrom = pos
        run += String.fromCharCode(byte)
      }
      pos += 1
      continue
    }
    const unit = decodeUtf8At(bytes, pos, end)
    if (unit.kind === 'invalid') {
      flush(pos)
      tokens.push({
        kind: 'invalid',
        text: `\\x${hex2(unit.byte)}`,
        byte: unit.byte,
        from: pos,
        to: pos + 1,
      })
      pos += 1
    } else if (isHiddenControl(unit.codePoint)) {
      flush(pos)
      tokens.push({
        kind: 'control',
        text: controlText(unit.codePoint),
        codePoint: unit.codePoint,
        from: pos,
        to: pos + unit.size,
      })
      pos += unit.size
    } else if (unit.codePoint === BACKSLASH) {
      flush(pos)
      tokens.push({ kind: 'backslash', text: BACKSLASH_TEXT, from: pos, to: pos + 1 })
      pos += 1
    } else {
      if (run === '') runFrom = pos
      run += String.fromCodePoint(unit.codePoint)
      pos += unit.size
    }
  }
  flush(pos)
  return tokens
}

/**
 * The stream offset of UTF-16 index `index` inside a text token (a DOM selection's offset).
 *
 * Walks the token's characters: a UTF-8 character may take 1–4 bytes and 1–2 UTF-16 units.
 */
export function offsetOfCharIndex(
  bytes: Uint8Array,
  token: SpanToken,
  index: number,
  decoding: Decoding,
): number {
  if (token.kind !== 'text') return index <= 0 ? token.from : token.to
  if (decoding === 'latin1') return Math.min(token.to, token.from + Math.max(0, index))
  let pos = token.from
  let units = 0
  while (pos < token.to && units < index) {
    const unit = decodeUtf8At(bytes, pos, token.to)
    const size = unit.kind === 'char' ? unit.size : 1
    units += unit.kind === 'char' && unit.codePoint > 0xffff ? 2 : 1
    pos += size
  }
  return pos
}

/**
 * The UTF-16 index in a text token's text where stream offset `offset` falls (clamped): the inverse
 * of {@link offsetOfCharIndex}, used to split a run where a selection starts or ends.
 */
export function charIndexOfOffset(
  bytes: Uint8Array,
  token: SpanToken,
  offset: number,
  decoding: Decoding,
): number {
  if (offset <= token.from) return 0
  if (offset >= token.to) return token.text.length
  if (decoding === 'latin1') return offset - token.from
  let pos = token.from
  let units = 0
  while (pos < offset) {
    const unit = decodeUtf8At(bytes, pos, token.to)
    units += unit.kind === 'char' && unit.codePoint > 0xffff ? 2 : 1
    pos += unit.kind === 'char' ? unit.size : 1
  }
  return units
}
