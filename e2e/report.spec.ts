/**
 * Reports to keep: "Export report" downloads one self-contained HTML file (the rollout's timeline picture,
 * vegeta's report, failures by cause, events, and the lint report), and printing the studio prints the view
 * legibly. The downloaded file is read, then opened in a page of its own and looked at, in English and Korean.
 */
import { expect, test, type Download, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { TimelinePage } from './timeline-page'

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? 'test-results/screenshots'
const HOSTILE = '<img src=x onerror=alert(1)>'

async function textOf(download: Download): Promise<string> {
  const chunks = await (await download.createReadStream()).toArray()
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Opens the studio and waits for the first analysis. The report and printing never use the editor, so Monaco
 * (slow to parse on a busy machine) is not waited for. Each test's browser context starts with empty storage.
 */
async function openStudio(page: Page): Promise<TimelinePage> {
  const studio = new TimelinePage(page)
  await page.goto('/')
  await expect(studio.status).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
  return studio
}

/** Names the open scenario `name` through the Scenarios dialog. */
async function renameScenario(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
  const dialog = page.getByTestId(TID.scenariosDialog)
  await dialog.getByTestId(TID.scenarioRow).first().getByRole('button', { name: 'Rename' }).click()
  await dialog.getByRole('textbox', { name: /New name/ }).fill(name)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByTestId(TID.scenarioRow).first()).toContainText(name)
  await page.keyboard.press('Escape')
  await expect(page.locator('dialog[open]')).toHaveCount(0)
}

/** Opens `html` as a page of its own (as a file from disk would open), screenshots it and returns the page. */
async function openReport(page: Page, html: string, shot: string): Promise<Page> {
  const report = await page.context().newPage()
  const requests: string[] = []
  report.on('request', (request) => {
    if (!request.url().startsWith('data:')) requests.push(request.url())
  })
  const errors: string[] = []
  report.on('pageerror', (error) => errors.push(error.message))
  report.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`))
  await report.setContent(html)
  await report.screenshot({ path: `${SCREENSHOTS}/${shot}`, fullPage: true })
  expect(errors).toEqual([])
  expect(requests).toEqual([])
  return report
}

test('the rollout and lint report: one self-contained HTML file, in English and Korean', async ({ page }) => {
  test.setTimeout(120_000)
  const studio = await openStudio(page)
  await renameScenario(page, HOSTILE)
  await studio.openTimeline()

  const [download] = await Promise.all([page.waitForEvent('download'), studio.view.getByRole('button', { name: 'Export report' }).click()])
  expect(download.suggestedFilename()).toMatch(/^ingress-studio-report-\d{4}-\d{2}-\d{2}\.html$/)
  const html = await textOf(download)

  // Self-contained: a strict policy, no script, nothing fetched; the timeline is a PNG inside the file.
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`)
  expect(html).toMatch(/<html lang="en">/)
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/\b(src|href)="(?!data:image\/png;base64,)/)
  expect(html).not.toMatch(/url\(\s*['"]?https?:/i)
  expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{2000,}" alt="The rollout of default\/websample/)
  // The scenario's name is text: escaped, never an element.
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  expect(html).not.toContain(HOSTILE)

  // The report holds what the studio shows: vegeta's text of the whole run as the worker made it, the
  // failures, the events.
  await studio.detailTab('Report').click()
  await studio.view.getByRole('radio', { name: 'Whole run' }).check()
  const vegeta = (await page.getByTestId(TID.timelineReport).textContent()) ?? ''
  expect(vegeta).toContain('Requests      [total, rate, throughput]')
  expect(html).toContain(`<pre lang="en" class="vegeta">${vegeta.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</pre>`)
  expect(html).toContain('Failures by cause')
  expect(html).toContain('What prevents it')
  expect(html).toContain('ScalingReplicaSet')
  expect(html).toContain('deployment/websample')
  expect(html).toContain('Lint report')
  const items = page.getByTestId(TID.diagnosticItem)
  const codes = await items.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''))
  expect(codes.length).toBeGreaterThan(0)
  for (const code of codes) expect(html).toContain(`<code>${code}</code>`)

  const report = await openReport(page, html, 'report-en.png')
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Ingress Studio report')
  await expect(report.getByRole('heading', { level: 2 })).toHaveText(['Manifest', 'Rollout report', 'Lint report'])
  await expect(report.getByRole('definition').first()).toHaveText(HOSTILE)
  const picture = report.getByRole('img', { name: /^The rollout of default\/websample/ })
  await expect(picture).toBeVisible()
  const size = await picture.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }))
  expect(size.width).toBeGreaterThan(400)
  expect(size.height).toBeGreaterThan(200)
  await expect(report.locator('table.lint tbody tr')).toHaveCount(codes.length)
  await report.close()

  // Korean: the same report in the reader's language, vegeta's text as vegeta prints it.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko')
  await expect(studio.view.getByRole('button', { name: '리포트 내보내기' })).toBeEnabled()
  const [koDownload] = await Promise.all([page.waitForEvent('download'), studio.view.getByRole('button', { name: '리포트 내보내기' }).click()])
  const ko = await textOf(koDownload)
  expect(ko).toMatch(/<html lang="ko">/)
  expect(ko).toContain('<pre lang="en" class="vegeta">Requests      [total, rate, throughput]')
  // Events explained in Korean, with Kubernetes' own words under them.
  expect(ko).toMatch(/<span class="explained">[^<]*[가-힣][^<]*<\/span><span class="verbatim" lang="en">Scaled up replica set websample-/)
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: `${SCREENSHOTS}/export-button-ko-1280.png` })
  const koReport = await openReport(page, ko, 'report-ko.png')
  await expect(koReport.getByRole('heading', { level: 1 })).toHaveText('Ingress Studio 리포트')
  await expect(koReport.getByRole('heading', { level: 2 })).toHaveText(['매니페스트', '롤아웃 리포트', '린트 리포트'])
  await expect(koReport.getByRole('heading', { level: 3 })).toContainText(['타임라인', 'vegeta report', '지연 시간 히스토그램', '원인별 실패', '이벤트'])
  await expect(koReport.locator('table.events th')).toHaveText(['시각', '유형', '사유', '오브젝트', '메시지'])
  await koReport.close()

  // Presentation mode (one pane, large type) at 1280×720 keeps the button in the timeline's bar.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('p')
  await expect(page.getByTestId(TID.app)).toHaveAttribute('data-presentation', 'true')
  await expect(studio.view.getByRole('button', { name: '리포트 내보내기' })).toBeVisible()
  await page.screenshot({ path: `${SCREENSHOTS}/presentation-ko-1280.png` })
  studio.expectCleanRun()
})

