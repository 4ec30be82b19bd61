import { describe, expect, it } from 'vitest'
import {
  ConnectionAllowance,
  connectionCapacity,
  parseOpenFileLimit,
  readDescriptorLimit,
} from './descriptor-limit'

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max processes             63704                63704                processes
Max open files            1024                 524288               files
Max locked memory         8388608              8388608              bytes
`

describe('the open-file limit', () => {
  it('reads soft and hard from /proc/self/limits', () => {
    expect(parseOpenFileLimit(LIMITS)).toEqual({ soft: 1024, hard: 524288 })
    expect(parseOpenFileLimit('Max open files  4096  unlimited  files')).toEqual({
      soft: 4096,
      hard: null,
    })
    expect(parseOpenFileLimit('Max processes 1 1')).toBeNull()
    expect(parseOpenFileLimit('Max open files  lots  more  files')).toBeNull()
  })

  it('leaves room below the limit for what is not a connection', () => {
    expect(connectionCapacity(128, 20)).toBe(128 - 20 - 32)
    expect(connectionCapacity(1024, 100)).toBe(1024 - 100 - 64)
    expect(connectionCapacity(16, 20)).toBe(1)
  })

  it('is known on Linux, below the soft limit; unknown elsewhere', () => {
    expect(readDescriptorLimit('win32')).toBeNull()
    const limit = readDescriptorLimit('linux')
    if (process.platform !== 'linux') return expect(limit).toBeNull()
    expect(limit?.soft).toBeGreaterThan(0)
    expect(limit?.capacity).toBeLessThan(limit?.soft ?? 0)
  })

  it('allows connections up to the capacity across listeners, and again once one closes', () => {
    const allowance = new ConnectionAllowance({ soft: 128, hard: 128, capacity: 2 })
    expect([allowance.take(), allowance.take(), allowance.take()]).toEqual([true, true, false])
    allowance.release()
    expect(allowance.take()).toBe(true)
    const unknown = new ConnectionAllowance(null)
    for (let i = 0; i < 1000; i++) expect(unknown.take()).toBe(true)
  })
})
