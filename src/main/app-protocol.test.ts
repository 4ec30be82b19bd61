import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { StaticFs } from './static-files'

const registered = vi.hoisted(() => ({
  schemes: [] as unknown[],
  handlers: new Map<string, unknown>(),
}))

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (scheme: string, handler: unknown) => registered.handlers.set(scheme, handler),
  },
}))

const { appResponse, APP_INDEX_URL, handleAppProtocol, registerAppScheme } =
  await import('./app-protocol')

let root: string
let renderer: string

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'socket-lab-app-protocol-')))
  renderer = join(root, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Socket Lab</title>')
  writeFileSync(join(renderer, 'assets', 'index-1.js'), 'console.log(1)')
  writeFileSync(join(root, 'secret.txt'), 'not for the page')
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'))
})

afterAll(() => {
  rmSync(root, { recursive: true, force: true })
})

describe('the app:// protocol', () => {
  it('is a standard, secure scheme, registered before ready', () => {
    registerAppScheme()
    expect(registered.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ])
  })

  it('serves the built page and its assets with their types and the strict CSP', async () => {
    const page = await appResponse(APP_INDEX_URL, renderer)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<title>Socket Lab</title>')
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('unsafe')
    // The desktop page opens no WebSocket: only 'self' may be connected to.
    expect(csp).toMatch(/connect-src 'self'(;|$)/)
    const script = await appResponse('app://socket-lab/assets/index-1.js?v=1#x', renderer)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers 404 for anything outside the renderer folder or on another host', async () => {
    for (const url of [
      'app://socket-lab/../secret.txt',
      'app://socket-lab/%2e%2e/secret.txt',
      'app://socket-lab/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://socket-lab/assets/link.txt',
      'app://socket-lab/missing.js',
      'app://other-host/index.html',
      'app://socket-lab/assets/',
      'not a url',
    ]) {
      const answer = await appResponse(url, renderer)
      expect(answer.status, url).toBe(404)
      expect(await answer.text()).not.toContain('not for the page')
    }
  })

  it('answers 503 with Retry-After, not 404, when the OS is out of file descriptors', async () => {
    const emfile = Object.assign(new Error('EMFILE: too many open files, open'), {
      code: 'EMFILE',
    })
    const outOfDescriptors: StaticFs = {
      readFile: () => Promise.reject(emfile),
      realpath: (path) => realpath(path),
      stat: (path) => stat(path),
    }
    const answer = await appResponse(APP_INDEX_URL, renderer, outOfDescriptors)
    expect(answer.status).toBe(503)
    expect(answer.headers.get('retry-after')).toBe('1')
    expect(await answer.text()).toContain('EMFILE')
    // A missing file is still a 404 with the same file system.
    expect(
      (await appResponse('app://socket-lab/missing.js', renderer, outOfDescriptors)).status,
    ).toBe(404)
  })

  it('hands app:// requests to the file server', async () => {
    handleAppProtocol(renderer)
    const handler = registered.handlers.get('app') as (request: {
      url: string
    }) => Promise<Response>
    expect((await handler({ url: APP_INDEX_URL })).status).toBe(200)
  })
})
