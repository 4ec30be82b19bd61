import { describe, expect, it } from 'vitest'
import { progressText, progressUpTo, sessionText } from './class-test-kit'
import {
  answerReadRequest,
  answerRequest,
  isOpenSessionRequest,
  isReadRequest,
  type WorkerReply,
} from './worker-protocol'

describe('the worker protocol', () => {
  it('knows a read request from anything else', () => {
    const file = new File(['{}'], 'a.json')
    expect(isReadRequest({ type: 'read', files: [file] })).toBe(true)
    expect(isReadRequest({ type: 'read', files: [] })).toBe(true)
    expect(isReadRequest({ type: 'read', files: ['a.json'] })).toBe(false)
    expect(isReadRequest({ type: 'read' })).toBe(false)
    expect(isReadRequest({ type: 'write', files: [file] })).toBe(false)
    expect(isReadRequest(null)).toBe(false)
    expect(isReadRequest('read')).toBe(false)
  })

  it('answers each file in order, then done', async () => {
    const replies: WorkerReply[] = []
    await answerReadRequest(
      {
        type: 'read',
        files: [
          new File([progressText('Anna', progressUpTo('pool'))], 'anna.json'),
          new File(['nope'], 'bad.json'),
        ],
      },
      (reply) => replies.push(reply),
    )
    expect(replies).toEqual([
      {
        type: 'result',
        index: 0,
        result: {
          ok: true,
          value: expect.objectContaining({ student: 'Anna' }) as unknown,
        },
      },
      {
        type: 'result',
        index: 1,
        result: { ok: false, error: { file: 'bad.json', problem: { kind: 'not-json' } } },
      },
      { type: 'done' },
    ])
  })

  it('answers a malformed message with done alone', async () => {
    const replies: WorkerReply[] = []
    await answerReadRequest({ type: 'read', files: 'x' }, (reply) => replies.push(reply))
    expect(replies).toEqual([{ type: 'done' }])
  })

  it('knows an open-session request', () => {
    const file = new File(['{}'], 'a.json')
    expect(isOpenSessionRequest({ type: 'open-session', file })).toBe(true)
    expect(isOpenSessionRequest({ type: 'open-session', file: 'a.json' })).toBe(false)
    expect(isOpenSessionRequest({ type: 'read', files: [file] })).toBe(false)
  })

  it('answers an open-session request with the session, or its problem', async () => {
    const replies: WorkerReply[] = []
    const post = (reply: WorkerReply): number => replies.push(reply)
    await answerRequest(
      {
        type: 'open-session',
        file: new File([sessionText('Anna', progressUpTo('routes'))], 'a.json'),
      },
      post,
    )
    await answerRequest(
      { type: 'open-session', file: new File(['[[[[', '['.repeat(99)], 'd.json') },
      post,
    )
    expect(replies).toEqual([
      {
        type: 'session',
        result: { ok: true, value: expect.objectContaining({ student: 'Anna' }) },
      },
      { type: 'session', result: { ok: false, error: { kind: 'too-deep' } } },
    ])
  })

  it('still answers the class view’s reads', async () => {
    const replies: WorkerReply[] = []
    await answerRequest({ type: 'read', files: [] }, (reply) => replies.push(reply))
    expect(replies).toEqual([{ type: 'done' }])
  })
})
