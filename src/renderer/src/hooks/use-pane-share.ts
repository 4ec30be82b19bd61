/**
 * A splitter's share, kept with the settings so the window is divided as the user left it after
 * a reload or a restart. The store changes at once (the panes follow the pointer); the file is
 * written once the splitter has been still for a moment, and before the view goes away.
 */
import { useCallback, useEffect, useRef } from 'react'
import type { PaneShares } from '../../../shared/settings'
import { saveSettings } from '../state/settings-sync'
import { useApi, useAppState, useStore } from '../state/StoreContext'

/** How long a splitter stays still before its share is saved. */
export const PANE_SAVE_DELAY_MS = 400

export function usePaneShare(key: keyof PaneShares): [number, (share: number) => void] {
  const api = useApi()
  const store = useStore()
  const share = useAppState((s) => s.settings.panes[key])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const save = useCallback((): void => {
    timer.current = null
    void saveSettings(api, store, { panes: store.getState().settings.panes })
  }, [api, store])

  useEffect(() => {
    const flush = (): void => {
      if (timer.current === null) return
      clearTimeout(timer.current)
      save()
    }
    // A reload or a closed window does not unmount: the pending share goes out as the page hides.
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [save])

  const set = useCallback(
    (next: number): void => {
      const panes = { ...store.getState().settings.panes, [key]: next }
      store.dispatch({ type: 'settings-changed', patch: { panes } })
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = setTimeout(save, PANE_SAVE_DELAY_MS)
    },
    [key, save, store],
  )
  return [share, set]
}
