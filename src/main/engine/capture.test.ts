import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CaptureBudget, CHUNK_OVERHEAD, ConnectionCapture, FREE_CHUNKS } from './capture'

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString()
}

describe('ConnectionCapture', () => {
  it('keeps reads with their boundaries and reads any range across them', () => {
    const budget = new CaptureBudget(1000)
    const capture = new ConnectionCapture()
    capture.append('in', Buffer.from('GET / '), 1, 100, budget)
    capture.append('in', Buffer.from('HTTP/1.1\r\n'), 2, 100, budget)
    capture.append('in', Buffer.from('\r\n'), 3, 100, budget)
    const all = capture.read('in', 0, 100, 10)
    expect(decode(all.base64)).toBe('GET / HTTP/1.1\r\n\r\n')
    expect(all.chunks).toEqual([
      { direction: 'in', offset: 0, size: 6, mono: 1, kept: 6 },
      { direction: 'in', offset: 6, size: 10, mono: 2, kept: 10 },
      { direction: 'in', offset: 16, size: 2, mono: 3, kept: 2 },
    ])
    const middle = capture.read('in', 4, 4, 10)
    expect(decode(middle.base64)).toBe('/ HT')
    expect(middle.chunks.map((c) => c.offset)).toEqual([0, 6])
    expect(capture.read('in', 6, 10, 1).chunks).toEqual([
      { direction: 'in', offset: 6, size: 10, mono: 2, kept: 10 },
    ])
    expect(capture.read('in', 0, 100, 2).chunks).toHaveLength(2)
    expect(capture.read('in', 18, 5, 10)).toMatchObject({ offset: 18, base64: '', chunks: [] })
    expect(capture.read('in', 3, 0, 10)).toMatchObject({ base64: '', chunks: [] })
    expect(budget.captured).toBe(18)
  })

  it('keeps both directions apart, each with its own offsets, in one conversation order', () => {
    const budget = new CaptureBudget(1000)
    const capture = new ConnectionCapture()
    capture.append('in', Buffer.from('ping'), 1, 100, budget)
    capture.append('out', Buffer.from('pong!'), 2, 100, budget)
    capture.append('in', Buffer.from('bye'), 3, 100, budget)
    expect(capture).toMatchObject({
      bytesIn: 7,
      chunksIn: 2,
      captured: 7,
      bytesOut: 5,
      chunksOut: 1,
      capturedOut: 5,
      firstByteInMono: 1,
      lastByteMono: 3,
    })
    expect(decode(capture.read('in', 0, 100, 10).base64)).toBe('pingbye')
    const out = capture.read('out', 1, 100, 10)
    expect(out).toMatchObject({ base64: Buffer.from('ong!').toString('base64'), captured: 5 })
    expect(capture.chunks(0, 10)).toEqual({
      total: 3,
      chunks: [
        { direction: 'in', offset: 0, size: 4, mono: 1, kept: 4 },
        { direction: 'out', offset: 0, size: 5, mono: 2, kept: 5 },
        { direction: 'in', offset: 4, size: 3, mono: 3, kept: 3 },
      ],
    })
    expect(capture.chunks(1, 1).chunks.map((c) => c.direction)).toEqual(['out'])
    expect(capture.chunks(5, 10)).toEqual({ total: 3, chunks: [] })
  })

  it('stops keeping at the per-connection cap and never resumes', () => {
    const budget = new CaptureBudget(1000)
    const capture = new ConnectionCapture()
    expect(capture.append('in', Buffer.from('12345678'), 0, 10, budget)).toBe(8)
    expect(capture.append('in', Buffer.from('abcdef'), 0, 10, budget)).toBe(2)
    expect(capture.append('in', Buffer.from('zz'), 0, 1000, budget)).toBe(0)
    expect(capture).toMatchObject({ bytesIn: 16, chunksIn: 3, captured: 10, truncated: true })
    expect(decode(capture.read('in', 0, 100, 10).base64)).toBe('12345678ab')
    expect(capture.read('in', 0, 100, 10).chunks.at(-1)).toEqual({
      direction: 'in',
      offset: 8,
      size: 6,
      mono: 0,
      kept: 2,
    })
  })

  it('counts both directions against one per-connection cap', () => {
    const budget = new CaptureBudget(1000)
    const capture = new ConnectionCapture()
    expect(capture.append('in', Buffer.from('123456'), 0, 10, budget)).toBe(6)
    expect(capture.append('out', Buffer.from('abcdef'), 0, 10, budget)).toBe(4)
    expect(capture.isTruncated('out')).toBe(true)
    expect(capture.isTruncated('in')).toBe(false)
    expect(capture.truncated).toBe(true)
    expect(capture.append('in', Buffer.from('7'), 0, 10, budget)).toBe(0)
    expect(capture).toMatchObject({ captured: 6, capturedOut: 4, bytesIn: 7, bytesOut: 6 })
    expect(capture.read('out', 0, 100, 10)).toMatchObject({
      captured: 4,
      bytesIn: 6,
      truncated: true,
    })
    expect(budget.captured).toBe(10)
  })

  it('takes from the shared budget and gives it back on release', () => {
    const budget = new CaptureBudget(5)
    const a = new ConnectionCapture()
    const b = new ConnectionCapture()
    a.append('in', Buffer.from('abc'), 0, 100, budget)
    b.append('out', Buffer.from('defg'), 0, 100, budget)
    expect(budget.totals()).toEqual({ captured: 5, limit: 5 })
    expect(b).toMatchObject({ capturedOut: 2, truncated: true })
    a.release(budget)
    b.release(budget)
    expect(budget.captured).toBe(0)
    expect(a.read('in', 0, 10, 10).base64).toBe('')
    expect(b.chunks(0, 10)).toEqual({ total: 0, chunks: [] })
  })

  it('a cap of 0 keeps nothing; an empty read changes nothing kept', () => {
    const budget = new CaptureBudget(100)
    const capture = new ConnectionCapture()
    expect(capture.append('in', Buffer.alloc(0), 0, 0, budget)).toBe(0)
    expect(capture.truncated).toBe(false)
    expect(capture.firstByteInMono).toBeNull()
    capture.append('in', Buffer.from('x'), 7, 0, budget)
    expect(capture).toMatchObject({ bytesIn: 1, captured: 0, truncated: true, firstByteInMono: 7 })
  })

  it('past FREE_CHUNKS, each kept chunk also costs CHUNK_OVERHEAD of the cap', () => {
    const limit = 100_000
    const budget = new CaptureBudget(10 * limit)
    const capture = new ConnectionCapture()
    let kept = 0
    for (let i = 0; i < 20_000; i++)
      kept += capture.append('in', Buffer.from('x'), i, limit, budget)
    // The free chunks cost their byte; every later one its byte plus the overhead.
    const charged = Math.floor((limit - FREE_CHUNKS) / (1 + CHUNK_OVERHEAD))
    expect(kept).toBe(FREE_CHUNKS + charged)
    expect(capture).toMatchObject({ bytesIn: 20_000, captured: kept, truncated: true })
    expect(capture.chunks(0, 0).total).toBe(kept)
    // Only bytes count as captured, engine-wide too.
    expect(budget.captured).toBe(kept)
  })

  it('a few large chunks fill the cap exactly: the overhead only bites on many chunks', () => {
    const budget = new CaptureBudget(1 << 20)
    const capture = new ConnectionCapture()
    for (let i = 0; i < 10; i++) capture.append('in', Buffer.alloc(1000, 0x61), i, 9500, budget)
    expect(capture).toMatchObject({ captured: 9500, truncated: true })
  })

  it('does not pin a large pooled buffer for a small read', () => {
    const budget = new CaptureBudget(100)
    const capture = new ConnectionCapture()
    const pool = Buffer.alloc(64 * 1024, 0x41)
    capture.append('in', pool.subarray(0, 3), 0, 100, budget)
    pool.fill(0x42)
    expect(decode(capture.read('in', 0, 3, 1).base64)).toBe('AAA')
  })
})

