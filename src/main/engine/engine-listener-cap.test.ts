import { afterEach, describe, expect, it } from 'vitest'
import { MAX_LISTENERS } from '../../shared/contract'
import { recordingEngine, type TestEngine } from './engine-test-kit'

let t: TestEngine

afterEach(async () => {
  await t.engine.shutdown()
})

describe('listener:add', () => {
  it(`adds at most MAX_LISTENERS (${MAX_LISTENERS}), then answers BAD_STATE; a removal makes room`, async () => {
    t = recordingEngine({ portProbe: () => Promise.resolve(true) })
    for (let i = 0; i < MAX_LISTENERS; i++) await t.value('listener:add', { port: 20_000 + i })
    const error = await t.error('listener:add', { port: 30_000 })
    expect(error.code).toBe('BAD_STATE')
    expect(error.message).toContain(`${MAX_LISTENERS} listeners`)
    const snap = await t.value('engine:snapshot', {})
    expect(snap.listeners).toHaveLength(MAX_LISTENERS)
    await t.value('listener:remove', { listenerId: 'L1' })
    expect((await t.value('listener:add', {})).id).toBe(`L${MAX_LISTENERS + 1}`)
  })
})
