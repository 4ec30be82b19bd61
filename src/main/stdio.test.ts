import { spawn } from 'node:child_process'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { expect, it, onTestFinished } from 'vitest'
import { guardedWriter } from './stdio'

/**
 * A real pipe whose reading end is closed (the reader lives on, so our end stays open): what
 * stdout becomes when the terminal is gone.
 */
async function deadPipe(): Promise<{ pipe: Writable; end: () => void }> {
  const reader = spawn(
    process.execPath,
    ['-e', "require('node:fs').closeSync(0); console.log('closed'); setTimeout(() => {}, 60000)"],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  )
  await once(reader.stdout, 'data')
  return { pipe: reader.stdin, end: () => reader.kill() }
}

it('writes to a pipe nobody reads any more without an error event escaping, then stops writing', async () => {
  const { pipe, end } = await deadPipe()
  onTestFinished(end)
  let writes = 0
  const write = pipe.write.bind(pipe)
  pipe.write = ((...args: Parameters<Writable['write']>) => {
    writes++
    return write(...args)
  }) as Writable['write']
  const print = guardedWriter(pipe)
  // Without the guard the EPIPE below is an unhandled 'error' event, which fails this test.
  print('Socket Lab: one line\n')
  await new Promise((resolve) => pipe.once('close', resolve))
  print('Socket Lab: another line\n')
  print('Socket Lab: and another\n')
  expect(writes).toBe(1)
})

it('writes every line to a pipe that is read', async () => {
  const reader = spawn(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  })
  const print = guardedWriter(reader.stdin)
  let out = ''
  reader.stdout.on('data', (data: Buffer) => (out += data.toString()))
  print('one\n')
  print('two\n')
  reader.stdin.end()
  await once(reader, 'exit')
  expect(out).toBe('one\ntwo\n')
})
