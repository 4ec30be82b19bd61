/**
 * The event log: what the engine did, in words, newest at the bottom, filtered by kind and text.
 */
export { EventLog } from './EventLog'
