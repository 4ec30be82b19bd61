/**
 * The teacher's class view: 25 students' progress files (one corrupt) opened at once through the
 * file input, read by the parsing worker under the app's real CSP, shown as a table with the
 * stage where most are stuck, exported as CSV, in English and in Russian.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { STAGE_CHECKPOINTS, type LessonProgress, type StageId } from '../src/shared/lesson-progress'
import { serializeProgress } from '../src/renderer/src/lessons/progress-file'
import { expect, test, type App } from './fixtures'

/** Where each of the 24 readable files' student is stuck (null: finished everything). */
const STUDENTS: [name: string | null, stuckAt: StageId | null, extra: number][] = [
  ['Anna Petrova', 'routes', 1],
  ['Boris Ivanov', 'routes', 0],
  ['Chen Wei', 'routes', 1],
  ['Dana Kowalski', 'routes', 0],
  ['Elif Yılmaz', 'routes', 1],
  ['Smith, Jo', 'routes', 0],
  ['Гоша Смирнов', 'routes', 1],
  ['Hana Sato', 'routes', 0],
  ['Igor Volkov', 'routes', 1],
  ['Jonas Berg', 'connect', 2],
  ['Kira Lee', 'connect', 0],
  ['Liam O’Neil', 'bind-errors', 1],
  ['Mia Rossi', 'bind-errors', 2],
  [null, 'bind-errors', 0],
  ['Nora Jansen', 'read-request', 1],
  ['Omar Haddad', 'read-request', 0],
  ['Priya Nair', 'respond', 1],
  ['Quinn Adams', 'respond', 0],
  [null, 'respond', 1],
  ['Rosa Díaz', 'slow', 1],
  ['Sven Olsen', 'slow', 0],
  ['Tara Singh', 'pool', 2],
  ['Uma Costa', null, 0],
  ['Viktor Orlov', null, 0],
]

/** Today 09:00 local time: the lesson's start, so that ticks show as times of day. */
function lessonStart(): number {
  const start = new Date()
  start.setHours(9, 0, 0, 0)
  return start.getTime()
}

/** Every stage before `stuckAt` complete, `extra` of its checkpoints, two minutes apart. */
function progressUpTo(stuckAt: StageId | null, extra: number, start: number): LessonProgress {
  const progress: LessonProgress = { stageId: stuckAt ?? 'shutdown', stages: {} }
  let step = 0
  for (const { stageId, checkpoints } of STAGE_CHECKPOINTS) {
    const ticked: Record<string, number> = {}
    const count = stageId === stuckAt ? extra : checkpoints.length
    for (const id of checkpoints.slice(0, count)) ticked[id] = start + ++step * 120_000
    progress.stages[stageId] = { since: start, ticked }
    if (stageId === stuckAt) break
  }
  return progress
}

interface FilePayload {
  name: string
  mimeType: string
  buffer: Buffer
}

