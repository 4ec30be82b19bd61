import { describe, expect, it } from 'vitest'
import type { ConnectionObserver, ConnectionRuntime } from './connection'
import { MAX_REQUEST_HEAD_BYTES, RequestReader } from './request-reader'

/** The reader's side of a connection: what its socket hands the observer, fed by the test. */
function feedable(): {
  reader: RequestReader
  feed: (text: string | Buffer) => void
  fin: () => void
} {
  let observer: ConnectionObserver = {}
  const connection = {
    hasInputEnded: false,
    observe: (o: ConnectionObserver) => (observer = o),
  } as unknown as ConnectionRuntime
  const reader = new RequestReader(connection)
  return {
    reader,
    feed: (data) => observer.data?.(typeof data === 'string' ? Buffer.from(data) : data),
    fin: () => observer.end?.(),
  }
}

describe('RequestReader', () => {
  it('hands out lines across chunk boundaries; lines already taken stay intact as more arrives', async () => {
    const { reader, feed, fin } = feedable()
    feed('GET / HT')
    feed('TP/1.1\r\nHo')
    const first = await reader.nextLine()
    expect(first?.text.toString()).toBe('GET / HTTP/1.1')
    expect(first?.raw.toString()).toBe('GET / HTTP/1.1\r\n')
    // Enough to make the buffer grow several times.
    feed(`st: ${'h'.repeat(20_000)}\r\n\r\n`)
    feed('tail')
    fin()
    expect(first?.text.toString()).toBe('GET / HTTP/1.1')
    expect((await reader.nextLine())?.text.length).toBe(6 + 20_000)
    expect((await reader.nextLine())?.text.length).toBe(0)
    expect((await reader.nextLine())?.text.toString()).toBe('tail')
    expect(await reader.nextLine()).toBeNull()
  })

  it('a flood before any read keeps at most the head limit, not everything sent', async () => {
    const { reader, feed } = feedable()
    const chunk = Buffer.alloc(64 * 1024, 0x78)
    for (let i = 0; i < 128; i += 1) feed(chunk) // 8 MiB with no line break
    expect(reader.buffered).toBe(MAX_REQUEST_HEAD_BYTES + 1)
    const line = await reader.nextLine()
    expect(line?.raw.length).toBe(MAX_REQUEST_HEAD_BYTES + 1)
    expect(await reader.nextLine()).toBeNull()
    feed(chunk)
    expect(reader.buffered).toBe(0)
  })

  it('a line dripped a byte per read arrives whole', async () => {
    const { reader, feed } = feedable()
    const pending = reader.nextLine()
    const size = 200_000
    const byte = Buffer.from('a')
    for (let i = 0; i < size; i += 1) feed(byte)
    feed('\n')
    const line = await pending
    expect(line?.text.length).toBe(size)
    expect(line?.text.every((b) => b === 0x61)).toBe(true)
  })
})
