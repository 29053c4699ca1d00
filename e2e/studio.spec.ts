import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

const SCREENSHOTS = 'test-results/screenshots'

test.describe('the studio opens', () => {
  test('with the seed scenario in the editor and its objects listed, all from its own origin', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })

    const text = await studio.editorText()
    expect(text).toContain('name: websample')
    expect(text).toContain('kind: Ingress')
    await expect(studio.editor).toContainText('name: test')

    // The route graph is the default view; the objects are one tab away.
    await expect(page.getByRole('tab', { name: 'Route graph', exact: true })).toHaveAttribute('aria-selected', 'true')
    await studio.showView('Objects')
    await expect(studio.objectButton('Ingress', 'test')).toBeVisible()
    await expect(studio.objectButton('Ingress', 'ingress-ssl')).toBeVisible()
    await expect(studio.objectButton('Deployment', 'websample')).toBeVisible()
    await expect(studio.objectButton('Secret', 'kube-book-secret')).toBeVisible()
    await expect(page.getByRole('tab', { name: /Objects/ })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByText('engine: worker')).toBeVisible()

    await page.screenshot({ path: `${SCREENSHOTS}/studio-light.png` })
    studio.expectCleanRun()
  })

  test('in dark mode when the system prefers it', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(11, 13, 17)')
    await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible()
    await page.screenshot({ path: `${SCREENSHOTS}/studio-dark.png` })
    studio.expectCleanRun()
  })

  test('with every control named for assistive technology', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, [role="tab"], [role="separator"], textarea, input')]
        .filter((element) => !element.closest('.monaco-editor'))
        .filter((element) => {
          // A form control is also named by its <label> (wrapping it, or pointing at it with for=).
          const labels = (element as HTMLInputElement).labels
          const byLabel = labels ? [...labels].map((label) => label.textContent ?? '').join('') : ''
          const label = element.getAttribute('aria-label') ?? (element.textContent || byLabel)
          return label.trim() === '' && !element.getAttribute('aria-labelledby')
        })
        .map((element) => element.outerHTML.slice(0, 120)),
    )
    expect(unnamed).toEqual([])
    await expect(page.getByRole('separator', { name: 'Resize the editor and the views' })).toBeVisible()
  })
})

test.describe('the layout', () => {
  test('an object in the Objects view shows its YAML in the editor', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await studio.showView('Objects')
    await studio.objectButton('Ingress', 'ingress-ssl').click()
    const expected = (await studio.lineOf('# TLS: one Secret')) + 1
    await expect.poll(() => studio.cursor()).toMatchObject({ lineNumber: expected, column: 1, focused: true })
    studio.expectCleanRun()
  })

  test('pane sizes follow the keyboard and are remembered across a reload', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const editorWidth = () => page.getByTestId('editor-pane').evaluate((element) => Math.round(element.getBoundingClientRect().width))
    const before = await editorWidth()
    await page.getByRole('separator', { name: 'Resize the editor and the views' }).focus()
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
    await expect.poll(editorWidth).toBeLessThan(before - 40)
    const resized = await editorWidth()
    await studio.reload()
    await expect.poll(editorWidth).toBe(resized)
    studio.expectCleanRun()
  })
})
