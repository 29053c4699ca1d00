/**
 * Issue 15 in Chromium: a Gateway and two HTTPRoutes pasted into the editor are drawn in the route graph; the URL
 * tester, sent through the Gateway, lights the rule that answers and names its Service and rule; a backendRef to
 * another namespace without a ReferenceGrant is refused (RefNotPermitted) in the graph and in the tester's 500; a
 * header-match rule wins when its header is sent; a share link reopens testing through the same Gateway with the
 * same answer. Screenshots of a Gateway answer at 1280×720 and 1440×900, in English and Korean.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { SHOP_GATEWAY, SHOP_ROUTES, SHOP_SERVICES } from '../src/worker/testing/gateway-shop'
import { ClassroomPage } from './classroom-page'
import { StudioPage } from './studio-page'

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screenshots'
/** What the user pastes after the seed's Ingresses: a Gateway, two HTTPRoutes and their Services. */
const PASTED = `\n---\n${[SHOP_GATEWAY, SHOP_ROUTES, SHOP_SERVICES].join('---\n')}`
/** Three or more Latin words in a row: an English phrase, not a name or a term (as e2e/korean.spec.ts reads it). */
const LATIN_PHRASE = /[A-Za-z][a-z]+(?:[ ,'’:]+[A-Za-z][a-z]+){2,}/

/** A rule node of an HTTPRoute: its path and its place (`rules[1]`) in the route. */
function ruleNode(studio: StudioPage, path: string, rule: number): Locator {
  return studio.graphView.getByRole('button', { name: `HTTPRoute rule, path ${path}`, exact: true }).filter({ hasText: `rules[${rule}]` })
}

/** Each element's words outside <code> (names, paths and values stay as written). */
function wordsOutsideCode(items: Locator): Promise<string[]> {
  return items.evaluateAll((elements) => elements.map((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const code of copy.querySelectorAll('code')) code.remove()
    return copy.textContent ?? ''
  }))
}

async function sendHeader(page: Page, name: string, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Headers & cookies' }).click()
  await page.getByRole('button', { name: 'Add header' }).click()
  await page.getByRole('textbox', { name: 'Header 1 name' }).fill(name)
  await page.getByRole('textbox', { name: 'Header 1 value' }).fill(value)
  await page.getByRole('button', { name: 'Test', exact: true }).click()
}

/** Opens the studio fresh and pastes the Gateway scenario after the seed; resolves when the graph draws it. */
async function openWithGateway(studio: StudioPage): Promise<void> {
  await studio.open({ fresh: true })
  await studio.waitForGraph()
  await studio.pasteAtEnd(PASTED)
  // Laying the larger graph out takes a few seconds on a busy machine.
  await expect(studio.graphNode('Gateway infra/shop-gw')).toBeVisible({ timeout: 30_000 })
}

test.describe('Gateway API in the studio', () => {
  test('a pasted Gateway and two HTTPRoutes: graph, tester through the Gateway, a refused reference, a header match, a share link', async ({ page, browser }) => {
    test.setTimeout(120_000)
    const studio = new ClassroomPage(page)
    await openWithGateway(studio)

    // The graph shows the Gateway, its listener, both HTTPRoutes and their rules.
    for (const name of ['GatewayClass studio', 'Gateway infra/shop-gw', 'Listener http', 'HTTPRoute shop/store', 'HTTPRoute shop/billing']) {
      await expect(studio.graphNode(name), name).toBeVisible()
    }
    await expect(ruleNode(studio, '/cart', 0)).toBeVisible()
    await expect(ruleNode(studio, '/cart', 1)).toBeVisible()
    // The refused cross-namespace backendRef says why, in the graph.
    await expect(studio.graphView).toContainText('RefNotPermitted')

    // The seed has Ingresses, so ingress-nginx is the default; the chooser offers the Gateway with its listener.
    await expect(studio.testerThrough).toHaveValue('ingress-nginx')
    await expect(studio.testerThrough.locator('option')).toHaveText(['ingress-nginx (the Ingresses)', 'Gateway infra/shop-gw · HTTP 80'])
    await studio.testThroughGateway('infra/shop-gw')

    // A URL lights its rule and the tester names the Service and the rule.
    await studio.testUrl('http://shop.example/cart/42')
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('200')
    await expect(page.getByTestId(TID.testerBackend)).toHaveText(/cart:8080.*namespace shop/)
    await expect(page.getByTestId(TID.testerRoute)).toContainText('HTTPRoute shop/store')
    await expect(page.getByTestId(TID.testerRoute)).toContainText('rule 1')
    await expect(ruleNode(studio, '/cart', 1).locator('.gnode')).toHaveClass(/lit-lit/)
    await expect(ruleNode(studio, '/cart', 0).locator('.gnode')).toHaveClass(/lit-faded/)
    await expect(studio.graphNode('Listener http').locator('.gnode')).toHaveClass(/lit-lit/)
    await expect(page.getByTestId(TID.testerTrace)).toContainText('Rule 1 of HTTPRoute shop/store matches')

    // The refused reference: 500, with its reason in the answer.
    await studio.testUrl('http://shop.example/billing/7')
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('500')
    await expect(page.getByTestId(TID.testerRefused)).toContainText('RefNotPermitted')
    await expect(page.getByTestId(TID.testerTrace)).toContainText('RefNotPermitted')
    await expect(page.getByTestId(TID.testerRoute)).toContainText('HTTPRoute shop/billing')
    for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(size)
      await page.screenshot({ path: `${SHOTS}/gateway-tester-500-${size.width}.png` })
    }

    // No listener on the port: said in words, not as status 0.
    await studio.testUrl('http://shop.example:8080/')
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('no listener')
    await expect(studio.testResult).toContainText('No listener: nothing listens on this port and protocol')

    // The header-match rule wins when its header is sent.
    await studio.requestUrl.fill('http://shop.example/cart/42')
    await sendHeader(page, 'x-canary', 'true')
    await expect(studio.testResult).toContainText('x-canary: true')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('cart-v2:8080')
    await expect(page.getByTestId(TID.testerRoute)).toContainText('rule 0')
    await expect(page.getByTestId(TID.testerRequestHeaders)).toContainText('x-canary: true')
    await expect(ruleNode(studio, '/cart', 0).locator('.gnode')).toHaveClass(/lit-lit/)
    // "Show in graph" brings the Service that answered into view, lit at the end of its route.
    await page.getByRole('button', { name: 'Show in graph', exact: true }).click()
    await expect(studio.graphNode('Service shop/cart-v2').locator('.gnode')).toHaveClass(/lit-end/)
    for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(size)
      await page.screenshot({ path: `${SHOTS}/gateway-tester-${size.width}.png` })
    }

    // Through the Gateway the chips are its own examples, one per rule; the header-match chip fills the URL and the
    // header and lands on rule 0.
    const chips = page.getByTestId(TID.testerChips).getByRole('button')
    await expect(chips).toHaveText(['shop.example/cart +', 'shop.example/cart', 'shop.example/', 'shop.example/billing'])
    await chips.first().click()
    await expect(studio.requestUrl).toHaveValue('http://shop.example/cart')
    await expect(studio.testResult).toContainText('x-canary: true')
    await expect(page.getByTestId(TID.testerBackend)).toContainText('cart-v2:8080')
    await expect(page.getByTestId(TID.testerRoute)).toContainText('rule 0')
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: `${SHOTS}/gateway-tester-chips-1280.png` })

    // A share link reopens testing through the same Gateway, with the same answer.
    const link = await studio.makeShareLink()
    await studio.closeDialog()
    const receiver = await ClassroomPage.visit(browser, link)
    await receiver.waitUntilReady()
    await expect(receiver.testerThrough).toHaveValue('gateway:infra/shop-gw')
    await receiver.page.getByRole('tab', { name: /^Request/ }).click()
    await expect(receiver.page.getByTestId(TID.testerStatus)).toHaveText('200')
    await expect(receiver.page.getByTestId(TID.testerBackend)).toContainText('cart-v2:8080')
    await expect(receiver.page.getByTestId(TID.testerRoute)).toContainText('rule 0')
    await expect(ruleNode(receiver, '/cart', 0).locator('.gnode')).toHaveClass(/lit-lit/)
    receiver.expectCleanRun()
    receiver.expectNoDialogs()
    studio.expectCleanRun()
  })

  test('in Korean, a Gateway answer is Korean around its names', async ({ page }) => {
    test.setTimeout(90_000)
    await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
    const studio = new StudioPage(page)
    await openWithGateway(studio)
    await studio.testThroughGateway('infra/shop-gw')
    await page.getByRole('textbox', { name: '요청 URL' }).fill('http://shop.example/billing/7')
    await page.getByRole('button', { name: '테스트', exact: true }).click()
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('500')
    await expect(page.getByTestId(TID.testerRefused)).toContainText('RefNotPermitted')
    const facts = page.getByTestId(TID.testerResult).locator('.fact, .result-title strong')
    const steps = page.getByTestId(TID.testerTrace).locator('.trace-step')
    await expect(steps.first()).toBeVisible()
    for (const text of [...(await wordsOutsideCode(facts)), ...(await wordsOutsideCode(steps))]) {
      expect(text, text).not.toMatch(LATIN_PHRASE)
    }
    for (const text of await wordsOutsideCode(steps)) expect(text, text).toMatch(/[\uAC00-\uD7A3]/)
    for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(size)
      await page.screenshot({ path: `${SHOTS}/gateway-tester-ko-${size.width}.png` })
    }
    await page.getByRole('textbox', { name: '요청 URL' }).fill('http://shop.example:8080/')
    await page.getByRole('button', { name: '테스트', exact: true }).click()
    await expect(page.getByTestId(TID.testerStatus)).toHaveText('리스너 없음')
    await page.screenshot({ path: `${SHOTS}/gateway-tester-ko-no-listener.png` })
    studio.expectCleanRun()
  })
})
