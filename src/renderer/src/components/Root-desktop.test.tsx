import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import type { DesktopApi } from '../../../shared/desktop-contract'
import { fail, ok } from '../../../shared/result'
import { parseSessionFile, serializeSession } from '../../../shared/session-file'
import { DEFAULT_SETTINGS, type AppSettings } from '../../../shared/settings'
import { I18nProvider } from '../i18n/I18nProvider'
import type { Lang } from '../i18n/translate'
import { makeSnapshot, storeWith } from '../test-utils'
import { apiServing, conversationConnection } from '../inspector-test-kit'
import { Root } from './Root'

type FakeDesktop = { [K in keyof DesktopApi]: Mock<DesktopApi[K]> }

const snapshot = makeSnapshot({ connections: [conversationConnection()] })

function fakeDesktop(isSandboxed = true): FakeDesktop {
  return {
    info: vi.fn(async () =>
      ok({ isSandboxed, dataDir: '/d', logFile: '/d/socket-lab.log', isPackaged: true }),
    ),
    saveFile: vi.fn(async () => ok({ path: '/home/student/lab.json' })),
    openFile: vi.fn(async () => ok({ file: null })),
    copyText: vi.fn(async () => ok(null)),
    openLink: vi.fn(async () => ok(null)),
  }
}

let desktop: FakeDesktop

function renderDesktop(lang: Lang = 'en', settings: Partial<AppSettings> | null = null) {
  const api = apiServing()
  api.snapshot.mockResolvedValue(ok(snapshot))
  const store = storeWith(snapshot)
  if (settings)
    store.dispatch({
      type: 'settings-loaded',
      loaded: { settings: { ...DEFAULT_SETTINGS, ...settings }, problem: null },
    })
  render(
    <I18nProvider lang={lang}>
      <Root api={api} store={store} />
    </I18nProvider>,
  )
  return api
}

beforeEach(() => {
  desktop = fakeDesktop()
  window.socketLabDesktop = desktop
})

afterEach(() => {
  delete window.socketLabDesktop
  vi.restoreAllMocks()
})

describe('the desktop app: native dialogs instead of downloads and file inputs', () => {
  it('Save session asks the main process (its native dialog) and says where it went', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click')
    const user = userEvent.setup()
    renderDesktop()
    await user.click(screen.getByRole('button', { name: 'Save session' }))
    expect(await screen.findByText('Saved /home/student/lab.json.')).toBeTruthy()
    expect(click).not.toHaveBeenCalled()
    const request = desktop.saveFile.mock.calls[0]?.[0]
    expect(request?.kind).toBe('session')
    expect(request?.suggestedName).toMatch(/^socket-lab-session-\d{4}-\d{2}-\d{2}-\d{6}\.json$/)
    const parsed = parseSessionFile(new TextDecoder().decode(request?.content))
    expect(parsed.ok).toBe(true)
  })

  it('a saved session carries the student’s name and lesson progress', async () => {
    const user = userEvent.setup()
    const progress = {
      stageId: 'routes' as const,
      stages: { routes: { since: 1, ticked: { 'not-found': 2 } } },
    }
    renderDesktop('en', { studentName: 'Аня', progress, isFirstRunDismissed: true })
    await user.click(screen.getByRole('button', { name: 'Save session' }))
    await waitFor(() => expect(desktop.saveFile).toHaveBeenCalledOnce())
    const content = desktop.saveFile.mock.calls[0]?.[0].content
    const parsed = parseSessionFile(new TextDecoder().decode(content))
    expect(parsed).toMatchObject({ ok: true, value: { student: 'Аня', progress } })
  })

  it('a cancelled Save dialog says nothing; a refused write says why', async () => {
    const user = userEvent.setup()
    desktop.saveFile.mockResolvedValueOnce(ok({ path: null }))
    desktop.saveFile.mockResolvedValueOnce(
      fail({ code: 'FILE_FAILED', message: "EACCES: permission denied, open '/x.pcap'" }),
    )
    renderDesktop()
    await user.click(screen.getByRole('button', { name: 'Save session' }))
    await waitFor(() => expect(desktop.saveFile).toHaveBeenCalledTimes(1))
    expect(screen.queryByText(/^Saved /)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Export pcap' }))
    expect(
      await screen.findByText("Could not save: EACCES: permission denied, open '/x.pcap'"),
    ).toBeTruthy()
    expect(desktop.saveFile.mock.calls[1]?.[0].kind).toBe('pcap')
  })

  it('Open session uses the native dialog and shows the file read-only', async () => {
    const user = userEvent.setup()
    const saved = serializeSession({
      savedAt: Date.UTC(2025, 5, 1),
      platform: 'linux',
      listeners: [],
      connections: [],
    })
    desktop.openFile.mockResolvedValueOnce(
      ok({
        file: { name: 'урок.json', bytes: saved.length, content: new TextEncoder().encode(saved) },
      }),
    )
    renderDesktop()
    await user.click(screen.getByRole('button', { name: 'Open session' }))
    expect(await screen.findByText(/^Viewing a saved session: урок\.json/)).toBeTruthy()
    expect(desktop.openFile).toHaveBeenCalledWith({ kind: 'session' })
  })

  it('a file too large to read is explained, not opened', async () => {
    const user = userEvent.setup()
    desktop.openFile.mockResolvedValueOnce(
      ok({ file: { name: 'huge.json', bytes: 600_000_000, content: null } }),
    )
    renderDesktop()
    await user.click(screen.getByRole('button', { name: 'Open session' }))
    // 600,000,000 bytes are 572 MiB, over the 512 MiB a session file may be: refused unread.
    expect(
      await screen.findByText(
        /the file is too large \(572 MiB; a session file may be at most 512 MiB\)\. It was not read\./,
      ),
    ).toBeTruthy()
  })

  it('shows no sandbox warning while the sandbox is on', async () => {
    renderDesktop('ru')
    await waitFor(() => expect(desktop.info).toHaveBeenCalled())
    expect(screen.queryByText(/Песочница выключена/)).toBeNull()
  })

  it('copies through the main process: the page itself has no clipboard permission', async () => {
    const user = userEvent.setup()
    renderDesktop()
    await user.click(screen.getByRole('button', { name: 'Copy the Rust code' }))
    await waitFor(() => expect(desktop.copyText).toHaveBeenCalledOnce())
    expect(desktop.copyText.mock.calls[0]?.[0].text).toContain(
      'TcpListener::bind("127.0.0.1:7878")',
    )
  })

  it('shows the sandbox warning when the app was started with --no-sandbox', async () => {
    desktop = fakeDesktop(false)
    window.socketLabDesktop = desktop
    renderDesktop()
    expect((await screen.findByRole('alert', { name: '' })).textContent).toMatch(
      /^The sandbox is off: Socket Lab was started with --no-sandbox/,
    )
  })
})
