import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

/** Completion and hover for the Gateway API kinds (issue 15): the schema from @kubernetes-models/gateway-api, standard channel only. */
const ROUTE = [
  'apiVersion: gateway.networking.k8s.io/v1',
  'kind: HTTPRoute',
  'metadata: {name: web, namespace: app}',
  'spec:',
  '  ',
  '  parentRefs: [{name: gw, namespace: infra, sectionName: http}]',
  '  rules:',
  '  - matches: [{path: {type: PathPrefix, value: /}}]',
  '    backendRefs:',
  '    - {name: web, port: 80, weight: 3}',
  '',
].join('\n')

test.describe('Gateway API schemas in the editor', () => {
  test('hover on an HTTPRoute shows the Gateway API documentation of the field', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), ROUTE)
    const matches = await studio.hoverTextAt(await studio.lineOf('- matches:'), 'matches')
    expect(matches).toContain('Matches define conditions used for matching the rule against incoming')
    expect(matches).toContain('the default is a prefix')
    const weight = await studio.hoverTextAt(await studio.lineOf('weight: 3'), 'weight')
    expect(weight).toMatch(/proportion of requests forwarded/)
    studio.expectCleanRun()
  })

  test('completion in an HTTPRoute spec offers the standard channel\'s fields, not the experimental ones', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.evaluate((text) => {
      const { editor } = window.__ingressStudio!
      editor.setValue(text)
      editor.setPosition({ lineNumber: 5, column: 3 })
      editor.focus()
      editor.trigger('test', 'editor.action.triggerSuggest', {})
    }, ROUTE)
    const suggestions = page.locator('.suggest-widget .monaco-list-row')
    await expect(suggestions.first()).toBeVisible()
    const labels = (await suggestions.allTextContents()).join(' ')
    expect(labels).toContain('hostnames')
    expect(labels).not.toContain('useDefaultGateways')
    studio.expectCleanRun()
  })
})
