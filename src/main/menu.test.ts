import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { desktopTranslator } from './desktop-messages'
import { menuTemplate } from './menu'

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])
}

const actions = { openBook: vi.fn(), showLogFile: vi.fn(), showDataDir: vi.fn() }

describe('the application menu', () => {
  it('has reload and DevTools in development only', () => {
    const t = desktopTranslator('en')
    const dev = roles(menuTemplate({ platform: 'linux', isDevelopment: true, t, ...actions }))
    expect(dev).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
    const installed = roles(
      menuTemplate({ platform: 'linux', isDevelopment: false, t, ...actions }),
    )
    for (const role of ['reload', 'forceReload', 'toggleDevTools'])
      expect(installed).not.toContain(role)
    expect(installed).toEqual(
      expect.arrayContaining(['quit', 'editMenu', 'togglefullscreen', 'windowMenu']),
    )
    // Ctrl +/−/0 belong to the page's saved text size, not to Chromium's zoom.
    for (const role of ['zoomIn', 'zoomOut', 'resetZoom']) expect(installed).not.toContain(role)
  })

  it('is in the app language, with the app menu first on macOS, and Help that works', () => {
    const ru = menuTemplate({
      platform: 'darwin',
      isDevelopment: false,
      t: desktopTranslator('ru'),
      ...actions,
    })
    expect(ru[0]?.role).toBe('appMenu')
    expect(ru.map((item) => item.label).filter(Boolean)).toEqual(['Файл', 'Вид', 'Справка'])
    const help = ru.at(-1)?.submenu as MenuItemConstructorOptions[]
    for (const item of help) (item.click as (() => void) | undefined)?.()
    expect(actions.openBook).toHaveBeenCalledOnce()
    expect(actions.showLogFile).toHaveBeenCalledOnce()
    expect(actions.showDataDir).toHaveBeenCalledOnce()
  })
})
