/**
 * The contract's defaults and limits: what the engine enforces and the GUI shows, in one place.
 */
export const DEFAULT_WORKERS = 4
export const MAX_WORKERS = 64
export const DEFAULT_SLEEP_SECONDS = 5
export const MAX_SLEEP_SECONDS = 60
export const MAX_PAGE_BYTES = 64 * 1024
/** Most UTF-8 bytes an editable response head (status line and headers) may hold. */
export const MAX_HEAD_BYTES = 8 * 1024

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 7878
/** Where "Forward to my server" sends by default: the learner's `cargo run`, moved to 7879. */
export const DEFAULT_TARGET_HOST = '127.0.0.1'
export const DEFAULT_TARGET_PORT = 7879
/** How long the target may take to accept, and to answer once it has bytes to answer. */
export const DEFAULT_TARGET_TIMEOUT_SECONDS = 10
export const MAX_TARGET_TIMEOUT_SECONDS = 600
/**
 * A forwarded side paused this long (the other side does not read what it sends) is told as a
 * stall; a shorter pause, which a fast transfer makes many times a second, is not.
 */
export const STALL_REPORT_MS = 200
export const PREVIEW_BYTES = 64
export const MAX_CHUNKS_PER_READ = 4096
export const MAX_READ_LENGTH = 4 * 1024 * 1024
/** Largest single send (a file, say); the WebSocket frame limit is sized for it. */
export const MAX_SEND_BYTES = 8 * 1024 * 1024
/** Bytes Node may hold for a peer that does not read before sends are refused (echo stops). */
export const MAX_UNSENT_BYTES = 4 * MAX_SEND_BYTES
export const MAX_SEARCH_PATTERN = 1024
/** A connection that received nothing this long after accept is flagged as idle. */
export const IDLE_FLAG_MS = 2000
export const DEFAULT_CAPTURE_PER_CONNECTION = 1024 * 1024
/** Room for one connection at MAX_CAPTURE_PER_CONNECTION (a 100 MB capture, say). */
export const DEFAULT_CAPTURE_TOTAL = 256 * 1024 * 1024
export const MAX_CAPTURE_PER_CONNECTION = 256 * 1024 * 1024
export const MAX_MAX_CONNECTIONS = 100_000
/** Most listeners at once: listener:add refuses more, the settings file keeps the first this many. */
export const MAX_LISTENERS = 32
export const MAX_HOST_LENGTH = 255
/**
 * Closed connections the engine keeps (with their captures) before it forgets the oldest closed:
 * a load run of 1,000 connections a second must not grow the engine, the snapshot and the page
 * without bound. Open connections are never forgotten. Above the renderer's 10,000-line log
 * (LOG_LIMIT): a connection is forgotten only after 20,000 later closes, each a line of the log,
 * so every connection the log still names is still kept. Their bytes are capped apart, by
 * DEFAULT_CAPTURE_TOTAL; this caps their number (a snapshot of 70,000 was over 32 MB).
 */
export const MAX_KEPT_CLOSED_CONNECTIONS = 20_000
/**
 * Closed connections past the limit wait until this share of it (1/20: 1,000) is reached and are
 * then forgotten together, so a GUI rebuilds its list about once a second under load rather than
 * once per batch. So between MAX_KEPT_CLOSED_CONNECTIONS and that plus 1/20 are kept.
 */
export const FORGET_SLACK_DIVISOR = 20
/** Most events a snapshot carries back for the log. */
export const RECENT_EVENTS = 2000
/** Batches are at least this far apart: about 60 a second. */
export const BATCH_INTERVAL_MS = 16
/**
 * A batch of at least this many events is a burst's: the next one waits {@link BUSY_BATCH_INTERVAL_MS}.
 * A GUI renders a burst twice a second; sixty frames a second of it only cost every GUI and the
 * engine the framing.
 */
export const BUSY_BATCH_EVENTS = 128
/**
 * The least gap after a burst's batch: as often as a GUI renders a burst (the renderer's pacer,
 * BUSY_GAP_MS). Sent more often, each batch cost the engine a JSON document and a frame and the
 * page a task and a pass over its lists, for nothing drawn: at 50 ms the single thread answered
 * HTTP hello at 0.54 of a bare server with the page live, at 500 ms at 0.62 (seven rounds each).
 */
export const BUSY_BATCH_INTERVAL_MS = 500
/**
 * A batch holds about this many events at most: when a burst's gap has gathered them, they go at
 * once. A 10,000-connection burst fills the 500 ms gap with ~15,000 events, which the page took
 * in one task of 126 ms; a part of this size takes it about a third of that.
 */
export const MAX_BATCH_EVENTS = 4096
/**
 * A burst is over once no event has come for this long: what is pending goes out then, not at
 * the end of the busy gap, so the last of a burst shows at once.
 */
export const BURST_QUIET_MS = 50
