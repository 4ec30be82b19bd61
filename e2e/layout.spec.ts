/**
 * The layout on a classroom laptop (1366×768, 1280×720) and on a projector (1920×1080 in
 * projector mode), in English and Russian: screenshots for a person to look at (in the test's
 * output folder, attached to the report), and the facts a student relies on, asserted.
 */
import type { Locator, Page, TestInfo } from '@playwright/test'
import { openClient, send, type Client } from './clients'
import { expect, listenerCard, startListening, test } from './fixtures'
import { savedSettings } from './saved-settings'

const clients: Client[] = []
test.afterEach(() => {
  for (const c of clients.splice(0)) c.socket.destroy()
})

/** What the checks look for, in each language. */
const WORDS = {
  en: {
    language: 'English',
    stream: 'Stream',
    message: 'Message',
    send: 'Send',
    close: 'Close',
    reset: 'Reset',
    lesson: 'Lesson',
    log: 'Event log',
    table: 'Connections',
    code: 'Rust code',
  },
  ru: {
    language: 'Русский',
    stream: 'Поток',
    message: 'Сообщение',
    send: 'Отправить',
    close: 'Закрыть',
    reset: 'Сбросить',
    lesson: 'Урок',
    log: 'Журнал событий',
    table: 'Соединения',
    code: 'Код на Rust',
  },
} as const

type Lang = keyof typeof WORDS

const SCREENS = [
  { width: 1366, height: 768, isProjector: false },
  { width: 1280, height: 720, isProjector: false },
  { width: 1920, height: 1080, isProjector: true },
] as const

/** How many connections the table holds: more than the six it must show. */
const CONNECTIONS = 8

/** Opens `count` real connections, each sending a small HTTP request, and waits for their rows. */
async function connect(page: Page, port: number, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    const c = await openClient(port)
    clients.push(c)
    await send(c, `GET /page/${i} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: e2e\r\n\r\n`)
  }
  await expect(page.getByRole('table').first().locator('tbody tr:not(.spacer)')).toHaveCount(count)
}

/*
 * The checks below run in the page. e2e compiles without the DOM library, so they reach the
 * document through the element they are given (its ownerDocument and defaultView).
 */

/** Rows of the connections table wholly visible below its sticky header. */
function visibleRows(table: Locator): Promise<number> {
  return table.evaluate((el) => {
    const scroller = el.closest('.table-scroll')
    const head = el.querySelector('thead')
    if (!scroller || !head) return 0
    const bottom: number = scroller.getBoundingClientRect().bottom
    const top: number = head.getBoundingClientRect().bottom
    let count = 0
    for (const row of el.querySelectorAll('tbody tr:not(.spacer)')) {
      const r = row.getBoundingClientRect()
      if (r.top >= top - 1 && r.bottom <= bottom + 1) count += 1
    }
    return count
  })
}

/**
 * Headers, labels, buttons, tabs, headings and counters whose text does not fit their box
 * (cut, or spilling out), and table headers the table's own scrolling hides.
 */
function cutTexts(page: Page): Promise<string[]> {
  return page.locator('body').evaluate((body) => {
    const doc = body.ownerDocument
    const found: string[] = []
    const selector =
      'th, label, button, [role="tab"], h1, h2, h3, h4, legend, summary, dt, .chip, .column-header *'
    for (const el of doc.querySelectorAll(selector)) {
      const style = doc.defaultView.getComputedStyle(el)
      if (style.display === 'inline' || el.getClientRects().length === 0) continue
      if (el.closest('[hidden], .visually-hidden')) continue
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        found.push(`${el.tagName.toLowerCase()} "${el.textContent.trim()}"`)
    }
    for (const th of doc.querySelectorAll('.connections th')) {
      const scroller = th.closest('.table-scroll')
      if (!scroller) continue
      if (th.getBoundingClientRect().right > scroller.getBoundingClientRect().right + 1)
        found.push(`th "${th.textContent.trim()}" scrolled out of view`)
    }
    return found
  })
}

/** Whether `control` is the element a click at its middle reaches (nothing covers it). */
function isOnTop(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = el.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && (hit === el || el.contains(hit))
  })
}

