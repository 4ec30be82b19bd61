/**
 * A listener's card: its address, start and stop, its settings and stage (responder, handling,
 * pages), its workers, and the diagnostics when a start fails.
 */
export { ListenerCard } from './ListenerCard'
