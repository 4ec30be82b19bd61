import { describe, expect, it } from 'vitest'
import { STAGE_CHECKPOINTS } from '../../../shared/lesson-progress'
import { makeListener } from '../test-utils'
import { lessonTarget, setupChanges, setupRequest } from './stage-setup'
import { stageById, stageCode, STAGES } from './stages'

const ownServer = stageById('own-server')

describe('the stages', () => {
  it('follow the chapter, then the learner’s own server, as the progress lists them', () => {
    expect(STAGES.map((s) => s.id)).toEqual(STAGE_CHECKPOINTS.map((s) => s.stageId))
    expect(STAGES.at(-1)?.id).toBe('own-server')
    expect(ownServer.listings).toBeNull()
    expect(STAGES.slice(0, -1).every((s) => s.listings !== null)).toBe(true)
  })

  it('write the own server’s code for the address it binds; the listings’ code is as it is', () => {
    expect(stageCode(ownServer, '127.0.0.1:9001')).toContain(
      'let listener = TcpListener::bind("127.0.0.1:9001").unwrap();',
    )
    expect(stageCode(ownServer, '127.0.0.1:9001')).not.toContain('7878')
    const connect = stageById('connect')
    expect(stageCode(connect, '127.0.0.1:9001')).toBe(connect.code)
  })
})

describe('setting up the own server’s stage', () => {
  it('forwards the book’s address to 127.0.0.1:7879 and says the target changes first', () => {
    const listener = makeListener({
      settings: { ...makeListener().settings, responder: 'echo', targetPort: 9000, stopAfter: 2 },
    })
    const request = setupRequest(listener, ownServer.setup)
    expect(request).toMatchObject({
      host: '127.0.0.1',
      port: 7878,
      responder: 'forward',
      targetHost: '127.0.0.1',
      targetPort: 7879,
      stopAfter: null,
    })
    expect(setupChanges(listener, request)).toEqual([
      { kind: 'responder', from: 'echo', to: 'forward' },
      { kind: 'target', from: '127.0.0.1:9000', to: '127.0.0.1:7879' },
      { kind: 'stop-after', from: 2, to: null },
    ])
    // The chapter's stages leave the target alone.
    expect(setupRequest(listener, stageById('pool').setup)).not.toHaveProperty('targetPort')
  })
})

describe('lessonTarget', () => {
  it('is the listener’s target as its settings say, an IPv6 host in brackets', () => {
    const on = (targetHost: string, targetPort: number) =>
      lessonTarget(
        makeListener({ settings: { ...makeListener().settings, targetHost, targetPort } }),
      )
    expect(on('127.0.0.1', 9001)).toEqual({
      target: '127.0.0.1:9001',
      targetPort: 9001,
      bindLine: 'TcpListener::bind("127.0.0.1:9001")',
    })
    expect(on('::1', 7879).bindLine).toBe('TcpListener::bind("[::1]:7879")')
    expect(lessonTarget(undefined).target).toBe('127.0.0.1:7879')
  })
})
