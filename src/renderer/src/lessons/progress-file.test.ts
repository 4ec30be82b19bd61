import { describe, expect, it } from 'vitest'
import { jsonDepth } from '../../../shared/json-limits'
import { CHECKPOINT_IDS, STAGE_CHECKPOINTS, STAGE_IDS } from '../../../shared/lesson-progress'
import {
  MAX_PROGRESS_DEPTH,
  MAX_PROGRESS_FILE_BYTES,
  parseProgressFile,
  serializeProgress,
  type ProgressFile,
} from './progress-file'

const file: ProgressFile = {
  student: 'Аня',
  appVersion: '0.1.0',
  exportedAt: Date.UTC(2026, 11, 3, 10),
  progress: {
    stageId: 'routes',
    stages: {
      connect: { since: 1000, ticked: { listening: 2000, established: 3000, 'accepted-3': 4000 } },
      routes: { since: 5000, ticked: { 'ok-served': 6000 } },
    },
  },
}

describe('progress files', () => {
  it('read back what was written', () => {
    expect(parseProgressFile(serializeProgress(file))).toEqual({ ok: true, value: file })
  })

  it('say what is wrong with a file that is not one, or is damaged', () => {
    const text = serializeProgress(file)
    const edit = (change: (data: Record<string, unknown>) => void): string => {
      const data = JSON.parse(text) as Record<string, unknown>
      change(data)
      return JSON.stringify(data)
    }
    expect(parseProgressFile('not json')).toEqual({ ok: false, error: { kind: 'not-json' } })
    expect(parseProgressFile('[1]')).toEqual({ ok: false, error: { kind: 'not-progress' } })
    expect(parseProgressFile(JSON.stringify({ format: 'socket-lab-session' }))).toEqual({
      ok: false,
      error: { kind: 'not-progress' },
    })
    expect(parseProgressFile(edit((d) => (d['version'] = 2)))).toEqual({
      ok: false,
      error: { kind: 'newer-version', version: 2 },
    })
    for (const change of [
      (d: Record<string, unknown>) => (d['exportedAt'] = 'today'),
      (d: Record<string, unknown>) => (d['student'] = 'a\u0000b'),
      (d: Record<string, unknown>) => (d['progress'] = { stageId: 'nope', stages: {} }),
    ])
      expect(parseProgressFile(edit(change))).toMatchObject({
        ok: false,
        error: { kind: 'damaged' },
      })
  })

  it('refuse huge and deeply nested files before parsing them', () => {
    expect(parseProgressFile(' '.repeat(MAX_PROGRESS_FILE_BYTES + 1))).toEqual({
      ok: false,
      error: { kind: 'too-large', bytes: MAX_PROGRESS_FILE_BYTES + 1 },
    })
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(parseProgressFile(deep)).toEqual({ ok: false, error: { kind: 'too-deep' } })
    expect(jsonDepth('{"a":[{"b":"[[[["}]}')).toBe(3)
    expect(jsonDepth('"\\"{"')).toBe(0)
    expect(jsonDepth(deep, MAX_PROGRESS_DEPTH + 1)).toBe(MAX_PROGRESS_DEPTH + 1)
  })

  it('know every stage and checkpoint once, in the chapter order', () => {
    expect(STAGE_CHECKPOINTS.map((s) => s.stageId)).toEqual([...STAGE_IDS])
    expect(STAGE_CHECKPOINTS.flatMap((s) => s.checkpoints).sort()).toEqual(
      [...CHECKPOINT_IDS].sort(),
    )
  })

  it('read a file written before the own server’s stage, and one that has it', () => {
    // As an app without the stage wrote it: the chapter's eight stages, nothing else.
    const older = JSON.stringify({
      format: 'socket-lab-progress',
      version: 1,
      appVersion: '0.1.0',
      exportedAt: 1000,
      student: 'Ann',
      progress: {
        stageId: 'shutdown',
        stages: { shutdown: { since: 10, ticked: { 'take-shutdown': 20 } } },
      },
    })
    const read = parseProgressFile(older)
    expect(read).toMatchObject({ ok: true, value: { progress: { stageId: 'shutdown' } } })
    if (read.ok) expect(read.value.progress.stages['own-server']).toBeUndefined()
    const own: ProgressFile = {
      ...file,
      progress: {
        stageId: 'own-server',
        stages: {
          'own-server': {
            since: 10,
            ticked: { 'target-accepted': 20, 'target-answered': 30, 'response-clean': 40 },
          },
        },
      },
    }
    expect(parseProgressFile(serializeProgress(own))).toEqual({ ok: true, value: own })
  })
})
