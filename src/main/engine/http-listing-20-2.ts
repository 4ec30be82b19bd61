/**
 * What the book's Listing 20-2 prints for the bytes a connection received.
 *
 * The program (chapter 20 of the book, 21 in the newest edition), as printed:
 *
 * ```rust
 * fn handle_connection(mut stream: TcpStream) {          // line 16
 *     let buf_reader = BufReader::new(&mut stream);
 *     let http_request: Vec<_> = buf_reader
 *         .lines()
 *         .map(|result| result.unwrap())                 // line 20, `unwrap` at column 30
 *         .take_while(|line| !line.is_empty())
 *         .collect();
 *
 *     println!("Request: {http_request:#?}");
 * }
 * ```
 */

/** Line and column of `unwrap` in `.map(|result| result.unwrap())` in Listing 20-2 as printed. */
export const LISTING_20_2_UNWRAP = { line: 20, column: 30 } as const

/**
 * What Rust's `{:?}` prints for a string: quoted, with `\"` `\\` `\t` `\r` `\n` `\0` and `\u{..}`.
 *
 * `\u{..}` is for what Rust does not print as is: control and format characters, unassigned and
 * private-use code points, line/paragraph separators, spaces other than U+0020, and combining
 * (grapheme-extending) marks. Unicode tables of JavaScript and Rust may differ for the newest
 * code points.
 */
export function rustDebugString(s: string): string {
  let out = '"'
  for (const ch of s) {
    out += escapeChar(ch)
  }
  return `${out}"`
}

const RUST_ESCAPED = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\p{Grapheme_Extend}]$/u

function escapeChar(ch: string): string {
  switch (ch) {
    case '"':
      return '\\"'
    case '\\':
      return '\\\\'
    case '\t':
      return '\\t'
    case '\r':
      return '\\r'
    case '\n':
      return '\\n'
    case '\0':
      return '\\0'
    case ' ':
      return ' '
  }
  if (RUST_ESCAPED.test(ch)) return `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`
  return ch
}

/**
 * Index of the first byte that makes `bytes[from, to)` invalid UTF-8 (Rust's `str::from_utf8`
 * rules: no overlongs, no surrogates, nothing past U+10FFFF, no cut-off sequence), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array, from: number, to: number): number {
  let i = from
  while (i < to) {
    const b = bytes[i] ?? 0
    if (b < 0x80) {
      i += 1
      continue
    }
    let need: number
    let min: number
    let max: number
    if (b >= 0xc2 && b <= 0xdf) [need, min, max] = [1, 0x80, 0xbf]
    else if (b === 0xe0) [need, min, max] = [2, 0xa0, 0xbf]
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f]
    else if (b >= 0xe1 && b <= 0xef) [need, min, max] = [2, 0x80, 0xbf]
    else if (b === 0xf0) [need, min, max] = [3, 0x90, 0xbf]
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f]
    else if (b >= 0xf1 && b <= 0xf3) [need, min, max] = [3, 0x80, 0xbf]
    else return i
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k]
      if (i + k >= to || c === undefined) return i
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf]
      if (c < lo || c > hi) return i
    }
    i += need + 1
  }
  return -1
}

const utf8 = new TextDecoder()

/**
 * What Listing 20-2 prints after reading `bytes` (a connection's stream from its first byte), or
 * null while it would still be blocked in `lines()` waiting for the rest of a line.
 *
 * `BufRead::lines` splits on `\n` and drops one `\r` before it; each line must be UTF-8 or the
 * `unwrap()` panics. `take_while` stops at the first empty line, so nothing after it is read.
 * The text is what the terminal shows, without println!'s final newline; a panic is written to
 * stderr and ends the program (exit code 101). With `isAtEof` the stream has ended: `lines()`
 * stops there, so what was read is printed even without an empty line.
 */
export function listing202Output(bytes: Uint8Array, isAtEof = false): string | null {
  const lines: string[] = []
  let lineStart = 0
  for (;;) {
    let newline = bytes.indexOf(0x0a, lineStart)
    // At EOF `lines()` yields a last line without its newline (and keeps a `\r` at its end).
    const isLast = newline < 0 && isAtEof && lineStart < bytes.length
    if (isLast) newline = bytes.length
    else if (newline < 0) return isAtEof ? format202(lines) : null
    if (firstInvalidUtf8(bytes, lineStart, newline) >= 0) {
      const { line, column } = LISTING_20_2_UNWRAP
      return [
        `thread 'main' panicked at src/main.rs:${line}:${column}:`,
        'called `Result::unwrap()` on an `Err` value: Error { kind: InvalidData, message: "stream did not contain valid UTF-8" }',
        'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
      ].join('\n')
    }
    if (isLast) {
      lines.push(utf8.decode(bytes.subarray(lineStart, newline)))
      break
    }
    const end = newline > lineStart && bytes[newline - 1] === 0x0d ? newline - 1 : newline
    if (end === lineStart) break
    lines.push(utf8.decode(bytes.subarray(lineStart, end)))
    lineStart = newline + 1
  }
  return format202(lines)
}

/** `println!("Request: {http_request:#?}")` for the lines read. */
function format202(lines: string[]): string {
  if (lines.length === 0) return 'Request: []'
  return `Request: [\n${lines.map((l) => `    ${rustDebugString(l)},\n`).join('')}]`
}
