/**
 * The studio page object extended with sharing, scenarios, presets and the classroom modes: make a link in the
 * share dialog, open links in fresh browser contexts, read scenario state, and wait for a page that has no editor
 * (embed mode).
 */
import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

export class ClassroomPage extends StudioPage {
  readonly dialogs: string[] = []

  constructor(page: Page) {
    super(page)
    // Any alert/confirm/prompt is a failure in these specs (the studio never opens one).
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss()
    })
  }

  /** Opens a fresh browser context on `url` (a new visitor: empty storage). */
  static async visit(browser: Browser, url: string): Promise<ClassroomPage> {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    const studio = new ClassroomPage(page)
    await page.goto(url)
    return studio
  }

  get shareDialog(): Locator {
    return this.page.getByTestId(TID.shareDialog)
  }
  get shareLink(): Locator {
    return this.page.getByTestId(TID.shareLink)
  }
  get guidedSteps(): Locator {
    return this.page.getByTestId(TID.guidedSteps)
  }
  get simulationStatus(): Locator {
    return this.page.getByTestId(TID.timelineStatus)
  }
  /** Shows the Objects view (where `objectButton` finds objects). */
  async showObjects(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Objects/ }).click()
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true })
  }

  /** Opens the share dialog, sets the Secret choice, and returns the link it offers. */
  async makeShareLink(options: { includeSecrets?: boolean } = {}): Promise<string> {
    if (!(await this.shareDialog.isVisible())) await this.page.getByRole('button', { name: 'Share', exact: true }).click()
    await expect(this.shareDialog).toBeVisible()
    const box = this.shareDialog.getByRole('checkbox', { name: 'Include Secret values' })
    if (options.includeSecrets) await box.check()
    await expect(box).toBeChecked({ checked: options.includeSecrets === true })
    await expect(this.shareLink).toHaveValue(/#v2\./)
    const link = await this.shareLink.inputValue()
    // The dialog recomputes after a change; wait until the link is stable.
    await expect.poll(() => this.shareLink.inputValue()).toBe(link)
    return link
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.page.locator('dialog[open]')).toHaveCount(0)
  }

  /** The sorted accessible names of the route graph's nodes. */
  async graphNodeNames(): Promise<string[]> {
    await this.waitForGraph()
    const names = await this.graphView.locator('.react-flow__node [role="button"], .react-flow__node[role="button"]').evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('aria-label') ?? node.textContent ?? ''),
    )
    return names.sort()
  }

  /** Waits for the first rollout run on the Rollout tab and returns its report summary attributes. */
  async rolloutSummary(): Promise<{ requests: string | null; failed: string | null }> {
    await this.tab('Rollout').click()
    await expect.poll(async () => Number(await this.simulationStatus.getAttribute('data-run')), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect(this.simulationStatus).toHaveAttribute('data-status', 'ready')
    const summary = this.page.getByTestId(TID.timelineReportSummary)
    await this.page.getByRole('tab', { name: /^Report/ }).click()
    // A segmented control: the label covers the radio.
    await this.page.getByRole('radio', { name: 'Whole run' }).check({ force: true })
    return { requests: await summary.getAttribute('data-requests'), failed: await summary.getAttribute('data-failed') }
  }

  /** Waits for a page without the editor (embed mode) to have analyzed its scenario. */
  async waitForViews(): Promise<void> {
    await expect(this.page.getByTestId(TID.mainPane)).toBeVisible()
    await expect(this.page.getByRole('tablist', { name: 'Views' })).toBeVisible()
  }

  /** Keys in the page's localStorage. */
  storageKeys(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(localStorage).sort())
  }

  expectNoDialogs(): void {
    expect(this.dialogs).toEqual([])
  }
}

/**
 * The on-screen size of every drawn graph node label, in px: its computed font size times the zoom it is drawn
 * at (the ratio of its box on screen to its laid-out width).
 */
export function graphLabelSizes(page: Page): Promise<number[]> {
  return page.getByTestId(TID.graphView).locator('.gnode-label').evaluateAll((labels) =>
    labels.map((label) => {
      const style = getComputedStyle(label)
      // The laid-out width is fractional in the computed style (offsetWidth would round it).
      const scale = label.getBoundingClientRect().width / parseFloat(style.width)
      return parseFloat(style.fontSize) * scale
    }),
  )
}

/** The boxes of the graph's node counter and of every drawn node that overlaps it (none, when it is placed right). */
export async function nodesUnderCounter(page: Page): Promise<string[]> {
  return page.getByTestId(TID.graphView).evaluate((view, statsId) => {
    const stats = view.querySelector(`[data-testid="${statsId}"]`)!.getBoundingClientRect()
    const pane = view.querySelector('.react-flow')!.getBoundingClientRect()
    return [...view.querySelectorAll('.react-flow__node')].filter((node) => {
      const box = node.getBoundingClientRect()
      // Only the part of a node inside the canvas is drawn.
      const top = Math.max(box.top, pane.top)
      const bottom = Math.min(box.bottom, pane.bottom)
      return bottom > top && box.left < stats.right && box.right > stats.left && top < stats.bottom && bottom > stats.top
    }).map((node) => node.getAttribute('aria-label') ?? node.id)
  }, TID.graphStats)
}
