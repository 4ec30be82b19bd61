import { openClient, type Client } from './clients'
import { expect, listenerCard, test } from './fixtures'
import { get, lesson, setUpStage } from './lessons-kit'

const clients: Client[] = []
test.afterEach(() => {
  for (const c of clients.splice(0)) c.socket.destroy()
})

test('Listing 20-1: three real connections tick “3 connections accepted”', async ({ app }) => {
  const { page } = app
  // Below a long listener card the lesson is out of view: "Lesson ↓" brings it in.
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('button', { name: 'Lesson', exact: true }).click()
  await expect(lesson(page)).toBeFocused()
  await expect(lesson(page).getByRole('combobox', { name: 'Stage' })).toBeInViewport()
  // Only the listener column scrolled, not the window.
  await expect(page.getByRole('banner')).toBeInViewport({ ratio: 1 })
  const { panel, port } = await setUpStage(page, '1. Connection established (20-1)')
  const card = listenerCard(page, 1)
  await expect(card.getByRole('combobox', { name: 'Responder' })).toHaveValue('close-at-once')

  const accepted = panel.getByRole('checkbox', { name: '3 connections accepted' })
  await expect(accepted).not.toBeChecked()
  await expect(accepted).toHaveAttribute('aria-readonly', 'true')
  // A learner cannot tick it by hand.
  await accepted.click()
  await expect(accepted).not.toBeChecked()

  await expect(panel.getByRole('checkbox', { name: 'The listener is listening' })).toBeChecked()
  for (let i = 0; i < 2; i += 1) clients.push(await openClient(port))
  await expect(
    panel.getByRole('checkbox', { name: '“Connection established!” printed' }),
  ).toBeChecked()
  await expect(accepted).not.toBeChecked()
  clients.push(await openClient(port))
  await expect(accepted).toBeChecked()
  await expect(panel.getByRole('status').filter({ hasText: 'Done:' })).toHaveText('Done: 3 of 3')

  await panel.getByRole('button', { name: 'Reset stage' }).click()
  await expect(accepted).not.toBeChecked()
})

test('routes: a real GET /nope ticks “404 served”, GET / ticks 200', async ({ app }) => {
  const { page } = app
  const { panel, port } = await setUpStage(page, '5. Routes and 404 (20-6…20-9)')
  const card = listenerCard(page, 1)
  await expect(card.getByRole('combobox', { name: 'Responder' })).toHaveValue('http-routes')
  await expect(card.getByRole('combobox', { name: 'Handling' })).toHaveValue('single-thread')

  const notFound = panel.getByRole('checkbox', { name: '404 served' })
  const ok = panel.getByRole('checkbox', { name: '200 served for /' })
  expect(await get(port, '/nope')).toBe(404)
  await expect(notFound).toBeChecked()
  await expect(ok).not.toBeChecked()
  expect(await get(port, '/')).toBe(200)
  await expect(ok).toBeChecked()
})

test('slow route, pool and shutdown: the timing checkpoints tick from real requests', async ({
  app,
}) => {
  const { page } = app
  const card = listenerCard(page, 1)
  const { panel, port } = await setUpStage(page, '6. A slow request blocks everyone (20-10)')
  // Long enough that / surely arrives while /sleep still holds the thread on a busy machine.
  const sleep = card.getByRole('spinbutton', { name: 'Sleep seconds' })
  await sleep.fill('3')
  await sleep.press('Enter')
  const workers = card.getByRole('region', { name: 'Worker threads' })

  const slow = get(port, '/sleep')
  await expect(workers).toContainText(/busy/)
  expect((await Promise.all([slow, get(port, '/')])).sort()).toEqual([200, 200])
  const waited = panel.getByRole('checkbox', { name: 'A second request waited while /sleep ran' })
  await expect(
    panel.getByRole('checkbox', { name: '/sleep answered after its wait' }),
  ).toBeChecked()
  await expect(waited).toBeChecked()

  // Set-up restarts the listener (on the same port, or another if that was taken meanwhile).
  const pool = await setUpStage(page, '7. Thread pool (20-11…20-22)')
  await expect(card.getByRole('combobox', { name: 'Handling' })).toHaveValue('thread-pool')
  await expect(sleep).toHaveValue('3')
  const pooled = get(pool.port, '/sleep')
  await expect(workers).toContainText(/busy/)
  expect(await get(pool.port, '/')).toBe(200)
  const during = panel.getByRole('checkbox', { name: 'A request answered while /sleep ran' })
  await expect(during).toBeChecked()
  await expect(panel.getByRole('checkbox', { name: 'Two requests ran side by side' })).toBeChecked()
  expect(await pooled).toBe(200)

  // From a stopped listener, set-up starts it again.
  await card.getByRole('button', { name: 'Stop listening' }).click()
  await expect(card.getByRole('status')).toHaveText('Stopped')
  const { port: again } = await setUpStage(page, '8. Graceful shutdown (20-23…20-25)')
  expect(await Promise.all([get(again, '/'), get(again, '/nope')])).toEqual([200, 404])
  for (const name of [
    '2 requests, then shutdown',
    'Every worker shut down',
    'The listener stopped by itself',
  ])
    await expect(panel.getByRole('checkbox', { name })).toBeChecked()
  await expect(card.getByRole('status')).toHaveText('Stopped')
})
