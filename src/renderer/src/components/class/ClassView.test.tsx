import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StageId } from '../../../../shared/lesson-progress'
import { readClassFiles } from '../../class/class-file'
import { progressText, progressUpTo, sessionText } from '../../class/class-test-kit'
import type { ClassReader } from '../../class/worker-reader'
import { saveFile } from '../../shell-io'
import { renderWith } from '../../test-utils'
import { SessionBar } from '../session'

const hoisted = vi.hoisted(() => ({ makeReader: null as (() => ClassReader) | null }))

// jsdom has no Web Worker: the files are read in the test's thread by the same code.
vi.mock('../../class/worker-reader', () => ({
  createWorkerReader: () => {
    if (!hoisted.makeReader) throw new Error('no reader')
    return hoisted.makeReader()
  },
}))

vi.mock('../../shell-io', async (original) => ({
  ...(await original<typeof import('../../shell-io')>()),
  saveFile: vi.fn(async (_content: unknown, name: string) => name),
}))

const inlineReader = (): ClassReader => ({
  read: (files, onResult) => readClassFiles(files, onResult),
  cancel: () => {},
})

beforeEach(() => {
  hoisted.makeReader = inlineReader
  vi.mocked(saveFile).mockClear()
})

function progressFile(name: string, student: string | null, stuckAt: StageId | null, extra = 0) {
  return new File([progressText(student, progressUpTo(stuckAt, extra))], name, {
    type: 'application/json',
  })
}

const classFiles = (): File[] => [
  progressFile('anna.json', 'Anna', 'routes', 1),
  progressFile('boris.json', 'Boris', 'routes'),
  progressFile('pc-07.json', null, 'connect', 2),
  new File([sessionText('Dana', progressUpTo('pool', 1))], 'dana-session.json'),
  new File(['{"format": "socket-lab-progress", "version": 1'], 'broken.json'),
]

async function openClassView(lang: 'en' | 'ru' = 'en') {
  const user = userEvent.setup()
  renderWith(<SessionBar onOpen={vi.fn()} />, { lang })
  await user.click(
    screen.getByRole('button', { name: lang === 'en' ? 'Class view' : 'Прогресс класса' }),
  )
  const dialog = screen.getByRole('dialog', {
    name: lang === 'en' ? 'Class view' : 'Прогресс класса',
  })
  return { user, dialog }
}

const isDisabled = (el: HTMLElement): boolean => (el as HTMLButtonElement).disabled

/** The table's body rows, each as its row header's text. */
function studentNames(dialog: HTMLElement): string[] {
  return within(within(dialog).getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector('.class-student')?.textContent ?? '')
}

