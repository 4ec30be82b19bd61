import { describe, expect, it } from 'vitest'
import { browserModeCsp, developmentCsp, productionCsp, rendererMetaCsp } from './csp'

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )
}

describe('the content security policies', () => {
  it('production: scripts and styles from the app only, nothing inline, nothing else', () => {
    for (const policy of [productionCsp(), rendererMetaCsp(), browserModeCsp(4000)]) {
      const d = directives(policy)
      expect(d.get('default-src')).toBe("'none'")
      expect(d.get('script-src')).toBe("'self'")
      expect(d.get('style-src')).toBe("'self'")
      expect(d.get('object-src')).toBe("'none'")
      expect(d.get('base-uri')).toBe("'none'")
      expect(policy).not.toContain('unsafe')
    }
    expect(directives(productionCsp()).get('connect-src')).toBe("'self'")
  })

  it("browser mode: its own WebSocket only, and the page can't be framed", () => {
    const d = directives(browserModeCsp(4000))
    expect(d.get('connect-src')).toBe("'self' ws://127.0.0.1:4000 ws://localhost:4000")
    expect(d.get('frame-ancestors')).toBe("'none'")
  })

  it("development: Vite's inline preamble, injected styles and hot-reload socket get through", () => {
    const d = directives(developmentCsp())
    expect(d.get('script-src')).toBe("'self' 'unsafe-inline'")
    expect(d.get('style-src')).toBe("'self' 'unsafe-inline'")
    expect(d.get('connect-src')).toContain('ws://localhost:*')
    expect(d.get('default-src')).toBe("'none'")
  })
})
