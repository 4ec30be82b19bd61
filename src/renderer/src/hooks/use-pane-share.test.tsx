import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_PANES } from '../../../shared/settings'
import { StoreProvider } from '../state/StoreContext'
import { fakeApi, makeSnapshot, storeWith } from '../test-utils'
import { PANE_SAVE_DELAY_MS, usePaneShare } from './use-pane-share'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup() {
  const api = fakeApi()
  const store = storeWith(makeSnapshot())
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StoreProvider store={store} api={api}>
      {children}
    </StoreProvider>
  )
  const hook = renderHook(() => usePaneShare('side'), { wrapper })
  return { api, store, hook }
}

describe('usePaneShare', () => {
  it('follows each move at once and saves once, when the splitter is still', () => {
    const { api, store, hook } = setup()
    expect(hook.result.current[0]).toBe(DEFAULT_PANES.side)
    for (const share of [0.3, 0.31, 0.32]) act(() => hook.result.current[1](share))
    expect(hook.result.current[0]).toBe(0.32)
    expect(store.getState().settings.panes).toEqual({ ...DEFAULT_PANES, side: 0.32 })
    expect(api.setSettings).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(PANE_SAVE_DELAY_MS))
    expect(api.setSettings).toHaveBeenCalledTimes(1)
    expect(api.setSettings).toHaveBeenCalledWith({ panes: { ...DEFAULT_PANES, side: 0.32 } })
  })

  it('saves a pending share when the view goes away', () => {
    const { api, hook } = setup()
    act(() => hook.result.current[1](0.4))
    hook.unmount()
    expect(api.setSettings).toHaveBeenCalledWith({ panes: { ...DEFAULT_PANES, side: 0.4 } })
    act(() => vi.advanceTimersByTime(PANE_SAVE_DELAY_MS))
    expect(api.setSettings).toHaveBeenCalledTimes(1)
  })

  it('saves a pending share as the page hides (a reload does not unmount)', () => {
    const { api, hook } = setup()
    act(() => hook.result.current[1](0.45))
    window.dispatchEvent(new Event('pagehide'))
    expect(api.setSettings).toHaveBeenCalledWith({ panes: { ...DEFAULT_PANES, side: 0.45 } })
    hook.unmount()
    expect(api.setSettings).toHaveBeenCalledTimes(1)
  })
})
