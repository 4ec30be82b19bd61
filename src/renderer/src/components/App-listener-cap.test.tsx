import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MAX_LISTENERS } from '../../../shared/contract'
import { fakeApi, makeListener, makeSnapshot, renderWith, storeWith } from '../test-utils'
import { App } from './App'

function snapshotWith(count: number) {
  return makeSnapshot({
    listeners: Array.from({ length: count }, (_, i) =>
      makeListener({
        id: `L${i + 1}`,
        number: i + 1,
        settings: { ...makeListener().settings, port: 20_000 + i },
      }),
    ),
  })
}

describe('App at the most listeners an engine holds', () => {
  it(`offers no more than ${MAX_LISTENERS} listeners, and says why`, () => {
    const full = snapshotWith(MAX_LISTENERS)
    renderWith(<App />, { api: fakeApi(full), store: storeWith(full) })
    const add = screen.getByRole<HTMLButtonElement>('button', { name: 'Add listener' })
    expect(add.disabled).toBe(true)
    expect(
      screen.getByText(`At most ${MAX_LISTENERS} listeners: remove one to add another.`),
    ).toBeTruthy()
  })

  it('says it in Russian', () => {
    const full = snapshotWith(MAX_LISTENERS)
    renderWith(<App />, { api: fakeApi(full), store: storeWith(full), lang: 'ru' })
    const text = `Не больше ${MAX_LISTENERS} слушателей: удалите одного, чтобы добавить другого.`
    expect(screen.getByText(text)).toBeTruthy()
  })
})
