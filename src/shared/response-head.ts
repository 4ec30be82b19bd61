/**
 * The HTTP responders' editable response heads: the template with `{length}`, the bytes it makes,
 * and the text the editor shows for it.
 *
 * Pure (no Node, no DOM): the editor and the engine build the same bytes.
 */
import { err, ok, type Result } from './result'
import { LENGTH_PLACEHOLDER } from './book-pages'

const encoder = new TextEncoder()

/** UTF-8 length of `text`, as Rust's `contents.len()` counts it. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length
}

/** The head with every `{length}` replaced by `bodyBytes`. */
export function fillHead(template: string, bodyBytes: number): string {
  return template.split(LENGTH_PLACEHOLDER).join(String(bodyBytes))
}

/**
 * The response as the book's `format!` makes it: the head (its `{length}` filled in) followed by
 * the body, both UTF-8, as `response.as_bytes()` sends them.
 */
export function responseBytes(template: string, body: string): Uint8Array {
  const bodyBytes = encoder.encode(body)
  const head = encoder.encode(fillHead(template, bodyBytes.length))
  const out = new Uint8Array(head.length + bodyBytes.length)
  out.set(head, 0)
  out.set(bodyBytes, head.length)
  return out
}

/**
 * A head as the editor shows it: every CR written `\r` and tabs `\t` (a textarea would turn CR LF
 * into LF), a backslash `\\`; each LF stays a line break, so a line typed without `\r` is a bare LF.
 */
export function headToText(head: string): string {
  return head.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
}

export type HeadTextError = { code: 'unknown-escape' | 'trailing-backslash'; index: number }

/**
 * The head from the editor's text: `\r` `\n` `\t` `\\` escapes, a typed line break is LF (a typed
 * CR LF too, as a pasted text may hold). The index of a bad escape otherwise.
 */
export function textToHead(text: string): Result<string, HeadTextError> {
  let head = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '\\') {
      const next = text[i + 1]
      if (next === undefined) return err({ code: 'trailing-backslash', index: i })
      const escaped =
        next === 'r'
          ? '\r'
          : next === 'n'
            ? '\n'
            : next === 't'
              ? '\t'
              : next === '\\'
                ? '\\'
                : null
      if (escaped === null) return err({ code: 'unknown-escape', index: i })
      head += escaped
      i += 2
    } else if (ch === '\r' && text[i + 1] === '\n') {
      head += '\n'
      i += 2
    } else {
      head += ch
      i += 1
    }
  }
  return ok(head)
}