/** The event log's lines: none cut, and how many take more than one line. */
function logLines(log: Locator): Promise<{ count: number; cut: number; wrapped: number }> {
  return log.evaluate((el) => {
    const view = el.ownerDocument.defaultView
    let count = 0
    let cut = 0
    let wrapped = 0
    for (const row of el.querySelectorAll('.log-row')) {
      count += 1
      const message = row.querySelector('.log-message')
      const style = message ? view.getComputedStyle(message) : null
      if (
        row.scrollWidth > row.clientWidth + 1 ||
        style?.textOverflow === 'ellipsis' ||
        style?.whiteSpace === 'nowrap'
      )
        cut += 1
      // Both in the page's own px (the zoom of the text size does not enter).
      if (row.offsetHeight > Number.parseFloat(view.getComputedStyle(row).lineHeight) * 1.5)
        wrapped += 1
    }
    return { count, cut, wrapped }
  })
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

for (const screen of SCREENS) {
  const size = `${screen.width}x${screen.height}${screen.isProjector ? '-projector' : ''}`
  test(`layout at ${size}: lesson pane, six rows, the composer, whole headers, wrapped log lines`, async ({
    app,
  }, testInfo) => {
    const { page } = app
    await page.setViewportSize({ width: screen.width, height: screen.height })
    if (screen.isProjector) {
      const toggle = page.getByRole('button', { name: 'Projector' })
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    }
    const port = await startListening(listenerCard(page, 1), 0)
    await connect(page, port, CONNECTIONS)
    const table = page.getByRole('table', { name: 'Connections' })
    await table
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '3', exact: true }) })
      .click()
    await expect(page.getByRole('region', { name: 'Stream' }).getByRole('tabpanel')).toContainText(
      'GET /page/3',
    )

    for (const lang of ['en', 'ru'] as const satisfies readonly Lang[]) {
      const words = WORDS[lang]
      await page
        .getByRole('combobox', { name: /^(Language|Язык)$/ })
        .selectOption({ label: words.language })
      const stream = page.getByRole('region', { name: words.stream })
      await expect(stream).toBeVisible()
      await shoot(page, testInfo, `layout-${size}-${lang}`)

      // The lesson has a pane of its own, beside the workspace and in full view.
      const lesson = page.getByRole('region', { name: words.lesson, exact: true })
      await expect(lesson).toBeInViewport()
      await expect(
        page.locator('aside.listeners').getByRole('region', { name: words.lesson }),
      ).toHaveCount(0)

      // At least six rows of the table, whole.
      const localized = page.getByRole('table', { name: words.table })
      expect(await visibleRows(localized), `rows visible (${lang})`).toBeGreaterThanOrEqual(6)

      // The composer and Close/Reset of the selected connection, in view and uncovered.
      for (const control of [
        stream.getByRole('textbox', { name: words.message }),
        stream.getByRole('button', { name: words.send, exact: true }),
        stream.getByRole('button', { name: words.close, exact: true }),
        stream.getByRole('button', { name: words.reset, exact: true }),
      ]) {
        await expect(control).toBeInViewport({ ratio: 1 })
        expect(await isOnTop(control), `${await control.textContent()} is not covered`).toBe(true)
      }
      // The page itself never scrolls for them.
      expect(await page.locator('html').evaluate((html) => html.scrollTop + html.scrollLeft)).toBe(
        0,
      )

      // No header, label, button or tab cut short.
      expect(await cutTexts(page), `cut texts (${lang})`).toEqual([])

      // The log's lines wrap; none is cut. In the laptop's pane the long ones take two lines.
      const log = page.getByRole('region', { name: words.log })
      const lines = await logLines(log)
      expect(lines.count).toBeGreaterThan(CONNECTIONS)
      expect(lines.cut).toBe(0)
      if (!screen.isProjector) expect(lines.wrapped).toBeGreaterThan(0)

      if (screen.isProjector) {
        // The lesson and the log side by side, for the class to read.
        const a = await lesson.boundingBox()
        const b = await log.boundingBox()
        expect(a && b && a.x + a.width <= b.x && Math.abs(a.y - b.y) < b.height / 2).toBe(true)
      }

      // The Rust code opened: whole, wrapped within the pane.
      await lesson.getByText(words.code, { exact: true }).click()
      const code = lesson.locator('pre')
      await expect(code).toBeVisible()
      expect(await code.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
      await shoot(page, testInfo, `layout-${size}-${lang}-code`)
      await lesson.getByText(words.code, { exact: true }).click()
      await expect(code).toBeHidden()
    }
  })
}

test('the splitters stay where the user left them after a reload', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  const width = page.getByRole('separator', { name: 'Width of the lesson pane' })
  const height = page.getByRole('separator', { name: 'Height of the lesson above the event log' })
  await expect(width).toHaveAttribute('aria-valuenow', '24')
  await width.focus()
  await page.keyboard.press('Shift+ArrowRight')
  await expect(width).toHaveAttribute('aria-valuenow', '34')
  await height.focus()
  await page.keyboard.press('ArrowUp')
  await expect(height).toHaveAttribute('aria-valuenow', '50')
  // Saved once the splitter is still: the page may go away only after that.
  const dataDir = app.dataDir
  await expect
    .poll(async () => (await savedSettings(dataDir))?.panes)
    .toEqual({
      side: 0.34,
      lesson: 0.5,
      lessonSideBySide: 0.5,
    })
  await page.reload()
  await expect(width).toHaveAttribute('aria-valuenow', '34')
  await expect(height).toHaveAttribute('aria-valuenow', '50')
})
