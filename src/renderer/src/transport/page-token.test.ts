import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TOKEN_KEY, takePageToken } from './page-token'

const here = (): string =>
  `${window.location.pathname}${window.location.search}${window.location.hash}`

beforeEach(() => {
  window.sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  window.sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})

describe('takePageToken', () => {
  it('takes the token from the fragment, keeps it for the tab and clears the address bar', () => {
    window.history.replaceState(null, '', '/#token=abc-1_Z')
    expect(takePageToken()).toBe('abc-1_Z')
    expect(here()).toBe('/')
    expect(window.sessionStorage.getItem(TOKEN_KEY)).toBe('abc-1_Z')
  })

  it('after a reload (nothing in the address) answers the kept token', () => {
    window.history.replaceState(null, '', '/#token=abc')
    takePageToken()
    expect(takePageToken()).toBe('abc')
    expect(here()).toBe('/')
  })

  it('takes an older address’s query token the same way, and keeps the rest of the address', () => {
    window.history.replaceState({ step: 2 }, '', '/index.html?lang=ru&token=q1#section')
    expect(takePageToken()).toBe('q1')
    expect(here()).toBe('/index.html?lang=ru#section')
    expect(window.history.state).toEqual({ step: 2 })
    window.history.replaceState(null, '', '/?token=q2&x=1#token=f2&y=2')
    expect(takePageToken()).toBe('f2')
    expect(here()).toBe('/?x=1#y=2')
    expect(window.sessionStorage.getItem(TOKEN_KEY)).toBe('f2')
  })

  it('a new token in the address replaces the kept one', () => {
    window.history.replaceState(null, '', '/#token=old')
    takePageToken()
    window.history.replaceState(null, '', '/#token=new')
    expect(takePageToken()).toBe('new')
    expect(takePageToken()).toBe('new')
  })

  it('answers null when neither the address nor the tab has one', () => {
    expect(takePageToken()).toBeNull()
    window.history.replaceState(null, '', '/#token=')
    expect(takePageToken()).toBeNull()
    expect(here()).toBe('/')
  })

  it('leaves an address without a token untouched', () => {
    window.history.replaceState(null, '', '/?a=1#b')
    window.sessionStorage.setItem(TOKEN_KEY, 'kept')
    expect(takePageToken()).toBe('kept')
    expect(here()).toBe('/?a=1#b')
  })
})
