import { describe, expect, it } from 'vitest'
import { makeConnection } from '../test-utils'
import { ConnectionIndex } from './connection-index'

describe('ConnectionIndex', () => {
  it('finds only what the list asked about holds, however far the shared index has grown', () => {
    const older = [makeConnection(1, { id: 'a' }), makeConnection(2, { id: 'b' })]
    const index = ConnectionIndex.of(older)
    const newer = [...older, makeConnection(3, { id: 'c' })]
    index.add('c', 2)
    expect(index.find(newer, 'c')).toBe(2)
    expect(index.find(older, 'c')).toBeUndefined()
    expect(index.find(older, 'b')).toBe(1)
    expect(index.find(older, 'nope')).toBeUndefined()
  })

  it('stays right when two states grow apart from one (the place is looked up again)', () => {
    const base = [makeConnection(1, { id: 'a' })]
    const index = ConnectionIndex.of(base)
    const left = [...base, makeConnection(2, { id: 'x' })]
    index.add('x', 1)
    const right = [...base, makeConnection(2, { id: 'y' }), makeConnection(3, { id: 'x' })]
    index.add('y', 1)
    index.add('x', 2)
    expect(index.find(left, 'x')).toBe(1)
    expect(index.find(right, 'x')).toBe(2)
    expect(index.find(left, 'y')).toBeUndefined()
    expect(index.placeOf('x')).toBe(2)
  })

  it('rebuilds without forgotten ones: places follow the new list, accept order carries over', () => {
    const list = [1, 2, 3, 4, 5].map((n) => makeConnection(n))
    const index = ConnectionIndex.of(list)
    expect(index.without(list, new Set(['c9']))).toBeNull()
    const rebuilt = index.without(list, new Set(['c1', 'c3']))!
    expect(rebuilt.list.map((c) => c.id)).toEqual(['c2', 'c4', 'c5'])
    expect(rebuilt.list.map((c) => rebuilt.index.find(rebuilt.list, c.id))).toEqual([0, 1, 2])
    expect(rebuilt.index.find(rebuilt.list, 'c1')).toBeUndefined()
    expect(rebuilt.list.map((c) => rebuilt.index.placeOf(c.id))).toEqual([1, 3, 4])
    // The old index still serves the old list.
    expect(index.find(list, 'c3')).toBe(2)
    // Appended after the rebuild: found at its place, ordered after everything before it.
    const grown = [...rebuilt.list, makeConnection(6)]
    rebuilt.index.add('c6', 3)
    expect(rebuilt.index.find(grown, 'c6')).toBe(3)
    expect(rebuilt.index.placeOf('c6')).toBe(5)
    const again = rebuilt.index.without(grown, new Set(['c2']))!
    expect(again.list.map((c) => again.index.placeOf(c.id))).toEqual([3, 4, 5])
    again.index.add('c7', 3)
    expect(again.index.placeOf('c7')).toBe(6)
  })

  it('drops a front of forgotten connections without a rebuild, still right for every list', () => {
    const list = [1, 2, 3, 4, 5, 6].map((n) => makeConnection(n))
    const index = ConnectionIndex.of(list)
    const dropped = index.without(list, new Set(['c1', 'c2']))!
    expect(dropped.list.map((c) => c.id)).toEqual(['c3', 'c4', 'c5', 'c6'])
    expect(dropped.list.map((c) => dropped.index.find(dropped.list, c.id))).toEqual([0, 1, 2, 3])
    expect(dropped.index.find(dropped.list, 'c1')).toBeUndefined()
    expect(dropped.list.map((c) => dropped.index.placeOf(c.id))).toEqual([2, 3, 4, 5])
    // The older state still finds what it holds, the dropped ones included.
    expect(list.map((c) => index.find(list, c.id))).toEqual([0, 1, 2, 3, 4, 5])
    // Appended after the drop: at its place in the new list, in accept order after the rest.
    const grown = [...dropped.list, makeConnection(7)]
    dropped.index.add('c7', 4)
    expect(dropped.index.find(grown, 'c7')).toBe(4)
    expect(dropped.index.placeOf('c7')).toBe(6)
    // A forgotten one that is not in the front: rebuilt, the same answers.
    const middle = dropped.index.without(grown, new Set(['c3', 'c5']))!
    expect(middle.list.map((c) => c.id)).toEqual(['c4', 'c6', 'c7'])
    expect(middle.list.map((c) => middle.index.find(middle.list, c.id))).toEqual([0, 1, 2])
    expect(middle.list.map((c) => middle.index.placeOf(c.id))).toEqual([3, 5, 6])
  })

  it('stays right over many bursts of forgetting the front (rebuilding now and then)', () => {
    let list = Array.from({ length: 100 }, (_, i) => makeConnection(i + 1))
    let index = ConnectionIndex.of(list)
    let next = 101
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 30; i++) {
        const c = makeConnection(next++)
        index.add(c.id, list.length)
        list = [...list, c]
      }
      const front = new Set(list.slice(0, 30).map((c) => c.id))
      const after = index.without(list, front)!
      list = after.list
      index = after.index
      expect(list).toHaveLength(100)
      expect(list.map((c) => index.find(list, c.id))).toEqual(list.map((_, i) => i))
      // Accept order is the connection's number less one: every one arrived in order.
      expect(list.map((c) => index.placeOf(c.id))).toEqual(list.map((c) => c.number - 1))
    }
  })
})
