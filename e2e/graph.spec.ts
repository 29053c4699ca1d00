import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { ingressFleetManifest } from '../src/engine/testing/large-manifests'
import { TID } from '../src/ui/test-ids'
import { graphLabelSizes, nodesUnderCounter } from './classroom-page'
import { StudioPage } from './studio-page'

const SCREENSHOTS = 'test-results/screenshots'

/** The `transform` of the graph's viewport: zoom and pan. */
const viewportTransform = (studio: StudioPage) =>
  studio.graphView.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform)

/** The viewport's transform once it has stopped moving (Fit and the zoom buttons animate). */
async function settledTransform(studio: StudioPage): Promise<string> {
  let last = ''
  await expect.poll(async () => {
    const now = await viewportTransform(studio)
    const settled = now === last
    last = now
    return settled
  }, { intervals: [250] }).toBe(true)
  return last
}

test.describe('the route graph', () => {
  test('shows the seed scenario: hosts, paths, Services, workloads, and a lock on the TLS host', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await expect(page.getByRole('tab', { name: 'Route graph', exact: true })).toHaveAttribute('aria-selected', 'true')
    // Laid out by ELK, in the worker of its own the engine worker starts from the build's one copy of it.
    await expect(studio.graphView).toHaveAttribute('data-layout-by', 'elk')

    for (const name of ['Host foo.bar.com', 'Host bar.foo.com', 'Host kube-book.com', 'Path /foos1 on foo.bar.com', 'Path /bars2 on foo.bar.com',
      'Service s1', 'Service s2', 'Deployment s1', 'Ingress controller ingress-nginx', 'Default backend']) {
      await expect(studio.graphNode(name), name).toBeVisible()
    }
    for (const edge of ['foo.bar.com → /foos1', '/foos1 → s1', 'foo.bar.com → /bars2', '/bars2 → s2', 'bar.foo.com → /', '/ → s2', 'kube-book.com → /', '/ → s1', 's1 → s1']) {
      await expect(studio.graphEdge(edge), edge).toHaveCount(1)
    }
    const kubeBook = studio.graphNode('Host kube-book.com')
    await expect(kubeBook.locator('.gbadge-tls')).toHaveText('kube-book-secret')
    await expect(kubeBook.locator('.gbadge-https-redirect')).toContainText('308')
    await expect(studio.graphNode('Host foo.bar.com').locator('.gbadge-tls')).toHaveCount(0)
    await expect(studio.graphNode('Path /foos1 on foo.bar.com').locator('.gbadge-rewrite')).toContainText('rewrite → /')
    // Pods sit inside their ReplicaSet inside their Deployment.
    await expect(studio.graphNode('Pod 2 of s1')).toBeVisible()
    // Diagnostics show on the node they concern: the rewrite without a capture group on /foos1.
    await expect(studio.graphNode('Path /foos1 on foo.bar.com').locator('.gnode-diag')).toBeVisible()
    await page.screenshot({ path: `${SCREENSHOTS}/graph-light.png` })
    studio.expectCleanRun()
  })

  test('in dark mode, with a tested route lit up', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await studio.testUrl('http://foo.bar.com/foos1/abc')
    await expect(studio.graphNode('Path /foos1 on foo.bar.com').locator('.gnode')).toHaveClass(/lit-lit/)
    await page.screenshot({ path: `${SCREENSHOTS}/graph-dark.png` })
    studio.expectCleanRun()
  })

  test('follows an edit of a path in place, keeping the zoom and pan', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    // Zoomed out by the user (every node stays on screen, so the cursor's selection does not pan to one).
    const fitted = await settledTransform(studio)
    await page.getByRole('button', { name: 'Zoom out' }).click()
    await expect.poll(() => viewportTransform(studio)).not.toBe(fitted)
    const before = await settledTransform(studio)

    await studio.replaceOnLine(await studio.lineOf('- path: /foos1'), '/foos1', '/renamed')
    await expect(studio.graphNode('Path /renamed on foo.bar.com')).toBeVisible()
    await expect(studio.graphNode('Path /foos1 on foo.bar.com')).toHaveCount(0)
    await expect(studio.graphEdge('/renamed → s1')).toHaveCount(1)
    expect(await viewportTransform(studio)).toBe(before)
    // Only words changed: the worker reused the layout instead of laying the graph out again.
    await expect(studio.graphView).toHaveAttribute('data-layout-reused', 'true')
    studio.expectCleanRun()
  })

  test('shows a dangling Service in red with the reason', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    const line = (await studio.lineOf('- host: bar.foo.com')) + 4
    await studio.replaceOnLine(line, 's2', 's3')
    const missing = studio.graphNode('Service s3')
    await expect(missing).toBeVisible()
    await expect(missing.locator('.gnode')).toHaveClass(/has-problem/)
    await expect(missing).toContainText('Service s3 not found in default')
    studio.expectCleanRun()
  })

  test('clicking a node moves the editor to its YAML and highlights it', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await studio.graphNode('Path /bars2 on foo.bar.com').click()
    const line = await studio.lineOf('- path: /bars2')
    await expect.poll(() => studio.cursor()).toMatchObject({ lineNumber: line, focused: true })
    await expect(page.locator('.monaco-editor .graph-linked-range').first()).toBeVisible()
    await expect(studio.graphNode('Path /bars2 on foo.bar.com').locator('.gnode')).toHaveClass(/is-selected/)
    studio.expectCleanRun()
  })

  test('moving the cursor in the editor selects the matching node', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    const line = (await studio.lineOf('  name: kube-book-secret')) + 10
    await page.evaluate((target) => {
      const { editor } = window.__ingressStudio!
      const lines = editor.getValue().split('\n')
      const at = lines.findIndex((text, i) => i >= target && text === '  name: s2')
      editor.setPosition({ lineNumber: at + 1, column: 3 })
      editor.focus()
    }, line)
    await page.keyboard.press('ArrowRight')
    await expect(studio.graphNode('Service s2').locator('.gnode')).toHaveClass(/is-selected/)
    studio.expectCleanRun()
  })

  test('collapses pods above the limit into "+N pods" and expands them on demand', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await studio.replaceOnLine(await studio.lineOf('replicas: 2'), '2', '9')
    const more = studio.graphView.getByRole('button', { name: '+4 pods', exact: true })
    await expect(more).toBeVisible()
    await expect(studio.graphNode('Pod 5 of s1')).toBeVisible()
    await expect(studio.graphNode('Pod 6 of s1')).toHaveCount(0)
    await more.click()
    await expect(studio.graphNode('Pod 9 of s1')).toBeVisible()
    studio.expectCleanRun()
  })

  test('exports the whole graph as a PNG and an SVG', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    // Zoomed in, most of the graph is off screen: the export still holds every node.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click()

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the whole graph as PNG' }).click()])
    expect(png.suggestedFilename()).toBe('route-graph.png')
    const bytes = readFileSync((await png.path())!)
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
    const width = bytes.readUInt32BE(16)
    const height = bytes.readUInt32BE(20)
    expect(width).toBeGreaterThan(1000)
    expect(height).toBeGreaterThan(300)
    expect(bytes.length).toBeGreaterThan(20_000)

    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the whole graph as SVG' }).click()])
    const text = readFileSync((await svg.path())!, 'utf8')
    expect(text).toContain('<svg')
    for (const label of ['foo.bar.com', 'kube-book-secret', 'websample']) expect(text).toContain(label)
    studio.expectCleanRun()
  })

  test('fits the seed at a readable scale: labels of 12 px or more at 1440×900, the rest a pan or a minimap away', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await expect.poll(async () => Math.min(...(await graphLabelSizes(page)))).toBeGreaterThanOrEqual(11.95)
    // The whole seed does not fit the view at that size: the controller and hosts are on screen, a minimap shows the rest.
    const canvas = (await studio.graphView.locator('.react-flow').boundingBox())!
    for (const name of ['Ingress controller ingress-nginx', 'Host foo.bar.com']) {
      const box = (await studio.graphNode(name).boundingBox())!
      expect(box.x, name).toBeGreaterThanOrEqual(canvas.x)
      expect(box.x + box.width, name).toBeLessThanOrEqual(canvas.x + canvas.width)
    }
    await expect(studio.graphView.getByRole('img', { name: 'Overview of the whole graph' })).toBeVisible()
    // The node counter sits in the toolbar above the canvas: no node is drawn under it.
    await expect(studio.graphView.getByTestId(TID.graphStats)).toHaveText('25 nodes')
    expect(await nodesUnderCounter(page)).toEqual([])
    // Zoomed out and fitted again: back to the readable scale.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom out' }).click()
    await expect.poll(async () => Math.max(...(await graphLabelSizes(page)))).toBeLessThan(11)
    await page.getByRole('button', { name: 'Fit', exact: true }).click()
    await expect.poll(async () => Math.min(...(await graphLabelSizes(page)))).toBeGreaterThanOrEqual(11.95)
    await page.screenshot({ path: `${SCREENSHOTS}/graph-readable-1440.png` })
    studio.expectCleanRun()
  })

  test('filters by host, and to only the route the URL tester took', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    const nodes = studio.graphView.locator('.react-flow__node')
    await expect(nodes).toHaveCount(25)
    await page.getByRole('combobox', { name: 'Filter by' }).selectOption('host')
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('kube-book')
    await expect(studio.graphNode('Host kube-book.com')).toBeVisible()
    await expect(studio.graphNode('Host foo.bar.com')).toHaveCount(0)
    await expect(studio.graphNode('Service s2')).toHaveCount(0)
    // kube-book.com routes to s1: its Deployment and pods stay, inside their boxes.
    await expect(studio.graphNode('Pod 1 of s1')).toBeVisible()
    const shown = await nodes.count()
    expect(shown).toBeLessThan(25)
    await expect(studio.graphView.getByTestId(TID.graphStats)).toHaveText(`${shown} of 25 nodes`)
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('')
    await expect(nodes).toHaveCount(25)

    const onlyTested = page.getByRole('checkbox', { name: 'Only the tested route' })
    await expect(onlyTested).toBeDisabled()
    await studio.testUrl('http://foo.bar.com/bars2/abc')
    await onlyTested.check()
    await expect(studio.graphNode('Path /bars2 on foo.bar.com')).toBeVisible()
    await expect(studio.graphNode('Service s2')).toBeVisible()
    await expect(studio.graphNode('Path /foos1 on foo.bar.com')).toHaveCount(0)
    await expect(studio.graphNode('Host kube-book.com')).toHaveCount(0)
    await expect(studio.graphNode('Service s1')).toHaveCount(0)
    await expect.poll(async () => Math.min(...(await graphLabelSizes(page)))).toBeGreaterThanOrEqual(11.95)
    await page.screenshot({ path: `${SCREENSHOTS}/graph-only-tested.png` })
    await onlyTested.uncheck()
    await expect(nodes).toHaveCount(25)
    studio.expectCleanRun()
  })

  test('300 Ingresses: progress while the engine works, then a readable graph in columns that a host filter narrows', async ({ page }) => {
    test.setTimeout(180_000)
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    const text = ingressFleetManifest(300)
    const started = Date.now()
    await page.evaluate((value) => window.__ingressStudio!.editor.setValue(value), text)
    // Not a blank or frozen canvas: the toolbar says what the engine is doing, and for how long. One check of both
    // (the engine may be done, and the progress gone, by the time a second check looks).
    const progress = studio.graphView.getByTestId(TID.graphProgress).filter({ hasText: /Analysing the manifests|Building and laying out the graph of \d+ objects/ })
    await expect(progress).toBeVisible({ timeout: 10_000 })
    await expect(studio.graphNode('Host app-0.example.com')).toBeVisible({ timeout: 120_000 })
    const drawn = Date.now() - started
    await expect(studio.graphView.getByTestId(TID.graphStats)).toContainText('1,502 nodes')
    await expect(studio.graphView).toHaveAttribute('data-layout-by', 'columns')
    await expect(studio.graphView.getByTestId(TID.graphProgress)).toHaveCount(0)
    await expect.poll(async () => Math.min(...(await graphLabelSizes(page)))).toBeGreaterThanOrEqual(11.95)
    console.log(`300 Ingresses (1,502 nodes): paste → drawn and readable in ${drawn} ms`)
    await expect(studio.graphView.getByRole('img', { name: 'Overview of the whole graph' })).toBeVisible()
    expect(await nodesUnderCounter(page)).toEqual([])
    await page.screenshot({ path: `${SCREENSHOTS}/graph-300-ingresses.png` })

    await page.getByRole('combobox', { name: 'Filter by' }).selectOption('host')
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('app-42.')
    await expect(studio.graphNode('Host app-42.example.com')).toBeVisible()
    await expect(studio.graphNode('Host app-0.example.com')).toHaveCount(0)
    await expect(studio.graphView.getByTestId(TID.graphStats)).toHaveText('6 of 1,502 nodes')
    await page.getByRole('combobox', { name: 'Filter by' }).selectOption('namespace')
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('team-3')
    await expect(studio.graphView.getByTestId(TID.graphStats)).toHaveText('251 of 1,502 nodes')
    await page.screenshot({ path: `${SCREENSHOTS}/graph-300-ingresses-filtered.png` })
    studio.expectCleanRun()
  })
})
