/**
 * The header row of one block of the conversation: its direction as text (not only colour), its
 * size, how many reads or writes it took, and when it began.
 */
import type { ReactNode } from 'react'
import type { Block } from '../../conversation-layout'
import { useI18n } from '../../i18n/context'

/** One header row; `acceptedMono` turns the block's engine time into "+N ms after accept". */
export function BlockHeader({
  block,
  acceptedMono,
}: {
  block: Block
  acceptedMono: number
}): ReactNode {
  const { t } = useI18n()
  const isIn = block.direction === 'in'
  return (
    <div className={`line block-head dir-${block.direction}`}>
      <span className="dir-badge">{t(isIn ? 'inspector.dir.in' : 'inspector.dir.out')}</span>
      <span>{t('inspector.block.bytes', { count: block.to - block.from })}</span>
      <span>
        {t(isIn ? 'inspector.block.reads' : 'inspector.block.writes', { count: block.chunkCount })}
      </span>
      <span className="block-at">
        {t('inspector.block.at', { ms: Math.max(0, Math.round(block.mono - acceptedMono)) })}
      </span>
    </div>
  )
}
