/**
 * The dialog checks both servers run: every header dialog opens (and stays open) and closes, and a share link
 * opened over work worth keeping asks first, with both answers working. The dev server's StrictMode once closed
 * every dialog right after it opened (issue 13), so the same steps run there (dev-server.spec.ts) and against
 * the production build (dialogs.spec.ts).
 */
import { expect, type Locator, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import type { ClassroomPage } from './classroom-page'

/**
 * Lets the page run a few frames and tasks, then checks the dialog is still open. A dialog closed by a stale
 * `close` event is visible for one task only, so a bare `toBeVisible` could pass on it.
 */
async function expectStaysOpen(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible()
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))))
  await expect(dialog).toBeVisible()
  expect(await dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true)
}

async function expectNoOpenDialog(page: Page): Promise<void> {
  await expect(page.locator('dialog[open]')).toHaveCount(0)
}

/**
 * Opens the studio with empty storage and waits for the first analysis, but not for Monaco: the header's dialogs
 * do not need the editor, and on a busy machine its 4 MB chunk is the slowest part of a load.
 */
export async function openForDialogs(studio: ClassroomPage): Promise<void> {
  const { page } = studio
  await page.goto('/')
  await page.evaluate(() => {
    localStorage.clear()
    const deletion = indexedDB.deleteDatabase('ingress-studio')
    return new Promise((resolve) => (deletion.onsuccess = deletion.onerror = deletion.onblocked = resolve))
  })
  await page.goto('/')
  // A cold dev server on a busy machine can serve the engine worker's modules slower than the engine's answer
  // timeout, so the first analysis may fail; the smoke test (dev-server.spec.ts) owns that. Here, one reload (the modules now in
  // the browser's cache) gets the analysis the dialogs need.
  await expect(studio.status).not.toHaveAttribute('data-status', 'pending', { timeout: 60_000 })
  if ((await studio.status.getAttribute('data-status')) === 'failed') await page.reload()
  await expect(studio.status).toHaveAttribute('data-status', 'ready', { timeout: 60_000 })
}

/**
 * Waits for the studio on `page` to be ready, giving Monaco's chunk a minute first (StudioPage allows 20 s, which a
 * machine running several suites at once can exceed; what is tested here starts after the editor is up).
 */
async function waitForEditor(studio: ClassroomPage): Promise<void> {
  await expect(studio.editor.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
  await studio.waitUntilReady()
}

/** Opens Presets, Scenarios, Share and the shortcut sheet (by its button and by `?`), each closing again. */
export async function checkHeaderDialogs(studio: ClassroomPage): Promise<void> {
  const { page } = studio

  await page.getByRole('button', { name: 'Presets', exact: true }).click()
  const presets = page.getByTestId(TID.presetGallery)
  await expectStaysOpen(page, presets)
  await expect(presets.getByTestId(TID.presetCard).first()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(presets).toHaveCount(0)

  await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
  const scenarios = page.getByTestId(TID.scenariosDialog)
  await expectStaysOpen(page, scenarios)
  await expect(scenarios.getByTestId(TID.scenarioRow)).toHaveCount(1)
  // The header's close button, not only Escape.
  await scenarios.getByRole('button', { name: 'Close' }).first().click()
  await expect(scenarios).toHaveCount(0)

  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await expectStaysOpen(page, studio.shareDialog)
  await expect(studio.shareLink).toHaveValue(/#v2\./)
  await page.keyboard.press('Escape')
  await expect(studio.shareDialog).toHaveCount(0)

  const sheet = page.getByTestId(TID.shortcutSheet)
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expectStaysOpen(page, sheet)
  await expect(sheet).toContainText('Next guided step')
  await page.keyboard.press('Escape')
  await expect(sheet).toHaveCount(0)

  // `?` from the page (not from the editor, where it is text).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('?')
  await expectStaysOpen(page, sheet)
  await page.keyboard.press('Escape')
  await expect(sheet).toHaveCount(0)
  await expectNoOpenDialog(page)
}

/**
 * Opens the studio fresh; with edited work on screen, a share link asks before replacing it: pasted into the
 * address bar and declined, the work stays; opened in a fresh load and accepted, the link's scenario shows and the
 * work stays saved.
 */
export async function checkShareLinkOverWork(studio: ClassroomPage, screenshot?: string): Promise<void> {
  const { page } = studio
  await openForDialogs(studio)
  await waitForEditor(studio)
  const link = await studio.makeShareLink()
  await studio.closeDialog()

  const line = await studio.lineOf('name: test')
  await studio.replaceOnLine(line, 'test', 'my-own-work')
  await expect.poll(() => studio.editorText()).toContain('name: my-own-work')
  await expect(studio.status).toHaveAttribute('data-status', 'ready')

  // Pasted into the address bar: a same-document navigation (hashchange).
  await page.goto(link)
  const ask = page.getByTestId(TID.linkAsk)
  await expect(ask).toBeVisible({ timeout: 30_000 })
  await expectStaysOpen(page, ask)
  if (screenshot) await page.screenshot({ path: screenshot })
  await ask.getByRole('button', { name: 'Keep my work' }).last().click()
  await expect(ask).toHaveCount(0)
  expect(await studio.editorText()).toContain('name: my-own-work')
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('')

  // Opened as a new page load with the work restored from storage.
  await page.goto('about:blank')
  await page.goto(link)
  await expect(studio.editor.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
  await page.waitForFunction(() => window.__ingressStudio !== undefined)
  // The question comes once the worker has decoded the link.
  await expect(ask).toBeVisible({ timeout: 60_000 })
  await expectStaysOpen(page, ask)
  await ask.getByRole('button', { name: 'Open shared scenario' }).click()
  await expect(ask).toHaveCount(0)
  await expect.poll(() => studio.editorText()).not.toContain('my-own-work')
  expect(await studio.editorText()).toContain('name: test')

  // The declined-then-replaced work is kept as a saved scenario beside the opened one.
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
  await expect(page.getByTestId(TID.scenarioRow)).toHaveCount(2)
  await studio.closeDialog()
}
