import { afterEach, describe, expect, it, vi } from 'vitest'
import { HalfClosedSweep } from './half-closed-sweep'

afterEach(() => {
  vi.useRealTimers()
})

/** A probe that stays half-closed for `times` probes. */
function probeFor(times: number): { probe(): boolean; probes: number } {
  const p = {
    probes: 0,
    probe() {
      p.probes += 1
      return p.probes < times
    },
  }
  return p
}

describe('HalfClosedSweep', () => {
  it('has no timer until a connection is half-closed, and none once it is not', () => {
    vi.useFakeTimers()
    const sweep = new HalfClosedSweep(100)
    expect(sweep.isRunning).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
    const a = probeFor(3)
    sweep.watch(a)
    expect(sweep.isRunning).toBe(true)
    vi.advanceTimersByTime(100)
    expect(a.probes).toBe(1)
    vi.advanceTimersByTime(500)
    expect(a.probes).toBe(3)
    expect(sweep.isRunning).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('probes every watched connection each sweep, and stops with the engine', () => {
    vi.useFakeTimers()
    const sweep = new HalfClosedSweep(100)
    const a = probeFor(100)
    const b = probeFor(100)
    sweep.watch(a)
    sweep.watch(b)
    sweep.watch(a)
    vi.advanceTimersByTime(200)
    expect([a.probes, b.probes]).toEqual([2, 2])
    sweep.stop()
    expect(vi.getTimerCount()).toBe(0)
    sweep.watch(probeFor(100))
    expect(sweep.isRunning).toBe(false)
    vi.advanceTimersByTime(500)
    expect([a.probes, b.probes]).toEqual([2, 2])
  })
})
