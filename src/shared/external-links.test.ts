import { describe, expect, it } from 'vitest'
import { DOC_URL_PREFIXES, isAllowedDocUrl, RUST_BOOK_CHAPTER_URL } from './external-links'

describe('the documentation allow-list', () => {
  it('allows the book and the listed documentation over https', () => {
    expect(isAllowedDocUrl(RUST_BOOK_CHAPTER_URL)).toBe(true)
    expect(isAllowedDocUrl('https://nodejs.org/api/net.html#serverlistenoptions-callback')).toBe(
      true,
    )
    for (const prefix of DOC_URL_PREFIXES) expect(prefix.endsWith('/')).toBe(true)
  })

  it('refuses look-alikes, other schemes, credentials, ports and everything else', () => {
    for (const url of [
      'http://doc.rust-lang.org/book/',
      'https://doc.rust-lang.org.evil.example/book/',
      'https://doc.rust-lang.org@evil.example/book/',
      'https://user:pw@doc.rust-lang.org/book/',
      'https://doc.rust-lang.org:444/book/',
      'https://doc.rust-lang.org/bookx',
      'https://doc.rust-lang.org/book/../../evil',
      'https://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      '',
    ])
      expect(isAllowedDocUrl(url), url).toBe(false)
  })
})
