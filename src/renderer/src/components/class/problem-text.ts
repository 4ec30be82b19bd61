/**
 * Why a file could not be used in the class view, in words.
 */
import { assertNever } from '../../../../shared/result'
import type { ClassFileProblem } from '../../class/class-file'
import { fileSize } from '../../class/format'
import type { Translate } from '../../i18n/context'

export function problemText(t: Translate, problem: ClassFileProblem): string {
  switch (problem.kind) {
    case 'too-large':
      return t('class.problem.too-large', {
        size: fileSize(t, problem.bytes),
        limit: fileSize(t, problem.limit),
      })
    case 'too-deep':
      return t('class.problem.too-deep')
    case 'not-json':
      return t('class.problem.not-json')
    case 'unknown-format':
      return t('class.problem.unknown-format')
    case 'newer-version':
      return t('class.problem.newer-version', { version: problem.version })
    case 'damaged':
      return t('class.problem.damaged', { where: problem.where })
    case 'no-progress':
      return t('class.problem.no-progress')
    case 'unreadable':
      return t('class.problem.unreadable')
    case 'too-many-values':
      return t('class.problem.too-many-values', { count: problem.limit })
    default:
      return assertNever(problem)
  }
}
