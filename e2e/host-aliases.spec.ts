/**
 * server-alias and from-to-www-redirect in the studio: the route graph's host node shows its aliases and its www
 * redirect, and the URL tester answers a request for the www name with the redirect server's 308 and a request by
 * a regex alias with the host's backend. In English and Korean, at 1280×720 and 1440×900; screenshots to E2E_SHOTS
 * (default test-results/screenshots/host-aliases), looked at by hand.
 */
import { expect, test } from '@playwright/test'
import { hostRule, ingressYaml, joinDocuments, nginx, serviceYaml } from '../src/engine/testing/manifests'
import { StudioPage } from './studio-page'

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screenshots/host-aliases'

const MANIFEST = joinDocuments(
  serviceYaml('web'),
  ingressYaml('shop', {
    annotations: nginx({ 'from-to-www-redirect': 'true', 'server-alias': 'shop.example.net, ~^w\\d\\.shop\\.example$' }),
    rules: [hostRule('shop.example', '/', 'web:80')],
  }),
)

// Each language loads once; the two window sizes are the same page resized, every check and screenshot repeated.
for (const language of ['en', 'ko'] as const) {
  test(`host aliases and the www redirect (${language}, 1280×720 and 1440×900)`, async ({ page }) => {
    test.setTimeout(120_000) // two window sizes, each with the time one had alone
    if (language === 'ko') await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
    await page.setViewportSize({ width: 1280, height: 720 })
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), MANIFEST)
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height })
      await studio.waitForGraph()
      const host = studio.graphView.locator('.gbadge-alias')
      await expect(host).toContainText('shop.example.net', { timeout: 30_000 })
      await expect(studio.graphView.locator('.gbadge-www-redirect')).toContainText('www.shop.example 308')
      await page.screenshot({ path: `${SHOTS}/graph-${language}-${width}x${height}.png` })

      const input = page.locator('.url-input')
      await input.fill('http://www.shop.example/cart/?id=3')
      await input.press('Enter')
      await expect(studio.testResult).toContainText('http://shop.example:80/cart/?id=3', { timeout: 30_000 })
      await page.screenshot({ path: `${SHOTS}/www-redirect-${language}-${width}x${height}.png` })

      await input.fill('http://w7.shop.example/cart')
      await input.press('Enter')
      await expect(studio.testResult).toContainText('~^w\\d\\.shop\\.example$', { timeout: 30_000 })
      await page.screenshot({ path: `${SHOTS}/regex-alias-${language}-${width}x${height}.png` })
    }
  })
}
