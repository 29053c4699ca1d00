import { expect, test, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { ClassroomPage } from './classroom-page'
import { startDeployServer } from './deploy-server'

const SCREENSHOTS = 'test-results/screenshots'

// These specs need the service worker (playwright.config.ts blocks it everywhere else).
test.use({ serviceWorkers: 'allow' })

/** Waits until the service worker has precached the app and controls the page (one reload after install). */
async function installOffline(studio: ClassroomPage): Promise<void> {
  // A new browser context has empty storage; one load, so this page is the one that installs the worker.
  await studio.open()
  await studio.page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  // The first install says once that the studio now works offline.
  await expect(studio.page.getByTestId(TID.offlineReady)).toBeVisible({ timeout: 30_000 })
  await studio.reload()
  await expect.poll(() => studio.page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true)
}

async function runRollout(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Rollout' }).click()
  const status = page.getByTestId(TID.timelineStatus)
  await expect.poll(async () => Number(await status.getAttribute('data-run')), { timeout: 30_000 }).toBeGreaterThan(0)
  await expect(status).toHaveAttribute('data-status', 'ready')
}

test('after one online visit the studio reloads and runs with the network cut off', async ({ page, context }) => {
  test.setTimeout(120_000)
  const studio = new ClassroomPage(page)
  await installOffline(studio)

  await context.setOffline(true)
  await studio.reload()
  expect(await studio.editorText()).toContain('name: websample')
  await expect(page.getByText('engine: worker')).toBeVisible()
  // Analysis, routing and a rollout simulation all run from the cached app and its workers.
  const line = await studio.lineOf('name: websample-ing')
  await studio.replaceOnLine(line, 'websample-ing', 'offline-edit')
  await studio.showObjects()
  await expect(studio.objectButton('Ingress', 'offline-edit')).toBeVisible()
  await page.getByRole('tab', { name: 'Route graph' }).click()
  await studio.testUrl('http://foo.bar.com/foos1')
  await runRollout(page)
  await page.screenshot({ path: `${SCREENSHOTS}/offline-rollout.png` })
  // Korean is a chunk of its own, loaded on the switch (docs/i18n.md): it comes from the precache as well, and the
  // engine's messages switch with the UI's.
  await page.getByRole('combobox', { name: 'Language', exact: true }).first().selectOption('ko')
  await expect(page.getByRole('tab', { name: '롤아웃' })).toBeVisible()
  await expect(page.getByRole('tab', { name: '라우트 그래프' })).toBeVisible()
  await expect(page.getByTestId(TID.timelineStatus)).toContainText(/[가-힣]/)
  studio.expectCleanRun()
})

test('a newly deployed version is offered with a reload prompt, and the reload takes it', async ({ page }) => {
  test.setTimeout(120_000)
  const server = await startDeployServer()
  try {
    const studio = new ClassroomPage(page)
    await page.goto(server.url)
    await studio.waitUntilReady()
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.reload()
    await studio.waitUntilReady()
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true)

    // A new release: the next visit finds a different service worker, which installs and waits for the user.
    server.deploy()
    await page.reload()
    await studio.waitUntilReady()
    const prompt = page.getByTestId(TID.updatePrompt)
    await expect(prompt).toBeVisible({ timeout: 30_000 })
    await expect(prompt).toContainText('A new version of Ingress Studio is ready.')
    await page.screenshot({ path: `${SCREENSHOTS}/update-prompt.png` })
    const waiting = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)
    expect(await waiting()).toBe(true)
    await prompt.getByRole('button', { name: 'Reload' }).click()
    await studio.waitUntilReady()
    await expect(prompt).toHaveCount(0)
    await expect.poll(waiting).toBe(false)
    expect(studio.pageErrors.map((error) => error.message)).toEqual([])
  } finally {
    await server.close()
  }
})
