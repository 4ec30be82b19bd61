import { describe, expect, it } from 'vitest'
import { desktopLanguage, desktopTranslator } from './desktop-messages'
import { describeFailure, failureDialog, type ShellFailure } from './failure-dialog'

const failures: ShellFailure[] = [
  { kind: 'load', code: -6, reason: 'ERR_FILE_NOT_FOUND', url: 'app://socket-lab/index.html' },
  { kind: 'crash', reason: 'oom', exitCode: -536870904 },
  { kind: 'engine', reason: 'EACCES: permission denied' },
  { kind: 'data-dir', dir: '/home/u/.config/Socket Lab', reason: 'EROFS: read-only file system' },
]

describe('the failure dialog', () => {
  it('names the reason, the log file and what can be done, in English and Russian', () => {
    for (const language of ['en', 'ru'] as const) {
      const t = desktopTranslator(language)
      for (const failure of failures) {
        const dialog = failureDialog(failure, t, { file: '/d/socket-lab.log', isWritable: true })
        expect(dialog.detail).toContain('/d/socket-lab.log')
        expect(dialog.buttons).toHaveLength(dialog.actions.length)
        // Escape (the last button) never reloads: it quits or carries on.
        expect(dialog.actions.at(-1)).toBe('quit')
        const reason = 'reason' in failure ? failure.reason : ''
        expect(dialog.detail).toContain(reason)
        expect(describeFailure(failure)).toContain(reason)
      }
    }
    const en = failureDialog(failures[0]!, desktopTranslator('en'), {
      file: '/d/socket-lab.log',
      isWritable: true,
    })
    expect(en.message).toBe('The window could not load its page.')
    expect(en.buttons).toEqual(['Reload', 'Quit'])
    const ru = failureDialog(failures[3]!, desktopTranslator('ru'), {
      file: '/tmp/socket-lab/socket-lab.log',
      isWritable: true,
    })
    expect(ru.buttons).toEqual(['Продолжить', 'Выйти'])
    expect(ru.detail).toContain('--data-dir')
  })

  it('says when the log file could not be written either', () => {
    const dialog = failureDialog(failures[2]!, desktopTranslator('en'), {
      file: '/x/socket-lab.log',
      isWritable: false,
    })
    expect(dialog.detail).toContain('could not be written either')
    expect(dialog.actions).toEqual(['quit'])
  })

  it("follows the app's language, else the OS's", () => {
    expect(desktopLanguage(null, 'ru-RU')).toBe('ru')
    expect(desktopLanguage(null, 'en-GB')).toBe('en')
    expect(desktopLanguage('en', 'ru')).toBe('en')
    expect(desktopLanguage('ru', 'de')).toBe('ru')
  })
})
