import { expect, test } from '@playwright/test'
import { serviceYaml } from '../src/engine/testing/manifests'
import { PRESETS } from '../src/presets/gallery'
import { TID } from '../src/ui/test-ids'
import { ClassroomPage, graphLabelSizes } from './classroom-page'

const SCREENSHOTS = 'test-results/screenshots'

async function blur(studio: ClassroomPage): Promise<void> {
  await studio.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
}

test.describe('languages and themes', () => {
  test('the UI switches to Korean at run time, renders Hangul with a Korean font, and remembers it', async ({ page }) => {
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko')
    await expect(page.getByRole('button', { name: '공유', exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: '프리셋' })).toBeVisible()
    await expect(page.getByRole('tab', { name: /^오브젝트/ })).toBeVisible()
    await expect(studio.status).toContainText('경고')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily)
    expect(font.startsWith('"Noto Sans CJK KR"')).toBe(true)
    await page.getByRole('tab', { name: /^오브젝트/ }).click()
    await expect(page.getByRole('columnheader', { name: '종류' })).toBeVisible()
    await page.getByRole('button', { name: '프리셋' }).click()
    await expect(page.getByTestId(TID.presetGallery)).toContainText('배워 볼 변형')
    await page.screenshot({ path: `${SCREENSHOTS}/korean-presets.png` })
    await studio.closeDialog()
    await page.getByRole('button', { name: '공유', exact: true }).click()
    await expect(page.getByTestId(TID.shareSecretsNote)).toContainText('REDACTED')
    await page.screenshot({ path: `${SCREENSHOTS}/korean-share.png` })
    await studio.closeDialog()

    await studio.reload()
    await expect(page.getByRole('button', { name: '공유', exact: true })).toBeVisible()
    await expect(page.getByRole('combobox', { name: '언어' })).toHaveValue('ko')
    await page.screenshot({ path: `${SCREENSHOTS}/korean-studio.png` })
    studio.expectCleanRun()
  })

  test('an explicit theme overrides the system and is remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(await background()).toBe('rgb(238, 240, 243)')
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await expect.poll(background).toBe('rgb(11, 13, 17)')
    await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible()
    await studio.reload()
    expect(await background()).toBe('rgb(11, 13, 17)')
    await page.screenshot({ path: `${SCREENSHOTS}/theme-dark-override.png` })

    await page.emulateMedia({ colorScheme: 'dark' })
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light')
    await expect.poll(background).toBe('rgb(238, 240, 243)')
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system')
    await expect.poll(background).toBe('rgb(11, 13, 17)')
    studio.expectCleanRun()
  })
})

