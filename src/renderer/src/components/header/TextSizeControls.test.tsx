import { act, fireEvent, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_FONT_SCALE } from '../../../../shared/settings'
import { PROJECTOR_BOOST } from '../../font-scale'
import { useApplySettings } from '../../hooks/use-apply-settings'
import { renderWith } from '../../test-utils'
import { ProjectorToggle } from './ProjectorToggle'
import { TextSizeControls } from './TextSizeControls'

/** The header's display controls, with the settings applied to the page as App does. */
function Display() {
  useApplySettings()
  return (
    <>
      <TextSizeControls />
      <ProjectorToggle />
    </>
  )
}

const root = document.documentElement

afterEach(() => {
  root.style.removeProperty('--app-zoom')
  delete root.dataset.projector
})

describe('text size and projector mode', () => {
  it('A+ and A− change the text size by 10%, save it and zoom the page', async () => {
    const user = userEvent.setup()
    const { api } = renderWith(<Display />)
    const group = screen.getByRole('group', { name: 'Text size' })
    expect(group).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Text size 100%: reset' })).toBeTruthy()
    expect(root.style.getPropertyValue('--app-zoom')).toBe('1')

    await user.click(screen.getByRole('button', { name: 'A+ Larger text' }))
    await user.click(screen.getByRole('button', { name: 'A+ Larger text' }))
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontScale: 1.2 })
    expect(screen.getByRole('button', { name: 'Text size 120%: reset' }).textContent).toBe('120%')
    expect(root.style.getPropertyValue('--app-zoom')).toBe('1.2')

    await user.click(screen.getByRole('button', { name: 'A− Smaller text' }))
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontScale: 1.1 })
    await user.click(screen.getByRole('button', { name: 'Text size 110%: reset' }))
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontScale: 1 })
    expect(root.style.getPropertyValue('--app-zoom')).toBe('1')
  })

  it('answers Ctrl +, Ctrl − and Ctrl 0 anywhere on the page, instead of the browser', async () => {
    const { api } = renderWith(<Display />)
    const press = (key: string, code: string): boolean =>
      fireEvent.keyDown(document.body, { key, code, ctrlKey: true })
    let isDefault = true
    await act(async () => {
      isDefault = press('=', 'Equal')
    })
    expect(isDefault).toBe(false)
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontScale: 1.1 })
    await act(async () => void press('+', 'NumpadAdd'))
    expect(screen.getByRole('button', { name: 'Text size 120%: reset' })).toBeTruthy()
    await act(async () => void press('-', 'Minus'))
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontScale: 1.1 })
    await act(async () => void press('0', 'Digit0'))
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontScale: 1 })
    // Without Ctrl the keys are the page's (typing in a field).
    const calls = api.setSettings.mock.calls.length
    fireEvent.keyDown(document.body, { key: '=', code: 'Equal' })
    expect(api.setSettings.mock.calls.length).toBe(calls)
  })

  it('stops at the largest size', async () => {
    const user = userEvent.setup()
    const { api, store } = renderWith(<Display />)
    act(() =>
      store.dispatch({ type: 'settings-changed', patch: { fontScale: MAX_FONT_SCALE - 0.1 } }),
    )
    const larger = screen.getByRole('button', { name: 'A+ Larger text' })
    await user.click(larger)
    expect(api.setSettings).toHaveBeenLastCalledWith({ fontScale: MAX_FONT_SCALE })
    expect((larger as HTMLButtonElement).disabled).toBe(true)
  })

  it('projector mode: a pressed toggle, saved, a larger zoom and the projector layout', async () => {
    const user = userEvent.setup()
    const { api } = renderWith(<Display />)
    const toggle = screen.getByRole('button', { name: 'Projector' })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    expect('projector' in root.dataset).toBe(false)

    await user.click(toggle)
    expect(api.setSettings).toHaveBeenLastCalledWith({ isProjector: true })
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect('projector' in root.dataset).toBe(true)
    expect(root.style.getPropertyValue('--app-zoom')).toBe(String(PROJECTOR_BOOST))
    const percent = Math.round(PROJECTOR_BOOST * 100)
    expect(screen.getByRole('button', { name: `Text size ${percent}%: reset` })).toBeTruthy()

    await user.click(toggle)
    expect(api.setSettings).toHaveBeenLastCalledWith({ isProjector: false })
    expect('projector' in root.dataset).toBe(false)
  })

  it('is named in Russian', () => {
    renderWith(<Display />, { lang: 'ru' })
    expect(screen.getByRole('group', { name: 'Размер текста' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'A− Уменьшить текст' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'A+ Увеличить текст' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Размер текста 100%: сбросить' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Проектор' })).toBeTruthy()
  })
})
