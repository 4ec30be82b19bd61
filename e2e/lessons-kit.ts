/**
 * Helpers for the lesson specs: a request as curl makes it, the lesson region, a card's port, and
 * "Set up this stage" taking the port it is offered when another test holds 7878.
 */
import { request as httpRequest } from 'node:http'
import type { Locator, Page } from '@playwright/test'
import { expect, listenerCard } from './fixtures'

/** One request on its own connection, as curl makes it. */
export function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

export function lesson(page: Page): Locator {
  return page.getByRole('region', { name: 'Lesson' })
}

/** The port a listening card says it listens on. */
export async function listeningPort(card: Locator): Promise<number> {
  const status = card.getByRole('status')
  await expect(status).toHaveText(/Listening on \S+:\d+/)
  return Number(/:(\d+)\s*$/.exec((await status.textContent()) ?? '')?.[1])
}

/**
 * After "Set up this stage" was clicked: waits until listener 1 is set up, taking the port the
 * lesson offers when another test or program holds the book's 7878. Returns the port it listens on.
 */
export async function finishSetUp(page: Page): Promise<number> {
  const panel = lesson(page)
  const done = panel
    .getByRole('status')
    .filter({ hasText: /^Listener 1 is set up for this stage and listens on/ })
  const offer = panel.getByRole('button', { name: /^Use port \d+ instead$/ })
  for (let tries = 0; ; tries++) {
    await expect(done.or(offer)).toBeVisible()
    if (await done.isVisible()) break
    expect(tries, 'a free port within a few offers').toBeLessThan(5)
    await offer.click()
  }
  return listeningPort(listenerCard(page, 1))
}

/** Opens a stage by its option's label and sets listener 1 up for it; the panel and the port. */
export async function setUpStage(
  page: Page,
  label: string,
): Promise<{ panel: Locator; port: number }> {
  const panel = lesson(page)
  await panel.getByRole('combobox', { name: 'Stage' }).selectOption({ label })
  await panel.getByRole('button', { name: 'Set up this stage' }).click()
  return { panel, port: await finishSetUp(page) }
}
