import { expect, test, type Locator } from '@playwright/test'
import { deploymentYaml, hostRule, ingressYaml, joinDocuments, nginx, serviceYaml } from '../src/engine/testing/manifests'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

const SCREENSHOTS = 'test-results/screenshots'
/** Screenshots of the tester in Korean, looked at by hand (E2E_SHOTS overrides the folder). */
const KOREAN_SHOTS = process.env.E2E_SHOTS ?? SCREENSHOTS

/** Three or more Latin words in a row: an English phrase, not a name or a term (as e2e/korean.spec.ts reads it). */
const LATIN_PHRASE = /[A-Za-z][a-z]+(?:[ ,'’:]+[A-Za-z][a-z]+){2,}/

/** Each step's words outside <code> (where the trace sets names, paths and nginx.conf syntax). */
async function wordsOutsideCode(steps: Locator): Promise<string[]> {
  return steps.evaluateAll((items) => items.map((item) => {
    const copy = item.cloneNode(true) as HTMLElement
    for (const code of copy.querySelectorAll('code')) code.remove()
    return copy.textContent ?? ''
  }))
}

/** A primary Ingress and a canary that listens for the header `x-canary`, each with its Service and Deployment. */
const CANARY = joinDocuments(
  ...['web', 'web-v2'].flatMap((name) => [serviceYaml(name), deploymentYaml(name, { replicas: 1 })]),
  ingressYaml('shop', { rules: [hostRule('shop.example', '/', 'web:80')] }),
  ingressYaml('shop-canary', { annotations: nginx({ canary: 'true', 'canary-by-header': 'x-canary' }), rules: [hostRule('shop.example', '/', 'web-v2:80')] }),
)

test.describe('the URL tester', () => {
  test('routes http://foo.bar.com/foos1/abc to s1:80 as / and lights the route up', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await studio.testUrl('http://foo.bar.com/foos1/abc')

    await expect(page.getByTestId(TID.testerStatus)).toHaveText('200')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('s1:80')
    await expect(page.getByTestId(TID.testerUpstreamPath).locator('code')).toHaveText('/')
    const trace = page.getByTestId(TID.testerTrace)
    await expect(trace).toContainText('Server foo.bar.com chosen')
    // D4 says what ingress-nginx did after choosing the regex location: a regex prefix, not "treated as Prefix".
    const d4 = trace.locator('.trace-step.is-divergence').filter({ hasText: 'D4' })
    await expect(d4).toContainText('is matched as location ~* "^/foos1", a case-insensitive regex anchored only at the start')
    await expect(trace).not.toContainText('treated as Prefix')
    // nginx's location search: the prefix is at most one step.
    await expect(trace.locator('.trace-step').filter({ hasText: /longest matching prefix/i })).toHaveCount(0)
    await expect(trace.locator('.trace-step code').first()).toHaveText('http://foo.bar.com/foos1/abc')

    await expect(studio.graphNode('Path /foos1 on foo.bar.com').locator('.gnode')).toHaveClass(/lit-lit/)
    await expect(studio.graphNode('Service s1').locator('.gnode')).toHaveClass(/lit-end/)
    await expect(studio.graphNode('Path /bars2 on foo.bar.com').locator('.gnode')).toHaveClass(/lit-faded/)
    for (const edge of ['ingress-nginx → foo.bar.com', 'foo.bar.com → /foos1', '/foos1 → s1', 's1 → s1']) {
      await expect(studio.graphEdge(edge), edge).toHaveClass(/edge-lit/)
    }
    await expect(studio.graphEdge('/bars2 → s2')).toHaveClass(/edge-faded/)
    await page.screenshot({ path: `${SCREENSHOTS}/tester-light.png` })

    // The nginx.conf view marks the location that answered.
    await studio.showView('nginx.conf')
    const editor = page.getByTestId(TID.nginxEditor)
    await expect(editor).toHaveAttribute('data-answered', /^\d+-\d+$/)
    await expect(page.locator('.nginx-editor .conf-answered').first()).toBeVisible()
    const [start, end] = (await editor.getAttribute('data-answered'))!.split('-').map(Number)
    const answered = await page.evaluate(({ start, end }) => {
      const editors = window.__ingressStudio!.monaco.editor.getEditors()
      const conf = editors.find((e) => e.getModel()?.getLanguageId() === 'nginx')!
      return conf.getModel()!.getValueInRange({ startLineNumber: start!, startColumn: 1, endLineNumber: end!, endColumn: 200 })
    }, { start, end })
    expect(answered).toMatch(/^\s*location ~\* "\^\/foos1"/)
    expect(answered).toContain('proxy_pass http://default-s1-80;')
    await expect(page.locator('.nginx-editor .mtk1, .nginx-editor [class*="mtk"]').first()).toBeVisible()
    await page.screenshot({ path: `${SCREENSHOTS}/nginx-light.png` })
    studio.expectCleanRun()
  })

  test('shows the 308 of kube-book.com and where it leads', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await studio.testUrl('http://kube-book.com/')
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('308')
    await expect(page.getByTestId(TID.testerLocation).locator('code')).toHaveText('https://kube-book.com')
    await expect(page.getByTestId(TID.testerTrace)).toContainText('D8')
    await expect(studio.graphNode('Path / on kube-book.com').locator('.gnode')).toHaveClass(/lit-end/)

    await page.getByRole('button', { name: 'Follow', exact: true }).click()
    await expect(studio.testResult).toContainText('GET https://kube-book.com')
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('200')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('s1:80')
    studio.expectCleanRun()
  })

  test('offers example requests and remembers recent ones across a reload', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await page.getByRole('tab', { name: 'Request' }).click()
    await page.getByRole('button', { name: /GET http:\/\/bar\.foo\.com\// }).click()
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('200')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('s2:80')
    await studio.testUrl('foo.bar.com/bars2')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('s2:80')

    await studio.reload()
    await page.getByTestId(TID.testerHistory).locator('summary').click()
    const history = page.getByTestId(TID.testerHistory).locator('.menu-item-text')
    await expect(history).toHaveText(['GET foo.bar.com/bars2', 'GET http://bar.foo.com/'])
    await history.first().click()
    await expect(page.getByTestId(TID.testerBackend)).toContainText('s2:80')
    studio.expectCleanRun()
  })

  test('sends headers and cookies: a canary header picks the canary backend', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), CANARY)
    await expect(studio.graphNode('Host shop.example')).toBeVisible()
    await expect(studio.graphEdge('/ → web-v2')).toHaveClass(/edge-canary/)

    await studio.testUrl('http://shop.example/')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('web:80')
    await page.getByRole('button', { name: 'Headers & cookies' }).click()
    await page.getByRole('button', { name: 'Add header' }).click()
    await page.getByRole('textbox', { name: 'Header 1 name' }).fill('x-canary')
    await page.getByRole('textbox', { name: 'Header 1 value' }).fill('always')
    await page.getByRole('button', { name: 'Test', exact: true }).click()
    await expect(studio.testResult).toContainText('x-canary: always')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('web-v2:80')
    await expect(studio.testResult).toContainText('chosen: the canary backend answers')
    await expect(studio.graphEdge('/ → web-v2')).toHaveClass(/edge-lit/)

    await page.getByRole('button', { name: 'Add cookie' }).click()
    await page.getByRole('textbox', { name: 'Cookie 1 name' }).fill('session')
    await page.getByRole('textbox', { name: 'Cookie 1 value' }).fill('abc')
    await page.getByRole('button', { name: 'Test', exact: true }).click()
    await expect(studio.testResult).toContainText('cookie session=abc')
    studio.expectCleanRun()
  })

  test('keeps the result true to the text: an edit re-tests the last request', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await studio.testUrl('http://foo.bar.com/foos1/abc')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('s1:80')
    await studio.replaceOnLine(await studio.lineOf('- path: /foos1'), '/foos1', '/other')
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('404')
    studio.expectCleanRun()
  })

  test('the route table sorts by a column and a row selects its route', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    await studio.testUrl('http://foo.bar.com/foos1/abc')
    await studio.showView('Routes')
    const rows = page.getByTestId(TID.routeRow)
    await expect(rows).toHaveCount(5)
    await page.getByRole('button', { name: 'Host', exact: true }).click()
    await expect(page.getByRole('columnheader', { name: 'Host' })).toHaveAttribute('aria-sort', 'ascending')
    await expect(rows.first()).toContainText('127.0.0.1.xip.io')
    await expect(rows.filter({ hasText: '/foos1' })).toHaveClass(/is-answered/)
    // Each row says how that row matches: the regex host's paths, the plain hosts' root.
    await expect(rows.filter({ hasText: '/foos1' }).locator('.note').first()).toHaveText('case-insensitive regex prefix, not Prefix (its rewrite-target makes it a regex): location ~* "^/foos1" (D4)')
    await expect(rows.filter({ hasText: 'kube-book.com' }).locator('.note').first()).toHaveText('treated as Prefix /, so every path matches: location /')
    await expect(page.getByTestId(TID.routeTable)).not.toContainText('ImplementationSpecific is treated as Prefix (D4)')
    await page.screenshot({ path: `${SCREENSHOTS}/routes-dark.png` })

    await page.getByRole('button', { name: 'Select the route foo.bar.com /bars2' }).click()
    await expect(rows.filter({ hasText: '/bars2' })).toHaveClass(/is-selected/)
    await expect.poll(async () => (await studio.cursor()).lineNumber).toBe(await studio.lineOf('- path: /bars2'))
    await studio.showView('Route graph')
    await expect(studio.graphNode('Path /bars2 on foo.bar.com').locator('.gnode')).toHaveClass(/is-selected/)
    await page.screenshot({ path: `${SCREENSHOTS}/tester-dark.png` })
    studio.expectCleanRun()
  })

  test('the Test button says why it cannot run, and runs once there is a URL', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    const url = studio.requestUrl
    const send = page.getByRole('button', { name: 'Test', exact: true })
    // Empty: the placeholder reads as an example, and the disabled button is described by a visible hint.
    await expect(url).toHaveValue('')
    await expect(url).toHaveAttribute('placeholder', /^e\.g\. http:\/\//)
    await expect(send).toBeDisabled()
    const hint = page.getByTestId(TID.testerSendHint)
    await expect(hint).toBeVisible()
    await expect(hint).toHaveText('Type a URL (or pick an example) to test it.')
    await expect(send).toHaveAccessibleDescription('Type a URL (or pick an example) to test it.')
    expect(await url.evaluate((input) => getComputedStyle(input, '::placeholder').fontStyle)).toBe('italic')
    // The disabled button loses the accent colour, so it does not look ready.
    const background = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor)
    const disabledBackground = await background(send)

    await url.fill('http://foo.bar.com/bars2')
    await expect(send).toBeEnabled()
    await expect(hint).toHaveCount(0)
    expect(await background(send)).not.toBe(disabledBackground)
    await send.click()
    await expect(page.getByTestId(TID.testerBackend)).toContainText('s2:80')

    await url.fill('')
    await expect(send).toBeDisabled()
    await expect(page.getByTestId(TID.testerSendHint)).toBeVisible()
    studio.expectCleanRun()
  })

  test('in Korean the trace is Korean around its names, and the Test button explains itself', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.waitForGraph()
    const url = page.getByRole('textbox', { name: '요청 URL' })
    const send = page.getByRole('button', { name: '테스트', exact: true })
    await expect(url).toHaveAttribute('placeholder', /^예: http:\/\//)
    await expect(send).toBeDisabled()
    await expect(send).toHaveAccessibleDescription('테스트할 URL을 입력하거나 예시를 고르세요.')
    await page.screenshot({ path: `${KOREAN_SHOTS}/tester-ko-empty.png` })

    await url.fill('http://foo.bar.com/foos1/abc')
    await send.click()
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('200')
    const steps = page.getByTestId(TID.testerTrace).locator('.trace-step')
    await expect(steps.first()).toContainText('요청')
    const words = await wordsOutsideCode(steps)
    expect(words.length).toBeGreaterThan(5)
    for (const text of words) {
      expect(text, text).toMatch(/[\uAC00-\uD7A3]/)
      expect(text, text).not.toMatch(LATIN_PHRASE)
    }
    await expect(steps.filter({ hasText: 'D4' })).toContainText('시작에만 고정된 대소문자 무시 정규식')
    await page.screenshot({ path: `${KOREAN_SHOTS}/tester-ko-trace.png` })
    await page.getByTestId(TID.testerTrace).scrollIntoViewIfNeeded()
    await page.getByTestId(TID.testerTrace).screenshot({ path: `${KOREAN_SHOTS}/tester-ko-trace-card.png` })

    await studio.showView('라우트')
    const notes = page.getByTestId(TID.routeRow).locator('.note')
    await expect(notes.first()).toBeVisible()
    for (const text of await wordsOutsideCode(notes)) expect(text, text).not.toMatch(LATIN_PHRASE)
    await page.screenshot({ path: `${KOREAN_SHOTS}/routes-ko.png` })
    studio.expectCleanRun()
  })
})
