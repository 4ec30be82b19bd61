/**
 * The one contract between the engine and every GUI: the domain's types, requests and their
 * answers, events, the channel map, and the limits.
 *
 * Electron's preload and browser mode's WebSocket client both implement {@link Api}; the engine
 * validates every request against it (see validate.ts) before acting on it. Modules of the
 * contract import its parts directly (domain.ts is a leaf), never this index.
 */
export * from './channels'
export * from './domain'
export * from './events'
export * from './limits'
export * from './requests'
