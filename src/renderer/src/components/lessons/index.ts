/**
 * The lesson: the chapter's stages and checkpoints, their set-up, the progress export, the pane it
 * shares with the log and the client, and the first-run strip that leads into it.
 */
export { FirstRunStrip } from './FirstRunStrip'
export { LessonKeeper } from './LessonKeeper'
export { LESSON_PANE_ID, LessonPane, type LessonPaneProps } from './LessonPane'
export { LESSON_PANEL_ID, LessonPanel } from './LessonPanel'
