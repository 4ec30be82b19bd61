/**
 * The lesson panel's own state: the open stage and each stage's progress, fed by the engine's
 * event batches. Only the open stage learns from events; the others keep what they had.
 */
import type { EngineEvent, ListenerSnapshot } from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import { NO_FACTS, observe, worldOf, type Facts, type World } from './observe'
import { stageById, type StageId } from './stages'

export interface LessonState {
  stageId: StageId
  world: World
  /** Each stage's facts since it was first opened or last reset. */
  facts: Readonly<Partial<Record<StageId, Facts>>>
}

export type LessonAction =
  | { type: 'open'; stageId: StageId }
  | { type: 'reset'; stageId: StageId }
  | { type: 'events'; events: readonly EngineEvent[] }
  /** Listeners the lesson has not seen (added before it followed the events). */
  | { type: 'listeners'; listeners: readonly ListenerSnapshot[] }

/** The lesson before any event: the first stage open, these listeners known. */
export function initialLesson(
  listeners: readonly ListenerSnapshot[],
  stageId: StageId = 'connect',
): LessonState {
  return { stageId, world: worldOf(listeners), facts: { [stageId]: NO_FACTS } }
}

/** The open stage's facts (none yet: {@link NO_FACTS}). */
export function factsOf(state: LessonState, stageId: StageId = state.stageId): Facts {
  return state.facts[stageId] ?? NO_FACTS
}

/** The lesson after `action`. */
export function lessonReducer(state: LessonState, action: LessonAction): LessonState {
  switch (action.type) {
    case 'open':
      return {
        ...state,
        stageId: action.stageId,
        facts: { ...state.facts, [action.stageId]: factsOf(state, action.stageId) },
      }
    case 'reset':
      return { ...state, facts: { ...state.facts, [action.stageId]: NO_FACTS } }
    case 'events': {
      const stage = stageById(state.stageId)
      let observed = { world: state.world, facts: factsOf(state) }
      for (const event of action.events) observed = observe(observed, event, stage.matches)
      if (observed.world === state.world && observed.facts === factsOf(state)) return state
      return {
        ...state,
        world: observed.world,
        facts: { ...state.facts, [state.stageId]: observed.facts },
      }
    }
    case 'listeners': {
      const unknown = action.listeners.filter((l) => state.world.listeners[l.id] === undefined)
      if (unknown.length === 0) return state
      const added = worldOf(unknown)
      return {
        ...state,
        world: {
          ...state.world,
          listeners: { ...state.world.listeners, ...added.listeners },
          busy: { ...state.world.busy, ...added.busy },
          queued: { ...state.world.queued, ...added.queued },
        },
      }
    }
    default:
      return assertNever(action)
  }
}
