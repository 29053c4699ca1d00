/**
 * Korean all the way (issue 13): with the studio in Korean, every view — the diagnostics, the routing trace,
 * the rollout's causes, advice and events, each dialog — says its sentences in Korean. What may stay Latin is
 * what the reader's own tools print or what they wrote: names, code, YAML, nginx.conf, log lines and verbatim
 * kubectl text, which the page marks as code or `lang="en"` (docs/i18n.md#what-stays-in-english).
 */
import { expect, test, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { TimelinePage } from './timeline-page'

/** Three or more Latin words in a row: a sentence or a phrase in English, not a name or a term. */
const LATIN_PHRASE = /[A-Za-z][a-z]+(?:[ ,'’:]+[A-Za-z][a-z]+){2,}/

/**
 * Literals inside a Korean sentence, which are names rather than words: a quoted string (a certificate's
 * subject, a header value) and an HTTP status with its reason phrase (`500 Internal Server Error`).
 */
const LITERALS = /"[^"]*"|\b\d{3}(?: [A-Z][a-z]+)+/g

/**
 * Every text node and every accessible label, title or placeholder on screen that carries a Latin phrase,
 * outside code, the editors and text marked English.
 */
async function latinPhrases(page: Page): Promise<string[]> {
  return page.evaluate(([source, literals]) => {
    const regex = new RegExp(source)
    const literal = new RegExp(literals, 'g')
    const phrase = { test: (text: string): boolean => regex.test(text.replace(literal, ' ')) }
    // React Flow's credit link is the library's name ("React Flow attribution"), which it does not let us word.
    const exempt = 'code, pre, kbd, samp, script, style, textarea, .monaco-editor, .monaco-aria-container, [lang="en"], [translate="no"], .react-flow__attribution'
    const visible = (element: Element): boolean => {
      const box = element.getBoundingClientRect()
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
    }
    const found = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      const text = node.textContent?.trim() ?? ''
      if (!parent || parent.closest(exempt) || !visible(parent)) continue
      if (phrase.test(text)) found.add(`text: ${text}`)
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (element.closest(exempt) || !visible(element)) continue
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(attribute)?.trim() ?? ''
        if (phrase.test(value)) found.add(`${attribute}: ${value}`)
      }
    }
    return [...found]
  }, [LATIN_PHRASE.source, LITERALS.source] as const)
}

async function inKorean(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
}

/** Clicks every tab of `tablist` in turn and collects the Latin phrases each panel shows. */
async function sweepTabs(page: Page, tablist: string, found: Map<string, string[]>): Promise<void> {
  const tabs = page.locator(`${tablist} [role="tab"]`)
  const count = await tabs.count()
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i)
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
    await page.waitForTimeout(300)
    found.set(`${tablist} tab ${(await tab.textContent())?.trim()}`, await latinPhrases(page))
  }
}

test('the studio in Korean says no English sentence in any view', async ({ page }) => {
  test.setTimeout(180_000)
  await inKorean(page)
  const studio = new TimelinePage(page)
  await studio.open({ fresh: true })
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  const found = new Map<string, string[]>()
  found.set('start', await latinPhrases(page))

  // A request through the rewrite-target host (the seed's regex locations), so the trace has every kind of step.
  await page.locator('#tab-graph').click()
  const url = page.getByTestId(TID.requestBar).getByRole('textbox')
  await url.fill('http://foo.bar.com/foos1/x')
  await url.press('Enter')
  await expect(page.getByTestId(TID.testerResult)).toBeVisible()
  found.set('tester', await latinPhrases(page))

  await sweepTabs(page, `[data-testid="${TID.mainPane}"] [role="tablist"]`, found)
  await sweepTabs(page, `[data-testid="${TID.inspectorPane}"] [role="tablist"]`, found)

  // A rollout that drops requests: causes, advice and events in the detail panel.
  await page.locator('#tab-timeline').click()
  await expect(studio.view).toBeVisible()
  await studio.waitForRunAfter(0)
  await sweepTabs(page, `[data-testid="${TID.timelineView}"] [role="tablist"]`, found)

  // Each of the header's dialogs (Presets, Scenarios, Share, the shortcut sheet): buttons that open a <dialog>.
  const headerButtons = page.locator('.header-actions > button:not([aria-pressed])')
  const dialogs = await headerButtons.count()
  expect(dialogs).toBeGreaterThanOrEqual(4)
  for (let i = 0; i < dialogs; i++) {
    await headerButtons.nth(i).click()
    await expect(page.locator('dialog[open]')).toBeVisible()
    found.set(`dialog ${i}`, await latinPhrases(page))
    await page.keyboard.press('Escape')
    await expect(page.locator('dialog[open]')).toHaveCount(0)
  }

  const english = [...found].filter(([, phrases]) => phrases.length > 0)
  expect(english, 'English phrases in the Korean UI').toEqual([])
  studio.expectCleanRun()
})
