import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { expect, listenerCard, startListening, test } from './fixtures'

const hasTool = (name: string): boolean =>
  ['/usr/bin', '/bin', '/usr/sbin', '/sbin'].some((d) => existsSync(`${d}/${name}`))

/** A separate process holding 127.0.0.1:PORT. */
function holder(): Promise<{ child: ChildProcess; port: number }> {
  const code =
    "const s=require('net').createServer().listen({host:'127.0.0.1',port:0},()=>process.stdout.write(s.address().port+'\\n'))"
  // Playwright's NODE_OPTIONS (its loader) must not reach the holder.
  const env = { ...process.env, NODE_OPTIONS: '' }
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], env })
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString()
      const match = /^(\d+)$/m.exec(text)
      if (match) resolve({ child, port: Number(match[1]) })
    })
    child.once('exit', (c) => reject(new Error(`holder exited with ${c}`)))
  })
}

test('a bind conflict: "Who holds this port?" names the other process and its PID', async ({
  app,
}) => {
  test.skip(
    process.platform !== 'linux' || (!hasTool('ss') && !hasTool('lsof')),
    'needs Linux with ss or lsof to look the holder up',
  )
  const { child, port } = await holder()
  try {
    const card = listenerCard(app.page, 1)
    await card.getByLabel('Port', { exact: true }).fill(String(port))
    await card.getByRole('button', { name: 'Start listening' }).click()
    const alert = card.getByRole('alert')
    await expect(alert).toContainText('EADDRINUSE')
    await alert.getByRole('button', { name: 'Who holds this port?' }).click()
    await expect(alert.getByRole('listitem')).toContainText(
      `node, PID ${child.pid}, listening on 127.0.0.1:${port}`,
    )
    await alert.getByText('What ran and what it printed').click()
    await expect(alert.locator('.tool-output').first()).toContainText(`pid=${child.pid}`)
  } finally {
    child.kill()
  }
})

test('the localhost panel: 127.0.0.1 accepts, ::1 does not, for a listener on 127.0.0.1', async ({
  app,
}) => {
  const card = listenerCard(app.page, 1)
  const port = await startListening(card, 0)
  await card.getByText('localhost', { exact: true }).click()
  await card.getByRole('button', { name: 'Test localhost' }).click()
  const table = card.getByRole('table', { name: `Connections to port ${port}` })
  await expect(table.getByRole('row', { name: /^127\.0\.0\.1 / })).toContainText('accepted')
  await expect(table.getByRole('row', { name: /^::1 / })).not.toContainText('accepted')
  await expect(card.getByText(/^Here localhost resolves to/)).toBeVisible()
  // The probe is a real connection: the listener counted it.
  await expect(card.getByRole('definition').first()).not.toHaveText('0')
})
