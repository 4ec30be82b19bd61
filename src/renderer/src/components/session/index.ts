/**
 * Saved sessions: save to a file, open one read-only (or a class of them), export pcap, and the
 * banner shown while a session stands in for the live engine.
 */
export { SessionBanner, type SessionBannerProps } from './SessionBanner'
export { SessionBar, type SessionBarProps } from './SessionBar'
