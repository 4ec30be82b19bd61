/**
 * `npm run dev` serves the renderer from Vite's development server. Its CSP must let Vite's
 * inline preamble, injected styles and hot-reload WebSocket through, while the built page keeps
 * the strict one. Electron itself is not needed to check that: the page is the same.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { root } from './web-server'

test('the development server works under its CSP; the build keeps the strict one', async ({
  lazyBrowser,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'Checked once, in a browser: the page is the same')
  const { loadConfigFromFile } = await import('electron-vite')
  const { createServer } = await import('vite')
  const loaded = await loadConfigFromFile(
    { command: 'serve', mode: 'development' },
    undefined,
    root,
  )
  const server = await createServer({
    ...loaded.config.renderer,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  await server.listen()
  const context = await (await lazyBrowser()).newContext()
  try {
    const page = await context.newPage()
    const console: string[] = []
    page.on('console', (message) => console.push(message.text()))
    await page.goto(server.resolvedUrls?.local[0] ?? '')
    // React rendered (the preamble and module scripts ran) and the stylesheet applied.
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Socket Lab')
    await expect(page.locator('.app-header')).toHaveCSS('display', 'flex')
    await expect.poll(() => console).toContain('[vite] connected.')
    expect(console.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([])
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content')
    expect(meta).toContain("script-src 'self' 'unsafe-inline'")
  } finally {
    await context.close()
    await server.close()
  }
  const built = await readFile(join(root, 'out', 'renderer', 'index.html'), 'utf8')
  expect(built).toContain('http-equiv="Content-Security-Policy"')
  expect(built).not.toContain('unsafe-inline')
})
