/**
 * The desktop app started with --no-sandbox (the user asked for it): a warning that stays, so
 * nobody forgets the renderer runs without Chromium's sandbox. Nothing in browser mode.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/context'
import { desktopApi } from '../shell-io'

/** `role="alert"` banner while the sandbox is off, else nothing. */
export function SandboxNotice(): ReactNode {
  const { t } = useI18n()
  const [isSandboxOff, setSandboxOff] = useState(false)
  useEffect(() => {
    let isCurrent = true
    void desktopApi()
      ?.info({})
      .then((answer) => {
        if (isCurrent && answer.ok) setSandboxOff(!answer.value.isSandboxed)
      })
    return () => {
      isCurrent = false
    }
  }, [])
  if (!isSandboxOff) return null
  return (
    <p role="alert" className="banner sandbox-off">
      {t('workspace.sandboxOff')}
    </p>
  )
}
