import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseProgressFile } from '../../lessons/progress-file'
import { DEFAULT_SETTINGS } from '../../../../shared/settings'
import { fakeApi, makeListener, makeSnapshot, renderWith, storeWith } from '../../test-utils'
import { FirstRunStrip } from './FirstRunStrip'
import { LessonProgressExport } from './LessonProgressExport'

function loadedStore(listener = makeListener()) {
  const store = storeWith(makeSnapshot({ listeners: [listener] }))
  store.dispatch({ type: 'settings-loaded', loaded: { settings: DEFAULT_SETTINGS, problem: null } })
  return store
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the first-run strip', () => {
  it('walks through start, open, watch with the live address, and goes away for good', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    const store = loadedStore()
    renderWith(<FirstRunStrip />, { api, store })
    const strip = within(screen.getByRole('region', { name: 'First steps' }))
    await user.click(strip.getByRole('button', { name: 'Start listening on 127.0.0.1:7878' }))
    expect(api.startListener).toHaveBeenCalledWith({ listenerId: 'l1' })
    expect(strip.getByRole('link', { name: 'http://127.0.0.1:7878' })).toBeTruthy()
    expect(strip.getByText(/Watch the event log/)).toBeTruthy()

    act(() =>
      store.dispatch({
        type: 'snapshot-loaded',
        snapshot: makeSnapshot({
          listeners: [
            makeListener({
              state: 'listening',
              bound: { address: '127.0.0.1', port: 7879, family: 'IPv4' },
            }),
          ],
        }),
      }),
    )
    expect(strip.getByText('Listener 1 listens on 127.0.0.1:7879 ✓')).toBeTruthy()
    expect(strip.getByRole('link', { name: 'http://127.0.0.1:7879' })).toBeTruthy()

    await user.type(strip.getByLabelText(/Your name/), 'Аня')
    await user.click(strip.getByRole('button', { name: 'Got it' }))
    expect(api.setSettings).toHaveBeenCalledWith({ studentName: 'Аня' })
    expect(api.setSettings).toHaveBeenCalledWith({ isFirstRunDismissed: true })
    expect(screen.queryByRole('region', { name: 'First steps' })).toBeNull()
  })

  it('waits for the saved settings before showing, and speaks Russian', () => {
    const store = storeWith(makeSnapshot())
    const { unmount } = renderWith(<FirstRunStrip />, { store, lang: 'ru' })
    expect(screen.queryByRole('region')).toBeNull()
    unmount()
    renderWith(<FirstRunStrip />, { store: loadedStore(), lang: 'ru' })
    expect(screen.getByRole('region', { name: 'Первые шаги' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Начать слушать 127.0.0.1:7878' })).toBeTruthy()
  })
})

describe('exporting progress', () => {
  it('writes the name, the ticks with their times and the version, as a file to hand in', async () => {
    const user = userEvent.setup()
    const store = loadedStore()
    const progress = {
      stageId: 'connect' as const,
      stages: { connect: { since: 5, ticked: { listening: 10, established: 20 } } },
    }
    store.dispatch({ type: 'settings-changed', patch: { studentName: 'Ann Lee', progress } })
    const blobs: Blob[] = []
    const names: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:x'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download)
    })
    renderWith(<LessonProgressExport />, { store })
    await user.click(screen.getByRole('button', { name: 'Export progress' }))
    expect(names[0]).toMatch(/^socket-lab-progress-Ann-Lee-\d{4}-\d{2}-\d{2}-\d{6}\.json$/)
    const parsed = parseProgressFile(await blobs[0]!.text())
    expect(parsed).toMatchObject({ ok: true, value: { student: 'Ann Lee', progress } })
    if (parsed.ok) expect(parsed.value.appVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(await screen.findByRole('status')).toBeTruthy()
  })
})
