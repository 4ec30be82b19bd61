/**
 * The short "in" / "out" label at the start of every line, with the full direction as its title,
 * so a line's direction is readable without its colour.
 */
import type { ReactNode } from 'react'
import type { Direction } from '../../../../shared/contract'
import { useI18n } from '../../i18n/context'

/** The gutter label of a line of `direction`. */
export function DirectionGutter({ direction }: { direction: Direction }): ReactNode {
  const { t } = useI18n()
  const isIn = direction === 'in'
  return (
    <span className="gutter" title={t(isIn ? 'inspector.dir.in' : 'inspector.dir.out')}>
      {t(isIn ? 'inspector.gutter.in' : 'inspector.gutter.out')}
    </span>
  )
}
