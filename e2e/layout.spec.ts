/**
 * The layout sweep: every view, tab and dialog at 1280×720, 1440×900 and 1920×1080, in English (light theme) and
 * Korean (dark). The middle size matters on its own: there the graph's toolbar fits one line and squeezed its filter.
 * No control may be clipped (its text wider or taller than its box, or its box cut by a scrolling or hiding
 * ancestor or by the window) unless the cut is an ellipsis by design and the element's title holds the full
 * text; an input's placeholder must fit its box. One page load per language; the window is resized
 * between viewports. Screenshots of every combination go to /tmp/shots/layout/ (not the repository) to be
 * looked at: a test cannot judge whether a layout is pleasant, only whether something is cut.
 */
import { mkdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

const SHOTS = '/tmp/shots/layout'
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const
/** The views of the main area, by the id their tab carries (`tab-<id>`, MainArea's VIEWS). */
const MAIN_VIEWS = ['graph', 'routes', 'nginx', 'objects', 'certificates', 'rules'] as const

/** One clipped element, described so that a failure message says where to look. */
interface Clip {
  readonly where: string
  readonly what: string
  readonly how: string
}

/**
 * Runs in the page: every visible control, label and ellipsis-styled text whose content does not fit or whose box
 * is cut. Skips what scrolls by design (Monaco's text, the graph's canvas, scrolled-away rows of a list) and
 * visually hidden text for screen readers.
 */
function findClipped(): Clip[] {
  const CONTROLS = 'button, [role="tab"], [role="radio"], label, summary, legend, select, input, textarea, h1, h2, h3, h4, th, .chip, .tab-count, .status-pill, canvas, .uplot'
  const SKIP = '.monaco-editor, .react-flow__viewport, .visually-hidden'
  /** Controls whose label is one line by design (tabs, toolbar and header buttons, chips). */
  const ONE_LINE = '[role="tab"], .pane-header button, .tool-button, .text-button, .header-actions button, .chip, .chip-button, .tab-count, .status-pill'
  const clips: Clip[] = []
  const width = document.documentElement.clientWidth
  const describe = (element: Element): string => {
    const testId = element.closest('[data-testid]')?.getAttribute('data-testid')
    const region = element.closest('[role="dialog"], dialog, [role="tabpanel"], header, footer, section')
    const label = region?.getAttribute('aria-label') ?? region?.id ?? region?.className ?? ''
    return [testId, label].filter(Boolean).join(' › ')
  }
  const name = (element: Element): string => {
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim()
    const placeholder = element.getAttribute('placeholder')
    const tag = element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '') + (typeof element.className === 'string' && element.className ? `.${element.className.split(/\s+/).join('.')}` : '')
    return `${tag} "${(text || placeholder || '').slice(0, 60)}"`
  }
  /** An ellipsis by design: the element says so in CSS and its title carries the whole text. */
  const ellipsisWithTitle = (element: Element, style: CSSStyleDeclaration): boolean => {
    if (style.textOverflow !== 'ellipsis') return false
    const full = (element.textContent ?? '').replace(/\s+/g, ' ').trim()
    const title = element.closest('[title]')?.getAttribute('title') ?? ''
    return full.length > 0 && title.replace(/\s+/g, ' ').includes(full)
  }
  const candidates = new Set<Element>(document.querySelectorAll(CONTROLS))
  for (const element of document.querySelectorAll('body *')) {
    if (getComputedStyle(element).textOverflow === 'ellipsis') candidates.add(element)
  }
  const measure = document.createElement('canvas').getContext('2d')!
  for (const element of candidates) {
    if (element.closest(SKIP)) continue
    if (!element.checkVisibility({ checkOpacity: false, visibilityProperty: true })) continue
    const rect = element.getBoundingClientRect()
    if (rect.width <= 2 || rect.height <= 2) continue
    const style = getComputedStyle(element)
    const where = describe(element)
    const what = name(element)
    // The element's own content.
    const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY)
    if (style.display !== 'inline' && !scrolls && !(element instanceof HTMLInputElement) && !(element instanceof HTMLTextAreaElement) && !(element instanceof HTMLSelectElement) && !(element instanceof HTMLCanvasElement)) {
      const wide = element.scrollWidth > element.clientWidth + 1
      const tall = element.scrollHeight > element.clientHeight + 1
      if ((wide || tall) && !ellipsisWithTitle(element, style)) {
        clips.push({ where, what, how: `${wide ? `content ${element.scrollWidth}px wide in ${element.clientWidth}px` : ''}${wide && tall ? ', ' : ''}${tall ? `content ${element.scrollHeight}px tall in ${element.clientHeight}px` : ''}` })
      }
    }
    // A one-line control whose words wrapped has grown out of its row ("Convert to current API versions").
    if (element.matches(ONE_LINE) && !element.closest(SKIP)) {
      // Text boxes one above the other (not merely an icon beside the words at another height).
      const boxes: DOMRect[] = []
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        boxes.push(...[...range.getClientRects()].filter((box) => box.width > 0))
      }
      const stacked = boxes.some((a) => boxes.some((b) => b.top >= a.bottom - 2))
      if (stacked) clips.push({ where, what, how: 'wraps onto more than one line' })
    }
    // A placeholder shown in full or not at all ("until (" is not a hint).
    if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && element.placeholder && element.value === '') {
      measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      const needed = measure.measureText(element.placeholder).width
      if (needed > room + 1 && !(element.title && element.title.includes(element.placeholder))) {
        clips.push({ where, what, how: `placeholder needs ${Math.ceil(needed)}px, has ${Math.floor(room)}px` })
      }
    }
    // The window.
    if (rect.right > width + 1 || rect.left < -1) clips.push({ where, what, how: `outside the window (${Math.round(rect.left)}–${Math.round(rect.right)} of ${width}px)` })
    // Ancestors that cut: sideways by any (a strip of tabs that scrolls still hides a tab), downwards only by one
    // that does not scroll (a list scrolled past a row is fine).
    // The part of the element a vertical scroller shows; what it scrolls out of view is hidden on purpose.
    let shownTop = rect.top
    let shownBottom = rect.bottom
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const parentStyle = getComputedStyle(parent)
      const cutsX = parentStyle.overflowX !== 'visible'
      const scrollsY = parentStyle.overflowY === 'auto' || parentStyle.overflowY === 'scroll'
      const cutsY = parentStyle.overflowY === 'hidden' || parentStyle.overflowY === 'clip'
      if (!cutsX && !cutsY && !scrollsY) continue
      const box = parent.getBoundingClientRect()
      const left = box.left + parent.clientLeft
      const right = left + parent.clientWidth
      const top = box.top + parent.clientTop
      const bottom = top + parent.clientHeight
      if (scrollsY) {
        shownTop = Math.max(shownTop, top)
        shownBottom = Math.min(shownBottom, bottom)
      }
      // Rows a vertical list has scrolled away are out of view on purpose, not cut; so is what a box that hides its
      // overflow leaves out whole (chips that wrapped to a hidden row). A tab is never out of view.
      if (shownBottom <= shownTop) break
      const outside = rect.right <= left || rect.left >= right || shownBottom <= top || shownTop >= bottom
      if (outside && !scrollsY && parentStyle.overflowX !== 'auto' && parentStyle.overflowX !== 'scroll' && element.getAttribute('role') !== 'tab') break
      const sideways = cutsX && (rect.right > right + 1 || rect.left < left - 1) && parent.scrollWidth > parent.clientWidth + 1
      const downwards = cutsY && (shownBottom > bottom + 1 || shownTop < top - 1)
      if (sideways || downwards) {
        clips.push({ where, what, how: `cut ${sideways ? 'sideways' : 'at the bottom'} by ${name(parent).slice(0, 80)}` })
        break
      }
    }
  }
  if (document.documentElement.scrollWidth > width + 1) clips.push({ where: 'page', what: 'html', how: `page ${document.documentElement.scrollWidth}px wide in ${width}px` })
  return clips
}

