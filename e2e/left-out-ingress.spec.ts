/**
 * A half-parsed Ingress is not routed (issue 13): `name: test: bad` in the seed's first Ingress takes its hosts
 * out of the route graph, and the diagnostics say why at its line, in English and in Korean. The quick fix on
 * an old apiVersion is titled in the reader's language too.
 */
import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

const SHOTS = process.env.E2E_SHOTS_DIR

async function inKorean(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
}

/** Breaks the seed's first Ingress name as in the issue and waits for the analysis of that text. */
async function breakIngressName(studio: StudioPage): Promise<number> {
  const line = await studio.lineOf('  name: test')
  await studio.replaceOnLine(line, 'name: test', 'name: test: bad')
  await expect.poll(async () => (await studio.markersOnLine(line)).map((m) => m.code)).toContain('object-left-out')
  return line
}

test.describe('an Ingress whose metadata did not parse', () => {
  test('is not routed, and its diagnostics say why', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.showView('Route graph')
    // The graph is laid out in the worker after the analysis; on a loaded machine that takes a while.
    await expect(studio.graphNode('Host bar.foo.com')).toBeVisible({ timeout: 30_000 })

    await breakIngressName(studio)
    await expect(studio.diagnosticItems.filter({ hasText: 'This Ingress is left out: its metadata did not parse as YAML' })).toHaveCount(1)
    await expect(studio.graphNode('Host bar.foo.com')).toHaveCount(0, { timeout: 30_000 })
    await expect(studio.graphNode('Host foo.bar.com')).toHaveCount(0)
    await expect(studio.graphNode('Host kube-book.com')).toBeVisible()
    studio.expectCleanRun()
  })

  test('says so in Korean, and the quick fix of an old apiVersion is titled in Korean', async ({ page }) => {
    await inKorean(page)
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await breakIngressName(studio)
    const leftOut = studio.diagnosticItems.filter({ hasText: '이 Ingress 오브젝트는 제외했습니다' })
    await expect(leftOut).toHaveCount(1)
    await expect(studio.diagnosticItems.filter({ hasText: '한 줄에 "키: 값"이 두 번 있거나' })).toHaveCount(1)
    await expect(studio.diagnosticItems.filter({ hasText: 'metadata.name: 타입이 잘못되었습니다(기대한 타입: 문자열, 실제: 맵)' })).toHaveCount(1)
    if (SHOTS) await leftOut.screenshot({ path: `${SHOTS}/left-out-ko.png` })

    await studio.openQuickFixesOnDeploymentApiVersion()
    const convert = page.locator('.action-widget').getByText('apps/v1 버전으로 변환')
    await expect(convert).toBeVisible()
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/quick-fix-ko.png` })
    await convert.click()
    await expect.poll(() => studio.editorText()).toContain('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: websample\n')
    studio.expectCleanRun()
  })
})
