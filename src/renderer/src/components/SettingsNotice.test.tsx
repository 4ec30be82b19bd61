import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type SettingsProblem } from '../../../shared/settings'
import type { Lang } from '../i18n/translate'
import { createStore } from '../state/store'
import { renderWith } from '../test-utils'
import { SettingsNotice } from './SettingsNotice'

const file = '/home/u/.config/Socket Lab/settings.json'
const diskFull = 'could not save the settings: ENOSPC: no space left on device, write'

/** The notice over a store whose settings load found `problem`, and whose last save failed with `saveError`. */
function renderNotice(problem: SettingsProblem | null, saveError: string | null, lang: Lang) {
  const store = createStore()
  store.dispatch({
    type: 'settings-loaded',
    loaded: { settings: DEFAULT_SETTINGS, problem, saveError },
  })
  return renderWith(<SettingsNotice />, { store, lang })
}

/** The notice's text, rendered and taken away again. */
function noticeText(problem: SettingsProblem | null, saveError: string | null, lang: Lang): string {
  const { unmount } = renderNotice(problem, saveError, lang)
  const text = screen.getByRole('alert').textContent ?? ''
  unmount()
  return text
}

const fifo: SettingsProblem = {
  kind: 'not-a-file',
  file,
  found: 'fifo',
  message: `${file} is a FIFO (named pipe), not a regular file`,
}

describe('SettingsNotice', () => {
  it('names the file that is not a regular file, and says settings are not saved (en, ru)', () => {
    const en = noticeText(fifo, null, 'en')
    expect(en).toContain(
      'Your settings file is a named pipe (FIFO), not a regular file, so it was ignored and left as it is: Socket Lab started with defaults and cannot save settings until it is removed or replaced by a regular file.',
    )
    expect(en).toContain(`Settings file: ${file}`)
    const ru = noticeText({ ...fifo, found: 'directory' }, null, 'ru')
    expect(ru).toContain(
      'Файл настроек — папка, а не обычный файл, поэтому он пропущен и оставлен как есть: Socket Lab запущен с настройками по умолчанию и не сможет их сохранять, пока файл не удалят или не заменят обычным файлом.',
    )
    expect(ru).toContain(`Файл настроек: ${file}`)
  })

  it('a file too large to read: the limit, where the old file went (en, ru)', () => {
    const problem: SettingsProblem = {
      kind: 'too-large',
      file,
      movedTo: `${file}.corrupt-2025`,
      message: '40000000 bytes; settings files are read up to 33554432',
    }
    const en = noticeText(problem, null, 'en')
    expect(en).toContain(
      'Your saved settings could not be read (the file is larger than 32 MiB) and were replaced by defaults.',
    )
    expect(en).toContain(`The old file was kept as ${file}.corrupt-2025.`)
    const ru = noticeText(problem, null, 'ru')
    expect(ru).toContain(
      'Сохранённые настройки не удалось прочитать (файл больше 32 МиБ), они заменены настройками по умолчанию.',
    )
    expect(ru).toContain(`Старый файл сохранён как ${file}.corrupt-2025.`)
  })

  it('says how many listeners in the file were ignored, in plural forms (en, ru)', () => {
    const capped = (ignored: number): SettingsProblem => ({
      kind: 'listeners-capped',
      file,
      ignored,
      message: `${32 + ignored} listeners; the first 32 were restored, ${ignored} ignored`,
    })
    expect(noticeText(capped(8), null, 'en')).toContain(
      'Your settings file has more listeners than the 32 Socket Lab keeps: the first 32 were restored and 8 were ignored (the next save leaves them out).',
    )
    expect(noticeText(capped(1), null, 'en')).toContain(
      'the first 32 were restored and 1 was ignored (the next save leaves it out).',
    )
    expect(noticeText(capped(8), null, 'ru')).toContain(
      'В файле настроек больше слушателей, чем хранит Socket Lab (32): восстановлены первые 32, 8 слушателей пропущено (при следующем сохранении их в файле не будет).',
    )
    expect(noticeText(capped(2), null, 'ru')).toContain(
      'восстановлены первые 32, 2 слушателя пропущено',
    )
  })

  it('shows a failed save with the reason, and Dismiss hides it (en, ru)', async () => {
    const user = userEvent.setup()
    const { store } = renderNotice(null, diskFull, 'en')
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain(
      'Your settings could not be saved: changes apply until Socket Lab closes.',
    )
    expect(alert.textContent).toContain(diskFull)
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(store.getState().settingsSaveError).toBeNull()
    expect(noticeText(null, diskFull, 'ru')).toContain(
      'Настройки не удалось сохранить: изменения действуют, пока Socket Lab не закрыт.',
    )
  })

  it('one notice for a load problem and a failed save; a save that works leaves the load problem', () => {
    const { store } = renderNotice(fifo, diskFull, 'en')
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(screen.getByRole('alert').textContent).toContain('could not be saved')
    act(() => store.dispatch({ type: 'settings-save-settled', error: null }))
    expect(screen.getByRole('alert').textContent).not.toContain('could not be saved')
    expect(screen.getByRole('alert').textContent).toContain('named pipe (FIFO)')
  })
})
