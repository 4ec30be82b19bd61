import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeApi, makeSnapshot, renderWith, storeWith } from '../test-utils'
import { App } from './App'

const snapshot = makeSnapshot()

afterEach(() => {
  document.documentElement.style.removeProperty('--app-zoom')
  delete document.documentElement.dataset.projector
})

/** The element with the lesson pane's layout around `el`. */
const paneOf = (el: HTMLElement): HTMLElement | null => el.closest('.lesson-pane')

describe('App layout', () => {
  it('gives the lesson a pane of its own beside the workspace, above the event log', () => {
    renderWith(<App />, { api: fakeApi(snapshot), store: storeWith(snapshot) })
    const lesson = screen.getByRole('region', { name: 'Lesson' })
    const log = screen.getByRole('region', { name: 'Event log' })
    const listeners = screen.getByRole('complementary', { name: 'Listeners' })
    expect(paneOf(lesson)).not.toBeNull()
    expect(paneOf(log)).toBe(paneOf(lesson))
    expect(screen.getByRole('tab', { name: 'Client' })).toBeTruthy()
    // Not under the listener cards any more.
    expect(listeners.contains(lesson)).toBe(false)
    const width = screen.getByRole('separator', { name: 'Width of the lesson pane' })
    expect(width.getAttribute('aria-controls')).toBe(paneOf(lesson)?.id)
    const height = screen.getByRole('separator', {
      name: 'Height of the lesson above the event log',
    })
    expect(height.getAttribute('aria-orientation')).toBe('horizontal')
    expect(within(paneOf(lesson)!).getByRole('separator')).toBe(height)
  })

  it('in projector mode sets the lesson and the log side by side', () => {
    const { store } = renderWith(<App />, { api: fakeApi(snapshot), store: storeWith(snapshot) })
    act(() => store.dispatch({ type: 'settings-changed', patch: { isProjector: true } }))
    const lesson = screen.getByRole('region', { name: 'Lesson' })
    expect(paneOf(lesson)?.classList.contains('side-by-side')).toBe(true)
    expect(lesson.closest('.layout')?.classList.contains('layout-projector')).toBe(true)
    const split = screen.getByRole('separator', {
      name: 'Width of the lesson beside the event log',
    })
    expect(split.getAttribute('aria-orientation')).toBe('vertical')
    expect(screen.queryByRole('separator', { name: 'Width of the lesson pane' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Projector' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
  })

  it('names the new controls in Russian', () => {
    renderWith(<App />, { api: fakeApi(snapshot), store: storeWith(snapshot), lang: 'ru' })
    expect(screen.getByRole('separator', { name: 'Ширина панели урока' })).toBeTruthy()
    expect(
      screen.getByRole('separator', { name: 'Высота урока над журналом событий' }),
    ).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Размер текста' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Проектор' })).toBeTruthy()
  })

  it('shows a saved session with the event log alone in the pane', () => {
    renderWith(
      <App session={{ file: 'class.json', savedAt: Date.UTC(2025, 0, 1), onBack: () => {} }} />,
      { api: fakeApi(snapshot), store: storeWith(snapshot) },
    )
    expect(screen.queryByRole('region', { name: 'Lesson' })).toBeNull()
    const log = screen.getByRole('region', { name: 'Event log' })
    expect(paneOf(log)?.classList.contains('no-lesson')).toBe(true)
    expect(screen.queryByRole('separator', { name: /above the event log/ })).toBeNull()
  })
})