test.describe('presets and presentation', () => {
  test('a preset opens with guided steps that set the view and the URL to test', async ({ page }) => {
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    await page.getByRole('button', { name: 'Presets' }).click()
    await expect(page.getByTestId(TID.presetCard)).toHaveCount(PRESETS.length)
    await page.screenshot({ path: `${SCREENSHOTS}/presets-gallery.png` })
    await page.getByRole('button', { name: 'Open Ingress basics' }).click()
    await expect(studio.guidedSteps).toContainText('Step 1 of 6')
    await expect(page.getByTestId(TID.guidedStepText)).toContainText('route graph')
    await expect(studio.tab('Route graph')).toHaveAttribute('aria-selected', 'true')
    expect(await studio.editorText()).not.toContain('websample')

    await studio.guidedSteps.getByRole('button', { name: 'Next step' }).click()
    await expect(studio.guidedSteps).toContainText('Step 2 of 6')
    await expect(studio.requestUrl).toHaveValue('http://foo.bar.com/foos1')
    await page.getByRole('tab', { name: /^Request/ }).click()
    await expect(studio.testResult).toContainText('s1')
    await page.screenshot({ path: `${SCREENSHOTS}/preset-guided-step.png` })

    // Saved as it goes: a reload brings back the preset's step, the request and its result.
    await studio.reload()
    await expect(studio.guidedSteps).toContainText('Step 2 of 6')
    await expect(studio.requestUrl).toHaveValue('http://foo.bar.com/foos1')
    await page.getByRole('tab', { name: /^Request/ }).click()
    await expect(studio.testResult).toContainText('s1')

    // The seed scenario stayed, as its own saved scenario.
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
    await expect(page.getByTestId(TID.scenarioRow)).toHaveCount(2)
    await expect(page.getByTestId(TID.scenarioRow).first()).toContainText('Ingress basics')
    studio.expectCleanRun()
  })

  test('presentation mode: one pane at a time, and the keyboard drives playback and the guided steps', async ({ page }) => {
    test.setTimeout(90_000)
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    await page.getByRole('button', { name: 'Presets' }).click()
    await page.getByRole('button', { name: 'Open Zero-downtime rollout' }).click()
    await expect(studio.guidedSteps).toContainText('Step 1 of 4')
    const timeline = page.getByTestId(TID.timelineView)
    await expect(timeline).toBeVisible()
    await expect.poll(async () => Number(await studio.simulationStatus.getAttribute('data-run')), { timeout: 20_000 }).toBeGreaterThan(0)
    await blur(studio)

    await page.keyboard.press('p')
    const root = page.getByTestId(TID.app)
    await expect(root).toHaveAttribute('data-presentation', 'true')
    await expect(page.getByTestId(TID.editorPane)).toHaveCount(0)
    await expect(page.getByTestId(TID.inspectorPane)).toHaveCount(0)
    const size = await page.evaluate(() => getComputedStyle(document.querySelector('.guide-text')!).fontSize)
    expect(parseFloat(size)).toBeGreaterThanOrEqual(20)

    const scrubber = page.getByRole('slider', { name: 'Time' })
    const at = async () => Number(await scrubber.inputValue())
    await page.keyboard.press('Home')
    await expect.poll(at).toBe(0)
    await page.keyboard.press('ArrowRight')
    await expect.poll(at).toBeGreaterThan(0)
    const moment = await at()
    await page.keyboard.press('Shift+ArrowRight')
    await expect.poll(at).toBe(moment + 1000)
    await page.keyboard.press('ArrowLeft')
    await expect.poll(at).toBeLessThan(moment + 1000)
    await page.keyboard.press('End')
    await expect.poll(at).toBe(Number(await scrubber.getAttribute('max')))
    await page.keyboard.press('Home')
    await page.keyboard.press('Space')
    await expect(timeline.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
    // While playing the cursor runs on the compositor; the slider's value settles when playback pauses.
    await page.waitForTimeout(500)
    await page.keyboard.press('k')
    await expect(timeline.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
    await expect.poll(at).toBeGreaterThan(0)

    await page.keyboard.press('PageDown')
    await expect(studio.guidedSteps).toHaveAttribute('data-step', '1')
    await page.keyboard.press('n')
    await expect(studio.guidedSteps).toHaveAttribute('data-step', '2')
    await page.keyboard.press('PageUp')
    await expect(studio.guidedSteps).toHaveAttribute('data-step', '1')
    await page.screenshot({ path: `${SCREENSHOTS}/presentation-timeline.png` })

    await page.keyboard.press('2')
    await expect(page.getByTestId(TID.editorPane)).toBeVisible()
    await expect(page.getByTestId(TID.mainPane)).toHaveCount(0)
    await page.keyboard.press('3')
    await expect(page.getByTestId(TID.inspectorPane)).toBeVisible()
    await page.keyboard.press('1')
    await expect(page.getByTestId(TID.mainPane)).toBeVisible()

    await page.keyboard.press('?')
    const sheet = page.getByTestId(TID.shortcutSheet)
    await expect(sheet).toBeVisible()
    await expect(sheet).toContainText('Next guided step')
    await expect(sheet.locator('kbd', { hasText: 'Page Down' })).toBeVisible()
    await page.screenshot({ path: `${SCREENSHOTS}/presentation-shortcuts.png` })
    await page.keyboard.press('Escape')
    await expect(sheet).toHaveCount(0)
    await expect(root).toHaveAttribute('data-presentation', 'true')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId(TID.app)).not.toHaveAttribute('data-presentation', 'true')
    await expect(page.getByTestId(TID.editorPane)).toBeVisible()
    studio.expectCleanRun()
  })

  test('presentation mode: the route graph fills the stage, refitted with larger labels, and refits on resize', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    const minLabel = async () => Math.min(...(await graphLabelSizes(page)))
    await expect.poll(minLabel).toBeGreaterThanOrEqual(11.95)
    const studioLabel = await minLabel()
    await blur(studio)

    await page.keyboard.press('p')
    await expect(page.getByTestId(TID.app)).toHaveAttribute('data-presentation', 'true')
    await expect.poll(minLabel).toBeGreaterThanOrEqual(15.95)
    expect(await minLabel()).toBeGreaterThan(studioLabel)
    // The graph's canvas takes the stage's width and most of its height (the request line sits above it).
    const stage = (await page.locator('.presentation-stage').boundingBox())!
    const canvas = (await studio.graphView.locator('.react-flow').boundingBox())!
    expect(canvas.width).toBeGreaterThan(stage.width * 0.95)
    expect(canvas.height).toBeGreaterThan(stage.height * 0.6)
    await expect(studio.graphNode('Host foo.bar.com')).toBeInViewport()
    await page.screenshot({ path: `${SCREENSHOTS}/presentation-graph-1280.png` })

    // A larger window (the projector's resolution): fitted again, labels stay large.
    const transform = () => studio.graphView.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform)
    const before = await transform()
    await page.setViewportSize({ width: 1920, height: 1080 })
    await expect.poll(transform).not.toBe(before)
    await expect.poll(minLabel).toBeGreaterThanOrEqual(15.95)
    await expect(studio.graphNode('Ingress controller ingress-nginx')).toBeInViewport()
    await page.screenshot({ path: `${SCREENSHOTS}/presentation-graph-1920.png` })
    studio.expectCleanRun()
  })

  test('typing in the editor never triggers a shortcut', async ({ page }) => {
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    const line = await studio.lineOf('name: test')
    await studio.replaceOnLine(line, 'test', 'pn?2')
    await expect.poll(() => studio.editorText()).toContain('name: pn?2')
    await expect(page.getByTestId(TID.app)).not.toHaveAttribute('data-presentation', 'true')
    await expect(page.getByTestId(TID.shortcutSheet)).toHaveCount(0)
  })
})