function classFiles(): FilePayload[] {
  const start = lessonStart()
  const files = STUDENTS.map(([student, stuckAt, extra], i) => ({
    name: `student-${String(i + 1).padStart(2, '0')}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(
      serializeProgress({
        student,
        progress: progressUpTo(stuckAt, extra, start + i * 7_000),
        exportedAt: start + 3_600_000,
        appVersion: '0.1.0',
      }),
    ),
  }))
  // A download cut short: the 13th file of the class.
  const corrupt = {
    name: 'student-corrupt.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "socket-lab-progress", "version": 1, "student": "Wil'),
  }
  return [...files.slice(0, 12), corrupt, ...files.slice(12)]
}

/** Saves the CSV: a download in browser mode, the native Save dialog (stubbed) in the desktop app. */
async function exportCsv(app: App, page: Page, path: string): Promise<string> {
  const dialog = page.getByRole('dialog')
  if (app.electron) {
    await app.electron.evaluate(({ dialog: native }, file) => {
      Object.assign(native, { showSaveDialog: async () => ({ canceled: false, filePath: file }) })
    }, path)
    await dialog.getByRole('button', { name: 'Export CSV' }).click()
    await expect(dialog.getByText(`Saved ${path}.`)).toBeVisible()
    return readFile(path, 'utf8')
  }
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^socket-lab-class-[\d-]+\.csv$/)
  await download.saveAs(path)
  await expect(dialog.getByText(`Saved ${download.suggestedFilename()}.`)).toBeVisible()
  return readFile(path, 'utf8')
}

test('the class view: 25 progress files, one corrupt, a table of 24 students, the stuck stage, CSV', async ({
  app,
}, testInfo) => {
  const { page } = app
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
  const workerScripts: string[] = []
  page.on('request', (request) => {
    if (/\/parse-worker-[\w-]+\.js$/.test(new URL(request.url()).pathname))
      workerScripts.push(request.url())
  })
  await page.setViewportSize({ width: 1366, height: 768 })
  // The built app's strict policy is the one in force: workers fall under script-src 'self'.
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(policy).toContain("script-src 'self'")
  expect(policy).not.toContain('unsafe')

  const opener = page.getByRole('button', { name: 'Class view' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Class view' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Class view' })).toBeFocused()

  await dialog.getByTestId('class-files').setInputFiles(classFiles())

  const table = dialog.getByRole('table', { name: 'Students and stages' })
  await expect(dialog.getByText('24 students · 1 file could not be read')).toBeVisible()
  await expect(table.getByRole('rowheader')).toHaveCount(24)
  // Read by the parsing worker, off the page's thread (a file of its own, from the app's origin;
  // Playwright reports the request in browser mode, not on the desktop app's app:// protocol).
  if (app.kind === 'browser') expect(workerScripts).toHaveLength(1)
  await expect(
    dialog.getByRole('region', { name: '1 file could not be read' }).getByRole('listitem'),
  ).toHaveText(['student-corrupt.json: not JSON, so neither a progress file nor a session.'])
  await expect(dialog.getByText('Most often stuck: stage 5, “Routes and 404”')).toBeVisible()
  await expect(
    dialog.getByText('It is the first unfinished stage for 9 of 24 students.'),
  ).toBeVisible()
  await expect(table.getByRole('columnheader', { name: /Routes and 404/ })).toContainText(
    'most stuck',
  )
  // Students without a name are listed by file name.
  await expect(
    table.getByRole('row', { name: /^student-14\.json no name in the file/ }),
  ).toContainText('3/3')
  const anna = table.getByRole('row', { name: /^Anna Petrova/ })
  await expect(anna.getByRole('cell').nth(4)).toContainText(/^1\/2\s*\d\d:\d\d$/)
  await expect(anna.getByRole('cell').last()).toContainText('11/23')

  // The table sorts by a stage: those furthest behind on it first.
  await table.getByRole('button', { name: /^5 Routes and 404/ }).click()
  await expect(table.getByRole('columnheader', { name: /^5 Routes and 404/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await expect(table.getByRole('rowheader').first()).toContainText('Boris Ivanov')
  // Everyone through it: whoever finished it first ranks as furthest along.
  await expect(table.getByRole('rowheader').last()).toContainText('Rosa Díaz')
  await table.getByRole('button', { name: /^Student/ }).click()
  await expect(table.getByRole('rowheader').first()).toContainText('Anna Petrova')
  await expect(table.getByRole('rowheader').last()).toContainText('Гоша Смирнов')

  await page.screenshot({ path: testInfo.outputPath('class-view-en.png') })

  const csv = await exportCsv(app, page, testInfo.outputPath('class.csv'))
  expect(csv.startsWith('\uFEFFStudent,File,First unfinished stage,')).toBe(true)
  const lines = csv.slice(1).split('\r\n')
  expect(lines.at(-1)).toBe('')
  expect(lines).toHaveLength(1 + 24 + 1)
  expect(lines[1]).toMatch(
    /^Anna Petrova,student-01\.json,5\. Routes and 404,11,3,\d{4}-\d\d-\d\d /,
  )
  expect(lines).toEqual(
    expect.arrayContaining([
      // A name with a comma is quoted; a student without a name has an empty name cell.
      expect.stringMatching(/^"Smith, Jo",student-06\.json,5\. Routes and 404,10,3,/),
      expect.stringMatching(/^,student-14\.json,2\. Bind errors,3,3,/),
    ]),
  )
  expect(lines.filter((line) => line.includes(',all done,23,'))).toHaveLength(2)
  expect(csv).not.toContain('student-corrupt')

  // Closed, it keeps the class; in Russian, the same table in Russian.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
  await page.getByLabel('Language').selectOption('ru')
  await page.getByRole('button', { name: 'Прогресс класса' }).click()
  const ru = page.getByRole('dialog', { name: 'Прогресс класса' })
  await expect(ru.getByText('24 ученика · 1 файл не удалось прочитать')).toBeVisible()
  await expect(ru.getByText('Чаще всего застревают на этапе 5 «Маршруты и 404»')).toBeVisible()
  await expect(
    ru.getByRole('region', { name: '1 файл не удалось прочитать' }).getByRole('listitem'),
  ).toHaveText(['student-corrupt.json: это не JSON, значит, не файл прогресса и не сеанс.'])
  await expect(
    ru.getByRole('table', { name: 'Ученики и этапы' }).getByRole('rowheader'),
  ).toHaveCount(24)
  await page.screenshot({ path: testInfo.outputPath('class-view-ru.png') })
  await ru.getByRole('button', { name: 'Закрыть' }).click()
  await expect(ru).toBeHidden()

  expect(pageErrors).toEqual([])
})
