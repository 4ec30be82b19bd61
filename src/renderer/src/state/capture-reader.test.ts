import { describe, expect, it } from 'vitest'
import { apiServing, CHUNKS, IN, OUT } from '../inspector-test-kit'
import { createCaptureReader, READ_CHUNK } from './capture-reader'

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('createCaptureReader', () => {
  it('fetches both directions and the chunks incrementally, only what is new', async () => {
    const served = { in: IN.subarray(0, 10), out: new Uint8Array(0), chunks: CHUNKS.slice(0, 1) }
    const api = apiServing(served)
    const reader = createCaptureReader(api, 'c1')
    reader.want({ captured: 10, capturedOut: 0, chunks: 1 })
    await settle()
    expect(reader.getSnapshot().in.length).toBe(10)
    expect(reader.getSnapshot().chunkCount).toBe(1)

    Object.assign(served, { in: IN, out: OUT, chunks: CHUNKS })
    reader.want({ captured: IN.length, capturedOut: OUT.length, chunks: 4 })
    await settle()
    const view = reader.getSnapshot()
    expect([...view.in.bytes.subarray(0, view.in.length)]).toEqual([...IN])
    expect([...view.out.bytes.subarray(0, view.out.length)]).toEqual([...OUT])
    expect(view.chunks.slice(0, view.chunkCount)).toEqual(CHUNKS)
    expect(api.readBytes.mock.calls.map(([r]) => [r.direction, r.offset, r.length])).toEqual([
      ['in', 0, 10],
      ['in', 10, IN.length - 10],
      ['out', 0, OUT.length],
    ])
    expect(api.readChunks.mock.calls.map(([r]) => r.from)).toEqual([0, 1])

    // The same totals again ask for nothing.
    reader.want({ captured: IN.length, capturedOut: OUT.length, chunks: 4 })
    await settle()
    expect(api.readBytes).toHaveBeenCalledTimes(3)
    expect(api.readChunks).toHaveBeenCalledTimes(2)
  })

  it('reads at most 1 MiB per request', async () => {
    const big = new Uint8Array(READ_CHUNK + 5).fill(0x61)
    const api = apiServing({ in: big, out: new Uint8Array(0), chunks: [] })
    const reader = createCaptureReader(api, 'c1')
    reader.want({ captured: big.length, capturedOut: 0, chunks: 0 })
    await settle()
    await settle()
    expect(api.readBytes.mock.calls.map(([r]) => [r.offset, r.length])).toEqual([
      [0, READ_CHUNK],
      [READ_CHUNK, 5],
    ])
    expect(reader.getSnapshot().in.length).toBe(big.length)
  })

  it('stops asking when the engine has fewer chunks than the counts (reads past the cap)', async () => {
    const api = apiServing({ in: IN, out: OUT, chunks: CHUNKS })
    const reader = createCaptureReader(api, 'c1')
    reader.want({ captured: IN.length, capturedOut: OUT.length, chunks: 9 })
    await settle()
    expect(api.readChunks).toHaveBeenCalledTimes(1)
    expect(reader.getSnapshot().chunkCount).toBe(4)
  })
})