test.describe('embed mode', () => {
  test('shows the shared scenario read-only, sized to its iframe, saving nothing', async ({ page, browser }) => {
    const sender = new ClassroomPage(page)
    await sender.open({ fresh: true })
    const link = await sender.makeShareLink()
    const embedUrl = link.replace('/#v2.', '/?embed=1#v2.')

    const visitor = await ClassroomPage.visit(browser, embedUrl)
    await visitor.waitForViews()
    await expect(visitor.page.getByTestId(TID.app)).toHaveAttribute('data-embed', 'true')
    await expect(visitor.page.getByText('read-only', { exact: true })).toBeVisible()
    await expect(visitor.page.getByTestId(TID.editorPane)).toHaveCount(0)
    await expect(visitor.page.locator('.monaco-editor')).toHaveCount(0)
    await expect(visitor.page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0)
    await visitor.page.getByRole('tab', { name: /^Objects/ }).click()
    await expect(visitor.objectButton('Ingress', 'test')).toBeVisible()
    const keys = await visitor.storageKeys()
    expect(keys).not.toContain('ingress-studio.source.v1')
    expect(keys).not.toContain('ingress-studio.scenarios.v1')
    visitor.expectCleanRun()

    // In a course page: the iframe decides the size, and the studio fills it without scrolling the page.
    const host = await browser.newPage({ viewport: { width: 1100, height: 700 } })
    await host.setContent(`<body style="margin:24px"><h1>Lesson 3</h1><iframe title="Scenario" src="${embedUrl}" width="860" height="480" style="border:1px solid #ccc"></iframe></body>`)
    const frame = host.frameLocator('iframe[title="Scenario"]')
    await expect(frame.getByTestId(TID.mainPane)).toBeVisible()
    await expect(frame.getByTestId(TID.graphView).locator('.react-flow__node').first()).toBeVisible()
    const box = await frame.getByTestId(TID.app).boundingBox()
    expect(box?.height).toBeCloseTo(480, -1)
    expect(box?.width).toBeCloseTo(860, -1)
    await host.screenshot({ path: `${SCREENSHOTS}/embed-iframe.png` })
  })
})

test.describe('saved scenarios', () => {
  test('rename, duplicate, delete, export, import a file and drop one', async ({ page }) => {
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
    const dialog = page.getByTestId(TID.scenariosDialog)
    const rows = dialog.getByTestId(TID.scenarioRow)
    await expect(rows).toHaveCount(1)
    await rows.first().getByRole('button', { name: 'Rename' }).click()
    await dialog.getByRole('textbox', { name: /New name/ }).fill('Week 1')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(rows.first()).toContainText('Week 1')
    await rows.first().getByRole('button', { name: 'Duplicate' }).click()
    await expect(rows).toHaveCount(2)
    await expect(rows.first()).toContainText('Week 1 (copy)')

    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export as YAML' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('Week-1-copy.yaml')
    const exported = await (await file.createReadStream()).toArray()
    expect(Buffer.concat(exported).toString('utf8')).toContain('name: websample')

    await rows.first().getByRole('button', { name: 'Delete' }).click()
    await rows.first().getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('Week 1')

    await dialog.locator('input[type="file"]').setInputFiles({ name: 'imported.yaml', mimeType: 'application/yaml', buffer: Buffer.from(serviceYaml('from-a-file', { selector: null, ports: [{ port: 80 }] })) })
    await expect(dialog).toHaveCount(0)
    await studio.showObjects()
    await expect(studio.objectButton('Service', 'from-a-file')).toBeVisible()

    // Drag and drop a file onto the page.
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], 'dropped.yaml', { type: 'application/yaml' }))
      return transfer
    }, serviceYaml('dropped', { selector: null, ports: [{ port: 80 }] }))
    await page.dispatchEvent('body', 'dragenter', { dataTransfer })
    await expect(page.getByTestId(TID.dropOverlay)).toBeVisible()
    await page.dispatchEvent('body', 'drop', { dataTransfer })
    await expect(page.getByTestId(TID.dropOverlay)).toHaveCount(0)
    await expect(studio.objectButton('Service', 'dropped')).toBeVisible()
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
    await expect(rows).toHaveCount(3)
    await expect(rows.first()).toContainText('dropped')
    studio.expectCleanRun()
  })
})
