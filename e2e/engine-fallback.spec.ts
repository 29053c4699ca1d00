import { expect, test, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
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
  // The route graph comes from the same in-page engine; ELK still runs in its own worker, off the page.
  await expect(studio.graphNode('Host foo.bar.com')).toBeVisible()
  await expect(studio.graphView).toHaveAttribute('data-layout-by', 'elk')
  await studio.showView('Objects')
  await expect(studio.objectButton('Ingress', 'test')).toBeVisible()

  const line = await studio.lineOf('servicePort: 80')
  await studio.replaceOnLine(line, '80', 'eighty-thousand-x')
  await expect.poll(() => studio.markersOnLine(line)).not.toEqual([])
  await expect(studio.diagnosticsOnLine(line).first()).toBeVisible()
  studio.expectCleanRun()
})

/** A manifest the engine finds nothing wrong with, so "No problems" is a claim the views could make. */
const CLEAN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: quiet\n'

type Gate = 'pass' | 'hold' | 'fail'
interface GateControl {
  gate: Gate
  readonly held: { worker: Worker; message: unknown }[]
  readonly send: (worker: Worker, message: unknown) => void
  readonly fail: (worker: Worker, message: unknown) => void
}

/**
 * Puts a gate in front of the engine worker's analysis and route view: `hold` keeps the requests (the engine is
 * still working, as on a slow cold start), `fail` answers them as the client does when the engine took too long,
 * `pass` lets them through. Switching the gate sends the held requests on, or fails them.
 */
async function gateEngine(page: Page, gate: Gate): Promise<void> {
  await page.addInitScript((initial) => {
    const RealWorker = window.Worker
    const control: GateControl = {
      gate: initial,
      held: [],
      send: (worker, message) => RealWorker.prototype.postMessage.call(worker, message),
      fail: (worker, message) => {
        const { v, id } = message as { v: number; id: number }
        const error = { code: 'timeout', message: 'The engine took longer than 15000 ms.' }
        setTimeout(() => worker.dispatchEvent(new MessageEvent('message', { data: { v, type: 'failed', id, error } })))
      },
    }
    ;(window as unknown as { __engineGate: GateControl }).__engineGate = control
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options)
        if (options?.name !== 'engine') return
        this.postMessage = (message: { type: string }) => {
          if (message.type !== 'analyze' && message.type !== 'route-view') control.send(this, message)
          else if (control.gate === 'hold') control.held.push({ worker: this, message })
          else if (control.gate === 'fail') control.fail(this, message)
          else control.send(this, message)
        }
      }
    }
  }, gate)
}

async function setGate(page: Page, gate: Gate): Promise<void> {
  await page.evaluate((gate) => {
    const control = (window as unknown as { __engineGate: GateControl }).__engineGate
    control.gate = gate
    if (gate === 'hold') return
    for (const { worker, message } of control.held.splice(0)) (gate === 'pass' ? control.send : control.fail)(worker, message)
  }, gate)
}

test('no view claims the manifest is fine while the engine works on it or after it gave no answer', async ({ page }) => {
  await gateEngine(page, 'fail')
  const studio = new StudioPage(page)
  const diagnostics = page.getByRole('region', { name: 'Diagnostics' })
  const statusBar = page.locator('footer.status-bar')
  const mainPane = page.getByTestId(TID.mainPane)
  const viewPanel = mainPane.locator('[role="tabpanel"]')
  await page.goto('/')

  // A cold start the engine gives no answer for (the timeout): every view says so, none says "analysing"
  // or "nothing here".
  await expect(studio.status).toHaveText('Analysis unavailable: the engine did not answer in time')
  await expect(statusBar).toContainText('not analyzed')
  await expect(diagnostics.getByTestId(TID.engineFailure)).toBeVisible()
  await studio.showView('Objects')
  await expect(mainPane.getByTestId(TID.engineFailure)).toHaveAttribute('data-work', 'analysis')
  await expect(viewPanel).toBeEmpty()
  for (const view of ['Route graph', 'Routes', 'nginx.conf']) {
    await studio.showView(view)
    await expect(mainPane.getByTestId(TID.engineFailure)).toHaveAttribute('data-work', 'routeView')
    await expect(viewPanel).toHaveAttribute('data-phase', 'failed')
    await expect(viewPanel).toBeEmpty()
  }
  await expect(page.getByText(/No problems|Analyzing/)).toHaveCount(0)
  await setGate(page, 'pass')
  await page.getByTestId(TID.header).getByRole('button', { name: 'Retry' }).click()
  await mainPane.getByTestId(TID.engineFailure).getByRole('button', { name: 'Retry' }).click()
  await studio.waitUntilReady()
  await expect(viewPanel).toHaveAttribute('data-phase', 'done')

  // A clean manifest, answered: now, and only now, "no problems".
  await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), CLEAN)
  await expect(studio.status).toHaveAttribute('data-phase', 'done')
  await expect(studio.status).toHaveText('No problems')
  await expect(page.getByTestId(TID.diagnosticsEmpty)).toHaveText('No problems found.')
  await expect(statusBar).toContainText(/analyzed in [\d.]+ ms/)
  await studio.showView('Objects')
  await expect(studio.objectButton('ConfigMap', 'settings')).toBeVisible()

  // An edit the engine is still working on: analysing, not the earlier text's "no problems".
  await setGate(page, 'hold')
  await page.evaluate(() => window.__ingressStudio!.editor.setValue(`# edited\n${window.__ingressStudio!.editor.getValue()}`))
  await expect(studio.status).toHaveAttribute('data-phase', 'running')
  await expect(studio.status).toHaveText('Analyzing…')
  await expect(diagnostics).toContainText('Analyzing…')
  await expect(page.getByTestId(TID.diagnosticsEmpty)).toHaveCount(0)
  await expect(statusBar).toContainText('analyzing…')
  await expect(viewPanel).toHaveAttribute('data-phase', 'running')

  // No answer for the edit: unavailable, with the reason and Retry; an earlier text's view stays, faded, under it.
  await setGate(page, 'fail')
  await expect(studio.status).toHaveAttribute('data-phase', 'failed')
  await expect(studio.status).toHaveText('Analysis unavailable: the engine did not answer in time')
  await expect(statusBar).toContainText('not analyzed')
  await expect(diagnostics.getByTestId(TID.engineFailure)).toContainText('The analysis is unavailable: the engine did not answer in time.')
  await expect(page.getByText(/No problems/)).toHaveCount(0)
  await expect(mainPane.getByTestId(TID.engineFailure)).toHaveAttribute('data-work', 'analysis')
  await expect(viewPanel).toHaveAttribute('data-phase', 'failed')
  for (const view of ['Route graph', 'Routes', 'nginx.conf']) {
    await studio.showView(view)
    await expect(mainPane.getByTestId(TID.engineFailure)).toHaveAttribute('data-work', 'routeView')
    await expect(viewPanel).toHaveAttribute('data-phase', 'failed')
    await expect(viewPanel).toHaveCSS('opacity', '0.65')
  }

  // Retry once the engine answers again: back to the truth about the text on screen.
  await setGate(page, 'pass')
  await page.getByTestId(TID.header).getByRole('button', { name: 'Retry' }).click()
  await expect(studio.status).toHaveText('No problems')
  await expect(page.getByTestId(TID.diagnosticsEmpty)).toBeVisible()
  await mainPane.getByTestId(TID.engineFailure).getByRole('button', { name: 'Retry' }).click()
  await expect(mainPane.getByTestId(TID.engineFailure)).toHaveCount(0)
  await expect(viewPanel).toHaveAttribute('data-phase', 'done')
  studio.expectCleanRun()
})
