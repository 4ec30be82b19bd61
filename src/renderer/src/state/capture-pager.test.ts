import { describe, expect, it } from 'vitest'
import type { Direction } from '../../../shared/contract'
import { fail, ok } from '../../../shared/result'
import { fakeApi, toBase64, type FakeApi } from '../test-utils'
import { createCapturePager, MAX_PAGES, PAGE_SIZE, pagedSource } from './capture-pager'

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
const MB100 = 100 * 1000 * 1000

/** Byte `offset` of the fake stream: a pattern, so 100 MB need not be held. */
const byteAt = (direction: Direction, offset: number): number =>
  (offset * 31 + (direction === 'in' ? 7 : 11)) & 0xff

/** An Api whose readBytes serves a generated stream of `total` bytes a direction. */
function apiGenerating(total: number): FakeApi {
  const api = fakeApi()
  api.readBytes.mockImplementation(async ({ offset, length, direction = 'in' }) => {
    const end = Math.min(total, offset + length)
    const bytes = new Uint8Array(Math.max(0, end - offset))
    for (let i = 0; i < bytes.length; i++) bytes[i] = byteAt(direction, offset + i)
    return ok({
      offset,
      base64: toBase64(bytes),
      captured: total,
      bytesIn: total,
      truncated: false,
      chunks: [],
    })
  })
  return api
}

describe('createCapturePager', () => {
  it('scrolling to the middle of a 100 MB stream fetches only the pages on screen', async () => {
    const api = apiGenerating(MB100)
    const pager = createCapturePager(api, 'c1')
    pager.setTotals({ in: MB100, out: MB100 })
    const middle = MB100 / 2
    // A screen of Hex: 60 lines of 16 bytes, straddling a page boundary.
    const from = Math.floor(middle / PAGE_SIZE) * PAGE_SIZE - 480
    expect(pager.request('in', from, from + 960)).toBe(false)
    expect(pager.slice('in', from, from + 960)).toBeNull()
    await settle()
    const bytes = pager.slice('in', from, from + 960)
    expect(bytes).not.toBeNull()
    expect([...(bytes ?? [])]).toEqual(
      Array.from({ length: 960 }, (_, i) => byteAt('in', from + i)),
    )
    expect(api.readBytes).toHaveBeenCalledTimes(2)
    expect(api.readBytes.mock.calls.every(([r]) => r.length === PAGE_SIZE)).toBe(true)
    expect(pager.getVersion()).toBeGreaterThan(0)

    // Scrolling on within those pages asks for nothing more; the end is one (short) page.
    expect(pager.request('in', from + 100, from + 500)).toBe(true)
    pager.request('out', MB100 - 960, MB100)
    await settle()
    expect(api.readBytes).toHaveBeenCalledTimes(3)
    const last = api.readBytes.mock.calls[2]?.[0]
    expect(last?.direction).toBe('out')
    expect((last?.offset ?? 0) + (last?.length ?? 0)).toBe(MB100)
    expect(pager.slice('out', MB100 - 2, MB100 + 50)).toEqual(
      new Uint8Array([byteAt('out', MB100 - 2), byteAt('out', MB100 - 1)]),
    )
  })

  it('asks for a page once while its answer is on the way', async () => {
    const api = apiGenerating(MB100)
    const pager = createCapturePager(api, 'c1')
    pager.setTotals({ in: MB100, out: 0 })
    pager.request('in', 0, 10)
    pager.request('in', 5, 20)
    expect(pager.slice('in', 0, 1)).toBeNull()
    await settle()
    expect(api.readBytes).toHaveBeenCalledTimes(1)
    // Nothing is asked past the total.
    expect(pager.request('out', 0, 100)).toBe(true)
    expect(api.readBytes).toHaveBeenCalledTimes(1)
  })

  it('keeps at most MAX_PAGES pages, evicting the least recently used', async () => {
    const api = apiGenerating(MB100)
    const pager = createCapturePager(api, 'c1')
    pager.setTotals({ in: MB100, out: 0 })
    pager.request('in', 0, 1)
    await settle()
    for (let index = 1; index <= MAX_PAGES; index++) {
      // Page 0 stays in use while the others stream past.
      pager.request('in', 0, 1)
      pager.request('in', index * PAGE_SIZE, index * PAGE_SIZE + 1)
      await settle()
    }
    expect(pager.size).toBe(MAX_PAGES)
    expect(api.readBytes).toHaveBeenCalledTimes(MAX_PAGES + 1)
    expect(pager.request('in', 0, 1)).toBe(true)
    // Page 1 was the least recently used: it went and is fetched again.
    expect(pager.request('in', PAGE_SIZE, PAGE_SIZE + 1)).toBe(false)
    await settle()
    expect(api.readBytes).toHaveBeenCalledTimes(MAX_PAGES + 2)
    expect(pager.size).toBe(MAX_PAGES)
  })

  it('fetches a short last page again once the stream grows past it', async () => {
    let total = 100
    const api = apiGenerating(MB100)
    const pager = createCapturePager(api, 'c1')
    pager.setTotals({ in: total, out: 0 })
    pager.request('in', 0, total)
    await settle()
    expect(api.readBytes.mock.calls[0]?.[0].length).toBe(100)
    total = 300
    pager.setTotals({ in: total, out: 0 })
    expect(pager.slice('in', 0, total)).toBeNull()
    pager.request('in', 0, total)
    await settle()
    expect(pager.slice('in', 0, total)?.length).toBe(300)
    expect(api.readBytes.mock.calls.map(([r]) => [r.offset, r.length])).toEqual([
      [0, 100],
      [0, 300],
    ])
  })

  it('as a source for larger totals, reads bytes past what it was told as not here yet', async () => {
    const api = apiGenerating(MB100)
    const pager = createCapturePager(api, 'c1')
    pager.setTotals({ in: 100, out: 0 })
    pager.request('in', 0, 100)
    await settle()
    // The rows are laid out for 300 bytes before the pager is told of them.
    const source = pagedSource(pager, { in: 300, out: 0 }, pager.getVersion())
    expect(source.slice('in', 0, 50)?.length).toBe(50)
    expect(source.slice('in', 50, 150)).toBeNull()
    expect(source.slice('in', 200, 300)).toBeNull()
    pager.setTotals({ in: 300, out: 0 })
    source.request('in', 0, 300)
    await settle()
    expect(source.slice('in', 50, 150)?.length).toBe(100)
    expect(source.slice('in', 200, 400)?.length).toBe(100)
  })

  it('reports a failed read and drops answers after dispose', async () => {
    const api = fakeApi()
    api.readBytes.mockResolvedValue(fail({ code: 'NOT_FOUND', message: 'gone' }))
    const pager = createCapturePager(api, 'c1')
    pager.setTotals({ in: 10, out: 0 })
    pager.request('in', 0, 10)
    await settle()
    expect(pager.getError()?.code).toBe('NOT_FOUND')

    const good = apiGenerating(10)
    const disposed = createCapturePager(good, 'c1')
    disposed.setTotals({ in: 10, out: 0 })
    disposed.request('in', 0, 10)
    disposed.dispose()
    await settle()
    expect(good.readBytes).toHaveBeenCalledTimes(1)
    expect(disposed.size).toBe(0)
  })
})
