import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ToolRun, WhoHoldsReport } from '../../../../shared/diagnostics-types'
import { fail, ok } from '../../../../shared/result'
import { fakeApi, renderWith } from '../../test-utils'
import { WhoHoldsPort } from './WhoHoldsPort'

const ssRun = (output: string): ToolRun => ({
  command: "ss -ltnpH 'sport = :7878'",
  status: 'exited',
  exitCode: 0,
  output,
  isTruncated: false,
  error: null,
})

function report(overrides: Partial<WhoHoldsReport>): WhoHoldsReport {
  return {
    port: 7878,
    platform: 'linux',
    outcome: 'found',
    holders: [],
    seesAllProcesses: true,
    isRoot: false,
    runs: [ssRun('')],
    ...overrides,
  }
}

async function ask(value: WhoHoldsReport, lang: 'en' | 'ru' = 'en'): Promise<string> {
  const api = fakeApi()
  api.whoHolds.mockResolvedValue(ok(value))
  renderWith(<WhoHoldsPort port={7878} />, { api, lang })
  const name = lang === 'en' ? 'Who holds this port?' : 'Кто занял этот порт?'
  await userEvent.setup().click(screen.getByRole('button', { name }))
  expect(api.whoHolds).toHaveBeenCalledWith({ port: 7878 })
  await screen.findAllByText(/./, { selector: '.diagnostics-answer > p:not(.muted)' })
  return document.querySelector('.diagnostics-answer')?.textContent ?? ''
}

describe('WhoHoldsPort', () => {
  it('shows each holder: name, PID, address; marks Socket Lab itself', async () => {
    const text = await ask(
      report({
        holders: [
          { localAddress: '127.0.0.1:7878', pid: 4242, processName: 'node', isSelf: false },
          { localAddress: '[::]:7878', pid: 77, processName: 'socketlab', isSelf: true },
        ],
        runs: [ssRun('LISTEN 0 511 127.0.0.1:7878 0.0.0.0:* users:(("node",pid=4242,fd=19))')],
      }),
    )
    expect(text).toContain('The OS lists 2 listening sockets on port 7878:')
    const items = screen.getAllByRole('listitem').map((li) => li.textContent)
    expect(items).toEqual([
      'node, PID 4242, listening on 127.0.0.1:7878',
      'socketlab, PID 77, listening on [::]:7878 — this is Socket Lab itself (another of its listeners)',
    ])
    // The command and its raw output, untranslated, behind a disclosure.
    const details = screen.getByText('What ran and what it printed').closest('details')!
    expect(within(details).getByText("ss -ltnpH 'sport = :7878'")).toBeTruthy()
    expect(details.textContent).toContain('users:(("node",pid=4242,fd=19))')
    expect(details.textContent).toContain('exit code 0')
    // A screen reader hears the answer, not the tool's raw output.
    expect(details.closest('[aria-live]')).toBeNull()
  })

  it('a socket without a process: says the OS did not tell, and why (not root)', async () => {
    const text = await ask(
      report({
        holders: [{ localAddress: '0.0.0.0:7878', pid: null, processName: null, isSelf: false }],
      }),
    )
    expect(text).toContain('A listener on 0.0.0.0:7878: the OS did not say which process')
    expect(text).toContain('Without root rights, ss shows the process only for your own sockets')
  })

  it('nobody, with a tool that sees everyone vs lsof without root', async () => {
    expect(await ask(report({ outcome: 'nobody' }))).toContain('Nobody listens on port 7878 now.')
  })

  it('lsof without root: "nobody" is not certain', async () => {
    const text = await ask(report({ outcome: 'nobody', seesAllProcesses: false }))
    expect(text).toContain('among the processes it can see')
    expect(text).not.toContain('Nobody listens')
  })

  it.each([
    ['tool-missing', 'Not found here: ss, lsof. Socket Lab cannot tell.'],
    ['timeout', 'The command did not finish within 3 s. Socket Lab cannot tell.'],
    ['failed', 'The command failed. Socket Lab cannot tell; its output is below.'],
  ] as const)('%s is said plainly', async (outcome, message) => {
    const runs: ToolRun[] = [
      { ...ssRun(''), status: 'missing', exitCode: null },
      { ...ssRun(''), command: 'lsof -nP -iTCP:7878 -sTCP:LISTEN', status: 'missing' },
    ]
    const text = await ask(report({ outcome, runs }))
    expect(text).toContain(message)
  })

  it('an engine error is a message, not a crash', async () => {
    const api = fakeApi()
    api.whoHolds.mockResolvedValue(fail({ code: 'INTERNAL', message: 'boom' }))
    renderWith(<WhoHoldsPort port={7878} />, { api })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Who holds this port?' }))
    expect(await screen.findByText(/Socket Lab could not run the check/)).toBeTruthy()
  })

  it('speaks Russian', async () => {
    const text = await ask(
      report({
        holders: [{ localAddress: '127.0.0.1:7878', pid: 5, processName: 'node', isSelf: false }],
      }),
      'ru',
    )
    expect(text).toContain('ОС показывает 1 слушающий сокет на порту 7878:')
    expect(text).toContain('node, PID 5, слушает 127.0.0.1:7878')
  })
})
