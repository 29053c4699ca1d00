import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { StudioPage } from './studio-page'

const SCREENSHOTS = 'test-results/screenshots'

/** The `transform` of the graph's viewport: zoom and pan. */
const viewportTransform = (studio: StudioPage) =>
  studio.graphView.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform)

test.describe('the route graph', () => {
  test('shows the seed scenario: hosts, paths, Services, workloads, and a lock on the TLS host', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await expect(page.getByRole('tab', { name: 'Route graph', exact: true })).toHaveAttribute('aria-selected', 'true')

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
    await page.getByRole('button', { name: 'Zoom In' }).click()
    await expect.poll(() => viewportTransform(studio)).toContain('scale')
    const before = await viewportTransform(studio)

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
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click()

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
})
