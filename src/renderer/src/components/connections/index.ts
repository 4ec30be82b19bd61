/**
 * The connections table: every connection with its state and counters, filters, and Close all.
 */
export { ConnectionsPanel } from './ConnectionsPanel'