interface Sweep {
  readonly page: Page
  readonly prefix: string
  readonly found: string[]
}

/** Checks the page as it is now and saves its screenshot as `<prefix>-<name>.png`. */
async function check(sweep: Sweep, name: string): Promise<void> {
  // Let layout settle (fonts, ResizeObservers, the graph's fit) before measuring.
  await sweep.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const clips = await sweep.page.evaluate(findClipped)
  for (const clip of clips) sweep.found.push(`${sweep.prefix} ${name}: ${clip.what} [${clip.where}] ${clip.how}`)
  await sweep.page.screenshot({ path: `${SHOTS}/${sweep.prefix}-${name}.png` })
}

async function openTab(page: Page, id: string): Promise<void> {
  const tab = page.locator(`#${id}`)
  await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
  // A view loads its code on first use (src/ui/app/MainArea.tsx): the sweep looks at the view, not its placeholder.
  await expect(page.getByTestId(TID.viewLoading)).toHaveCount(0)
}

test('the sweep\'s check finds a clipped label, a cut tab, a wrapped button and a cut placeholder, and passes an ellipsis with a title', async ({ page }) => {
  await page.setContent(`
    <div style="width: 300px; display: flex; overflow: hidden"><div role="tablist" style="display: flex">
      <button role="tab" style="flex: none; width: 200px">Route graph</button><button role="tab" style="flex: none; width: 200px">Rules</button>
    </div></div>
    <header class="pane-header" style="width: 120px"><button>Convert to current API versions</button></header>
    <button style="width: 60px; white-space: nowrap; overflow: hidden">502 not listening</button>
    <input placeholder="until done" style="width: 40px">
    <span style="display: block; width: 60px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis" title="websample-7c9d8f">websample-7c9d8f</span>
  `)
  const clips = await page.evaluate(findClipped)
  const found = clips.map((clip) => `${clip.what}: ${clip.how}`)
  expect(found).toEqual([
    expect.stringMatching(/^button "Rules": cut sideways/),
    expect.stringMatching(/^button "Convert to current API versions": wraps/),
    expect.stringMatching(/^button "502 not listening": content \d+px wide/),
    expect.stringMatching(/^input "until done": placeholder needs/),
  ])
})