test('the diagnostics panel exports the report too; without the Rollout view open it says the picture is missing', async ({ page }) => {
  const studio = await openStudio(page)
  const button = page.getByTestId(TID.inspectorPane).getByRole('button', { name: 'Export report' })
  await page.getByTestId(TID.inspectorPane).screenshot({ path: `${SCREENSHOTS}/export-button-lint.png` })
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
  const html = await textOf(download)
  expect(html).toContain('Lint report')
  expect(html).not.toContain('<img')
  // No rollout was simulated yet (the Rollout view was never opened): the report says so.
  expect(html).toContain('No rollout was simulated. Open the Rollout view to include one.')
  studio.expectCleanRun()
})

test('printing shows the active view and the diagnostics at full height, black on white, without the chrome', async ({ page }) => {
  const studio = await openStudio(page)
  await studio.openTimeline()
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
  for (const hidden of [page.getByTestId(TID.header), page.getByTestId(TID.editorPane), studio.view.getByRole('toolbar'), page.getByRole('button', { name: 'Export report' }).first()]) {
    await expect(hidden).toBeHidden()
  }
  const timeArea = page.getByTestId(TID.timelineTimeArea)
  await expect(timeArea).toBeVisible()
  // Nothing scrolls inside the time area or the diagnostics list: they are as tall as their content.
  for (const box of [timeArea, page.getByTestId(TID.diagnosticsList)]) {
    const fits = await box.evaluate((element) => element.scrollHeight <= element.clientHeight + 1)
    expect(fits).toBe(true)
  }
  const colours = await page.evaluate(() => ({ body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }))
  expect(colours).toEqual({ body: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' })
  await page.screenshot({ path: `${SCREENSHOTS}/print-timeline.png`, fullPage: true })
  await page.getByTestId(TID.inspectorPane).screenshot({ path: `${SCREENSHOTS}/print-diagnostics.png` })
  // A virtual list (the events) prints every row: at its full height, all of them are in view.
  await page.emulateMedia({ media: 'screen' })
  await studio.detailTab('Events').click()
  await page.emulateMedia({ media: 'print' })
  const events = studio.view.getByRole('list', { name: 'Events' })
  const listed = () =>
    events.evaluate((list) => {
      const rows = list.querySelectorAll('[role="listitem"]')
      const all = Math.round(list.firstElementChild!.getBoundingClientRect().height / rows[0]!.getBoundingClientRect().height)
      return { rendered: rows.length, all }
    })
  await expect.poll(async () => { const { rendered, all } = await listed(); return rendered === all && all > 5 }).toBe(true)
  await page.screenshot({ path: `${SCREENSHOTS}/print-events.png`, fullPage: true })
  await page.emulateMedia({ media: 'screen', colorScheme: null })
  await expect(page.getByTestId(TID.header)).toBeVisible()
  studio.expectCleanRun()
})
