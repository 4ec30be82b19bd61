/**
 * Browser mode's server: the built renderer over HTTP and the engine over WebSocket, on 127.0.0.1.
 *
 * Never imports electron. Every request passes checkSource (Host, Origin); the WebSocket, which
 * drives the engine, also needs the token (checkSocketAccess). The static files are the public
 * renderer: they need no secret, and no response ever sets a cookie.
 */
import { randomBytes } from 'node:crypto'
import { realpath } from 'node:fs/promises'
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { browserModeCsp } from '../csp'
import { MAX_WIRE_FRAME, WS_PATH } from '../../shared/wire'
import type { Engine } from '../engine/engine-api'
import { checkSocketAccess, checkSource, refusalText } from './access'
import { readStaticFile, type StaticFs } from '../static-files'
import { bridgeEngine } from './ws-bridge'

export interface WebServerOptions {
  engine: Engine
  /** The built renderer (out/renderer): index.html and assets/. */
  rendererDir: string
  /** Loopback only: the access rules assume it. */
  host?: '127.0.0.1'
  /** 0 (the default) lets the OS pick a free port. */
  port?: number
  /** Where refusals and socket errors are reported; default stderr. */
  log?: (line: string) => void
  /** See MAX_BUFFERED_BYTES in ws-bridge.ts. */
  maxBufferedBytes?: number
  /** The file system the page is read from; tests pass failing calls (EMFILE). */
  staticFs?: StaticFs
}

export interface WebServer {
  /**
   * http://127.0.0.1:PORT/#token=TOKEN — what a person opens. The fragment never goes over HTTP:
   * the page moves the token to its session storage and shows it only to the WebSocket.
   */
  url: string
  token: string
  port: number
  /** Drops every WebSocket and HTTP connection and stops listening. Does not touch the engine. */
  close(): Promise<void>
}

function securityHeaders(port: number): OutgoingHttpHeaders {
  return {
    'Content-Security-Policy': browserModeCsp(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  }
}

function parseRequestUrl(req: IncomingMessage): URL | null {
  try {
    // A fixed base: the Host header is checked separately and must never shape the URL.
    return new URL(req.url ?? '/', 'http://127.0.0.1')
  } catch {
    return null
  }
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Not Found'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/**
 * Starts the server on 127.0.0.1 with a fresh random token; resolves once it listens.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { engine } = options
  const host = options.host ?? '127.0.0.1'
  const log = options.log ?? ((line: string) => console.error(line))
  const rendererDir = await realpath(options.rendererDir)
  const token = randomBytes(24).toString('base64url')
  let port = 0

  const reply = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    extra: OutgoingHttpHeaders = {},
  ): void => {
    res.writeHead(status, {
      ...securityHeaders(port),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      ...extra,
    })
    res.end(res.req.method === 'HEAD' ? undefined : body)
  }

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseRequestUrl(req)
    if (url === null) return reply(res, 400, 'Bad request\n')
    const source = checkSource(req, port)
    if (!source.ok) return reply(res, 403, `${refusalText(source.error)}\n`)
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return reply(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' })
    if (url.pathname === WS_PATH) {
      // Asked by the page when its socket closed before opening: a browser does not show why an
      // upgrade failed, and "open the printed address" must not read as "the server is gone".
      const access = checkSocketAccess(req, url, port, token)
      if (!access.ok) return reply(res, 403, `${refusalText(access.error)}\n`)
      return reply(res, 426, 'Upgrade required\n', { Upgrade: 'websocket' })
    }
    const file = await readStaticFile(rendererDir, url.pathname, options.staticFs)
    if (!file.ok) {
      if (file.error.kind === 'not-found') return reply(res, 404, 'Not found\n')
      // Out of descriptors (EMFILE) or another passing failure: the file is there, ask again.
      log(`Socket Lab: could not read ${url.pathname.slice(0, 200)}: ${file.error.code}`)
      return reply(res, 503, 'Temporarily unavailable, try again\n', { 'Retry-After': '1' })
    }
    reply(res, 200, file.value.body, { 'Content-Type': file.value.contentType })
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      log(`Socket Lab: request failed: ${String(error)}`)
      if (!res.headersSent) reply(res, 500, 'Internal error\n')
      else res.destroy()
    })
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_FRAME })
  const disposeBridge = bridgeEngine({
    engine,
    wss,
    log,
    maxBufferedBytes: options.maxBufferedBytes,
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log(`Socket Lab: upgrade socket error: ${error.message}`))
    const url = parseRequestUrl(req)
    if (url === null || url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not found')
    const access = checkSocketAccess(req, url, port, token)
    if (!access.ok) return refuseUpgrade(socket, 403, refusalText(access.error))
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
    if (error.code !== 'ECONNRESET') log(`Socket Lab: bad HTTP request: ${error.message}`)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host, port: options.port ?? 0 }, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (error) => log(`Socket Lab: GUI server error: ${error.message}`))
  port = (server.address() as AddressInfo).port

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      disposeBridge()
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return closing
  }

  return { url: `http://127.0.0.1:${port}/#token=${token}`, token, port, close }
}