// Each language once, the two themes split between them: the dark theme changes colours only (src/ui/app/tokens.css
// sets colour tokens and color-scheme, no size), so a layout cut in one theme is cut in the other.
for (const [language, theme] of [['en', 'light'], ['ko', 'dark']] as const) {
  test(`no clipped control in any view: ${language}, ${theme}`, async ({ page }) => {
    test.setTimeout(300_000)
    mkdirSync(SHOTS, { recursive: true })
    await page.addInitScript(
      ({ language, theme }) => {
        localStorage.setItem('ingress-studio.language.v1', language)
        localStorage.setItem('ingress-studio.theme.v1', theme)
      },
      { language, theme },
    )
    await page.setViewportSize(VIEWPORTS[0])
    const studio = new StudioPage(page)
    // A new browser context: empty storage, so the seed opens. Monaco's 4 MB chunk may take a while on a busy machine.
    await page.goto('/')
    await expect(studio.editor.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
    await studio.waitUntilReady()
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    // On a cold, busy machine the first layout can outlast the engine's 15 s limit; the view then offers Retry.
    const nodes = studio.graphView.locator('.react-flow__node')
    await expect(nodes.or(page.getByTestId(TID.engineFailure)).first()).toBeVisible({ timeout: 30_000 })
    if (await page.getByTestId(TID.engineFailure).isVisible()) await page.getByTestId(TID.engineFailure).getByRole('button').click()
    await expect(nodes.first()).toBeVisible({ timeout: 30_000 })
    // A tested request fills the URL tester's result and marks the routing views.
    await studio.requestUrl.or(page.getByRole('textbox', { name: '요청 URL' })).fill('http://foo.bar.com/foos1')
    await page.getByTestId(TID.requestBar).locator('button[type="submit"]').click()
    await expect(studio.testResult).toContainText('foo.bar.com/foos1')

    const found: string[] = []
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport)
      const sweep: Sweep = { page, prefix: `${language}-${theme}-${viewport.width}x${viewport.height}`, found }
      await openTab(page, 'inspector-tab-request')
      await openTab(page, 'tab-graph')
      await studio.waitForGraph()
      await check(sweep, 'graph-request')
      await openTab(page, 'inspector-tab-diagnostics')
      for (const view of MAIN_VIEWS) {
        await openTab(page, `tab-${view}`)
        if (view === 'nginx') await expect(page.getByTestId(TID.nginxEditor).locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
        await check(sweep, view)
      }
      await openTab(page, 'tab-timeline')
      const status = page.getByTestId(TID.timelineStatus)
      await expect.poll(async () => Number(await status.getAttribute('data-run')), { timeout: 30_000 }).toBeGreaterThan(0)
      await expect(status).toHaveAttribute('data-status', 'ready')
      await check(sweep, 'timeline')
      const detailTabs = page.locator('[id^="timeline-tab-"]')
      for (let index = 0; index < (await detailTabs.count()); index++) {
        const tab = detailTabs.nth(index)
        const id = (await tab.getAttribute('id'))!
        await openTab(page, id)
        await check(sweep, id)
      }
      // The dialogs, from the header's buttons (their names differ per language; their order does not).
      const actions = page.getByTestId(TID.header).locator('.header-actions button')
      for (const [index, dialog] of [[0, 'presets'], [1, 'scenarios'], [2, 'share'], [4, 'shortcuts']] as const) {
        await actions.nth(index).click()
        await expect(page.locator('dialog[open]')).toBeVisible()
        await check(sweep, `dialog-${dialog}`)
        await page.keyboard.press('Escape')
        await expect(page.locator('dialog[open]')).toHaveCount(0)
      }
    }
    expect(found, `clipped controls:\n${found.join('\n')}`).toEqual([])
    studio.expectCleanRun()
  })
}
