import { expect, test } from '@playwright/test'
import { realisticManifest } from '../src/engine/testing/large-manifests'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

/** 1,000 apps: 3,000 objects, about 2 MB (the incremental analysis bench's manifest). */
const TEXT = realisticManifest(1000)

/** The 1-based line of `port: 80` in the Service app-500: half-way down the text. */
function servicePortLine(): number {
  const lines = TEXT.split('\n')
  const name = lines.findIndex((line, i) => line === '  name: app-500' && lines[i - 2] === 'kind: Service')
  return lines.findIndex((line, i) => i > name && line === '    port: 80') + 1
}

const invalidPortLines = async (studio: StudioPage): Promise<number[]> =>
  (await studio.markers()).filter((marker) => marker.code === 'invalid-port').map((marker) => marker.startLineNumber)

const viewportTransform = (studio: StudioPage): Promise<string> =>
  studio.graphView.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform)

/** Waits until the graph has drawn the latest text: its revision stays the same for a second. */
async function graphSettled(studio: StudioPage): Promise<void> {
  let last: string | null = null
  await expect.poll(async () => {
    const now = await studio.graphView.getAttribute('data-revision')
    const same = now === last
    last = now
    return same
  }, { intervals: [1000], timeout: 60_000 }).toBe(true)
}

// A trace snapshots the page at every poll (the 2 MB text with it): it would triple the times printed below.
test.use({ trace: 'off' })

test.describe('a 3,000-object manifest', () => {
  test('an edit half-way down gets its marker, which moves with a line typed above it and goes when fixed; the 9,002-node graph pans and keeps its selection and viewport through the edits', async ({ page }) => {
    test.setTimeout(240_000)
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.evaluate((value) => window.__ingressStudio!.editor.setValue(value), TEXT)
    await expect(page.getByRole('tab', { name: 'Objects 3000' })).toBeVisible({ timeout: 90_000 })
    await expect(studio.graphView.getByTestId(TID.graphStats)).toContainText('9,002 nodes', { timeout: 90_000 })
    const line = servicePortLine()
    expect(await invalidPortLines(studio)).toEqual([])

    // The cursor on the Service selects its node, which the graph brings into view; a drag pans the graph.
    await page.evaluate((at) => {
      const { editor } = window.__ingressStudio!
      editor.setPosition({ lineNumber: at, column: 5 })
      editor.revealLine(at)
      editor.focus()
    }, line)
    await page.keyboard.press('ArrowRight')
    const service = studio.graphNode('Service team-7/app-500')
    await expect(service.locator('.gnode')).toHaveClass(/is-selected/, { timeout: 30_000 })
    await expect(service).toBeInViewport()
    const box = (await studio.graphView.locator('.react-flow__pane').boundingBox())!
    const before = await viewportTransform(studio)
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height - 60, { steps: 5 })
    await page.mouse.up()
    await expect.poll(() => viewportTransform(studio)).not.toBe(before)
    const panned = await viewportTransform(studio)
    await expect(service.locator('.gnode')).toHaveClass(/is-selected/)

    // Each edit below is analysed again with the worker's memory: only the edited document is parsed anew.
    let started = Date.now()
    await studio.replaceOnLine(line, '80', '80000')
    await expect.poll(() => invalidPortLines(studio), { timeout: 30_000 }).toEqual([line])
    console.log(`3,000 objects: a typed port → its marker in ${Date.now() - started} ms (200 ms of it the debounce)`)

    // A line typed at the top moves every document after it: the kept ones are shifted, the marker with them.
    await graphSettled(studio)
    started = Date.now()
    await page.evaluate(() => {
      const { editor } = window.__ingressStudio!
      editor.executeEdits('e2e', [{ range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 }, text: '# the shop\n' }])
    })
    await expect.poll(() => invalidPortLines(studio), { timeout: 30_000 }).toEqual([line + 1])
    console.log(`3,000 objects: a line typed at the top → the marker one line down in ${Date.now() - started} ms`)
    await expect(page.getByTestId('analysis-status')).toContainText('1 error')
    // The graph of the edited text is drawn where the user left it, its node still selected.
    await expect(service.locator('.gnode')).toHaveClass(/is-selected/)
    expect(await viewportTransform(studio)).toBe(panned)
    await page.screenshot({ path: 'test-results/screenshots/big-manifest-marker.png' })

    await studio.replaceOnLine(line + 1, '80000', '80')
    await expect.poll(() => invalidPortLines(studio), { timeout: 30_000 }).toEqual([])
    await expect(page.getByTestId('analysis-status')).not.toContainText('error')
    studio.expectCleanRun()
  })
})
