/**
 * The route graph and route table with Gateway API (issue 15): a Gateway with two listeners, two HTTPRoutes and a
 * backendRef into another namespace that no ReferenceGrant permits. The graph draws GatewayClass → Gateway →
 * listeners → routes → rules → Services → pods, the refused reference in red with its reason; a tested URL lights
 * its path; the route table lists the routes' rows; a row selects its rule. Screenshots at two sizes, en and ko.
 */
import { expect, test, type Page } from '@playwright/test'
import { STORE_SCENARIO, gatewayServiceYaml } from '../src/engine/testing/gateway-graph-yaml'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screenshots'

const BLOG_ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: blog
  namespace: shop
spec:
  parentRefs:
  - name: web
    namespace: infra
    sectionName: http
  hostnames: ["blog.example.com"]
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /
      headers:
      - name: x-env
        value: canary
    backendRefs:
    - name: blog
      port: 80`

/** A Gateway, two HTTPRoutes (shop/store's /legacy refers to other/legacy without a grant) and their Services. */
export const GATEWAY_GRAPH_SCENARIO = [STORE_SCENARIO, BLOG_ROUTE, gatewayServiceYaml('shop', 'blog', 80)].join('\n---\n')

/** A graph node (xyflow's wrapper, which holds the accessible name and the card) by id, the same in every language. */
export const gatewayGraphNode = (studio: StudioPage, id: string) => studio.graphView.locator(`.react-flow__node[data-id="${id}"]`)

const LEGACY_RULE = 'rule:shop/store|spec.rules.1'
const API_RULE = 'rule:shop/store|spec.rules.0'

/** Opens the studio (in `lang`) with the scenario in the editor and waits for its graph. */
async function openScenario(page: Page, lang: 'en' | 'ko', size: { width: number; height: number }): Promise<StudioPage> {
  await page.setViewportSize(size)
  if (lang === 'ko') await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
  const studio = new StudioPage(page)
  await studio.open({ fresh: true })
  await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), GATEWAY_GRAPH_SCENARIO)
  await studio.waitForGraph()
  await expect(gatewayGraphNode(studio, 'httproute:shop/blog')).toBeVisible()
  return studio
}

test.describe('the route graph with Gateway API', () => {
  test('draws GatewayClass → Gateway → listeners → HTTPRoutes → rules → Services, the refused reference in red with its reason', async ({ page }) => {
    const studio = await openScenario(page, 'en', { width: 1440, height: 900 })
    for (const name of ['GatewayClass studio', 'Gateway infra/web', 'Listener http', 'Listener https', 'HTTPRoute shop/store', 'HTTPRoute shop/blog',
      'HTTPRoute rule, path /api', 'HTTPRoute rule, path /legacy', 'Service shop/api', 'Service other/legacy', 'Deployment shop/api']) {
      await expect(studio.graphNode(name), name).toHaveCount(1)
    }
    for (const edge of ['studio → infra/web', 'infra/web → http', 'http → shop/store', 'https → shop/store', 'http → shop/blog', 'shop/store → /api', '/api → shop/api', 'shop/api → shop/api']) {
      await expect(studio.graphEdge(edge), edge).toHaveCount(1)
    }
    // No ingress-nginx: the input has no Ingress.
    await expect(studio.graphNode('Ingress controller ingress-nginx')).toHaveCount(0)
    const https = gatewayGraphNode(studio, 'listener:infra/web|https')
    await expect(https.locator('.gbadge-tls')).toHaveText('example-cert')
    await expect(https.locator('.gbadge-hostname')).toHaveText('*.example.com')
    await expect(gatewayGraphNode(studio, 'httproute:shop/blog').locator('.gbadge-hostname')).toHaveText('blog.example.com')
    await expect(gatewayGraphNode(studio, 'rule:shop/blog|spec.rules.0').locator('.gbadge-conditions')).toHaveText('x-env: canary')

    const legacy = gatewayGraphNode(studio, LEGACY_RULE)
    await expect(legacy.locator('.gnode')).toHaveClass(/has-problem/)
    await expect(legacy.locator('.problem-backend-refused .gnode-problem-head')).toHaveText('RefNotPermitted: other/legacy:80')
    await expect(legacy.locator('.problem-backend-refused .gnode-problem-message')).not.toBeEmpty()
    await expect(studio.graphEdge('/legacy → other/legacy')).toHaveClass(/edge-problem/)
    studio.expectCleanRun()
  })

  test('a tested URL lights listener → route → rule → Service → Deployment; a click selects the rule\'s text', async ({ page }) => {
    const studio = await openScenario(page, 'en', { width: 1440, height: 900 })
    await studio.testUrl('http://store.example.com/api/cart')
    for (const id of ['gw:infra/web', 'listener:infra/web|http', 'httproute:shop/store', API_RULE]) {
      await expect(gatewayGraphNode(studio, id).locator('.gnode'), id).toHaveClass(/lit-(lit|end)/)
    }
    await expect(gatewayGraphNode(studio, LEGACY_RULE).locator('.gnode')).toHaveClass(/lit-faded/)
    await expect(gatewayGraphNode(studio, 'listener:infra/web|https').locator('.gnode')).toHaveClass(/lit-faded/)

    await gatewayGraphNode(studio, LEGACY_RULE).click()
    await expect.poll(async () => (await studio.cursor()).lineNumber).toBe((await studio.lineOf('value: /legacy')) - 3)
    studio.expectCleanRun()
  })

  test('the route table lists each HTTPRoute rule match with host, match, weighted backends, route and reasons', async ({ page }) => {
    const studio = await openScenario(page, 'en', { width: 1440, height: 900 })
    await studio.showView('Routes')
    const rows = page.getByTestId(TID.gatewayRouteRow)
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(0)).toContainText('store.example.com')
    await expect(rows.nth(0)).toContainText('/api')
    await expect(rows.nth(0)).toContainText('GET')
    await expect(rows.nth(0)).toContainText('api:8080 90%')
    await expect(rows.nth(0).locator('.gateway-source')).toHaveText('HTTPRoute shop/store rule 0')
    await expect(rows.nth(1).locator('.is-refused')).toHaveText('other/legacy:80 ✕')
    await expect(rows.nth(1).locator('.note.is-problem')).toContainText('backendRef other/legacy:80: RefNotPermitted.')
    await expect(rows.nth(2)).toContainText('x-env: canary')
    await expect(page.getByRole('columnheader', { name: /Source/ })).toBeVisible()
    // A row's path selects its rule in the graph and its text in the editor.
    await rows.nth(1).getByRole('button').click()
    await expect(rows.nth(1)).toHaveClass(/is-selected/)
    await expect.poll(async () => (await studio.cursor()).lineNumber).toBe((await studio.lineOf('value: /legacy')) - 3)
    studio.expectCleanRun()
  })

  for (const lang of ['en', 'ko'] as const) {
    for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
      test(`screenshots in ${lang} at ${size.width}×${size.height}: the graph, a lit route, the table`, async ({ page }) => {
        const studio = await openScenario(page, lang, size)
        const name = `${lang}-${size.width}x${size.height}`
        if (lang === 'ko') await expect(gatewayGraphNode(studio, 'listener:infra/web|http')).toHaveAttribute('aria-label', '리스너 http')
        await page.screenshot({ path: `${SHOTS}/gateway-graph-${name}.png` })
        const url = page.getByTestId(TID.requestBar).locator('.url-input')
        await url.fill('http://store.example.com/legacy')
        await url.press('Enter')
        await expect(gatewayGraphNode(studio, LEGACY_RULE).locator('.gnode')).toHaveClass(/lit-(lit|end)/)
        await page.screenshot({ path: `${SHOTS}/gateway-graph-lit-${name}.png` })
        await page.getByRole('tab', { name: lang === 'en' ? 'Routes' : '라우트', exact: true }).click()
        await expect(page.getByTestId(TID.gatewayRouteRow)).toHaveCount(3)
        await page.screenshot({ path: `${SHOTS}/gateway-table-${name}.png` })
        studio.expectCleanRun()
      })
    }
  }
})
