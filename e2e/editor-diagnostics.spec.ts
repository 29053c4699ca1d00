import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test.describe('engine diagnostics in the editor and the list', () => {
  test('a bad service port gets a marker on its line and an entry in the list; fixing it clears both', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const line = await studio.lineOf('servicePort: 80')
    expect(await studio.markersOnLine(line)).toEqual([])

    await studio.replaceOnLine(line, '80', 'eighty-thousand-x')
    // The API server's error (8 = monaco.MarkerSeverity.Error); lints about the same port may sit beside it.
    await expect
      .poll(async () => (await studio.markersOnLine(line)).map((m) => [m.code, m.severity]))
      .toContainEqual(['invalid-port', 8])
    const entry = studio.diagnosticsOnLine(line).filter({ hasText: 'invalid-port' }).first()
    await expect(entry).toBeVisible()
    await expect(entry).toHaveAttribute('data-severity', 'error')
    await expect(entry).toContainText(`${line}:`)
    await page.screenshot({ path: 'test-results/screenshots/studio-error.png' })

    await studio.replaceOnLine(line, 'eighty-thousand-x', '80')
    await expect.poll(() => studio.markersOnLine(line)).toEqual([])
    await expect(studio.diagnosticsOnLine(line)).toHaveCount(0)
    studio.expectCleanRun()
  })

  test('broken indentation is reported where it is, and clicking the entry moves the editor there', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const line = await studio.lineOf('  name: test')
    await studio.replaceOnLine(line, '  name: test', ' name: test')

    await expect.poll(async () => (await studio.markersOnLine(line)).map((m) => m.code)).toContain('yaml-syntax')
    const entry = studio.diagnosticsOnLine(line).filter({ hasText: 'yaml-syntax' }).first()
    await expect(entry).toBeVisible()
    await expect(page.getByTestId('analysis-status')).toContainText('error')

    // Move the cursor away, then let the list bring it back.
    await page.evaluate(() => window.__ingressStudio!.editor.setPosition({ lineNumber: 100, column: 1 }))
    await entry.getByRole('button').click()
    await expect.poll(() => studio.cursor()).toMatchObject({ lineNumber: line, focused: true })

    await studio.replaceOnLine(line, ' name: test', '  name: test')
    await expect.poll(async () => (await studio.markersOnLine(line)).length).toBe(0)
    await expect(studio.diagnosticsOnLine(line)).toHaveCount(0)
    studio.expectCleanRun()
  })

  test('the text survives a reload', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    const line = await studio.lineOf('replicas: 2')
    await studio.replaceOnLine(line, 'replicas: 2', 'replicas: 7')
    await expect.poll(() => studio.editorText()).toContain('replicas: 7')
    await studio.reload()
    const text = await studio.editorText()
    expect(text).toContain('replicas: 7')
    expect(text).toContain('name: websample')
    studio.expectCleanRun()
  })
})
