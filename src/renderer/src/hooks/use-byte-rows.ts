/**
 * The virtual window of a byte view (Text or Hex), scrolled to the row that holds a search match
 * or a selection when one is asked for, with the keyboard cursor's keydown handler.
 */
import { useEffect } from 'react'
import type { ScrollTarget } from '../conversation-layout'
import { useByteCursorKeys, type ByteCursorKeysOptions } from './use-byte-cursor'
import { useVirtualWindow } from './use-virtual-window'

export interface ByteRowsOptions extends Omit<
  ByteCursorKeysOptions,
  'containerRef' | 'scrollToIndex'
> {
  count: number
  scrollTarget: ScrollTarget | null
}

export function useByteRows({
  count,
  rowHeight,
  layout,
  scrollTarget,
  ...cursorKeys
}: ByteRowsOptions) {
  const rows = useVirtualWindow<HTMLDivElement>({ count, rowHeight })
  const { scrollToIndex, ref } = rows
  useEffect(() => {
    if (!scrollTarget) return
    const index = layout.findRow(scrollTarget.direction, scrollTarget.offset)
    if (index >= 0) scrollToIndex(index)
  }, [scrollTarget, layout, scrollToIndex])
  const onKeyDown = useByteCursorKeys({
    ...cursorKeys,
    layout,
    rowHeight,
    containerRef: ref,
    scrollToIndex,
  })
  return { ...rows, onKeyDown }
}
