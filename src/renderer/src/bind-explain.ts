/**
 * What a failed listen means on the OS it happened on, as catalog keys: the renderer's reading of
 * a {@link BindFailure}. It claims no more than PLATFORM-FACTS.md does.
 */
import type { BindFailure } from '../../shared/bind-failure'
import { formatHostPort } from '../../shared/address'
import { assertNever } from '../../shared/result'
import type { MessageKey } from './i18n/en'
import type { Params } from './i18n/translate'

/** One part of the explanation: a sentence, or commands shown as code. */
export type ExplainPart =
  | { kind: 'text'; key: MessageKey; params?: Params }
  | { kind: 'commands'; title: MessageKey; commands: readonly string[] }

/** Linux's default ip_unprivileged_port_start. */
export const DEFAULT_UNPRIVILEGED_PORT_START = 1024

/** The explanation of `failure` for its platform, in reading order. */
export function explainBindFailure(failure: BindFailure): ExplainPart[] {
  const { platform, facts, port } = failure
  const text = (key: MessageKey, params?: Params): ExplainPart => ({ kind: 'text', key, params })
  switch (failure.code) {
    case 'EACCES': {
      const parts: ExplainPart[] = []
      if (facts.isRoot && platform !== 'win32') parts.push(text('explain.root'))
      if (platform === 'linux') {
        const start = String(facts.unprivilegedPortStart ?? DEFAULT_UNPRIVILEGED_PORT_START)
        parts.push(text('explain.eacces.linux', { start }))
        parts.push(
          text(
            facts.unprivilegedPortStart === null
              ? 'explain.eacces.linuxDefault'
              : 'explain.eacces.linuxRead',
            {
              start,
            },
          ),
        )
        parts.push(text('explain.eacces.container'))
      } else if (platform === 'darwin') {
        parts.push(text('explain.eacces.darwin'))
      } else if (platform === 'win32') {
        parts.push(text('explain.eacces.win32'))
        parts.push(text('explain.eacces.win32Fix'))
        parts.push({
          kind: 'commands',
          title: 'bind.commandsAdmin',
          commands: ['net stop winnat', 'net start winnat'],
        })
      } else {
        parts.push(text('explain.eacces.other'))
      }
      parts.push(text('explain.eacces.book'))
      return parts
    }
    case 'EADDRINUSE': {
      const address = failure.address || formatHostPort(failure.host, port)
      const parts: ExplainPart[] = [text('explain.inuse.live', { address })]
      if (platform === 'linux' || platform === 'darwin') parts.push(text('explain.inuse.reuse'))
      // Both conflicts were observed on Linux; macOS and Windows let the same user hold both.
      if (platform === 'linux') {
        parts.push(text('explain.inuse.linuxWildcard', { port: String(port) }))
        parts.push(text('explain.inuse.dualStack', { port: String(port) }))
      }
      if (platform === 'darwin') parts.push(text('explain.inuse.airplay'))
      return parts
    }
    case 'EADDRNOTAVAIL':
      return [text('explain.notavail', { host: failure.host })]
    case 'ENOTFOUND': {
      const parts: ExplainPart[] = [text('explain.notfound', { host: failure.host })]
      if (facts.hostHasBrackets) {
        const bare = failure.host.replace(/^\[/, '').replace(/\]$/, '')
        parts.push(text('explain.notfound.brackets', { bare, port: String(port) }))
      }
      return parts
    }
    case 'EINVAL':
      return [text('explain.einval')]
    case 'OTHER':
      return [text('explain.other', { rawCode: failure.rawCode })]
    default:
      return assertNever(failure.code)
  }
}

/** The heading above BindFailure.commands. */
export function commandsTitle(failure: BindFailure): MessageKey {
  return failure.code === 'EADDRINUSE' ? 'bind.whoHolds' : 'bind.commands'
}
