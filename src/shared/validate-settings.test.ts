import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from './settings'
import {
  checkLessonProgress,
  checkSettingsPatch,
  checkStudentName,
  parseAppSettings,
} from './validate-settings'

describe('the display, first-run, student and progress settings', () => {
  it('takes a font scale within bounds, flags as booleans', () => {
    expect(
      checkSettingsPatch({ fontScale: 1.5, isProjector: true, isFirstRunDismissed: false }),
    ).toEqual({
      ok: true,
      value: { fontScale: 1.5, isProjector: true, isFirstRunDismissed: false },
    })
    for (const fontScale of [0.5, 2.5, Number.NaN, '1', null])
      expect(checkSettingsPatch({ fontScale }).ok, String(fontScale)).toBe(false)
    expect(checkSettingsPatch({ isProjector: 'yes' }).ok).toBe(false)
  })

  it('trims a student name, reads an empty one as none, refuses control characters and long ones', () => {
    expect(checkStudentName('  Аня К. ')).toEqual({ ok: true, value: 'Аня К.' })
    expect(checkStudentName('   ')).toEqual({ ok: true, value: null })
    expect(checkStudentName(null)).toEqual({ ok: true, value: null })
    for (const bad of ['a\nb', 'x'.repeat(81), 42]) expect(checkStudentName(bad).ok).toBe(false)
  })

  it('takes progress with known stages and checkpoints and times, nothing else', () => {
    const progress = {
      stageId: 'pool',
      stages: {
        connect: { since: 1, ticked: { listening: 2, 'accepted-3': 3 } },
        pool: { since: 4, ticked: {} },
      },
    }
    expect(checkLessonProgress(progress)).toEqual({ ok: true, value: progress })
    for (const bad of [
      { ...progress, stageId: 'chapter-21' },
      { ...progress, stages: { nope: { since: 1, ticked: {} } } },
      { ...progress, stages: { connect: { since: -1, ticked: {} } } },
      { ...progress, stages: { connect: { since: 1, ticked: { flying: 2 } } } },
      { ...progress, stages: { connect: { since: 1, ticked: { listening: 'now' } } } },
      { ...progress, extra: 1 },
      [],
    ])
      expect(checkLessonProgress(bad).ok, JSON.stringify(bad)).toBe(false)
  })

  it('takes every splitter share within its range, and nothing else', () => {
    const panes = { side: 0.3, lesson: 0.6, lessonSideBySide: 0.45 }
    expect(checkSettingsPatch({ panes })).toEqual({ ok: true, value: { panes } })
    for (const bad of [
      { ...panes, side: 0.9 },
      { ...panes, lesson: 0.1 },
      { ...panes, lessonSideBySide: '0.5' },
      { side: 0.3, lesson: 0.6 },
      { ...panes, log: 0.5 },
      [0.3, 0.6, 0.45],
      null,
    ])
      expect(checkSettingsPatch({ panes: bad }).ok, JSON.stringify(bad)).toBe(false)
  })

  it('reads an older settings file without them as the defaults', () => {
    expect(parseAppSettings({ version: 1, language: 'ru', theme: 'dark', listeners: [] })).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, language: 'ru', theme: 'dark' },
    })
  })
})
