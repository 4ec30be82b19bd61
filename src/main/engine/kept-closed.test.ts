import { describe, expect, it } from 'vitest'
import { KeptClosed } from './kept-closed'

describe('KeptClosed', () => {
  it('waits for a twentieth past the limit, then forgets the oldest closed down to the limit', () => {
    const told: Array<[string[], number]> = []
    const forgotten: string[] = []
    const kept = new KeptClosed(40, (ids, total) => told.push([ids, total]))
    const add = (n: number): void => kept.add(`L1#${n}`, () => forgotten.push(`L1#${n}`))
    for (let n = 1; n <= 42; n++) add(n)
    expect(told).toEqual([])
    add(43)
    const first = ['L1#1', 'L1#2', 'L1#3']
    expect(told).toEqual([[first, 3]])
    expect(forgotten).toEqual(first)
    kept.delete('L1#4')
    for (let n = 44; n <= 46; n++) add(n)
    expect(told).toHaveLength(1)
    add(47)
    expect(told[1]).toEqual([['L1#5', 'L1#6', 'L1#7'], 6])
    expect(kept.total).toBe(6)
  })
})
