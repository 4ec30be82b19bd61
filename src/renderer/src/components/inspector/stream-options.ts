/**
 * What the Stream region's tabs and options are set to: StreamView keeps them across connections
 * and hands them to the inspector of the one shown.
 */
import type { Decoding } from '../../bytes-format'
import type { DirectionFilter } from '../../conversation-layout'

/** The Stream region's tabs. */
export type StreamTab = 'text' | 'hex' | 'chunks' | 'http'

/** What the tabs and options of the region are set to. */
export interface StreamOptions {
  tab: StreamTab
  filter: DirectionFilter
  decoding: Decoding
  /** The id of the tab panel and the prefix of the tabs' ids. */
  baseId: string
}
