/**
 * The README's first command, `npm start`, serves the studio with Vite's dev server (StrictMode, modules served
 * one by one, no service worker): a smoke run there, so what a new user opens first is tested too. The other
 * specs run against the production build (`playwright.config.ts`, project "build"); the dialog checks run on
 * both (e2e/dialog-checks.ts, e2e/dialogs.spec.ts).
 */
import { expect, test } from '@playwright/test'
import { ClassroomPage } from './classroom-page'
import { checkHeaderDialogs, checkShareLinkOverWork, openForDialogs } from './dialog-checks'

const SCREENSHOTS = 'test-results/screenshots'

// The dev server transforms Monaco and the engine on first request.
test.describe.configure({ timeout: 120_000 })

test('npm start: the studio opens with the seed, analyses it in the worker, and routes a request', async ({ page }) => {
  const studio = new ClassroomPage(page)
  await studio.open({ fresh: true })

  const text = await studio.editorText()
  expect(text).toContain('name: websample')
  await expect(page.getByText('engine: worker')).toBeVisible()
  await expect(studio.graphNode('Host foo.bar.com')).toBeVisible()
  // ELK's worker file is served from node_modules by the dev server as the build emits it once.
  await expect(studio.graphView).toHaveAttribute('data-layout-by', 'elk')

  await studio.testUrl('http://foo.bar.com/foos1')
  await expect(studio.testResult).toContainText('200')
  await expect(studio.testResult).toContainText('s1')

  // An edit reaches the engine and comes back as a marker on its line.
  const line = await studio.lineOf('targetPort: 5000')
  await studio.replaceOnLine(line, 'targetPort: 5000', 'targetPort: 70000')
  await expect.poll(async () => (await studio.markersOnLine(line)).length).toBeGreaterThan(0)
  studio.expectCleanRun()
})

test('npm start: every header dialog opens under StrictMode and closes again', async ({ page }) => {
  const studio = new ClassroomPage(page)
  await openForDialogs(studio)
  await checkHeaderDialogs(studio)
  studio.expectCleanRun()
  studio.expectNoDialogs()
})

test('npm start: a share link over edited work asks first; keeping and opening both work', async ({ page }) => {
  test.setTimeout(240_000) // three loads, each transforming Monaco and the engine module by module
  const studio = new ClassroomPage(page)
  await checkShareLinkOverWork(studio, `${SCREENSHOTS}/dev-link-ask.png`)
  studio.expectCleanRun()
  studio.expectNoDialogs()
})
