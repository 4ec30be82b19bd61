/**
 * The composer: text (with escapes), hex or a file, sent to the connection the stream shows or to
 * every open connection of its listener.
 */
export { Composer } from './Composer'
