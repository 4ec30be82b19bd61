// Lays out the launcher's paragraphs for a terminal: prose wrapped at ~100 columns, list items with
// a hanging indent, commands on lines of their own, never wrapped, so that they can be copied whole.
//
// Used for the old-Node.js message too, so it keeps to ES2019 syntax (see node-version.cjs).
'use strict'

/** The width paragraphs wrap at: most terminals are wider, and lines this long still read well. */
const WIDTH = 100

/**
 * One piece of a paragraph.
 *
 * @typedef {{ text: string, bullet?: string, indent?: number } | { code: string[], indent?: number }} Block
 */

/**
 * Wraps `text` at `width` columns, breaking only at spaces (a longer word gets a line of its own).
 *
 * @param {string} text
 * @param {number} width
 * @param {string} [firstPrefix] put before the first line
 * @param {string} [restPrefix] put before every other line
 * @returns {string[]}
 */
function wrap(text, width, firstPrefix = '', restPrefix = firstPrefix) {
  const lines = []
  let line = firstPrefix
  let lineHasWord = false
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (lineHasWord && line.length + 1 + word.length > width) {
      lines.push(line)
      line = restPrefix + word
    } else {
      line += (lineHasWord ? ' ' : '') + word
    }
    lineHasWord = true
  }
  lines.push(line)
  return lines
}

/**
 * Renders blocks as terminal lines: text blocks wrapped (items with a hanging indent under their
 * bullet), code blocks verbatim and indented two columns deeper than the text around them.
 *
 * @param {Block[]} blocks
 * @param {number} [width]
 * @returns {string}
 */
function renderBlocks(blocks, width = WIDTH) {
  /** @type {string[]} */
  const lines = []
  let lastTextIndent = 0
  for (const block of blocks) {
    const indent = typeof block.indent === 'number' ? block.indent : null
    if ('code' in block) {
      const codeIndent = ' '.repeat(indent === null ? lastTextIndent + 2 : indent)
      for (const line of block.code) lines.push(codeIndent + line)
      continue
    }
    const bullet = block.bullet ? `${block.bullet} ` : ''
    const first = ' '.repeat(indent === null ? 0 : indent) + bullet
    const rest = ' '.repeat(first.length)
    lastTextIndent = first.length
    lines.push(...wrap(block.text, width, first, rest))
  }
  return lines.join('\n')
}

module.exports = { WIDTH, wrap, renderBlocks }
