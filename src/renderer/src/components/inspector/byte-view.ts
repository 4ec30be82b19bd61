/**
 * What Text and Hex, the two byte views, are given: the conversation's rows, where to read their
 * bytes, the shared selection, and the connection's accept time for the block headers.
 */
import type { ByteSource } from '../../state/capture-pager'
import type { ByteSelection } from './use-byte-selection'
import type { ConversationRows } from './use-conversation-rows'

/** Line height in px; `.byte-lines .line` in the stylesheet matches it. */
export const BYTE_LINE_HEIGHT = 20

export interface ByteViewProps {
  rows: ConversationRows
  /** Where rows read their bytes (the view's, or pages fetched for what is on screen). */
  source: ByteSource
  selection: ByteSelection
  /** Engine monotonic ms of the accept: block headers show their time from it. */
  acceptedMono: number
}
