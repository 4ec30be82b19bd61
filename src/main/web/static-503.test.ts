/**
 * Browser mode's server when the OS runs out of file descriptors while serving the page: a 503
 * with Retry-After over a real socket, not a 404 that would tell the browser the page is gone.
 */
import { mkdtemp, mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createEngine } from '../engine/engine'
import type { Engine } from '../engine/engine-api'
import type { StaticFs } from '../static-files'
import { startWebServer, type WebServer } from './server'

let dir: string
let engine: Engine
let server: WebServer
const logged: string[] = []
/** Whether the file system answers EMFILE, as at the open-file limit. */
let isOutOfDescriptors = false

const fs: StaticFs = {
  readFile: (path) =>
    isOutOfDescriptors
      ? Promise.reject(
          Object.assign(new Error(`EMFILE: too many open files, open '${path}'`), {
            code: 'EMFILE',
            syscall: 'open',
          }),
        )
      : readFile(path),
  realpath: (path) => realpath(path),
  stat: (path) => stat(path),
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socket-lab-static-503-'))
  await mkdir(join(dir, 'renderer'), { recursive: true })
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Socket Lab</title>')
  engine = createEngine({ batchIntervalMs: 5 })
  server = await startWebServer({
    engine,
    rendererDir: join(dir, 'renderer'),
    log: (line) => logged.push(line),
    staticFs: fs,
  })
})

afterAll(async () => {
  await server?.close()
  await engine?.shutdown()
  await rm(dir, { recursive: true, force: true })
})

function get(path: string): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path }, (res) => {
      res.resume()
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

it('answers 503 with Retry-After at the open-file limit, and the page once descriptors free up', async () => {
  const page = `/?token=${server.token}`
  isOutOfDescriptors = true
  expect(await get(page)).toEqual({ status: 503, retryAfter: '1' })
  expect(logged.some((line) => line.includes('EMFILE'))).toBe(true)
  // A file that is not there is still a 404.
  expect((await get(`/missing.js?token=${server.token}`)).status).toBe(404)
  isOutOfDescriptors = false
  expect(await get(page)).toEqual({ status: 200, retryAfter: undefined })
})
