import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

/** Closes the engine's worker from inside, as `self.close()` does: no error event reaches the page. */
async function closeEngineWorkers(page: Page): Promise<number> {
  const engines = page.workers().filter((worker) => /engine\.worker/.test(worker.url()))
  // The evaluation may or may not come back before the worker is gone.
  await Promise.all(engines.map((worker) => worker.evaluate(() => self.close()).catch(() => {})))
  return engines.length
}

test('a worker that ends without an error is replaced at once and the views answer again', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open({ fresh: true })
  await studio.waitForGraph()
  await studio.testUrl('http://foo.bar.com/foos1')
  expect(await closeEngineWorkers(page)).toBeGreaterThan(0)

  // An edit right after: analysed by a new worker well within the 15 s timeout, never "engine failed".
  const started = Date.now()
  const line = await studio.lineOf('servicePort: 80')
  await studio.replaceOnLine(line, '80', '81')
  await expect(studio.status).toHaveAttribute('data-status', 'ready', { timeout: 8_000 })
  expect(Date.now() - started).toBeLessThan(8_000)
  await expect(studio.status).toHaveAttribute('data-phase', 'done')
  await expect(page.getByTestId('engine-failure')).toHaveCount(0)

  // The URL tester and the route graph answer from the new worker.
  await studio.testUrl('http://foo.bar.com/foos1?again')
  await expect(studio.testResult).toContainText('s1')
  await expect(studio.graphNode('Host foo.bar.com')).toBeVisible()

  // Closed while working: the request in it is sent again to the next worker.
  await studio.replaceOnLine(line, '81', '82')
  await closeEngineWorkers(page)
  await expect(studio.status).toHaveAttribute('data-status', 'ready', { timeout: 8_000 })
  await expect(page.getByTestId('engine-failure')).toHaveCount(0)
  await expect(page.getByText('engine: worker')).toBeVisible()
  studio.expectCleanRun()
})
