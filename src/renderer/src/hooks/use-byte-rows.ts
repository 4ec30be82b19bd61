/**
 * The virtual window of a byte view (Text or Hex), scrolled to the row that holds a search match
 * or a selection when one is asked for.
 */
import { useEffect } from 'react'
import type { ConversationLayout, ScrollTarget } from '../conversation-layout'
import { useVirtualWindow } from './use-virtual-window'

export function useByteRows(
  count: number,
  rowHeight: number,
  layout: ConversationLayout,
  scrollTarget: ScrollTarget | null,
) {
  const rows = useVirtualWindow<HTMLDivElement>({ count, rowHeight })
  const { scrollToIndex } = rows
  useEffect(() => {
    if (!scrollTarget) return
    const index = layout.findRow(scrollTarget.direction, scrollTarget.offset)
    if (index >= 0) scrollToIndex(index)
  }, [scrollTarget, layout, scrollToIndex])
  return rows
}
