import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const load = createRequire(import.meta.url)
const { renderBlocks, wrap } = load('./text-layout.cjs') as typeof import('./text-layout.cjs')

describe('wrap', () => {
  it('breaks at spaces within the width, a longer word on a line of its own', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc'])
    expect(wrap('a /a/very/long/path b', 5)).toEqual(['a', '/a/very/long/path', 'b'])
    expect(wrap('one  two\nthree', 100)).toEqual(['one two three'])
  })
})

describe('renderBlocks', () => {
  it('hangs list items under their bullet and puts code, never wrapped, below them', () => {
    const text = renderBlocks(
      [
        { text: 'Heading words here' },
        { bullet: '1.', text: 'first item that wraps' },
        { code: ['sudo do-something --with a-very-long-argument-list that stays whole'] },
        { indent: 3, text: 'then:' },
        { code: ['next'] },
      ],
      20,
    )
    expect(text.split('\n')).toEqual([
      'Heading words here',
      '1. first item that',
      '   wraps',
      '     sudo do-something --with a-very-long-argument-list that stays whole',
      '   then:',
      '     next',
    ])
  })
})
