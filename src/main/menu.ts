/**
 * The application menu: Quit, and the usual Edit and View items (reload, devtools, zoom).
 */
import type { MenuItemConstructorOptions } from 'electron'

/** The menu template for a platform; macOS gets its app menu first, as users expect. */
export function menuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [platform === 'darwin' ? { role: 'close' } : { role: 'quit' }],
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const head: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ role: 'appMenu' }] : []
  return [...head, file, { role: 'editMenu' }, view, { role: 'windowMenu' }]
}
