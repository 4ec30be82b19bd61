import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ExcludedPortsReport } from '../../../../shared/diagnostics-types'
import { ok } from '../../../../shared/result'
import { fakeApi, renderWith } from '../../test-utils'
import { ExcludedPorts } from './ExcludedPorts'

const range = { family: 'ipv4' as const, start: 7800, end: 7899, isAdministered: false }

async function ask(value: Partial<ExcludedPortsReport>, lang: 'en' | 'ru' = 'en'): Promise<string> {
  const api = fakeApi()
  api.excludedPorts.mockResolvedValue(
    ok({
      port: 7878,
      platform: 'win32',
      outcome: 'not-in-range',
      ranges: [],
      matches: [],
      runs: [],
      ...value,
    }),
  )
  renderWith(<ExcludedPorts port={7878} />, { api, lang })
  const name =
    lang === 'en' ? 'Check excluded port ranges' : 'Проверить исключённые диапазоны портов'
  await userEvent.setup().click(screen.getByRole('button', { name }))
  expect(api.excludedPorts).toHaveBeenCalledWith({ port: 7878 })
  const answer = document.querySelector('.diagnostics-answer')!
  await screen.findAllByText(/./, { selector: '.diagnostics-answer > p:not(.muted)' })
  return answer.textContent ?? ''
}

describe('ExcludedPorts', () => {
  it('the port in a range: names the range and the fix', async () => {
    const text = await ask({
      outcome: 'in-range',
      ranges: [range, { ...range, start: 50000, end: 50059, isAdministered: true }],
      matches: [range],
    })
    expect(text).toContain('Port 7878 lies in a range Windows has excluded: 7800–7899 (ipv4)')
    expect(text).toContain('Hyper-V, WSL2, Docker or WinNAT')
    expect(text).toContain('net stop winnat')
  })

  it('not in any range', async () => {
    const text = await ask({ ranges: [range, range] })
    expect(text).toContain('Port 7878 is not in any of the 2 excluded ranges listed')
  })

  it('off Windows it says the check is for Windows only', async () => {
    const text = await ask({ outcome: 'not-windows', platform: 'linux' })
    expect(text).toContain('Excluded port ranges are a Windows thing')
  })

  it('netsh missing', async () => {
    expect(await ask({ outcome: 'tool-missing' })).toContain('Not found here: netsh.')
  })

  it('speaks Russian', async () => {
    const text = await ask({ outcome: 'in-range', ranges: [range], matches: [range] }, 'ru')
    expect(text).toContain('Порт 7878 входит в диапазон, исключённый Windows: 7800–7899 (ipv4)')
  })
})
