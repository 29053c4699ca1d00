import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test.describe('Kubernetes schemas in the editor', () => {
  test('hover shows the API documentation of the field for the version written', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    // extensions/v1beta1 Ingress: serviceName exists only in the old backend shape.
    const hover = await studio.hoverTextAt(await studio.lineOf('serviceName: s1'), 'serviceName')
    expect(hover).toContain('Specifies the name of the referenced service')
    // apps/v1 Deployment: pod template fields resolve through the shared definitions.
    const probe = await studio.hoverTextAt(await studio.lineOf('readinessProbe:'), 'readinessProbe')
    expect(probe).toMatch(/Periodic probe of container service readiness/)
    studio.expectCleanRun()
  })

  test('completion offers the fields of the kind being written', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.evaluate(() => {
      const { editor } = window.__ingressStudio!
      editor.setValue('apiVersion: networking.k8s.io/v1\nkind: Ingress\nspec:\n  \n')
      editor.setPosition({ lineNumber: 4, column: 3 })
      editor.focus()
      editor.trigger('test', 'editor.action.triggerSuggest', {})
    })
    const suggestions = page.locator('.suggest-widget .monaco-list-row')
    await expect(suggestions.first()).toBeVisible()
    const labels = await suggestions.allTextContents()
    expect(labels.join(' ')).toContain('ingressClassName')
    expect(labels.join(' ')).toContain('rules')
    studio.expectCleanRun()
  })
})
