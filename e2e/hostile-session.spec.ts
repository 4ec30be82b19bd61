/**
 * Issue 13: hostile session files opened through the file picker. A deeply nested one, one over
 * the size limit and one of millions of values are refused with the file's name and the reason; a
 * large one within the limits is parsed in the parsing worker, so the page keeps answering while
 * it is read.
 */
import { open, writeFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { MAX_SESSION_FILE_BYTES } from '../src/shared/session-file'
import { expect, listenerCard, test } from './fixtures'

/** Starts measuring the page's longest stall: the largest gap between 20 ms timer ticks. */
async function watchStalls(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { longestStallMs: number }
    w.longestStallMs = 0
    let last = performance.now()
    setInterval(() => {
      const now = performance.now()
      w.longestStallMs = Math.max(w.longestStallMs, now - last)
      last = now
    }, 20)
  })
  return () =>
    page.evaluate(() => (globalThis as unknown as { longestStallMs: number }).longestStallMs)
}

test('hostile session files: refused with the reason, read off the page’s thread', async ({
  app,
}, testInfo) => {
  const { page } = app
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  const picker = page.getByTestId('open-session-file')
  const problem = page.getByRole('alert')

  // A million arrays inside each other.
  const deep = testInfo.outputPath('deep.json')
  const levels = 1_000_000
  await writeFile(
    deep,
    `{"format":"socket-lab-session","version":1,"x":${'['.repeat(levels)}${']'.repeat(levels)}}`,
  )
  await picker.setInputFiles(deep)
  await expect(problem).toHaveText(
    'Could not open deep.json: it nests more than 32 levels deep, deeper than any Socket Lab session file. It was not parsed. Dismiss',
  )
  expect(workers.length).toBeGreaterThan(0)
  await problem.getByRole('button', { name: 'Dismiss' }).click()
  await expect(problem).toHaveCount(0)

  // Over the limit: a sparse file, refused by its size alone (none of it is ever read).
  const huge = testInfo.outputPath('huge.json')
  const file = await open(huge, 'w')
  await file.truncate(MAX_SESSION_FILE_BYTES + 88 * 1024 * 1024)
  await file.close()
  await picker.setInputFiles(huge)
  await expect(problem).toHaveText(
    'Could not open huge.json: the file is too large (600 MiB; a session file may be at most 512 MiB). It was not read. Dismiss',
  )
  await problem.getByRole('button', { name: 'Dismiss' }).click()
  await expect(problem).toHaveCount(0)

  // Small enough, but more values than a session holds: 17 million empty objects (50 MB), which
  // JSON.parse would take seconds and about a GB to build.
  const wide = testInfo.outputPath('wide.json')
  await writeFile(wide, `[${'{},'.repeat(17_000_000)}{}]`)
  await picker.setInputFiles(wide)
  await expect(problem).toHaveText(
    'Could not open wide.json: it holds more than 33,554,432 arrays, objects and list items, more than any Socket Lab session file. It was not parsed. Dismiss',
  )
  await problem.getByRole('button', { name: 'Dismiss' }).click()
  await expect(problem).toHaveCount(0)

  // Within the limits but costly: 30 million numbers for JSON.parse to build into an array.
  const large = testInfo.outputPath('large.json')
  const count = 30_000_000
  await writeFile(
    large,
    Buffer.concat([
      Buffer.from('{"format":"socket-lab-session","version":1,"junk":['),
      Buffer.alloc(count * 2 - 1, '0,'),
      Buffer.from(']}'),
    ]),
  )
  const longestStall = await watchStalls(page)
  await picker.setInputFiles(large)
  await expect(problem).toContainText('Could not open large.json:', { timeout: 60_000 })
  // While it was read and parsed, the page went on running its timers.
  const stall = await longestStall()
  testInfo.annotations.push({ type: 'longest stall', description: `${Math.round(stall)} ms` })
  expect(stall).toBeLessThan(500)
  // And its buttons still work.
  await page.getByRole('button', { name: 'Add listener' }).click()
  await expect(listenerCard(page, 2)).toBeVisible()
})
