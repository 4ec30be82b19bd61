import { describe, expect, it } from 'vitest'
import { jsonDepth, jsonItems } from './json-limits'
import { CHECKPOINT_IDS, STAGE_IDS, type LessonProgress } from './lesson-progress'
import { MAX_CLIENT_ROWS } from './client-types'
import { defaultListenerSettings } from './listener-defaults'
import { MAX_SAVED_LISTENERS } from './settings'
import { MAX_WIRE_DEPTH, MAX_WIRE_ITEMS, parseWireRequest } from './wire'

function frame(channel: string, request: unknown): string {
  return JSON.stringify({ kind: 'request', id: 7, channel, request })
}

/** `request` as `depth` levels of objects and arrays in turn, the frame itself one more. */
function nested(depth: number): string {
  let request = '1'
  for (let level = 0; level < depth - 1; level++)
    request = level % 2 === 0 ? `[${request}]` : `{"a":${request}}`
  return `{"kind":"request","id":7,"channel":"engine:snapshot","request":${request}}`
}

describe('parseWireRequest', () => {
  it('reads a frame nested up to MAX_WIRE_DEPTH', () => {
    expect(jsonDepth(nested(MAX_WIRE_DEPTH))).toBe(MAX_WIRE_DEPTH)
    expect(parseWireRequest(nested(MAX_WIRE_DEPTH))).toMatchObject({ kind: 'request', id: 7 })
  })

  it('refuses a deeper frame unparsed, saying why', () => {
    expect(parseWireRequest(nested(MAX_WIRE_DEPTH + 1))).toEqual({
      code: 'INVALID_REQUEST',
      message: `The frame nests arrays and objects more than ${MAX_WIRE_DEPTH} levels deep`,
    })
    // Six million levels: refused by the scan in one pass (JSON.parse took seconds and 0.5 GB).
    const huge = '['.repeat(6_000_000) + ']'.repeat(6_000_000)
    expect(parseWireRequest(huge)).toMatchObject({ code: 'INVALID_REQUEST' })
  })

  it('refuses a frame of too many values unparsed, and reads one just within', () => {
    const wide = (n: number): string =>
      frame(
        'engine:snapshot',
        Array.from({ length: n }, () => ({})),
      )
    // The frame's object and its 3 commas, then n objects in an array: n + 1 objects and arrays
    // and n - 1 commas.
    const within = (MAX_WIRE_ITEMS - 4) / 2
    expect(jsonItems(wide(within))).toBe(MAX_WIRE_ITEMS)
    expect(parseWireRequest(wide(within))).toMatchObject({ kind: 'request' })
    expect(parseWireRequest(wide(within + 1))).toEqual({
      code: 'INVALID_REQUEST',
      message: `The frame holds too many values (more than ${MAX_WIRE_ITEMS} arrays, objects and commas)`,
    })
  })

  it('counts no bracket inside a string, escaped quotes included', () => {
    const text = frame('engine:snapshot', { note: '\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' })
    expect(parseWireRequest(text)).toMatchObject({ kind: 'request', id: 7 })
  })

  it('leaves the real requests far from the limit', () => {
    const stages: LessonProgress['stages'] = {}
    for (const stageId of STAGE_IDS)
      stages[stageId] = {
        since: 1,
        ticked: Object.fromEntries(CHECKPOINT_IDS.map((id) => [id, 2])),
      }
    const settings = frame('settings:set', {
      listeners: Array.from({ length: MAX_SAVED_LISTENERS }, defaultListenerSettings),
      progress: { stageId: 'connect', stages },
    })
    const run = frame('client:run', {
      target: '127.0.0.1:7878',
      plan: {
        kind: 'http',
        rows: Array.from({ length: MAX_CLIENT_ROWS * 10 }, () => ({
          count: 1,
          path: '/',
          startMs: 0,
        })),
      },
    })
    const listener = frame('listener:add', defaultListenerSettings())
    console.log(
      'ITEMS',
      [settings, run, listener].map((t) => jsonItems(t)),
    )
    for (const text of [settings, run, listener]) {
      expect(jsonDepth(text)).toBeLessThanOrEqual(MAX_WIRE_DEPTH / 4)
      expect(jsonItems(text)).toBeLessThanOrEqual(MAX_WIRE_ITEMS / 20)
    }
  })
})
