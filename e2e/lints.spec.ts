/**
 * Lints in the studio: a quick fix chosen in the editor rewrites the YAML (keeping comments) and its marker goes;
 * the rules panel turns a rule off (its markers go, and the setting survives a reload) and changes a severity.
 */
import { expect, test, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'
import { TimelinePage } from './timeline-page'

const SCREENSHOTS = 'test-results/screenshots'

/** Puts the cursor on `text` of `line` and opens Monaco's quick-fix menu there (Ctrl+.). */
async function openQuickFixes(page: Page, line: number, text: string): Promise<void> {
  await page.evaluate(({ line, text }) => {
    const { editor } = window.__ingressStudio!
    const column = editor.getModel()!.getLineContent(line).indexOf(text) + 1
    editor.setPosition({ lineNumber: line, column })
    editor.revealLineInCenter(line)
    editor.focus()
  }, { line, text })
  await page.keyboard.press('Control+.')
}

async function codesOnLine(studio: StudioPage, line: number): Promise<string[]> {
  return (await studio.markersOnLine(line)).map((marker) => marker.code)
}

test.describe('lint quick fixes and the rules panel', () => {
  test('the preStop quick fix edits the YAML in place and its marker disappears', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const line = await studio.lineOf('- name: s1')
    await expect.poll(() => codesOnLine(studio, line)).toContain('prestop-missing')

    await openQuickFixes(page, line, 's1')
    const action = page.locator('.action-widget').getByText('Add a preStop sleep of 5 s (sleep action', { exact: false })
    await expect(action).toBeVisible()
    await action.click()

    await expect.poll(() => studio.editorText()).toContain(
      '        readinessProbe:\n          httpGet:\n            path: /\n            port: 8080\n        lifecycle:\n          preStop:\n            sleep:\n              seconds: 5\n---',
    )
    const text = await studio.editorText()
    expect(text).toContain('# Zero-downtime rollout: probes, preStop and a grace period that fit together')
    expect(text).toContain('args: ["-listen=:8080", "-text=s1"]')
    await expect.poll(() => codesOnLine(studio, line)).not.toContain('prestop-missing')
    // s2 still lacks one: the fix touched only s1.
    await expect.poll(async () => codesOnLine(studio, await studio.lineOf('- name: s2'))).toContain('prestop-missing')

    // One undo brings the text back.
    await page.keyboard.press('Control+z')
    await expect.poll(() => studio.editorText()).not.toContain('seconds: 5')
    studio.expectCleanRun()
  })

  test('the preStop quick fix changes the simulated rollout of s1: its failed requests go to none', async ({ page }) => {
    const studio = new TimelinePage(page)
    await studio.open({ fresh: true })
    await studio.openTimeline()
    const first = await studio.runId()
    await studio.view.getByRole('combobox', { name: 'Deployment' }).selectOption('default/s1')
    const before = await studio.waitForRunAfter(first)
    await studio.detailTab('Failed requests').click()
    await expect(studio.failureRows.first()).toBeVisible()
    await expect(studio.detailTab('Failed requests').locator('.tab-count')).not.toHaveText('0')

    const line = await studio.lineOf('- name: s1')
    await openQuickFixes(page, line, 's1')
    await page.locator('.action-widget').getByText('Add a preStop sleep of 5 s (sleep action', { exact: false }).click()
    await expect.poll(() => codesOnLine(studio, line)).not.toContain('prestop-missing')
    await studio.waitForRunAfter(before)
    await expect(page.getByTestId(TID.timelineNoFailures)).toBeVisible()
    await expect(studio.detailTab('Failed requests').locator('.tab-count')).toHaveText('0')
    studio.expectCleanRun()
  })

  test('the rewrite-target fix captures the rest of each path', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const line = await studio.lineOf('rewrite-target: /')
    await expect.poll(() => codesOnLine(studio, line)).toContain('rewrite-without-capture')
    await openQuickFixes(page, line, '/')
    await page.locator('.action-widget').getByText('Capture the rest of each path').click()
    await expect.poll(() => studio.editorText()).toContain('nginx.ingress.kubernetes.io/rewrite-target: /$2')
    const text = await studio.editorText()
    expect(text).toContain('      - path: /foos1(/|$)(.*)\n')
    expect(text).toContain('      - backend:\n          serviceName: s2\n          servicePort: 80\n        path: /()(.*)\n')
    await expect.poll(() => codesOnLine(studio, line)).toEqual([])
    studio.expectCleanRun()
  })

  test('the rules panel turns a rule off and on, changes its severity, and keeps the setting', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const prestopMarkers = async () => (await studio.markers()).filter((marker) => marker.code === 'prestop-missing')
    await expect.poll(async () => (await prestopMarkers()).length).toBe(2)

    await page.getByRole('tab', { name: 'Rules' }).click()
    const panel = page.getByRole('region', { name: 'Lint rules' })
    await expect(panel).toBeVisible()
    const row = panel.locator('[data-rule="prestop-missing"]')
    await expect(row).toContainText('No preStop hook on a pod behind an Ingress')
    await expect(row).toContainText('ingress-nginx still sends it requests')
    await expect(row.locator('.rule-count')).toHaveText('2')
    await row.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SCREENSHOTS}/rules-panel.png` })

    await page.getByRole('checkbox', { name: 'Enable prestop-missing' }).uncheck()
    await expect.poll(async () => (await prestopMarkers()).length).toBe(0)
    await expect(page.getByTestId('diagnostic-item').and(page.locator('[data-code="prestop-missing"]'))).toHaveCount(0)
    await expect(panel).toContainText(`of ${await panel.locator('[data-rule]').count()} rules on · 1 changed`)

    await studio.reload()
    await page.getByRole('tab', { name: 'Rules' }).click()
    await expect(page.getByRole('checkbox', { name: 'Enable prestop-missing' })).not.toBeChecked()
    expect(await prestopMarkers()).toEqual([])

    await page.getByRole('checkbox', { name: 'Enable prestop-missing' }).check()
    await page.getByRole('combobox', { name: 'Severity of prestop-missing' }).selectOption('error')
    await expect.poll(async () => (await prestopMarkers()).map((marker) => marker.severity)).toEqual([8, 8])
    await expect(studio.status).toContainText('error')

    await page.getByRole('button', { name: 'Reset to defaults' }).click()
    await expect.poll(async () => (await prestopMarkers()).map((marker) => marker.severity)).toEqual([4, 4])

    // The API server's removed versions are a rule like the lints: listed with their findings, and can be turned off.
    const removedMarkers = async () => (await studio.markers()).filter((marker) => marker.code === 'removed-api-version')
    await expect.poll(async () => (await removedMarkers()).length).toBe(4)
    await expect(panel.locator('[data-rule="removed-api-version"] .rule-count')).toHaveText('4')
    await page.getByRole('checkbox', { name: 'Enable removed-api-version' }).uncheck()
    await expect.poll(async () => (await removedMarkers()).length).toBe(0)
    await page.getByRole('checkbox', { name: 'Enable removed-api-version' }).check()
    await expect.poll(async () => (await removedMarkers()).length).toBe(4)
    studio.expectCleanRun()
  })
})