describe('ConnectionCapture.search', () => {
  function captureOf(parts: string[], direction: 'in' | 'out' = 'in'): ConnectionCapture {
    const capture = new ConnectionCapture()
    const budget = new CaptureBudget(1 << 20)
    for (const part of parts) capture.append(direction, Buffer.from(part), 0, 1 << 20, budget)
    return capture
  }
  const find = (c: ConnectionCapture, p: string, from: number, backwards = false): number | null =>
    c.search('in', Buffer.from(p), from, backwards)

  it('finds forward and backward, inside chunks and across their boundaries', () => {
    const c = captureOf(['GET / HT', 'TP/1.1\r', '\n', '\r\nHTTP'])
    expect(find(c, 'HTTP', 0)).toBe(6)
    expect(find(c, 'HTTP', 7)).toBe(18)
    expect(find(c, 'HTTP', 19)).toBeNull()
    expect(find(c, '\r\n\r\n', 0)).toBe(14) // split over three reads
    expect(find(c, 'HTTP', 22, true)).toBe(18)
    expect(find(c, 'HTTP', 18, true)).toBe(6)
    expect(find(c, 'HTTP', 6, true)).toBeNull()
    expect(find(c, 'nope', 0)).toBeNull()
    expect(find(c, 'nope', 22, true)).toBeNull()
    expect(find(c, 'G', 0, true)).toBeNull()
    expect(find(c, 'GET / HTTP/1.1\r\n\r\nHTTP!', 0)).toBeNull()
    expect(c.search('out', Buffer.from('G'), 0, false)).toBeNull()
  })

  it('agrees with indexOf/lastIndexOf on the joined bytes, however they were split', () => {
    const alphabet = fc.constantFrom(0x61, 0x62, 0x00)
    const bytes = fc.uint8Array({ minLength: 0, maxLength: 60 }).map((a) => a.map((b) => b % 3))
    fc.assert(
      fc.property(
        fc.array(bytes, { maxLength: 8 }),
        fc.array(alphabet, { minLength: 1, maxLength: 6 }),
        fc.nat(80),
        fc.boolean(),
        (parts, patternBytes, from, backwards) => {
          const budget = new CaptureBudget(1 << 20)
          const c = new ConnectionCapture()
          const mapped = parts.map((p) => Buffer.from(p.map((b) => [0x61, 0x62, 0x00][b] ?? 0)))
          for (const part of mapped) c.append('in', part, 0, 1 << 20, budget)
          const all = Buffer.concat(mapped)
          const pattern = Buffer.from(patternBytes)
          let expected: number
          if (backwards) expected = from === 0 ? -1 : all.lastIndexOf(pattern, from - 1)
          else expected = from > all.length ? -1 : all.indexOf(pattern, from)
          expect(c.search('in', pattern, from, backwards)).toBe(expected === -1 ? null : expected)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('searches 100 MB of kept chunks without joining them', () => {
    const capture = new ConnectionCapture()
    const budget = new CaptureBudget(200 * 1024 * 1024)
    // One 64 KiB buffer kept 1600 times: 100 MiB of stream, little memory.
    const block = Buffer.alloc(64 * 1024, 0x2e)
    for (let i = 0; i < 1600; i++) capture.append('in', block, i, 200 * 1024 * 1024, budget)
    const tail = Buffer.from('..needle')
    capture.append('in', tail.subarray(0, 5), 0, 200 * 1024 * 1024, budget)
    capture.append('in', tail.subarray(5), 0, 200 * 1024 * 1024, budget)
    const end = 1600 * 64 * 1024
    const started = performance.now()
    expect(capture.search('in', Buffer.from('needle'), 0, false)).toBe(end + 2)
    expect(capture.search('in', Buffer.from('needle'), end + 8, true)).toBe(end + 2)
    expect(capture.search('in', Buffer.from('x'), 0, false)).toBeNull()
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
