/**
 * The application menu: File (Quit), Edit, View (full screen; reload and DevTools only in
 * development), Window, and Help (the book's chapter, the log file, the data folder).
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { DesktopTranslate } from './desktop-messages'

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Reload and DevTools are for developers: an installed app has neither. */
  isDevelopment: boolean
  t: DesktopTranslate
  openBook: () => void
  showLogFile: () => void
  showDataDir: () => void
}

/** The menu template; macOS gets its app menu first, as users expect. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, t } = options
  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [platform === 'darwin' ? { role: 'close' } : { role: 'quit' }],
  }
  const developer: MenuItemConstructorOptions[] = options.isDevelopment
    ? [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : []
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      ...developer,
      // No zoom items: Ctrl +, − and 0 reach the page, which steps its saved text size (the
      // header's A− A+), instead of a Chromium zoom that would be lost on restart.
      { role: 'togglefullscreen' },
    ],
  }
  const help: MenuItemConstructorOptions = {
    label: t('menu.help'),
    role: 'help',
    submenu: [
      { label: t('menu.book'), click: options.openBook },
      { type: 'separator' },
      { label: t('menu.openLog'), click: options.showLogFile },
      { label: t('menu.openDataDir'), click: options.showDataDir },
    ],
  }
  const head: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ role: 'appMenu' }] : []
  return [...head, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help]
}
