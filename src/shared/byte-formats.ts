/**
 * Bytes as text and back: hex, Base64, C and Rust arrays, Latin-1, and byte search.
 *
 * Pure (no Buffer, atob or DOM), so the renderer, browser mode, saved sessions and the engine all
 * share one implementation.
 */
import { MAX_SEARCH_PATTERN } from './contract'
import { parseComposerHex } from './compose'
import { err, ok, type Result } from './result'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hexByte(byte: number): string {
  return HEX[byte] ?? '??'
}

/** Lowercase hex pairs separated by spaces: `0d 0a`. */
export function toHexString(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length)
  for (let i = 0; i < bytes.length; i += 1) parts[i] = hexByte(bytes[i] ?? 0)
  return parts.join(' ')
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_CODES = Uint8Array.from(B64, (c) => c.charCodeAt(0))
const B64_VALUE = new Int16Array(128).fill(-1)
for (let i = 0; i < B64.length; i += 1) B64_VALUE[B64.charCodeAt(i)] = i
const ascii = new TextDecoder()

/** Standard Base64 (RFC 4648, `+/`, padded). */
export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4)
  let o = 0
  let i = 0
  const code = (value: number): number => B64_CODES[value & 63] ?? 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out[o++] = code(n >> 18)
    out[o++] = code(n >> 12)
    out[o++] = code(n >> 6)
    out[o++] = code(n)
  }
  const rest = bytes.length - i
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0)
    out[o++] = code(n >> 18)
    out[o++] = code(n >> 12)
    out[o++] = rest === 2 ? code(n >> 6) : 0x3d
    out[o] = 0x3d
  }
  return ascii.decode(out)
}

/**
 * The bytes of standard Base64, or null when it is not Base64.
 *
 * Padding may be left out; whitespace, the URL-safe alphabet and a length of 4n+1 are refused.
 */
export function fromBase64(text: string): Uint8Array | null {
  let length = text.length
  if (length % 4 === 0 && length > 0 && text.charCodeAt(length - 1) === 0x3d) {
    length -= text.charCodeAt(length - 2) === 0x3d ? 2 : 1
  }
  if (length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((length * 3) / 4))
  let o = 0
  let acc = 0
  let bits = 0
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i)
    const value = c < 128 ? (B64_VALUE[c] ?? -1) : -1
    if (value < 0) return null
    acc = ((acc << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return out
}

function wrapped(bytes: Uint8Array, perLine: number, indent: string): string[] {
  const lines: string[] = []
  for (let i = 0; i < bytes.length; i += perLine) {
    const row = Array.from(bytes.subarray(i, i + perLine), (b) => `0x${hexByte(b)}`)
    lines.push(indent + row.join(', '))
  }
  return lines
}

const PER_LINE = 12

/**
 * A C array: `const unsigned char data[] = { 0x47, 0x45 };`, 12 bytes a line when longer.
 *
 * An empty array is written `{}` (valid C23 and C++, a GNU extension before that).
 */
export function toCArray(bytes: Uint8Array, name = 'data'): string {
  const head = `const unsigned char ${name}[] =`
  if (bytes.length === 0) return `${head} {};`
  if (bytes.length <= PER_LINE) return `${head} { ${wrapped(bytes, PER_LINE, '')[0] ?? ''} };`
  return `${head} {\n${wrapped(bytes, PER_LINE, '  ').join(',\n')},\n};`
}

/** A Rust constant: `const DATA: [u8; 2] = [0x47, 0x45];`, 12 bytes a line when longer. */
export function toRustArray(bytes: Uint8Array, name = 'DATA'): string {
  const head = `const ${name}: [u8; ${bytes.length}] =`
  if (bytes.length <= PER_LINE) return `${head} [${wrapped(bytes, PER_LINE, '')[0] ?? ''}];`
  return `${head} [\n${wrapped(bytes, PER_LINE, '    ').join(',\n')},\n];`
}

/** Each byte as the code point of the same value (ISO 8859-1, not windows-1252). */
export function latin1Decode(bytes: Uint8Array): string {
  const STEP = 8192
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i += STEP)
    parts.push(String.fromCharCode(...bytes.subarray(i, i + STEP)))
  return parts.join('')
}

function matchesAt(haystack: Uint8Array, needle: Uint8Array, at: number): boolean {
  for (let j = 1; j < needle.length; j += 1) if (haystack[at + j] !== needle[j]) return false
  return true
}

/**
 * Where needle occurs in haystack, or -1.
 *
 * Forwards: the first match starting at or after `from`. Backwards: the last match starting before
 * `from`. An empty needle finds nothing.
 */
export function findBytes(
  haystack: Uint8Array,
  needle: Uint8Array,
  from: number,
  backwards: boolean,
): number {
  const first = needle[0]
  if (first === undefined || needle.length > haystack.length) return -1
  const last = haystack.length - needle.length
  if (backwards) {
    let at = Math.min(Math.floor(from) - 1, last)
    while (at >= 0) {
      at = haystack.lastIndexOf(first, at)
      if (at < 0) return -1
      if (matchesAt(haystack, needle, at)) return at
      at -= 1
    }
    return -1
  }
  let at = Math.max(Math.floor(from), 0)
  while (at <= last) {
    at = haystack.indexOf(first, at)
    if (at < 0 || at > last) return -1
    if (matchesAt(haystack, needle, at)) return at
    at += 1
  }
  return -1
}

export type SearchQueryErrorCode = 'empty' | 'too-long' | 'odd-digits' | 'bad-hex'

/**
 * The bytes a search box asks for: UTF-8 of the text, or hex as the composer reads it.
 *
 * 'too-long' past MAX_SEARCH_PATTERN bytes; `index` is where in the query the problem is (0 for
 * 'empty', the query's length for 'too-long').
 */
export function parseSearchQuery(
  query: string,
  mode: 'text' | 'hex',
): Result<Uint8Array, { code: SearchQueryErrorCode; index: number }> {
  let bytes: Uint8Array
  if (mode === 'hex') {
    const parsed = parseComposerHex(query)
    if (!parsed.ok) return parsed
    bytes = parsed.value
  } else {
    bytes = new TextEncoder().encode(query)
  }
  if (bytes.length === 0) return err({ code: 'empty', index: 0 })
  if (bytes.length > MAX_SEARCH_PATTERN) return err({ code: 'too-long', index: query.length })
  return ok(bytes)
}
