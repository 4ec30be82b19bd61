import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DescriptorLimit, ListenerSnapshot } from '../../../../shared/contract'
import { fakeApi, makeListener, makeSnapshot, renderWith, storeWith } from '../../test-utils'
import { ListenerCard } from './ListenerCard'

const LIMIT: DescriptorLimit = { soft: 1024, hard: 524288, capacity: 896 }

function renderCard(
  listener: ListenerSnapshot,
  descriptors: DescriptorLimit | null,
  lang: 'en' | 'ru' = 'en',
) {
  const store = storeWith(makeSnapshot({ listeners: [listener], descriptors }))
  renderWith(<ListenerCard listener={listener} />, { api: fakeApi(), store, lang })
  const name = lang === 'en' ? `Listener ${listener.number}` : `Слушатель ${listener.number}`
  return within(screen.getByRole('region', { name }))
}

const refusing = makeListener({
  state: 'listening',
  counters: { accepted: 896, dropped: 0, open: 896, bytesIn: 0, bytesOut: 0, refused: 7 },
})

describe('ListenerCard at the open-file limit', () => {
  it('counts the refusals, named EMFILE, with the limit', () => {
    const card = renderCard(refusing, LIMIT)
    const counters = card.getByLabelText('Counters')
    expect(counters.textContent).toContain('refused (EMFILE)7')
    expect(
      card.getByText(
        'Turned away at the open-file limit: 7. This process may hold 1024 open files and every connection takes one; new connections are accepted again as others close.',
      ),
    ).toBeTruthy()
  })

  it('says nothing of it before a refusal; says it in Russian', () => {
    const quiet = renderCard(makeListener(), LIMIT)
    expect(quiet.queryByText('refused (EMFILE)')).toBeNull()
    expect(quiet.queryByText(/Turned away/)).toBeNull()
    const card = renderCard({ ...refusing, id: 'l2', number: 2 }, null, 'ru')
    expect(card.getByText(/Отклонено у предела открытых файлов: 7\./)).toBeTruthy()
  })

  it('shows what an empty max connections means here: the capacity below the limit', () => {
    const card = renderCard(makeListener(), LIMIT)
    expect(
      card.getByText(
        'Empty: up to 896 connections across all listeners, which keeps below the open-file limit (1024); more are refused (EMFILE). Past a number set here, new connections are dropped.',
      ),
    ).toBeTruthy()
  })
})
