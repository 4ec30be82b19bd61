/**
 * The pane beside the workspace: the lesson above the event log (and the client), with a splitter
 * between them; in projector mode the two stand side by side. The lesson stays mounted whatever
 * the layout, since it counts checkpoints from the events it sees.
 */
import { useRef, type CSSProperties, type ReactNode } from 'react'
import { PANE_SHARES } from '../../../../shared/settings'
import { usePaneShare } from '../../hooks/use-pane-share'
import { useI18n } from '../../i18n/context'
import { Splitter } from '../ui'

/** The pane's element id: the splitter beside it names it as what it resizes. */
export const LESSON_PANE_ID = 'lesson-pane'

export interface LessonPaneProps {
  /** The lesson; null while a saved session is shown (the log then has the pane). */
  lesson: ReactNode | null
  /** The event log, or the tabs that hold it. */
  side: ReactNode
  /** Lesson and log side by side (projector mode) instead of one above the other. */
  isSideBySide: boolean
}

/** `<div class="lesson-pane">`: the lesson, a splitter, the log. */
export function LessonPane({ lesson, side, isSideBySide }: LessonPaneProps): ReactNode {
  const { t } = useI18n()
  const ref = useRef<HTMLDivElement>(null)
  const [stacked, setStacked] = usePaneShare('lesson')
  const [sideBySide, setSideBySide] = usePaneShare('lessonSideBySide')
  const share = isSideBySide ? sideBySide : stacked
  const limits = PANE_SHARES[isSideBySide ? 'lessonSideBySide' : 'lesson']
  const style = { '--lesson-share': String(share) } as CSSProperties
  return (
    <div
      ref={ref}
      id={LESSON_PANE_ID}
      className={`lesson-pane${isSideBySide ? ' side-by-side' : ''}${lesson ? '' : ' no-lesson'}`}
      style={style}
    >
      {lesson && (
        <>
          <div className="lesson-slot" id="lesson-slot">
            {lesson}
          </div>
          <Splitter
            orientation={isSideBySide ? 'vertical' : 'horizontal'}
            label={t(isSideBySide ? 'workspace.split.lessonWidth' : 'workspace.split.lessonHeight')}
            controls="lesson-slot"
            containerRef={ref}
            share={share}
            min={limits.min}
            max={limits.max}
            defaultShare={limits.initial}
            onChange={isSideBySide ? setSideBySide : setStacked}
          />
        </>
      )}
      <div className="side-slot">{side}</div>
    </div>
  )
}
