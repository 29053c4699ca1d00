/**
 * The studio page object extended with the rollout timeline: open it, wait for a run, change a parameter, seek,
 * play, and read what the pods, failures and reports show.
 */
import { expect, type Locator } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

export class TimelinePage extends StudioPage {
  get view(): Locator {
    return this.page.getByTestId(TID.timelineView)
  }
  get simulationStatus(): Locator {
    return this.page.getByTestId(TID.timelineStatus)
  }
  get scrubber(): Locator {
    return this.page.getByRole('slider', { name: /^(Time|시간)$/ })
  }
  get timeReadout(): Locator {
    return this.page.getByTestId(TID.timelineTime)
  }
  get playButton(): Locator {
    return this.view.getByRole('button', { name: 'Play', exact: true })
  }
  get pauseButton(): Locator {
    return this.view.getByRole('button', { name: 'Pause', exact: true })
  }
  get reportSummary(): Locator {
    return this.page.getByTestId(TID.timelineReportSummary)
  }
  get failureRows(): Locator {
    return this.page.getByTestId(TID.timelineFailure)
  }
  get failureDetail(): Locator {
    return this.page.getByTestId(TID.timelineFailureDetail)
  }
  /** The selected failure's cause and the change that prevents it. */
  get failureWhy(): Locator {
    return this.failureDetail.locator('p.why')
  }
  get failureFix(): Locator {
    return this.failureDetail.locator('p.fix')
  }
  /** The events table's rows (the visible ones: the list is virtual). */
  get eventRows(): Locator {
    return this.view.locator('.events-list .k-row')
  }

  /** Switches the page's language (`en`, `ko`) with the header's picker, whichever language it speaks now. */
  async chooseLanguage(language: 'en' | 'ko'): Promise<void> {
    await this.page.getByRole('combobox', { name: /^(Language|언어)$/ }).selectOption(language)
    await expect(this.page.locator('html')).toHaveAttribute('lang', language)
  }

  /** The run shown (its id, 0 before the first). */
  async runId(): Promise<number> {
    return Number(await this.simulationStatus.getAttribute('data-run'))
  }

  /** Opens the Rollout tab and waits for the first run. */
  async openTimeline(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Rollout' }).click()
    await expect(this.view).toBeVisible()
    await this.waitForRunAfter(0)
  }

  /** Waits until a run newer than `previous` is on screen. */
  async waitForRunAfter(previous: number): Promise<number> {
    await expect.poll(() => this.runId(), { timeout: 15_000 }).toBeGreaterThan(previous)
    await expect(this.simulationStatus).toHaveAttribute('data-status', 'ready')
    return this.runId()
  }

  detailTab(name: string): Locator {
    return this.view.getByRole('tab', { name: new RegExp(`^${name}`) })
  }

  /** Sets a scenario parameter by its label (a switch takes `on`/`off`) and waits for the run it causes. */
  async setParameter(label: string, value: string): Promise<number> {
    const before = await this.runId()
    await this.detailTab('Scenario').click()
    const field = this.view.getByLabel(label, { exact: true })
    const kind = await field.evaluate((element) => (element.tagName === 'INPUT' ? (element as HTMLInputElement).type : element.tagName))
    if (kind === 'SELECT') await field.selectOption({ label: value })
    else if (kind === 'checkbox') await field.setChecked(value === 'on')
    else await field.fill(value)
    return this.waitForRunAfter(before)
  }

  /** Moves the cursor with the scrubber (ms). */
  async seek(ms: number): Promise<void> {
    await this.scrubber.fill(String(ms))
  }

  /** The lane of the pod whose name starts with `prefix` (a ReplicaSet name selects its pods). */
  pods(prefix: string): Locator {
    return this.page.locator(`[data-testid="${TID.timelinePod}"][data-pod-name^="${prefix}"]`)
  }

  /** Phase of every pod lane in view, by pod name. */
  async podPhases(): Promise<Record<string, string>> {
    return this.page.locator(`[data-testid="${TID.timelinePod}"]`).evaluateAll((rows) =>
      Object.fromEntries(rows.map((row) => [row.getAttribute('data-pod-name') ?? '', row.getAttribute('data-phase') ?? ''])),
    )
  }

  /** Like `StudioPage.expectCleanRun`, with the page's own origin whatever port the server runs on. */
  override expectCleanRun(): void {
    const origin = new URL(this.page.url()).origin
    const foreign = this.foreignRequests.filter((url) => new URL(url).origin !== origin)
    this.foreignRequests.splice(0, this.foreignRequests.length, ...foreign)
    super.expectCleanRun()
  }

  /** Replaces the editor's whole text (a YAML change) and waits for the run it causes. */
  async replaceManifest(edit: (text: string) => string): Promise<number> {
    const before = await this.runId()
    const text = edit(await this.editorText())
    await this.page.evaluate((value) => window.__ingressStudio!.editor.setValue(value), text)
    return this.waitForRunAfter(before)
  }
}
