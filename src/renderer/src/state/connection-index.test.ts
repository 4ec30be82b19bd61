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
})
