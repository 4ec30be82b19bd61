import { describe, expect, it } from 'vitest'
import { RESPONDERS } from './contract'
import { RESPONDER_CAPABILITIES, readsRequest, servesPages } from './responders'

describe('the responders’ capabilities', () => {
  it('are the book’s: Listing 20-2 onwards reads, the HTTP ones serve pages, only Silent is the inspector', () => {
    expect(Object.keys(RESPONDER_CAPABILITIES).sort()).toEqual([...RESPONDERS].sort())
    expect(RESPONDERS.filter(readsRequest)).toEqual([
      'read-request-then-close',
      'http-hello',
      'http-routes',
      'http-slow-route',
    ])
    // The type says the HTTP ones are `http-…`: the table must agree.
    for (const r of RESPONDERS) expect(servesPages(r), r).toBe(r.startsWith('http-'))
    expect(RESPONDERS.filter((r) => RESPONDER_CAPABILITIES[r].isInspector)).toEqual(['silent'])
    // Whatever serves pages reads the request first.
    for (const r of RESPONDERS) if (servesPages(r)) expect(readsRequest(r), r).toBe(true)
  })
})
