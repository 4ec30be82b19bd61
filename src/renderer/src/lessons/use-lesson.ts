/**
 * The lesson's progress in the one store: a keeper that records ticks as the checkpoints'
 * selectors find them, and the actions the lesson panel offers. Both save through the settings.
 */
import { useCallback, useEffect, useMemo } from 'react'
import type { StageId } from '../../../shared/lesson-progress'
import type { SettingsPatch } from '../../../shared/settings'
import type { AppState } from '../state/app-state'
import { selectConnections, selectListeners, selectLog } from '../state/selectors'
import { saveSettings } from '../state/settings-sync'
import { useApi, useAppState, useStore } from '../state/StoreContext'
import { checkpointTicks } from './checkpoints'
import { checkpointsOf, openStage, resetAll, resetStage, withTicks } from './progress'

const selectProgress = (s: AppState): AppState['settings']['progress'] => s.settings.progress
const selectTrail = (s: AppState): AppState['trail'] => s.trail
const NO_CONNECTIONS: AppState['connections'] = []
const selectNone = (): AppState['connections'] => NO_CONNECTIONS
/** The engine's state and the saved settings are both in: only then may progress be written. */
const selectIsReady = (s: AppState): boolean => s.isLoaded && s.settingsStatus !== 'loading'

/**
 * Records the open stage's new ticks in the progress (and opens it the first time, counting from
 * the latest event seen). Mounted once in the live app, so ticks are kept even while the lesson
 * is out of view.
 */
export function useLessonKeeper(): void {
  const api = useApi()
  const store = useStore()
  const progress = useAppState(selectProgress)
  const log = useAppState(selectLog)
  const trail = useAppState(selectTrail)
  const listeners = useAppState(selectListeners)
  // Only the own server's stage reads the connections: they change with every read and write.
  const connections = useAppState(
    checkpointsOf(progress.stageId).includes('response-clean') ? selectConnections : selectNone,
  )
  const isReady = useAppState(selectIsReady)
  const since = progress.stages[progress.stageId]?.since
  const ticks = useMemo(
    () =>
      since === undefined ? null : checkpointTicks({ log, trail, listeners, connections }, since),
    [log, trail, listeners, connections, since],
  )
  useEffect(() => {
    if (!isReady) return
    // An effect runs after the paint: a stage opened in between (a click) is in the store, not in
    // this render. Saving from this render would put the old stage back; the click's own render
    // comes next and saves from there.
    if (store.getState().settings.progress !== progress) return
    const next =
      ticks === null
        ? openStage(progress, progress.stageId, store.getState().lastEventAt)
        : withTicks(progress, progress.stageId, ticks)
    if (next !== progress) void saveSettings(api, store, { progress: next })
  }, [api, store, isReady, progress, ticks])
}

export interface LessonActions {
  open(stageId: StageId): void
  reset(stageId: StageId): void
  resetAll(): void
}

/** Opening and resetting stages: each counts from the latest event the app has seen. */
export function useLessonActions(): LessonActions {
  const api = useApi()
  const store = useStore()
  const save = useCallback(
    (patch: SettingsPatch) => void saveSettings(api, store, patch),
    [api, store],
  )
  return useMemo(() => {
    const now = (): number => store.getState().lastEventAt
    const progress = () => store.getState().settings.progress
    return {
      open: (stageId) => save({ progress: openStage(progress(), stageId, now()) }),
      reset: (stageId) => save({ progress: resetStage(progress(), stageId, now()) }),
      resetAll: () => save({ progress: resetAll(progress(), now()) }),
    }
  }, [save, store])
}
