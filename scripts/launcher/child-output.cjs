// A child's output, read line by line as it comes (to pass it on and spot the "window is open"
// line) and kept in a bounded tail (to classify a failure once the child has exited).
'use strict'
const { StringDecoder } = require('node:string_decoder')

/** Enough for every Chromium line of a failed start, small enough to keep for a long session. */
const TAIL_LIMIT = 64 * 1024

/**
 * The last `limit` characters of everything recorded, in arrival order.
 *
 * @param {number} [limit]
 * @returns {{ record(text: string): void, text(): string }}
 */
function createTail(limit = TAIL_LIMIT) {
  let kept = ''
  return {
    record(text) {
      kept += text
      // Trim only when well past the limit, so long sessions do not copy the tail on every line.
      if (kept.length > 2 * limit) kept = kept.slice(-limit)
    },
    text: () => kept.slice(-limit),
  }
}

/**
 * Calls `onLine` for every complete line of `stream` (without its line break), decoding UTF-8
 * across chunk boundaries, and once more for an unterminated last line when the stream ends.
 *
 * @param {NodeJS.ReadableStream} stream
 * @param {(line: string) => void} onLine
 */
function readLines(stream, onLine) {
  const decoder = new StringDecoder('utf8')
  let pending = ''
  stream.on('data', (/** @type {Buffer} */ chunk) => {
    pending += decoder.write(chunk)
    let newline
    while ((newline = pending.indexOf('\n')) !== -1) {
      onLine(pending.slice(0, newline).replace(/\r$/, ''))
      pending = pending.slice(newline + 1)
    }
  })
  stream.on('end', () => {
    pending += decoder.end()
    if (pending !== '') onLine(pending.replace(/\r$/, ''))
    pending = ''
  })
}

module.exports = { TAIL_LIMIT, createTail, readLines }
