/**
 * The Stream region: the selected connection's conversation as Text, Hex, Chunks or HTTP, with
 * search, selection, copy and Close/Reset.
 */
export { StreamView } from './StreamView'
