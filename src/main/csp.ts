/**
 * The Content-Security-Policy of every page the app serves, in one place: the desktop app's
 * (meta tag and app:// responses), browser mode's (HTTP header) and the development server's.
 *
 * Production stays strict: scripts and styles from the app's own origin only. Development adds
 * what Vite needs for hot reload: its inline module preamble and injected <style> elements, and
 * its WebSocket.
 */

const BASE = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
]

/**
 * The policy for the built renderer. `connectTo` lists extra connect-src sources (browser mode's
 * WebSocket); the desktop app needs none, IPC is not a connection.
 */
export function productionCsp(connectTo: readonly string[] = []): string {
  return [
    ...BASE,
    "script-src 'self'",
    "style-src 'self'",
    ['connect-src', "'self'", ...connectTo].join(' '),
  ].join('; ')
}

/**
 * The policy in the built index.html's meta tag, which both shells load: it must let browser mode
 * reach its WebSocket on any loopback port. Each shell narrows it with a header of its own (a page
 * obeys every policy it gets): the desktop app's app:// responses allow no WebSocket at all,
 * browser mode's allow its own port only.
 */
export function rendererMetaCsp(): string {
  return productionCsp(['ws://127.0.0.1:*', 'ws://localhost:*'])
}

/** Browser mode's policy for a GUI server on 127.0.0.1:`port`: its WebSocket, no framing. */
export function browserModeCsp(port: number): string {
  return [
    productionCsp([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * The policy while electron-vite's development server serves the renderer: Vite injects an
 * inline module script (React Refresh's preamble) and <style> elements, and talks to the page
 * over a WebSocket on its own host.
 */
export function developmentCsp(): string {
  return [
    ...BASE,
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self' ws://localhost:* ws://127.0.0.1:* http://localhost:* http://127.0.0.1:*",
  ].join('; ')
}
