import { request as httpRequest } from 'node:http'
import { openClient } from './clients'
import { expect, listenerCard, setStage, startListening, test } from './fixtures'

/**
 * One request on its own connection, as curl makes it. (Node's default agent keeps connections
 * alive, and would reuse one the book's server is closing: the next request would hang up.)
 */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

test('HTTP routes: a real HTTP client gets 200 for / and 404 for /nope', async ({ app }) => {
  const { page } = app
  const card = listenerCard(page, 1)
  await card.getByRole('combobox', { name: 'Responder' }).selectOption({ label: 'HTTP routes' })
  await expect(card.getByRole('combobox', { name: 'Responder' })).toHaveValue('http-routes')
  const port = await startListening(card, 0)

  const hello = await get(port, '/')
  expect(hello.status).toBe(200)
  expect(hello.body).toContain('<h1>Hello!</h1>')
  const missing = await get(port, '/nope')
  expect(missing.status).toBe(404)
  expect(missing.body).toContain('<h1>Oops!</h1>')

  // The responses are real bytes on the wire, shown as sent in the inspector.
  const rows = page.getByRole('table', { name: 'Connections' }).getByRole('row')
  await expect(rows).toHaveCount(3) // the header row and two connections
  await rows.nth(2).click()
  await expect(page.getByRole('region', { name: 'Stream' }).getByRole('tabpanel')).toContainText(
    'HTTP/1.1 404 NOT FOUND',
  )
})

test('a pool of workers: each busy worker and the queue are shown while /sleep runs', async ({
  app,
}) => {
  const { page } = app
  const card = listenerCard(page, 1)
  await setStage(card, {
    responder: 'HTTP slow route',
    handling: 'Thread pool',
    workers: 2,
    sleepSeconds: 2,
  })
  await expect(card.getByRole('combobox', { name: 'Handling' })).toHaveValue('thread-pool')
  const port = await startListening(card, 0)

  const requests = [get(port, '/sleep'), get(port, '/sleep'), get(port, '/sleep')]
  const view = card.getByRole('region', { name: 'Worker threads' })
  await expect(view).toContainText(/Worker 0 — busy/)
  await expect(view).toContainText(/Worker 1 — busy/)
  await expect(view).toContainText(/Waiting: #\d/)
  const log = page.getByRole('region', { name: 'Event log' })
  await expect(log.getByText('Worker 0 got a job; executing.').first()).toBeVisible()

  const answers = await Promise.all(requests)
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
  await expect(view).toContainText(/queue empty/)
})

test('an edited head without Content-Length: the linter warns, the response still goes out', async ({
  app,
}) => {
  const { page } = app
  const card = listenerCard(page, 1)
  await card.getByRole('combobox', { name: 'Responder' }).selectOption({ label: 'HTTP hello' })
  await card.getByText('Pages and heads').click()
  const lint = card.getByRole('group', { name: 'Linter: hello.html' })
  await expect(lint).toHaveText('The linter finds nothing wrong with this response.')
  const head = card.getByRole('textbox', { name: 'Head of hello.html' })
  await head.fill('HTTP/1.1 200 OK\\r\n\\r\n')
  await expect(lint).toContainText('No Content-Length')
  await head.blur()
  const port = await startListening(card, 0)

  const hello = await get(port, '/')
  expect(hello.status).toBe(200)
  expect(hello.body).toContain('<h1>Hello!</h1>')
  const log = page.getByRole('region', { name: 'Event log' })
  await expect(log.getByText(/Socket Lab warning/).first()).toBeVisible()
})

test('Stop waits on a worker reading an idle connection, and says so', async ({ app }) => {
  const { page } = app
  const card = listenerCard(page, 1)
  await card.getByRole('combobox', { name: 'Responder' }).selectOption({ label: 'HTTP routes' })
  const workers = card.getByRole('spinbutton', { name: 'Workers' })
  await workers.fill('1')
  await workers.press('Enter')
  const port = await startListening(card, 0)
  // A browser's speculative connection: connected, sends nothing.
  const idle = await openClient(port)
  const view = card.getByRole('region', { name: 'Worker threads' })
  await expect(view).toContainText('Worker 0 — busy with #1 (reading the request)')
  await card.getByRole('button', { name: 'Stop listening' }).click()
  const cause = view.getByRole('group', { name: 'Why shutdown waits' })
  await expect(cause).toContainText(/Worker 0 is waiting to read from #1, which has sent nothing/)
  await cause.getByRole('button', { name: 'Close #1' }).click()
  await idle.closed
  await expect(card.getByRole('button', { name: 'Start listening' })).toBeVisible()
})
