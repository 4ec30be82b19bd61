/**
 * A listener's threads as they are now: each worker idle or busy with a connection (and whether it
 * reads, sleeps or answers), the queue of connections waiting, how many were handled, and for a
 * thread per connection the live count with the book's warning. Shown for the responders that
 * read requests. While a drain waits on a worker blocked reading, it says so: the learner trap
 * of a browser's speculative connection that sends nothing.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import type { Handling, ListenerSnapshot, WorkerPhase } from '../../../../shared/contract'
import { assertNever } from '../../../../shared/result'
import { useI18n, type Translate } from '../../i18n/context'
import type { AppState } from '../../state/app-state'
import { useApi, useAppState } from '../../state/StoreContext'

/** The number after the last '#' of an engine connection id ("l1#3"), when the store lacks it. */
function numberFromId(connectionId: string): string {
  const hash = connectionId.lastIndexOf('#')
  return hash >= 0 ? connectionId.slice(hash + 1) : connectionId
}

function threadName(t: Translate, handling: Handling, index: number, count: number): string {
  switch (handling) {
    case 'single-thread':
      return count === 1 ? t('stages.view.mainThread') : t('stages.view.thread', { index })
    case 'thread-pool':
      return t('stages.view.worker', { index })
    case 'thread-per-connection':
      return t('stages.view.thread', { index })
    default:
      return assertNever(handling)
  }
}

/** What the store knows of a connection this view names. */
interface Known {
  number: string
  bytesIn: number
  /** Wall-clock ms of its accept, or null when the store lacks it. */
  acceptedAt: number | null
}

/** Date.now(), again every second while `isTicking`. */
function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!isTicking) return
    const tick = (): void => setNow(Date.now())
    const first = setTimeout(tick, 0)
    const timer = setInterval(tick, 1000)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [isTicking])
  return now
}

/** A worker a drain waits for because it is blocked reading its request. */
interface Blocked {
  name: string
  connectionId: string
  known: Known
}

function BlockedCause({ blocked, now }: { blocked: Blocked[]; now: number }): ReactNode {
  const { t } = useI18n()
  const api = useApi()
  return (
    // Not live: its seconds tick every second. WorkersView announces who blocks, once.
    <div role="group" aria-label={t('stages.view.blocked')} className="blocked-cause">
      {blocked.map(({ name, connectionId, known }) => {
        const seconds = String(
          known.acceptedAt === null ? 0 : Math.max(0, Math.floor((now - known.acceptedAt) / 1000)),
        )
        const params = { name, number: known.number, seconds }
        return (
          <p key={connectionId}>
            {known.bytesIn === 0
              ? t('stages.view.blockedIdle', params)
              : t('stages.view.blockedPartial', params)}{' '}
            <button
              type="button"
              className="small"
              onClick={() => void api.closeConnection({ connectionId })}
            >
              {t('stages.view.closeConnection', { number: known.number })}
            </button>
          </p>
        )
      })}
      <p className="field-hint">{t('stages.view.blockedHelp')}</p>
    </div>
  )
}

/** `<section aria-label="Worker threads">` under a listener's stage settings. */
export function WorkersView({ listener }: { listener: ListenerSnapshot }): ReactNode {
  const { t } = useI18n()
  const { workers, queued, handled } = listener
  const phases = listener.phases ?? []
  const { handling } = listener.settings
  // Only the ids this view names are looked up; the selection is a string, so it stays stable.
  const ids = [...workers, ...queued].filter((id): id is string => id !== null).join('\n')
  const selectKnown = useCallback(
    (s: AppState): string =>
      ids === ''
        ? ''
        : ids
            .split('\n')
            .map((id) => {
              const index = s.connectionIndex.find(s.connections, id)
              const c = index === undefined ? undefined : s.connections[index]
              return c ? `${c.number} ${c.bytesIn} ${c.acceptedAt}` : `${numberFromId(id)} 0 -`
            })
            .join('\n'),
    [ids],
  )
  const selected = useAppState(selectKnown)
  const knownOf = new Map<string, Known>()
  if (ids !== '') {
    const rows = selected.split('\n')
    ids.split('\n').forEach((id, i) => {
      const [number = numberFromId(id), bytesIn = '0', acceptedAt = '-'] = (rows[i] ?? '').split(
        ' ',
      )
      knownOf.set(id, {
        number,
        bytesIn: Number(bytesIn),
        acceptedAt: acceptedAt === '-' ? null : Number(acceptedAt),
      })
    })
  }
  const known = (id: string): Known =>
    knownOf.get(id) ?? { number: numberFromId(id), bytesIn: 0, acceptedAt: null }

  const phaseOf = (index: number): WorkerPhase | null => phases[index] ?? null
  const blocked: Blocked[] =
    listener.state === 'stopping'
      ? workers.flatMap((connectionId, index) =>
          connectionId !== null && phaseOf(index) === 'reading'
            ? [
                {
                  name: threadName(t, handling, index, workers.length),
                  connectionId,
                  known: known(connectionId),
                },
              ]
            : [],
        )
      : []
  const now = useNow(blocked.length > 0)

  const busy = workers.filter((w) => w !== null).length
  return (
    <section role="region" aria-label={t('stages.view')} className="workers-view">
      {workers.length === 0 ? (
        <p className="muted">{t('stages.view.none')}</p>
      ) : (
        <ol className="workers">
          {workers.map((connectionId, index) => {
            const name = threadName(t, handling, index, workers.length)
            const phase = phaseOf(index)
            let state =
              connectionId === null
                ? t('stages.view.idle')
                : t('stages.view.busy', { number: known(connectionId).number })
            if (connectionId !== null && phase !== null)
              state = t('stages.view.withPhase', { state, phase: t(`stages.view.phase.${phase}`) })
            return (
              <li key={index} className={connectionId === null ? 'worker-idle' : 'worker-busy'}>
                <span aria-hidden="true" className="worker-marker">
                  {connectionId === null ? '○' : '●'}
                </span>{' '}
                {t('stages.view.row', { name, state })}
              </li>
            )
          })}
        </ol>
      )}
      <p className="queue">
        {queued.length === 0
          ? t('stages.view.queueEmpty')
          : t('stages.view.waiting', {
              list: queued.map((id) => `#${known(id).number}`).join(', '),
            })}
      </p>
      <p className="muted">{t('stages.view.handled', { count: handled })}</p>
      {handling === 'thread-per-connection' && (
        <>
          <p>{t('stages.view.threads', { count: busy })}</p>
          <p className="field-hint">{t('stages.view.unbounded')}</p>
        </>
      )}
      {blocked.length > 0 && <BlockedCause blocked={blocked} now={now} />}
      <p className="visually-hidden" aria-live="polite">
        {blocked.length > 0 &&
          t('stages.view.blockedAnnounce', {
            list: blocked.map((b) => `${b.name} (#${b.known.number})`).join(', '),
          })}
      </p>
    </section>
  )
}
