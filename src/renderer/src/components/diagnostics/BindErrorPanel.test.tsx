import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { BindFailure } from '../../../../shared/bind-failure'
import { fail, ok } from '../../../../shared/result'
import { fakeApi, makeBindFailure, makeListener, renderWith } from '../../test-utils'
import { ListenerCard } from '../listener'
import { BindErrorPanel } from './BindErrorPanel'

function panelText(failure: BindFailure, lang: 'en' | 'ru' = 'en'): string {
  renderWith(<BindErrorPanel failure={failure} onFix={vi.fn()} />, { lang })
  return screen.getByRole('alert').textContent ?? ''
}

const eacces = (
  platform: BindFailure['platform'],
  overrides: Partial<BindFailure> = {},
): BindFailure =>
  makeBindFailure({
    code: 'EACCES',
    rawCode: 'EACCES',
    port: 80,
    address: '127.0.0.1:80',
    message: 'listen EACCES: permission denied 127.0.0.1:80',
    platform,
    commands: [],
    fixes: [{ kind: 'use-port-0' }, { kind: 'use-port', port: 8080 }],
    rust: null,
    ...overrides,
  })

describe('BindErrorPanel', () => {
  it('shows the code, Node message, Linux explanation, commands and the Rust output (EADDRINUSE, linux)', () => {
    const text = panelText(makeBindFailure())
    expect(text).toContain('EADDRINUSE')
    expect(text).toContain('listen EADDRINUSE: address already in use 127.0.0.1:7878')
    expect(text).toContain('A live listener already holds 127.0.0.1:7878')
    expect(text).toContain('SO_REUSEADDR')
    expect(text).toContain('On Linux, 0.0.0.0:7878 and 127.0.0.1:7878 conflict')
    expect(text).toContain(':: dual-stack')
    expect(text).not.toContain('AirPlay')
    expect(screen.getByRole('heading', { name: 'Who holds this port?' })).toBeTruthy()
    const codes = screen.getAllByText(/ss -ltnp|lsof -nP/, { selector: 'code' })
    expect(codes.map((c) => c.textContent)).toEqual([
      "ss -ltnp 'sport = :7878'",
      'lsof -nP -iTCP:7878 -sTCP:LISTEN',
    ])
    expect(screen.getByText('TcpListener::bind("127.0.0.1:7878")')).toBeTruthy()
    const pre = screen.getByText(/panicked at/, { selector: 'pre' })
    expect(pre.textContent).toBe(
      'thread \'main\' panicked at src/main.rs:4:55:\ncalled `Result::unwrap()` on an `Err` value: Os { code: 98, kind: AddrInUse, message: "Address already in use" }',
    )
    // Newer compilers add the thread id: said once, under the output, not mixed into it.
    expect(pre.nextElementSibling?.textContent).toBe(
      "Rust 1.91 and later also print the thread's id: thread 'main' (12345) panicked at …",
    )
  })

  it('EADDRINUSE on macOS mentions AirPlay and not the Linux-only conflict', () => {
    const text = panelText(
      makeBindFailure({ platform: 'darwin', port: 5000, address: '127.0.0.1:5000' }),
    )
    expect(text).toContain('What it means on macOS')
    expect(text).toContain('AirPlay Receiver')
    expect(text).not.toContain('On Linux')
  })

  it('EADDRINUSE on Windows makes no SO_REUSEADDR claim', () => {
    const text = panelText(
      makeBindFailure({ platform: 'win32', commands: ['netstat -ano | findstr :7878'] }),
    )
    expect(text).toContain('What it means on Windows')
    expect(text).toContain('A live listener already holds')
    expect(text).not.toContain('SO_REUSEADDR')
    expect(screen.getByText('netstat -ano | findstr :7878', { selector: 'code' })).toBeTruthy()
  })

  it('EACCES on Linux names the threshold, CAP_NET_BIND_SERVICE, 127.0.0.1 and containers', () => {
    const text = panelText(eacces('linux'))
    expect(text).toContain('ports below 1024 need root or the CAP_NET_BIND_SERVICE capability')
    expect(text).toContain('This applies to 127.0.0.1 too')
    expect(text).toContain(
      "This machine's threshold (/proc/sys/net/ipv4/ip_unprivileged_port_start) is 1024",
    )
    expect(text).toContain('set this threshold to 0')
    expect(text).toContain('true on Linux by default, false on Windows, and half true on macOS')
    expect(text).toContain('cannot be told for this OS and this case')
  })

  it('EACCES on Linux with an unreadable threshold says 1024 is the default', () => {
    const base = eacces('linux')
    const text = panelText({ ...base, facts: { ...base.facts, unprivilegedPortStart: null } })
    expect(text).toContain('ports below 1024 need root')
    expect(text).toContain('1024 is the default')
  })

  it('EACCES on macOS: only the wildcard may use low ports', () => {
    const text = panelText(eacces('darwin'))
    expect(text).toContain('only on the wildcard 0.0.0.0 or ::')
    expect(text).toContain(
      'On 127.0.0.1, ::1 or a LAN address a port below 1024 still fails with EACCES',
    )
  })

  it('EACCES on Windows: no privileged ports, excluded ranges, winnat', () => {
    const text = panelText(
      eacces('win32', { commands: ['netsh interface ipv4 show excludedportrange protocol=tcp'] }),
    )
    expect(text).toContain('Windows has no privileged ports')
    expect(text).toContain('Hyper-V, WSL2, Docker or WinNAT')
    expect(text).toContain('netstat shows nothing for such a port')
    for (const cmd of [
      'net stop winnat',
      'net start winnat',
      'netsh interface ipv4 show excludedportrange protocol=tcp',
    ])
      expect(screen.getByText(cmd, { selector: 'code' })).toBeTruthy()
  })

  it('ENOTFOUND with brackets says to type the address without them', () => {
    const text = panelText(
      makeBindFailure({
        code: 'ENOTFOUND',
        rawCode: 'ENOTFOUND',
        host: '[::1]',
        address: '[::1]:7878',
        message: 'getaddrinfo ENOTFOUND [::1]',
        facts: {
          unprivilegedPortStart: 1024,
          isWildcard: false,
          isLoopback: false,
          hostHasBrackets: true,
          isRoot: false,
        },
        commands: [],
        fixes: [{ kind: 'use-host', host: '::1' }],
      }),
    )
    expect(text).toContain('The host name [::1] does not resolve')
    expect(text).toContain('Type ::1 without brackets')
    expect(screen.getByRole('button', { name: 'Use ::1' })).toBeTruthy()
  })

  it('OTHER shows the raw code', () => {
    const text = panelText(
      makeBindFailure({ code: 'OTHER', rawCode: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN x' }),
    )
    expect(text).toContain('Node reported EAI_AGAIN')
    expect(text).toContain('getaddrinfo EAI_AGAIN x')
  })

  it('is translated, while the code, message and Rust lines stay as they are', () => {
    const text = panelText(makeBindFailure(), 'ru')
    expect(text).toContain('Что это значит в Linux')
    expect(text).toContain('listen EADDRINUSE: address already in use 127.0.0.1:7878')
    expect(text).toContain('Os { code: 98, kind: AddrInUse')
    const pre = screen.getByText(/panicked at/, { selector: 'pre' })
    expect(pre.nextElementSibling?.textContent).toBe(
      "Rust 1.91 и новее печатает и номер потока: thread 'main' (12345) panicked at …",
    )
    expect(screen.getByRole('button', { name: 'Взять порт 0' })).toBeTruthy()
  })

  it.each([
    ['Use port 0', { port: 0 }],
    ['Use port 7879', { port: 7879 }],
  ])('"%s" updates the listener, then starts it', async (name, change) => {
    const user = userEvent.setup()
    const api = fakeApi()
    api.startListener.mockResolvedValueOnce(
      fail({ code: 'BIND_FAILED', message: 'x', bind: makeBindFailure() }),
    )
    renderWith(<ListenerCard listener={makeListener()} />, { api })
    const card = within(screen.getByRole('region', { name: 'Listener 1' }))
    await user.click(card.getByRole('button', { name: 'Start listening' }))
    const alert = await card.findByRole('alert')
    await user.click(within(alert).getByRole('button', { name }))
    await waitFor(() => expect(api.startListener).toHaveBeenCalledTimes(2))
    expect(api.updateListener).toHaveBeenLastCalledWith({ listenerId: 'l1', ...change })
    expect(Math.max(...api.updateListener.mock.invocationCallOrder)).toBeLessThan(
      api.startListener.mock.invocationCallOrder[1]!,
    )
    await waitFor(() => expect(card.queryByRole('alert')).toBeNull())
  })

  it('EADDRINUSE: "Who holds this port?" asks the engine and shows the holder', async () => {
    const api = fakeApi()
    api.whoHolds.mockResolvedValue(
      ok({
        port: 7878,
        platform: 'linux',
        outcome: 'found',
        holders: [
          { localAddress: '127.0.0.1:7878', pid: 4242, processName: 'node', isSelf: false },
        ],
        seesAllProcesses: true,
        isRoot: false,
        runs: [],
      }),
    )
    renderWith(<BindErrorPanel failure={makeBindFailure()} onFix={vi.fn()} />, { api })
    expect(screen.queryByRole('button', { name: 'Check excluded port ranges' })).toBeNull()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Who holds this port?' }))
    expect(api.whoHolds).toHaveBeenCalledWith({ port: 7878 })
    expect(await screen.findByText('node, PID 4242, listening on 127.0.0.1:7878')).toBeTruthy()
  })

  it('EACCES: the excluded-ranges check on Windows only, no who-holds button', () => {
    renderWith(<BindErrorPanel failure={eacces('win32')} onFix={vi.fn()} />)
    expect(screen.getByRole('button', { name: 'Check excluded port ranges' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Who holds this port?' })).toBeNull()
  })

  it('EACCES on Linux: no excluded-ranges check', () => {
    renderWith(<BindErrorPanel failure={eacces('linux')} onFix={vi.fn()} />)
    expect(screen.queryByRole('button', { name: 'Check excluded port ranges' })).toBeNull()
  })

  it('"Use 127.0.0.1" sets the host, then starts', async () => {
    const user = userEvent.setup()
    const onFix = vi.fn()
    renderWith(
      <BindErrorPanel
        failure={makeBindFailure({ fixes: [{ kind: 'use-host', host: '127.0.0.1' }] })}
        onFix={onFix}
      />,
    )
    await user.click(screen.getByRole('button', { name: 'Use 127.0.0.1' }))
    expect(onFix).toHaveBeenCalledWith({ kind: 'use-host', host: '127.0.0.1' })
  })
})
