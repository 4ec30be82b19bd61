import { describe, expect, it } from 'vitest'
import { HELLO_HEAD } from '../../shared/book-pages'
import { httpResponse, prepareResponse } from './responders'

describe('prepared responses', () => {
  it('builds and lints a head and body once, then hands out the same bytes', () => {
    const head = HELLO_HEAD
    const first = prepareResponse(head, '<p>hi</p>')
    expect(first.bytes.equals(httpResponse(head, '<p>hi</p>'))).toBe(true)
    expect(first.warning).toBeNull()
    expect(prepareResponse(head, '<p>hi</p>')).toBe(first)
    // Another body is another response.
    expect(prepareResponse(head, '<p>bye</p>').bytes.toString()).toContain('bye')
  })

  it('keeps the linter’s warning with the response it is about', () => {
    const noLength = prepareResponse('HTTP/1.1 200 OK', 'body')
    expect(noLength.warning).toMatch(/^Socket Lab warning: this response will confuse clients:/)
    expect(prepareResponse('HTTP/1.1 200 OK', 'body').warning).toBe(noLength.warning)
  })
})
