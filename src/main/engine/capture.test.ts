import { describe, expect, it } from 'vitest'
import { CaptureBudget, ConnectionCapture } from './capture'

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString()
}

describe('ConnectionCapture', () => {
  it('keeps reads with their boundaries and reads any range across them', () => {
    const budget = new CaptureBudget(1000)
    const capture = new ConnectionCapture()
    capture.append(Buffer.from('GET / '), 1, 100, budget)
    capture.append(Buffer.from('HTTP/1.1\r\n'), 2, 100, budget)
    capture.append(Buffer.from('\r\n'), 3, 100, budget)
    const all = capture.read(0, 100, 10)
    expect(decode(all.base64)).toBe('GET / HTTP/1.1\r\n\r\n')
    expect(all.chunks).toEqual([
      { offset: 0, size: 6, mono: 1, kept: 6 },
      { offset: 6, size: 10, mono: 2, kept: 10 },
      { offset: 16, size: 2, mono: 3, kept: 2 },
    ])
    const middle = capture.read(4, 4, 10)
    expect(decode(middle.base64)).toBe('/ HT')
    expect(middle.chunks.map((c) => c.offset)).toEqual([0, 6])
    expect(capture.read(6, 10, 1).chunks).toEqual([{ offset: 6, size: 10, mono: 2, kept: 10 }])
    expect(capture.read(0, 100, 2).chunks).toHaveLength(2)
    expect(capture.read(18, 5, 10)).toMatchObject({ offset: 18, base64: '', chunks: [] })
    expect(capture.read(3, 0, 10)).toMatchObject({ base64: '', chunks: [] })
    expect(budget.captured).toBe(18)
  })

  it('stops keeping at the per-connection cap and never resumes', () => {
    const budget = new CaptureBudget(1000)
    const capture = new ConnectionCapture()
    expect(capture.append(Buffer.from('12345678'), 0, 10, budget)).toBe(8)
    expect(capture.append(Buffer.from('abcdef'), 0, 10, budget)).toBe(2)
    expect(capture.append(Buffer.from('zz'), 0, 1000, budget)).toBe(0)
    expect(capture).toMatchObject({ bytesIn: 16, chunksIn: 3, captured: 10, truncated: true })
    expect(decode(capture.read(0, 100, 10).base64)).toBe('12345678ab')
    expect(capture.read(0, 100, 10).chunks.at(-1)).toEqual({ offset: 8, size: 6, mono: 0, kept: 2 })
  })

  it('takes from the shared budget and gives it back on release', () => {
    const budget = new CaptureBudget(5)
    const a = new ConnectionCapture()
    const b = new ConnectionCapture()
    a.append(Buffer.from('abc'), 0, 100, budget)
    b.append(Buffer.from('defg'), 0, 100, budget)
    expect(budget.totals()).toEqual({ captured: 5, limit: 5 })
    expect(b).toMatchObject({ captured: 2, truncated: true })
    a.release(budget)
    expect(budget.captured).toBe(2)
    expect(a.read(0, 10, 10).base64).toBe('')
  })

  it('a cap of 0 keeps nothing; an empty read changes nothing kept', () => {
    const budget = new CaptureBudget(100)
    const capture = new ConnectionCapture()
    expect(capture.append(Buffer.alloc(0), 0, 0, budget)).toBe(0)
    expect(capture.truncated).toBe(false)
    capture.append(Buffer.from('x'), 0, 0, budget)
    expect(capture).toMatchObject({ bytesIn: 1, captured: 0, truncated: true })
  })

  it('does not pin a large pooled buffer for a small read', () => {
    const budget = new CaptureBudget(100)
    const capture = new ConnectionCapture()
    const pool = Buffer.alloc(64 * 1024, 0x41)
    capture.append(pool.subarray(0, 3), 0, 100, budget)
    pool.fill(0x42)
    expect(decode(capture.read(0, 3, 1).base64)).toBe('AAA')
  })
})
