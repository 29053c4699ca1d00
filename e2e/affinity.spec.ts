/**
 * Session affinity in the URL tester: an Ingress with `affinity: cookie` in the editor, a first request that
 * starts a session (the pod picked, the Set-Cookie answered), and one click that sends the cookie back and
 * reaches the same pod. In English and Korean, at 1280×720 and 1440×900; screenshots to E2E_SHOTS
 * (default test-results/screenshots/affinity), looked at by hand.
 */
import { expect, test, type Page } from '@playwright/test'
import { deploymentYaml, hostRule, ingressYaml, joinDocuments, nginx, serviceYaml } from '../src/engine/testing/manifests'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screenshots/affinity'

const STICKY = joinDocuments(
  serviceYaml('web'),
  deploymentYaml('web', { replicas: 3 }),
  ingressYaml('shop', {
    annotations: nginx({ affinity: 'cookie', 'session-cookie-name': 'SHOPSESSION', 'session-cookie-max-age': '3600' }),
    rules: [hostRule('shop.example', '/', 'web:80')],
  }),
)

const WORDS = {
  en: { newSession: /new session: web · pod (\d) picked/, sticks: (n: string) => `cookie SHOPSESSION → web · pod ${n}` },
  ko: { newSession: /새 세션: web · 파드 (\d) 선택/, sticks: (n: string) => `쿠키 SHOPSESSION → web · 파드 ${n}` },
} as const

async function testUrl(page: Page, url: string): Promise<void> {
  const input = page.locator('.url-input')
  await input.fill(url)
  await input.press('Enter')
}

for (const language of ['en', 'ko'] as const) {
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    test(`affinity: cookie sticks to its pod (${language}, ${width}×${height})`, async ({ page }) => {
      await page.setViewportSize({ width, height })
      if (language === 'ko') await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
      const studio = new StudioPage(page)
      await studio.open({ fresh: true })
      await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), STICKY)
      await testUrl(page, 'http://shop.example/cart')

      // The first response starts a session: a pod is picked and the cookie set.
      const setCookie = page.getByTestId(TID.testerSetCookie)
      await expect(setCookie).toContainText('SHOPSESSION=', { timeout: 30_000 })
      await expect(setCookie).toContainText('Max-Age=3600; Path=/; HttpOnly')
      const affinity = page.getByTestId(TID.testerAffinity)
      await expect(affinity).toContainText(WORDS[language].newSession)
      const pod = WORDS[language].newSession.exec((await affinity.textContent()) ?? '')?.[1] as string
      const cookie = /SHOPSESSION=([^;]+)/.exec((await setCookie.textContent()) ?? '')?.[1] as string
      expect(cookie).toMatch(/^0\.0\.\d+\|[0-9a-f]{32}$/)
      await expect(page.getByTestId(TID.testerTrace)).toContainText('SHOPSESSION')
      await page.screenshot({ path: `${SHOTS}/affinity-new-session-${language}-${width}x${height}.png` })

      // One click sends the cookie back: the same pod, no new cookie.
      await page.getByTestId(TID.testerSendWithCookie).click()
      await expect(studio.testResult).toContainText(`cookie SHOPSESSION=${cookie}`)
      await expect(affinity).toContainText(WORDS[language].sticks(pod))
      await expect(setCookie).toHaveCount(0)
      await expect(page.getByTestId(TID.testerStatus)).toHaveText('200')
      await page.screenshot({ path: `${SHOTS}/affinity-sticks-${language}-${width}x${height}.png` })

      // And again: still the same pod.
      await page.getByTestId(TID.testerSendWithCookie).click()
      await expect(affinity).toContainText(WORDS[language].sticks(pod))

      // The tester and the graph name the same pod: "show pod in graph" selects that pod's node.
      await page.getByTestId(TID.testerShowPod).click()
      await expect(page.locator(`.react-flow__node[data-id="pod:default/web:${Number(pod) - 1}"]`)).toHaveClass(/selected/)
      await page.screenshot({ path: `${SHOTS}/affinity-pod-in-graph-${language}-${width}x${height}.png` })
      studio.expectCleanRun()
    })
  }
}
