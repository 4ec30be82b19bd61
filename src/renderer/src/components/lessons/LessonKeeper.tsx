/**
 * Keeps the lesson progress current while the live app runs, whether or not the lesson is in
 * view: see useLessonKeeper. Renders nothing.
 */
import { useLessonKeeper } from '../../lessons/use-lesson'

/** Mount once, inside the live app's StoreProvider. */
export function LessonKeeper(): null {
  useLessonKeeper()
  return null
}
