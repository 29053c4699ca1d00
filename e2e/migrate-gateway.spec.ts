/**
 * Issue 16 in Chromium: the seed migrated to Gateway API in the studio. "Migrate to Gateway API" opens the
 * migration view beside the editor: the converted manifests and the conversion's findings (the rewrite-target
 * annotation of the Ingress `test`, shown in the editor from its finding); parity finds the requests ingress-nginx
 * and the Gateway answer differently, grouped by cause; selecting one shows both traces and lights both routes in
 * the graph of the originals and the conversion; "Add to editor" appends the conversion, which survives a reload.
 * In English and Korean, at 1280×720 and 1440×900; screenshots to E2E_SHOTS.
 */
import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screenshots'
const SIZES = [{ width: 1280, height: 720 }, { width: 1440, height: 900 }] as const
/** Three or more Latin words in a row: an English phrase, not a name or a term (as e2e/korean.spec.ts reads it). */
const LATIN_PHRASE = /[A-Za-z][a-z]+(?:[ ,'’:]+[A-Za-z][a-z]+){2,}/

async function openMigrationView(page: Page, name = 'Migrate to Gateway API'): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click()
  await expect(page.getByTestId('migration-view')).toBeVisible()
}

async function openMigration(page: Page, name: string): Promise<void> {
  await openMigrationView(page, name)
  // The conversion, the parity check and the combined graph's layout: a few seconds on a busy machine.
  await expect(page.getByTestId('conversion-findings')).toBeVisible({ timeout: 30_000 })
}

/** Texts of the migration view outside code, the read-only editor and names marked English. */
function latinPhrasesIn(page: Page): Promise<string[]> {
  return page.getByTestId('migration-view').evaluate((root, source) => {
    const regex = new RegExp(source)
    const exempt = 'code, pre, .monaco-editor, .monaco-aria-container, [lang="en"], .react-flow__attribution, input'
    const found: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      const text = node.textContent?.trim() ?? ''
      if (!parent || parent.closest(exempt)) continue
      if (regex.test(text)) found.push(text)
    }
    for (const element of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (element.closest(exempt)) continue
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(attribute)?.trim() ?? ''
        if (regex.test(value)) found.push(`${attribute}: ${value}`)
      }
    }
    return found
  }, LATIN_PHRASE.source)
}

/** Nothing in the view is cut off sideways: no element wider than the view itself. */
async function expectNothingClipped(page: Page): Promise<void> {
  const overflow = await page.getByTestId('migration-view').evaluate((root) => root.scrollWidth - root.clientWidth)
  expect(overflow).toBeLessThanOrEqual(1)
}

/** The editor's header holds "Convert to current API versions" and "Migrate to Gateway API" side by side, whole. */
async function expectHeaderFits(page: Page): Promise<void> {
  const header = page.locator('.editor-pane > .pane-header')
  const boxes = await header.locator('button').evaluateAll((buttons) => buttons.map((button) => {
    const box = button.getBoundingClientRect()
    return { left: box.left, right: box.right, clipped: button.scrollWidth > button.clientWidth + 1 }
  }))
  const edge = await header.evaluate((element) => element.getBoundingClientRect().right)
  expect(boxes.length).toBe(2)
  for (const box of boxes) expect(box.clipped || box.right > edge + 1).toBe(false)
  expect(boxes[0]!.right).toBeLessThanOrEqual(boxes[1]!.left)
}

