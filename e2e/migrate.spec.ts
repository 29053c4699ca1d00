/**
 * Convert to current API versions: the header action rewrites the seed's extensions/v1beta1 objects (comments and
 * the other documents kept) as one undoable edit; the deprecation marker offers the same per object.
 */
import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test.describe('convert to current API versions', () => {
  test('the header action converts every old object, keeps comments, and undoes in one step', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const before = await studio.editorText()
    const convert = page.getByRole('button', { name: 'Convert to current API versions (4)' })
    await expect(convert).toBeVisible()
    await convert.click()

    await expect.poll(() => studio.editorText()).not.toContain('extensions/v1beta1')
    const after = await studio.editorText()
    expect(after).not.toContain('serviceName')
    expect(after).toContain('          service:\n            name: s1\n            port:\n              number: 80\n        pathType: ImplementationSpecific\n')
    expect(after).toContain('  progressDeadlineSeconds: 2147483647\n')
    for (const comment of before.match(/^#.*$/gm) ?? []) expect(after).toContain(comment)
    await expect(page.getByRole('status').filter({ hasText: 'Converted 4 objects' })).toBeVisible()
    await expect.poll(async () => (await studio.markers()).filter((m) => m.code.endsWith('api-version'))).toEqual([])
    await expect(convert).toBeHidden()

    await page.evaluate(() => window.__ingressStudio!.editor.focus())
    await page.keyboard.press('Control+z')
    await expect.poll(() => studio.editorText()).toBe(before)
    studio.expectCleanRun()
  })

  test('in Korean, the status says how many objects changed and lists what changed in Korean', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
    const studio = new StudioPage(page)
    // A new browser context has empty storage, so the seed opens; Monaco gets a minute (the page object allows
    // 20 s, which a machine running several suites at once exceeds).
    await page.goto('/')
    await expect(studio.editor.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
    await studio.waitUntilReady()
    await page.getByRole('button', { name: '현재 API 버전으로 변환 (4)' }).click()
    const status = page.getByRole('status').filter({ hasText: '오브젝트 4개를 변환했습니다' })
    await expect(status).toBeVisible()
    const notes = (await status.getAttribute('title')) ?? ''
    expect(notes).toContain('apiVersion extensions/v1beta1 → networking.k8s.io/v1')
    expect(notes).toMatch(/^Deployment websample: progressDeadlineSeconds 2147483647을\(를\) 명시했습니다\(기한 없음, apps\/v1이라면 600으로 설정합니다\)$/m)
    expect(notes).not.toMatch(/ written \(/)
    await page.screenshot({ path: 'test-results/screenshots/convert-status-ko.png' })
  })

  test('the quick fix on one deprecated apiVersion converts that object only', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.openQuickFixesOnDeploymentApiVersion()
    await page.locator('.action-widget').getByText('Convert to apps/v1').click()
    await expect.poll(() => studio.editorText()).toContain('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: websample\n  labels:\n    run: websample\n')
    expect((await studio.editorText()).match(/extensions\/v1beta1/g)).toHaveLength(3)
    studio.expectCleanRun()
  })
})
