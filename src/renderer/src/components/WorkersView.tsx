/**
 * A listener's threads as they are now: each worker idle or busy with a connection, the queue of
 * connections waiting, how many were handled, and for a thread per connection the live count with
 * the book's warning. Shown for the responders that read requests.
 */
import { useCallback, type ReactNode } from 'react'
import type { Handling, ListenerSnapshot } from '../../../shared/contract'
import { assertNever } from '../../../shared/result'
import { useI18n, type Translate } from '../i18n/context'
import type { AppState } from '../state/reducer'
import { useAppState } from '../state/StoreContext'

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

/** `<section aria-label="Worker threads">` under a listener's stage settings. */
export function WorkersView({ listener }: { listener: ListenerSnapshot }): ReactNode {
  const { t } = useI18n()
  const { workers, queued, handled } = listener
  const { handling } = listener.settings
  // Connection numbers as the table shows them; only the ids this view names are looked up.
  const ids = [...workers, ...queued].filter((id): id is string => id !== null).join('\n')
  const selectNumbers = useCallback(
    (s: AppState): string =>
      ids === ''
        ? ''
        : ids
            .split('\n')
            .map((id) => {
              const index = s.connectionIndex.get(id)
              const c = index === undefined ? undefined : s.connections[index]
              return c ? String(c.number) : numberFromId(id)
            })
            .join('\n'),
    [ids],
  )
  const numbers = useAppState(selectNumbers)
  const numberOf = new Map<string, string>()
  if (ids !== '') {
    const list = numbers.split('\n')
    ids.split('\n').forEach((id, i) => numberOf.set(id, list[i] ?? numberFromId(id)))
  }
  const label = (id: string): string => numberOf.get(id) ?? numberFromId(id)

  const busy = workers.filter((w) => w !== null).length
  return (
    <section role="region" aria-label={t('stages.view')} className="workers-view">
      {workers.length === 0 ? (
        <p className="muted">{t('stages.view.none')}</p>
      ) : (
        <ol className="workers">
          {workers.map((connectionId, index) => {
            const name = threadName(t, handling, index, workers.length)
            const state =
              connectionId === null
                ? t('stages.view.idle')
                : t('stages.view.busy', { number: label(connectionId) })
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
          : t('stages.view.waiting', { list: queued.map((id) => `#${label(id)}`).join(', ') })}
      </p>
      <p className="muted">{t('stages.view.handled', { count: handled })}</p>
      {handling === 'thread-per-connection' && (
        <>
          <p>{t('stages.view.threads', { count: busy })}</p>
          <p className="field-hint">{t('stages.view.unbounded')}</p>
        </>
      )}
    </section>
  )
}
