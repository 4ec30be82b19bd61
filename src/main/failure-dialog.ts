/**
 * What the native error dialog says when the app cannot show itself or cannot work as it should:
 * the page did not load, the page's process ended, the engine did not start, the data folder is
 * not writable. Each names the reason and the log file, and offers what can be done about it.
 */
import { assertNever } from '../shared/result'
import type { DesktopTranslate } from './desktop-messages'
import type { WindowFailure } from './window'

export type ShellFailure =
  | WindowFailure
  /** Creating the engine or the app's protocol and IPC threw. */
  | { kind: 'engine'; reason: string }
  /** The data folder (settings, log, lock) cannot be written: the app runs without saving. */
  | { kind: 'data-dir'; dir: string; reason: string }

/** What a button does. The last button is the one Escape picks. */
export type FailureAction = 'reload' | 'quit' | 'continue'

export interface FailureDialog {
  title: string
  message: string
  detail: string
  buttons: string[]
  actions: FailureAction[]
}

export interface LogFileState {
  file: string
  isWritable: boolean
}

/** One English line for the log and the terminal. */
export function describeFailure(failure: ShellFailure): string {
  switch (failure.kind) {
    case 'load':
      return `the page did not load: ${failure.reason} (${failure.code}) at ${failure.url}`
    case 'crash':
      return `the page's process ended: ${failure.reason}, exit code ${failure.exitCode}`
    case 'engine':
      return `the engine did not start: ${failure.reason}`
    case 'data-dir':
      return `the data folder ${failure.dir} is not writable: ${failure.reason}`
    default:
      return assertNever(failure)
  }
}

/** The dialog for a failure, in the translator's language. */
export function failureDialog(
  failure: ShellFailure,
  t: DesktopTranslate,
  log: LogFileState,
): FailureDialog {
  const where = log.isWritable
    ? t('failure.logFile', { file: log.file })
    : t('failure.noLogFile', { file: log.file })
  const build = (message: string, detail: string, actions: FailureAction[]): FailureDialog => ({
    title: t('failure.title'),
    message,
    detail: `${detail}\n\n${where}`,
    buttons: actions.map((action) => t(`failure.${action}`)),
    actions,
  })
  switch (failure.kind) {
    case 'load':
      return build(
        t('failure.load'),
        t('failure.loadDetail', { reason: failure.reason, code: failure.code, url: failure.url }),
        ['reload', 'quit'],
      )
    case 'crash':
      return build(
        t('failure.crash'),
        t('failure.crashDetail', { reason: failure.reason, code: failure.exitCode }),
        ['reload', 'quit'],
      )
    case 'engine':
      return build(t('failure.engine'), t('failure.engineDetail', { reason: failure.reason }), [
        'quit',
      ])
    case 'data-dir':
      return build(
        t('failure.dataDir'),
        t('failure.dataDirDetail', { dir: failure.dir, reason: failure.reason }),
        ['continue', 'quit'],
      )
    default:
      return assertNever(failure)
  }
}
