/**
 * axe on every main view, in the light and the dark theme: the listener column, the connections
 * table, each stream tab with a real connection selected, the event log, the client, the lesson
 * with its code open, a bind error's panel, and projector mode. Any violation fails the test, named
 * with its rule, its impact and where it is.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { openClient, send, type Client } from './clients'
import { expect, listenerCard, startListening, test } from './fixtures'

const clients: Client[] = []
test.afterEach(() => {
  for (const c of clients.splice(0)) c.socket.destroy()
})

/** Runs axe on the whole page and fails with a readable list of what it found. */
async function expectNoViolations(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n    ')}`,
  )
  expect(found, `axe on ${view}`).toEqual([])
}

for (const theme of ['light', 'dark'] as const)
  test(`axe finds nothing on any main view in the ${theme} theme`, async ({ app }) => {
    test.setTimeout(180_000)
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)

    // A listener with connections: one sent an HTTP request, one a few raw bytes.
    const card = listenerCard(page, 1)
    const port = await startListening(card, 0)
    const http = await openClient(port)
    const raw = await openClient(port)
    clients.push(http, raw)
    await send(http, `GET /hello HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)
    await send(raw, Buffer.from([0x68, 0x69, 0x00, 0xff, 0x0d, 0x0a]))
    const table = page.getByRole('table', { name: 'Connections' })
    await expect(table.getByRole('row')).toHaveCount(3)
    await expect(page.getByRole('region', { name: 'Event log' })).toContainText(
      'Connection established!',
    )

    // Each stream tab, with the HTTP connection selected.
    await table
      .getByRole('row')
      .filter({ hasText: `:${http.localPort}` })
      .click()
    const stream = page.getByRole('region', { name: 'Stream' })
    const panel = stream.getByRole('tabpanel')
    await expect(panel).toContainText('GET /hello HTTP/1.1')
    await expectNoViolations(page, 'Text')
    await stream.getByRole('tab', { name: 'Hex' }).click()
    await expect(panel).toContainText('47 45 54 20')
    await expectNoViolations(page, 'Hex')
    await stream.getByRole('tab', { name: 'Chunks' }).click()
    await expect(panel.getByRole('row')).not.toHaveCount(0)
    await expectNoViolations(page, 'Chunks')
    await stream.getByRole('tab', { name: 'HTTP' }).click()
    await expect(panel.getByRole('region', { name: 'HTTP analysis' })).toContainText('Request: [')
    await expectNoViolations(page, 'HTTP')

    // The client, in place of the log.
    await page.getByRole('tab', { name: 'Client' }).click()
    await expect(page.getByRole('region', { name: 'Client' })).toBeVisible()
    await expectNoViolations(page, 'the client tab')
    await page.getByRole('tab', { name: 'Event log' }).click()

    // The lesson with its Rust code open.
    const lesson = page.getByRole('region', { name: 'Lesson', exact: true })
    await lesson.getByText('Rust code', { exact: true }).click()
    await expect(lesson.locator('pre')).toBeVisible()
    await expectNoViolations(page, 'the lesson with its code')

    // A second listener on the first one's port: the bind error's panel.
    await page.getByRole('button', { name: 'Add listener' }).click()
    const second = listenerCard(page, 2)
    await second.getByLabel('Port', { exact: true }).fill(String(port))
    await second.getByRole('button', { name: 'Start listening' }).click()
    await expect(second.getByRole('alert')).toContainText('EADDRINUSE')
    await expectNoViolations(page, 'the bind error panel')

    // Projector mode: its own layout and palette.
    await page.getByRole('button', { name: 'Projector' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-projector', '')
    await expectNoViolations(page, 'projector mode')
  })