test.describe('Migrate to Gateway API in the studio', () => {
  test('the seed: converted manifests, findings, parity differences, both routes lit, Add to editor persists', async ({ page }) => {
    test.setTimeout(180_000)
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await openMigration(page, 'Migrate to Gateway API')
    const view = page.getByTestId('migration-view')
    await expect(page.getByRole('tab', { name: /^To Gateway API/ })).toHaveAttribute('aria-selected', 'true')

    // The converted manifests, read-only, beside the editor (which still holds the originals).
    const converted = page.getByTestId('converted-editor')
    await expect(converted.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
    // Monaco draws only the lines on screen: the first document, and the count of routes in the heading.
    await expect(converted).toContainText('kind: Gateway')
    await expect(view.locator('#converted-title')).toContainText('5 HTTPRoutes on default/ingress-nginx')
    expect(await studio.editorText()).toContain('kind: Ingress')
    await expect(studio.editor).toBeVisible()

    // The findings, per Ingress and annotation; the rewrite-target one shows its annotation in the editor.
    const findings = page.getByTestId('conversion-findings')
    await expect(findings).toContainText('Ingress default/test')
    const rewrite = findings.getByRole('button', { name: /nginx\.ingress\.kubernetes\.io\/rewrite-target/ }).first()
    await expect(rewrite).toBeVisible()
    const rewriteLine = await studio.lineOf('nginx.ingress.kubernetes.io/rewrite-target')
    await expect(rewrite).toContainText(`line ${rewriteLine}`)
    await rewrite.click()
    await expect.poll(() => page.evaluate(() => window.__ingressStudio!.editor.getPosition()?.lineNumber)).toBe(rewriteLine)
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await expectNothingClipped(page)
      await expectHeaderFits(page)
      await page.screenshot({ path: `${SHOTS}/migrate-conversion-en-${size.width}.png` })
    }

    // Parity: not equivalent; the differences grouped by cause, each request a row with its differing fields.
    await page.getByRole('tab', { name: /^Parity/ }).click()
    const summary = view.locator('.parity-summary')
    await expect(summary).toHaveAttribute('data-equivalent', 'false')
    await expect(summary).toContainText(/\d+ of \d+ requests answered differently through ingress-nginx and Gateway default\/ingress-nginx/)
    const rows = page.getByTestId('parity-row')
    expect(await rows.count()).toBeGreaterThan(0)
    // The rewrite-target `/` case: `/foos1/abc` goes upstream as `/` on both sides (ReplaceFullPath), so it is no
    // difference; what does differ on that host is the prefix without a segment boundary (nginx's regex location).
    await expect(rows.filter({ hasText: 'http://foo.bar.com/foos1/abc' })).toHaveCount(0)
    const sibling = rows.filter({ hasText: /http:\/\/foo\.bar\.com\/foos1[a-z]/ }).first()
    await expect(sibling).toBeVisible()
    await expect(sibling.locator('[data-field="status"]')).toContainText('200 → 404')

    // One selected: both traces and both routes in the graph, each in its own style.
    await sibling.click()
    const detail = page.getByTestId('difference-detail')
    await expect(detail).toBeVisible()
    await expect(page.getByTestId('trace-ingress').locator('.trace-step').first()).toBeVisible()
    await expect(page.getByTestId('trace-gateway').locator('.trace-step').first()).toBeVisible()
    const graph = page.getByTestId('migration-graph')
    await expect(graph.locator('.gnode.on-ingress, .gnode.on-both').first()).toBeAttached({ timeout: 15_000 })
    await expect(graph.locator('.gnode.on-gateway, .gnode.on-both').first()).toBeAttached()
    await expect(graph.locator('.react-flow__edge.on-ingress').first()).toBeAttached()
    await expect(graph.locator('.react-flow__edge.on-gateway').first()).toBeAttached()
    // The ingress route ends on Service s1 (200); the Gateway's (404) goes through the converted Gateway only.
    await expect(graph.getByRole('button', { name: 'Service s1', exact: true }).locator('.gnode')).toHaveClass(/on-ingress/)
    await expect(graph.locator('[data-kind="gateway"] .gnode')).toHaveClass(/on-gateway/)
    await expect(graph.locator('[data-kind="controller"] .gnode')).toHaveClass(/on-ingress/)
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await expectNothingClipped(page)
      await page.screenshot({ path: `${SHOTS}/migrate-parity-en-${size.width}.png` })
    }
    // Enlarge: the graph takes the traces' room (a small screen sees both routes bigger), and gives it back.
    const canvasHeight = async () => (await graph.locator('.graph-canvas').boundingBox())?.height ?? 0
    const small = await canvasHeight()
    await graph.getByRole('button', { name: 'Enlarge' }).click()
    await expect(page.getByTestId('trace-ingress')).toBeHidden()
    await expect.poll(canvasHeight).toBeGreaterThan(small * 1.4)
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await page.screenshot({ path: `${SHOTS}/migrate-parity-enlarged-en-${size.width}.png` })
    }
    await graph.getByRole('button', { name: 'Show traces' }).click()
    await expect(page.getByTestId('trace-ingress')).toBeVisible()

    // Add to editor: the conversion appended after `---`, the originals kept; it persists across a reload.
    const before = await studio.editorText()
    await view.getByRole('button', { name: 'Add to editor' }).click()
    await expect.poll(() => studio.editorText()).toContain('kind: HTTPRoute')
    const after = await studio.editorText()
    expect(after.startsWith(before.endsWith('\n') ? before : `${before}\n`)).toBe(true)
    expect(after.slice(before.length)).toMatch(/^\n?---\n/)
    // One edit: Ctrl+Z in the editor gives the originals back, and redo the conversion again.
    await page.evaluate(() => window.__ingressStudio!.editor.focus())
    await page.keyboard.press('Control+Z')
    await expect.poll(() => studio.editorText()).toBe(before)
    await page.keyboard.press('Control+Shift+Z')
    await expect.poll(() => studio.editorText()).toBe(after)
    await page.waitForTimeout(1500)
    await studio.reload()
    expect(await studio.editorText()).toBe(after)
    studio.expectCleanRun()
  })

  test('in Korean, at both sizes, the migration view speaks Korean around its names', async ({ page }) => {
    test.setTimeout(150_000)
    await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await openMigration(page, 'Gateway API로 전환')
    await expect(page.getByTestId('converted-editor').locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
    expect(await latinPhrasesIn(page)).toEqual([])
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await expectNothingClipped(page)
      await page.screenshot({ path: `${SHOTS}/migrate-conversion-ko-${size.width}.png` })
    }
    await page.getByRole('tab', { name: /^동등성/ }).click()
    const rows = page.getByTestId('parity-row')
    await expect(rows.first()).toBeVisible()
    await rows.first().click()
    await expect(page.getByTestId('trace-gateway').locator('.trace-step').first()).toBeVisible()
    await expect(page.getByTestId('migration-graph').locator('.react-flow__edge.on-gateway, .react-flow__edge.on-both').first()).toBeAttached({ timeout: 15_000 })
    expect(await latinPhrasesIn(page)).toEqual([])
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await expectNothingClipped(page)
      await page.screenshot({ path: `${SHOTS}/migrate-parity-ko-${size.width}.png` })
    }
    // Keyboard: back to the list, then a row, each a button in the tab order.
    await page.getByRole('button', { name: /모든 차이/ }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('difference-detail')).toHaveCount(0)
    await rows.first().focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('difference-detail')).toBeVisible()
    studio.expectCleanRun()
  })

  test('input the API server rejects is not converted: the view says so, at its line', async ({ page }) => {
    test.setTimeout(120_000)
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await studio.pasteAtEnd('\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: Bad_Name\nspec:\n  defaultBackend:\n    service:\n      name: s1\n      port:\n        number: 80\n')
    await openMigrationView(page)
    const refusal = page.getByTestId('migration-view').getByRole('alert')
    await expect(refusal).toContainText('The API server would reject this input')
    const line = await studio.lineOf('name: Bad_Name')
    const at = refusal.getByRole('button', { name: `line ${line}`, exact: true }).first()
    await expect(at).toBeVisible()
    await at.click()
    await expect.poll(() => page.evaluate(() => window.__ingressStudio!.editor.getPosition()?.lineNumber)).toBe(line)
    // Fixed, the conversion follows the text.
    await studio.replaceOnLine(line, 'Bad_Name', 'bad-name')
    await expect(page.getByTestId('conversion-findings')).toBeVisible({ timeout: 30_000 })
    studio.expectCleanRun()
  })
})
