/**
 * Issue 14's wrong answers, answered as ingress-nginx answers them, in the studio: a relative permanent-redirect is a
 * 301 with an absolute Location; a redirect with `$request_uri` gets its Ingress rejected (controller v1.12+), the
 * tester says why and the quick fix makes it served again; a Service the manifests lack answers 503 "no endpoints".
 * In English and Korean, one page each, with screenshots of every step at 1280×720 and 1440×900 (the window resized
 * in between) to E2E_SHOTS (default test-results/screenshots/routing-fidelity), looked at by hand.
 */
import { expect, test, type Page } from '@playwright/test'
import { hostRule, ingressYaml, joinDocuments, nginx, serviceYaml } from '../src/engine/testing/manifests'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screenshots/routing-fidelity'

const MANIFESTS = joinDocuments(
  serviceYaml('docs'),
  ingressYaml('old-docs', { annotations: nginx({ 'permanent-redirect': '/new-location' }), rules: [hostRule('docs.example', '/old', 'docs:80')] }),
  ingressYaml('legacy', { annotations: nginx({ 'permanent-redirect': 'https://new.example.com$request_uri' }), rules: [hostRule('legacy.example', '/', 'docs:80')] }),
  ingressYaml('api', { rules: [hostRule('api.example', '/', 'api-v2:80')] }),
)

const WORDS = {
  en: { rejected: 'is not served', noEndpoints: 'No endpoints: the controller answers 503', fix: 'Remove the nginx variables: https://new.example.com' },
  ko: { rejected: '처리되지 않습니다', noEndpoints: '엔드포인트 없음: 컨트롤러가 503으로 응답', fix: 'nginx 변수 빼기: https://new.example.com' },
} as const

async function testUrl(page: Page, url: string): Promise<void> {
  const input = page.locator('.url-input')
  await input.fill(url)
  await input.press('Enter')
  await expect(page.getByTestId(TID.testerResult)).toContainText(url, { timeout: 30_000 })
}

const VIEWPORTS = [[1280, 720], [1440, 900]] as const

/** Screenshots of the page as it is at each window size, back at the first size after. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` })
  }
  await page.setViewportSize({ width: VIEWPORTS[0][0], height: VIEWPORTS[0][1] })
}

for (const language of ['en', 'ko'] as const) {
  test(`redirects, rejected Ingresses and missing Services as ingress-nginx answers (${language})`, async ({ page }) => {
    await page.setViewportSize({ width: VIEWPORTS[0][0], height: VIEWPORTS[0][1] })
    if (language === 'ko') await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), MANIFESTS)
    const status = page.getByTestId(TID.testerStatus)

    // A relative permanent-redirect: 301, the Location made absolute from the Host (absolute_redirect on).
    await testUrl(page, 'http://docs.example/old')
    await expect(status).toHaveText('301')
    await expect(studio.testResult).toContainText('http://docs.example/new-location')
    await shoot(page, `relative-redirect-${language}`)

    // $request_uri fails the v1.12 validator: the Ingress is rejected, so its host falls to the default backend.
    await testUrl(page, 'http://legacy.example/page?x=1')
    await expect(status).toHaveText('404')
    await expect(page.getByTestId(TID.testerTrace)).toContainText(WORDS[language].rejected)
    await expect(page.getByTestId(TID.testerTrace)).toContainText('permanent-redirect')
    const line = await studio.lineOf('new.example.com$request_uri')
    await expect.poll(async () => (await studio.markersOnLine(line)).map((marker) => marker.code)).toContain('annotation-rejected')
    await shoot(page, `rejected-ingress-${language}`)

    // The quick fix drops the variable; the Ingress is served again and redirects.
    await page.evaluate((lineNumber) => {
      const { editor } = window.__ingressStudio!
      const column = editor.getModel()!.getLineContent(lineNumber).indexOf('https') + 1
      editor.setPosition({ lineNumber, column })
      editor.revealLineInCenter(lineNumber)
      editor.focus()
    }, line)
    await page.keyboard.press('Control+.')
    await page.locator('.action-widget').getByText(WORDS[language].fix).click()
    await expect.poll(() => studio.editorText()).not.toContain('$request_uri')
    expect(await studio.editorText()).toMatch(/permanent-redirect: "?https:\/\/new\.example\.com"?\n/)
    await testUrl(page, 'http://legacy.example/again')
    await expect(status).toHaveText('301')
    await expect(studio.testResult).toContainText('https://new.example.com')

    // A Service the manifests lack (they do contain Services): 503, said as such.
    await testUrl(page, 'http://api.example/')
    await expect(status).toHaveText('503')
    await expect(studio.testResult).toContainText(WORDS[language].noEndpoints)
    await expect(page.getByTestId(TID.testerTrace)).toContainText('api-v2')
    await shoot(page, `missing-service-${language}`)
    studio.expectCleanRun()
  })
}
