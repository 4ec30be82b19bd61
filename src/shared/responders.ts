/**
 * What each responder does with a connection, in one table that everything asks: the engine (who
 * runs as a job under a handling model), the card (which settings apply), the client's model and
 * its explanations, the log (whose accept line is the book's "Connection established!").
 */
import type { Responder } from './contract'

export interface ResponderCapabilities {
  /** Reads the request (up to its blank line), so it runs as a job under a handling model. */
  readsRequest: boolean
  /** Answers with hello.html / 404.html (the pages and heads apply). */
  servesPages: boolean
  /** Writes to the connection at all (Echo writes back what arrives). */
  writes: boolean
  /** Closes the connection by itself once it is done with it. */
  closes: boolean
  /** Its accept is the book's Listing 20-1 "Connection established!" as the log shows it. */
  isInspector: boolean
}

export const RESPONDER_CAPABILITIES: Record<Responder, ResponderCapabilities> = {
  silent: {
    readsRequest: false,
    servesPages: false,
    writes: false,
    closes: false,
    isInspector: true,
  },
  'close-at-once': {
    readsRequest: false,
    servesPages: false,
    writes: false,
    closes: true,
    isInspector: false,
  },
  'read-request-then-close': {
    readsRequest: true,
    servesPages: false,
    writes: false,
    closes: true,
    isInspector: false,
  },
  echo: {
    readsRequest: false,
    servesPages: false,
    writes: true,
    closes: false,
    isInspector: false,
  },
  'http-hello': {
    readsRequest: true,
    servesPages: true,
    writes: true,
    closes: true,
    isInspector: false,
  },
  'http-routes': {
    readsRequest: true,
    servesPages: true,
    writes: true,
    closes: true,
    isInspector: false,
  },
  'http-slow-route': {
    readsRequest: true,
    servesPages: true,
    writes: true,
    closes: true,
    isInspector: false,
  },
  // The learner's server answers: Socket Lab passes bytes on, and closes as the target does.
  forward: {
    readsRequest: false,
    servesPages: false,
    writes: true,
    closes: true,
    isInspector: false,
  },
}

/** The responders that read a request, and so run as jobs under a handling model. */
export function readsRequest(responder: Responder): boolean {
  return RESPONDER_CAPABILITIES[responder].readsRequest
}

/** The responders that answer with the book's pages: the HTTP ones. */
export type PageResponder = Extract<Responder, `http-${string}`>

/** The responders that serve hello.html and 404.html. */
export function servesPages(responder: Responder): responder is PageResponder {
  return RESPONDER_CAPABILITIES[responder].servesPages
}
