/**
 * The commands that do what the plan does, to copy into a terminal: curl, nc and PowerShell,
 * those for the user's OS first.
 */
import type { ReactNode } from 'react'
import type { Platform } from '../../../../shared/bind-failure'
import { clientCommands, shArg } from './client-commands'
import type { ClientRunRequest } from '../../../../shared/client-types'
import { parseTarget, rawPlanBytes } from '../../../../shared/client-checks'
import { useI18n } from '../../i18n/context'
import { CommandLine } from '../ui'

export interface ClientCommandsProps {
  request: ClientRunRequest
  /** The plan has errors: no commands. */
  isValid: boolean
  platform: Platform | null
}

/** The equivalent commands of the plan in the form. */
export function ClientCommands({ request, isValid, platform }: ClientCommandsProps): ReactNode {
  const { t } = useI18n()
  const target = parseTarget(request.target)
  const { plan } = request
  const raw = plan.kind === 'raw' ? rawPlanBytes(plan.text) : null
  const commands =
    isValid && target.ok
      ? clientCommands(
          plan,
          target.value.host,
          target.value.port,
          platform,
          raw?.ok ? raw.value : null,
        )
      : []
  const idle = plan.kind === 'http' ? (plan.idle ?? 0) : 0
  return (
    <details className="client-commands">
      <summary>{t('client.commands')}</summary>
      {commands.length > 0 && idle > 0 && target.ok && (
        <p className="field-hint">
          {t('client.commands.idle', {
            command: `nc ${shArg(target.value.host)} ${target.value.port}`,
          })}
        </p>
      )}
      {commands.length === 0 ? (
        <p className="field-hint">{t('client.commands.none')}</p>
      ) : (
        <>
          <p className="field-hint">{t('client.commands.hint')}</p>
          <ul className="commands">
            {commands.map((c) => (
              <li key={c.kind}>
                <div className="client-command-label">{t(`client.command.${c.kind}`)}</div>
                <CommandLine command={c.text} />
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  )
}
