/**
 * A finished request explained in terms of what its target did — refused, reset, closed early,
 * timed out, kept open — with the evidence (when, how many bytes had come, how far the response
 * got) and, for a server that is not Socket Lab's, the usual causes in a learner's own server.
 * Socket Lab's responders are named only when the target is one of its listeners.
 */
import {
  CLIENT_CONNECT_TIMEOUT_MS,
  type ClientRequestSnapshot,
  type ClientRunInfo,
} from '../../../../shared/client-types'
import { clientVerdict, type ClientVerdict } from '../../../../shared/client-verdict'
import { assertNever } from '../../../../shared/result'
import type { Translate } from '../../i18n/context'
import type { Lang } from '../../i18n/translate'
import { servesPages } from '../../../../shared/responders'

// A 200-request timeline formats ~1000 times a render: build each formatter once.
const FORMATS = new Map<string, Intl.NumberFormat>()

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`
  let format = FORMATS.get(key)
  if (format === undefined) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: digits })
    FORMATS.set(key, format)
  }
  return format
}

/** 0.4 ms, 12 ms, 5.01 s: as people of `lang` write numbers. */
export function formatMs(lang: Lang, t: Translate, ms: number): string {
  if (ms < 1000) return t('client.ms', { n: numberFormat(lang, ms < 10 ? 1 : 0).format(ms) })
  return t('client.s', { n: numberFormat(lang, 2).format(ms / 1000) })
}

/** Codes explained by their own message (client.explain.CODE). */
const CODE_MESSAGES = new Set([
  'ETIMEDOUT',
  'CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CANCELLED',
  'CLOSED_BY_CLIENT',
  'NEW_PLAN',
] as const)

type CodeWithMessage = typeof CODE_MESSAGES extends Set<infer T> ? T : never

function hasMessage(code: string): code is CodeWithMessage {
  return (CODE_MESSAGES as Set<string>).has(code)
}

/** The message for an error code the client does not judge further. */
function codeText(t: Translate, code: string): string {
  return hasMessage(code)
    ? t(`client.explain.${code}`, { seconds: CLIENT_CONNECT_TIMEOUT_MS / 1000 })
    : t('client.explain.other', { code })
}

/** What had arrived when the connection ended: `before any byte…` or `after 12 bytes…`. */
function receivedText(t: Translate, r: ClientRequestSnapshot): string {
  return r.bytesReceived === 0
    ? t('client.evidence.none')
    : t('client.evidence.after', { count: r.bytesReceived })
}

/** How far the response got, as a sentence (null when there is nothing to add). */
function progressText(t: Translate, r: ClientRequestSnapshot): string | null {
  const response = r.response
  switch (response?.progress) {
    case 'head':
      return t('client.evidence.head')
    case 'body':
      return response.contentLength !== null && response.headEnd !== null
        ? t('client.evidence.body', {
            body: r.bytesReceived - response.headEnd,
            length: response.contentLength,
          })
        : t('client.evidence.bodyNoLength')
    case 'complete':
      return t('client.evidence.complete')
    default:
      return null
  }
}

/** What Socket Lab's listener does, when the target is one; null otherwise. */
function oursText(t: Translate, run: ClientRunInfo): string | null {
  const listener = run.listener
  if (listener === undefined) return null
  const responder = listener.responder
  const behaviour = servesPages(responder) ? t('client.ours.http') : t(`client.ours.${responder}`)
  return t('client.ours', {
    number: listener.listenerNumber,
    responder: t(`stages.responder.${responder}`),
    behaviour,
  })
}

/**
 * The sentences for `verdict`: what the target did, its evidence, and the causes to look for in
 * the learner's own server (`why`, left out when the target is Socket Lab's own responder; kept
 * when it forwards to the learner's server).
 */
function verdictSentences(
  lang: Lang,
  t: Translate,
  run: ClientRunInfo,
  r: ClientRequestSnapshot,
  verdict: ClientVerdict,
): { what: (string | null)[]; why: string | null } {
  const time = formatMs(lang, t, r.doneMs ?? 0)
  const seconds = run.timeLimitMs / 1000
  const received = receivedText(t, r)
  switch (verdict.kind) {
    case 'complete':
    case 'closed':
      return { what: [], why: null }
    case 'refused':
      return { what: [t('client.verdict.refused', { time, target: run.target })], why: null }
    case 'reset':
      return {
        what: [
          t('client.verdict.reset', { time, received }),
          verdict.requestSent
            ? null
            : t('client.verdict.reset.unsent', { sent: r.bytesSent, total: r.bytesToSend }),
          r.bytesReceived > 0 ? progressText(t, r) : null,
        ],
        why: t('client.verdict.reset.why'),
      }
    case 'closed-early': {
      const progress = verdict.progress
      switch (progress) {
        case 'nothing':
          return {
            what: [t('client.verdict.closedEarly.nothing', { time })],
            why: t('client.verdict.closedEarly.nothing.why'),
          }
        case 'head':
          return { what: [t('client.verdict.closedEarly.head', { time, received })], why: null }
        case 'body':
          return {
            what: [
              r.response?.contentLength != null && r.response.headEnd !== null
                ? t('client.verdict.closedEarly.body', {
                    time,
                    body: r.bytesReceived - r.response.headEnd,
                    length: r.response.contentLength,
                  })
                : t('client.verdict.closedEarly.head', { time, received }),
            ],
            why: t('client.verdict.closedEarly.body.why'),
          }
        default:
          return assertNever(progress)
      }
    }
    case 'timed-out':
      if (verdict.stage === 'connect')
        return {
          what: [
            r.errorCode === 'TIME_LIMIT'
              ? t('client.verdict.timedOut.connect')
              : codeText(t, r.errorCode ?? ''),
          ],
          why: null,
        }
      if (r.errorCode !== 'TIME_LIMIT') return { what: [codeText(t, r.errorCode ?? '')], why: null }
      if (r.bytesReceived === 0)
        return {
          what: [t('client.verdict.timedOut.nothing', { seconds, sent: r.bytesSent })],
          why: t('client.verdict.timedOut.nothing.why'),
        }
      return {
        what: [
          t('client.verdict.timedOut.partial', {
            seconds,
            received: t('client.evidence.bytes', { count: r.bytesReceived }),
          }),
          progressText(t, r),
        ],
        why: null,
      }
    case 'kept-open':
      return {
        what: [
          t('client.verdict.kept-open', {
            seconds,
            time: formatMs(lang, t, r.firstReceivedMs ?? 0),
            received: t('client.evidence.bytes', { count: r.bytesReceived }),
          }),
        ],
        why: null,
      }
    case 'stopped':
      return {
        what: [
          verdict.code === 'TIME_LIMIT'
            ? t('client.verdict.notStarted')
            : codeText(t, verdict.code),
        ],
        why: null,
      }
    case 'network':
      return { what: [codeText(t, verdict.code)], why: null }
    default:
      return assertNever(verdict)
  }
}

/** Kinds where the target did something worth explaining with its listener's behaviour. */
function isAboutTarget(verdict: ClientVerdict): boolean {
  return (
    verdict.kind === 'reset' ||
    verdict.kind === 'closed-early' ||
    verdict.kind === 'kept-open' ||
    (verdict.kind === 'timed-out' && verdict.stage === 'response')
  )
}

/**
 * The explanation of a finished request that did not simply get its answer, or null: what the
 * target did with the evidence, then what Socket Lab's listener does (when it is one) and what to
 * look for in your own server (when the bytes came from it).
 */
export function explainRequest(
  lang: Lang,
  t: Translate,
  run: ClientRunInfo,
  r: ClientRequestSnapshot,
): string | null {
  const verdict = clientVerdict(r)
  if (verdict === null) return null
  const { what, why } = verdictSentences(lang, t, run, r, verdict)
  const ours = isAboutTarget(verdict) ? oursText(t, run) : null
  // A forwarding listener passes on what your own server did: its causes are yours to look for.
  const isYours = ours === null || run.listener?.responder === 'forward'
  const sentences = [...what, ours, isYours ? why : null].filter((s): s is string => s !== null)
  return sentences.length === 0 ? null : sentences.join(' ')
}
