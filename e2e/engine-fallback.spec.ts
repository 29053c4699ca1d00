import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test('without a worker for the engine, the studio runs it in the page and works the same', async ({ page }) => {
  await page.addInitScript(() => {
    const RealWorker = window.Worker
    // Only the engine's worker is refused; Monaco's own workers still start.
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (options?.name === 'engine') throw new DOMException('Workers are disabled here', 'SecurityError')
        super(url, options)
      }
    }
  })
  const studio = new StudioPage(page)
  await studio.open({ fresh: true })
  await expect(page.getByText('engine: in page')).toBeVisible()
  // The route graph comes from the same in-page engine (ELK included).
  await expect(studio.graphNode('Host foo.bar.com')).toBeVisible()
  await studio.showView('Objects')
  await expect(studio.objectButton('Ingress', 'test')).toBeVisible()

  const line = await studio.lineOf('servicePort: 80')
  await studio.replaceOnLine(line, '80', 'eighty-thousand-x')
  await expect.poll(() => studio.markersOnLine(line)).not.toEqual([])
  await expect(studio.diagnosticsOnLine(line).first()).toBeVisible()
  studio.expectCleanRun()
})
