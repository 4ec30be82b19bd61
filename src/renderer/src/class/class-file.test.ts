import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_PROGRESS_FILE_BYTES } from '../lessons/progress-file'
import {
  MAX_CLASS_FILE_BYTES,
  MAX_CLASS_FILE_ITEMS,
  admitFiles,
  fileOf,
  parseClassFile,
  readClassFile,
  readClassFiles,
  type NamedBlob,
} from './class-file'
import { LESSON_START, progressText, progressUpTo, sessionText } from './class-test-kit'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('parseClassFile', () => {
  it('reads a progress export: the name, the progress, when it was exported', () => {
    const progress = progressUpTo('routes', 1)
    expect(parseClassFile('anna.json', progressText('Anna', progress))).toEqual({
      ok: true,
      value: {
        file: 'anna.json',
        kind: 'progress',
        student: 'Anna',
        progress,
        savedAt: LESSON_START + 3_600_000,
      },
    })
  })

  it('reads a saved session that carries progress, and keeps a missing name as null', () => {
    const progress = progressUpTo('slow')
    expect(parseClassFile('s.json', sessionText(null, progress))).toMatchObject({
      ok: true,
      value: {
        kind: 'session',
        student: null,
        progress,
      },
    })
  })

  it('refuses a session without progress (an older app saved it)', () => {
    expect(parseClassFile('old.json', sessionText(null))).toEqual({
      ok: false,
      error: {
        file: 'old.json',
        problem: { kind: 'no-progress' },
      },
    })
  })

  it('finds the format when it is not the first field', () => {
    const data = JSON.parse(progressText('Bo', progressUpTo('connect'))) as Record<string, unknown>
    const { format, ...rest } = data
    const reordered = JSON.stringify({ ...rest, padding: 'x'.repeat(3000), format })
    expect(parseClassFile('bo.json', reordered)).toMatchObject({
      ok: true,
      value: { student: 'Bo' },
    })
    const session = JSON.parse(sessionText('Cy', progressUpTo('pool'))) as Record<string, unknown>
    const { format: f, ...others } = session
    expect(parseClassFile('cy.json', JSON.stringify({ ...others, format: f }))).toMatchObject({
      ok: true,
      value: {
        kind: 'session',
        student: 'Cy',
      },
    })
  })

  it.each([
    ['not JSON', '{"format": "socket-lab-progress", oops', { kind: 'not-json' }],
    ['empty', '', { kind: 'not-json' }],
    ['foreign JSON', '{"name": "package.json"}', { kind: 'unknown-format' }],
    ['a JSON array', '[1, 2, 3]', { kind: 'unknown-format' }],
    [
      'a newer progress format',
      progressText('A', progressUpTo('connect')).replace('"version": 1', '"version": 9'),
      { kind: 'newer-version', version: 9 },
    ],
    [
      'a progress file with an unknown stage',
      progressText('A', progressUpTo('connect')).replace('"stageId": "connect"', '"stageId": "x"'),
      { kind: 'damaged' },
    ],
    [
      'a session with a broken listener list',
      sessionText('A', progressUpTo('connect')).replace('"listeners":[]', '"listeners":{}'),
      { kind: 'damaged', where: 'listeners' },
    ],
  ])('names the problem with %s', (_, text, problem) => {
    const result = parseClassFile('f.json', text)
    expect(result).toMatchObject({ ok: false, error: { file: 'f.json', problem } })
  })

  it('refuses deep nesting before JSON.parse sees it', () => {
    const parse = vi.spyOn(JSON, 'parse')
    const deep = `{"format":"socket-lab-progress","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(parseClassFile('deep.json', deep)).toMatchObject({
      error: { problem: { kind: 'too-deep' } },
    })
    const deepSession = `{"format":"socket-lab-session","x":${'['.repeat(5000)}${']'.repeat(5000)}}`
    expect(parseClassFile('deep.json', deepSession)).toMatchObject({
      error: { problem: { kind: 'too-deep' } },
    })
    expect(parse).not.toHaveBeenCalled()
  })

  it("keeps a progress file within the progress parser's size limit", () => {
    const text = progressText('A', progressUpTo('connect')).replace(
      '"appVersion"',
      `"padding": "${'x'.repeat(MAX_PROGRESS_FILE_BYTES)}", "appVersion"`,
    )
    expect(parseClassFile('big.json', text)).toMatchObject({
      error: { problem: { kind: 'too-large', bytes: text.length, limit: MAX_PROGRESS_FILE_BYTES } },
    })
  })

  it('keeps a session within 64 MiB, refused before parsing', () => {
    const parse = vi.spyOn(JSON, 'parse')
    const text = `{"format":"socket-lab-session","pad":"${'x'.repeat(MAX_CLASS_FILE_BYTES)}"}`
    expect(parseClassFile('huge.json', text)).toMatchObject({
      error: { problem: { kind: 'too-large', bytes: text.length, limit: MAX_CLASS_FILE_BYTES } },
    })
    expect(parse).not.toHaveBeenCalled()
  })

  it('refuses a session of more values than any real one holds, before parsing (a 64 MiB file of {} would take the worker down)', () => {
    const parse = vi.spyOn(JSON, 'parse')
    const count = MAX_CLASS_FILE_ITEMS + 1
    const text = `{"format":"socket-lab-session","x":[${'{},'.repeat(count)}{}]}`
    expect(parseClassFile('wide.json', text)).toMatchObject({
      error: { problem: { kind: 'too-many-values', limit: MAX_CLASS_FILE_ITEMS } },
    })
    expect(parse).not.toHaveBeenCalled()
    // A real session is far below it.
    const real = sessionText('Anna', progressUpTo('routes', 1))
    expect(parseClassFile('anna.json', real)).toMatchObject({ ok: true })
  })
})

function blob(name: string, text: string): NamedBlob {
  return { name, size: text.length, text: async () => text }
}

describe('readClassFile', () => {
  it('refuses a file over 64 MiB without reading it', async () => {
    const text = vi.fn(async () => '')
    const result = await readClassFile({ name: 'big.json', size: MAX_CLASS_FILE_BYTES + 1, text })
    expect(result).toEqual({
      ok: false,
      error: {
        file: 'big.json',
        problem: {
          kind: 'too-large',
          bytes: MAX_CLASS_FILE_BYTES + 1,
          limit: MAX_CLASS_FILE_BYTES,
        },
      },
    })
    expect(text).not.toHaveBeenCalled()
  })

  it('says when a file cannot be read', async () => {
    const result = await readClassFile({
      name: 'gone.json',
      size: 10,
      text: () => Promise.reject(new Error('NotReadableError')),
    })
    expect(result).toMatchObject({ ok: false, error: { problem: { kind: 'unreadable' } } })
  })

  it('reads a real File', async () => {
    const file = new File([progressText('Anna', progressUpTo('respond'))], 'anna.json')
    expect(await readClassFile(file)).toMatchObject({ ok: true, value: { student: 'Anna' } })
  })
})

describe('readClassFiles', () => {
  it('reports every file in order; a bad one does not stop the others', async () => {
    const seen: [string, boolean, number][] = []
    await readClassFiles(
      [
        blob('a.json', progressText('A', progressUpTo('connect'))),
        blob('bad.json', 'not json'),
        blob('c.json', sessionText('C', progressUpTo('pool'))),
      ],
      (result, index) => seen.push([fileOf(result), result.ok, index]),
    )
    expect(seen).toEqual([
      ['a.json', true, 0],
      ['bad.json', false, 1],
      ['c.json', true, 2],
    ])
  })
})

describe('admitFiles', () => {
  const named = (...names: string[]) => names.map((name) => ({ name }))

  it('takes new files up to the cap and counts the rest', () => {
    const { admitted, skipped } = admitFiles(new Set(['a', 'b']), named('c', 'd', 'e'), 4)
    expect(admitted.map((f) => f.name)).toEqual(['c', 'd'])
    expect(skipped).toBe(1)
  })

  it('always takes a file that replaces one shown, and a name given twice once', () => {
    const { admitted, skipped } = admitFiles(new Set(['a', 'b']), named('a', 'x', 'a', 'b'), 3)
    expect(admitted.map((f) => f.name)).toEqual(['a', 'x', 'b'])
    expect(skipped).toBe(0)
  })
})