describe('ClassView', () => {
  it('opens from the header as a dialog with its heading focused; Escape gives focus back', async () => {
    const { user, dialog } = await openClassView()
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Class view' }))
    expect(
      within(dialog).getByText('Drop students’ progress files or saved sessions here'),
    ).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Class view' }))
  })

  it('closes with its Close button, and opens again with the same files', async () => {
    const { user, dialog } = await openClassView()
    await user.upload(
      within(dialog).getByLabelText('Progress files or saved sessions'),
      classFiles(),
    )
    await within(dialog).findByRole('table')
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Class view' }))
    const again = screen.getByRole('dialog', { name: 'Class view' })
    expect(studentNames(again)).toEqual(['Anna', 'Boris', 'Dana', 'pc-07.json'])
    expect(document.activeElement).toBe(within(again).getByRole('heading', { name: 'Class view' }))
  })

  it('shows a row per student, names the stuck stage, and lists a bad file with its reason', async () => {
    const { user, dialog } = await openClassView()
    await user.upload(
      within(dialog).getByLabelText('Progress files or saved sessions'),
      classFiles(),
    )
    const table = await within(dialog).findByRole('table', { name: 'Students and stages' })
    await waitFor(() =>
      expect(within(dialog).getAllByRole('status')[0]?.textContent).toBe(
        '4 students · 1 file could not be read',
      ),
    )
    expect(studentNames(dialog)).toEqual(['Anna', 'Boris', 'Dana', 'pc-07.json'])

    const anna = within(table).getByRole('row', { name: /^Anna anna\.json/ })
    const cells = within(anna).getAllByRole('cell')
    expect(cells.map((c) => c.querySelector('.class-ticks')?.textContent)).toEqual([
      '3/3',
      '3/3',
      '2/2',
      '2/2',
      '1/2',
      '0/2',
      '0/3',
      '0/3',
      '0/3',
      '11/23',
    ])
    expect(within(cells[4] as HTMLElement).getByText(/^\d\d:\d\d$|May/)).toBeTruthy()

    const nameless = within(table).getByRole('row', { name: /^pc-07\.json no name in the file/ })
    expect(within(nameless).getAllByRole('cell')[0]?.textContent).toMatch(/^2\/3/)
    expect(
      within(table).getByRole('row', { name: /Dana dana-session\.json · saved session/ }),
    ).toBeTruthy()

    expect(within(dialog).getByText('Most often stuck: stage 5, “Routes and 404”')).toBeTruthy()
    expect(
      within(dialog).getByText('It is the first unfinished stage for 2 of 4 students.'),
    ).toBeTruthy()
    const stuckHeader = within(table).getByRole('columnheader', { name: /Routes and 404/ })
    expect(stuckHeader.textContent).toContain('most stuck')
    expect(stuckHeader.classList.contains('is-stuck')).toBe(true)

    const problems = within(dialog).getByRole('region', { name: '1 file could not be read' })
    expect(problems.textContent).toContain(
      'broken.json: not JSON, so neither a progress file nor a session.',
    )
    expect(within(dialog).getAllByRole('status')[0]?.textContent).toContain(
      '4 students · 1 file could not be read',
    )
  })

  it('sorts by name and by each stage, saying which in aria-sort', async () => {
    const { user, dialog } = await openClassView()
    await user.upload(
      within(dialog).getByLabelText('Progress files or saved sessions'),
      classFiles(),
    )
    await within(dialog).findByRole('table')
    const header = (name: RegExp) => within(dialog).getByRole('columnheader', { name })
    expect(header(/^Student/).getAttribute('aria-sort')).toBe('ascending')

    await user.click(within(header(/^Student/)).getByRole('button'))
    expect(header(/^Student/).getAttribute('aria-sort')).toBe('descending')
    expect(studentNames(dialog)).toEqual(['pc-07.json', 'Dana', 'Boris', 'Anna'])

    await user.click(within(dialog).getByRole('button', { name: /^5 Routes and 404/ }))
    expect(header(/^5 Routes and 404/).getAttribute('aria-sort')).toBe('ascending')
    expect(header(/^Student/).getAttribute('aria-sort')).toBeNull()
    expect(studentNames(dialog)).toEqual(['Boris', 'pc-07.json', 'Anna', 'Dana'])

    await user.click(within(dialog).getByRole('button', { name: /^5 Routes and 404/ }))
    expect(header(/^5 Routes and 404/).getAttribute('aria-sort')).toBe('descending')
    expect(studentNames(dialog)).toEqual(['Dana', 'Anna', 'Boris', 'pc-07.json'])

    await user.click(within(dialog).getByRole('button', { name: /^Total/ }))
    expect(studentNames(dialog)).toEqual(['pc-07.json', 'Boris', 'Anna', 'Dana'])
  })

  it('exports the table as shown to CSV', async () => {
    const { user, dialog } = await openClassView()
    expect(isDisabled(within(dialog).getByRole('button', { name: 'Export CSV' }))).toBe(true)
    await user.upload(
      within(dialog).getByLabelText('Progress files or saved sessions'),
      classFiles(),
    )
    await within(dialog).findByRole('table')
    await user.click(within(dialog).getByRole('button', { name: /^Total/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Export CSV' }))

    expect(saveFile).toHaveBeenCalledOnce()
    const [content, name, kind] = vi.mocked(saveFile).mock.calls[0] ?? []
    expect(name).toMatch(/^socket-lab-class-[\d-]+\.csv$/)
    expect(kind).toBe('csv')
    const lines = String(content).split('\r\n')
    expect(lines[0]).toMatch(/^\uFEFFStudent,File,First unfinished stage,Checkpoints ticked/)
    expect(lines.slice(1, 5).map((line) => line.split(',').slice(0, 4))).toEqual([
      ['', 'pc-07.json', '1. Connection established', '2'],
      ['Boris', 'boris.json', '5. Routes and 404', '10'],
      ['Anna', 'anna.json', '5. Routes and 404', '11'],
      ['Dana', 'dana-session.json', '7. Thread pool', '15'],
    ])
    expect(await within(dialog).findByText(`Saved ${String(name)}.`)).toBeTruthy()
  })

  it('takes files dropped anywhere on it', async () => {
    const { dialog } = await openClassView()
    const files = classFiles().slice(0, 2)
    fireEvent.dragEnter(dialog, { dataTransfer: { types: ['Files'], files: [] } })
    expect(within(dialog).getByText('Drop to add these files')).toBeTruthy()
    fireEvent.drop(dialog, { dataTransfer: { types: ['Files'], files } })
    await within(dialog).findByRole('table')
    expect(studentNames(dialog)).toEqual(['Anna', 'Boris'])
    expect(within(dialog).queryByText('Drop to add these files')).toBeNull()
  })

  it('replaces a file opened again, and Clear empties the view', async () => {
    const { user, dialog } = await openClassView()
    const input = within(dialog).getByLabelText('Progress files or saved sessions')
    await user.upload(input, classFiles())
    await within(dialog).findByRole('table')
    await user.upload(input, [progressFile('anna.json', 'Anna', null)])
    await waitFor(() =>
      expect(within(dialog).getByRole('row', { name: /^Anna/ }).textContent).toContain('23/23'),
    )
    expect(studentNames(dialog)).toHaveLength(4)
    await user.click(within(dialog).getByRole('button', { name: 'Clear' }))
    expect(within(dialog).queryByRole('table')).toBeNull()
    expect(within(dialog).queryByRole('region', { name: /could not be read/ })).toBeNull()
  })

  it('says the class finished the chapter when only the stage after it is left', async () => {
    const { user, dialog } = await openClassView()
    const input = within(dialog).getByLabelText('Progress files or saved sessions')
    await user.upload(input, [
      progressFile('anna.json', 'Anna', null),
      progressFile('boris.json', 'Boris', 'own-server', 1),
    ])
    await within(dialog).findByRole('table')
    expect(
      within(dialog).getByText(
        'Every student has finished the chapter. Stage 9, “Inspect your own server”, goes beyond it: extra work.',
      ),
    ).toBeTruthy()
    expect(within(dialog).queryByText(/Most often stuck/)).toBeNull()
    await user.upload(input, [progressFile('boris.json', 'Boris', null)])
    expect(await within(dialog).findByText('Every student has completed every stage.')).toBeTruthy()
  })

  it('holds at most 200 files and says how many were left out', async () => {
    const { user, dialog } = await openClassView()
    const many = Array.from({ length: 201 }, (_, i) =>
      progressFile(`s${i}.json`, `Student ${i}`, 'connect'),
    )
    await user.upload(within(dialog).getByLabelText('Progress files or saved sessions'), many)
    expect(
      await within(dialog).findByText(
        '1 file was not opened: the class view holds at most 200 files.',
      ),
    ).toBeTruthy()
    await waitFor(() => expect(studentNames(dialog)).toHaveLength(200))
  })

  it('says so when the reading worker fails', async () => {
    hoisted.makeReader = () => ({
      read: () => Promise.reject(new Error('the reading worker stopped')),
      cancel: () => {},
    })
    const { user, dialog } = await openClassView()
    await user.upload(
      within(dialog).getByLabelText('Progress files or saved sessions'),
      classFiles(),
    )
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'The files could not be read: the reading worker stopped',
    )
  })

  it('refuses a second batch while the first is being read', async () => {
    let release = (): void => {}
    hoisted.makeReader = () => ({
      read: (files, onResult) =>
        new Promise<void>((resolve) => {
          release = () => void readClassFiles(files, onResult).then(resolve)
        }),
      cancel: () => {},
    })
    const { user, dialog } = await openClassView()
    await user.upload(
      within(dialog).getByLabelText('Progress files or saved sessions'),
      classFiles(),
    )
    expect(within(dialog).getAllByRole('status')[0]?.textContent).toContain('Reading 0 of 5 files…')
    expect(isDisabled(within(dialog).getByRole('button', { name: 'Open files…' }))).toBe(true)
    fireEvent.drop(dialog, { dataTransfer: { types: ['Files'], files: classFiles() } })
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'Still reading the files before; add these when it is done.',
    )
    release()
    await within(dialog).findByRole('table')
    expect(isDisabled(within(dialog).getByRole('button', { name: 'Open files…' }))).toBe(false)
  })

  it('speaks Russian', async () => {
    const { user, dialog } = await openClassView('ru')
    await user.upload(
      within(dialog).getByLabelText('Файлы прогресса или сохранённые сеансы'),
      classFiles(),
    )
    const table = await within(dialog).findByRole('table', { name: 'Ученики и этапы' })
    expect(within(table).getByRole('columnheader', { name: /^Ученик/ })).toBeTruthy()
    expect(
      within(dialog).getByText('Чаще всего застревают на этапе 5 «Маршруты и 404»'),
    ).toBeTruthy()
    expect(
      within(dialog).getByText('Это первый незавершённый этап у 2 из 4 учеников.'),
    ).toBeTruthy()
    expect(
      within(dialog).getByRole('region', { name: '1 файл не удалось прочитать' }).textContent,
    ).toContain('broken.json: это не JSON, значит, не файл прогресса и не сеанс.')
    expect(within(table).getByRole('row', { name: /pc-07\.json имени в файле нет/ })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Закрыть' })).toBeTruthy()
  })
})
