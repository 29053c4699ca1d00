import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

/** Where the notice screenshots go (looked at by hand; not compared). */
const SHOTS = 'test-results/storage-faults'

/** Site data blocked, as a browser setting does it: reading either storage throws a SecurityError. */
async function blockStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('The user has blocked site data for this page.', 'SecurityError')
    }
    Object.defineProperty(window, 'localStorage', { get: refuse, configurable: true })
    Object.defineProperty(window, 'indexedDB', { get: refuse, configurable: true })
  })
}

/** The length of the manifest text IndexedDB holds, or -1 when it holds none. */
function savedLength(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('ingress-studio')
        opening.onerror = () => reject(opening.error)
        opening.onsuccess = () => {
          const db = opening.result
          const read = db.transaction('texts', 'readonly').objectStore('texts').get('ingress-studio.source.v1')
          read.onsuccess = () => {
            db.close()
            resolve(typeof read.result === 'string' ? read.result.length : -1)
          }
          read.onerror = () => reject(read.error)
        }
      }),
  )
}

test.use({ viewport: { width: 1280, height: 720 } })

test('with localStorage and IndexedDB blocked, the studio says so, keeps the seed off the screen and offers the text as a file', async ({ page }) => {
  await blockStorage(page)
  const studio = new StudioPage(page)
  await page.goto('/')
  await expect(studio.editor.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  const notice = page.getByTestId(TID.storageNotice)
  await expect(notice).toBeVisible()
  await expect(notice).toHaveAttribute('data-kind', 'unreadable')
  await expect(notice).toContainText('Your saved work could not be read')
  await expect(notice).toContainText('site data is blocked')
  // Not a first visit as far as the studio can tell: the example is not put where the user's work was.
  expect(await studio.editorText()).toBe('')
  await expect(page.getByTestId(TID.storageProblem)).toHaveText('not saved')

  const typed = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kept-by-download\nspec:\n  ports:\n    - port: 80\n'
  await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), typed)
  // The analysis of the typed text is in: the Service is one object.
  await expect(page.getByRole('tab', { name: /^Objects/ })).toContainText('1')
  await expect(studio.status).toHaveAttribute('data-status', 'ready')
  await page.screenshot({ path: `${SHOTS}/notice-en.png` })

  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download your text' }).click()])
  expect(download.suggestedFilename()).toMatch(/\.yaml$/)
  expect(await readFile((await download.path())!, 'utf8')).toBe(typed)

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko')
  await expect(notice).toContainText('저장된 작업을 읽지 못했습니다')
  await expect(notice.getByRole('button', { name: '텍스트 내려받기' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/notice-ko.png` })
  studio.expectCleanRun()
})

test('a 10 MB paste is kept in IndexedDB and comes back after a reload', async ({ page }) => {
  test.setTimeout(120_000)
  const studio = new StudioPage(page)
  await studio.open({ fresh: true })
  const big = `# pasted\n${'# '.padEnd(99, 'x')}\n`.repeat(100_000) + 'apiVersion: v1\nkind: Service\nmetadata:\n  name: big\n'
  expect(big.length).toBeGreaterThan(10_000_000)
  await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), big)
  await expect.poll(() => savedLength(page), { timeout: 20_000 }).toBe(big.length)
  await expect(page.getByTestId(TID.storageNotice)).toHaveCount(0)

  await page.reload()
  // Monaco takes a 10 MB model in a few seconds on a busy 2-core machine.
  await expect(studio.editor.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 })
  await page.waitForFunction(() => window.__ingressStudio !== undefined)
  expect(await page.evaluate(() => window.__ingressStudio!.editor.getModel()!.getValueLength())).toBe(big.length)
  expect(await page.evaluate(() => window.__ingressStudio!.editor.getModel()!.getLineContent(1))).toBe('# pasted')
  await expect(page.getByTestId(TID.storageNotice)).toHaveCount(0)
  // Known and not about storage: Monaco's YAML language worker gives up on a 10 MB model (the engine stops at
  // 5 MB, that worker has no cap) and Monaco rethrows the worker's error Event. Anything else fails the test.
  expect(studio.pageErrors.map((error) => error.message).filter((message) => message !== 'Event')).toEqual([])
  expect(studio.foreignRequests).toEqual([])
})

test('text an older build left in localStorage is moved into IndexedDB on the first run', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open({ fresh: true })
  const old = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: from-an-older-build\n'
  await page.evaluate((text) => {
    indexedDB.deleteDatabase('ingress-studio')
    localStorage.setItem('ingress-studio.source.v1', text)
  }, old)
  await studio.reload()
  expect(await studio.editorText()).toBe(old)
  await expect.poll(() => savedLength(page)).toBe(old.length)
  expect(await page.evaluate(() => localStorage.getItem('ingress-studio.source.v1'))).toBeNull()
  studio.expectCleanRun()
})

test('a write the browser refuses (quota) is shown at once, the text stays on screen and can be downloaded', async ({ page }) => {
  // IndexedDB refuses any text above 1 MB, as a full disk or a small quota does.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      if (typeof value === 'string' && value.length > 1_000_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return put.call(this, value, key)
    }
  })
  const studio = new StudioPage(page)
  await studio.open({ fresh: true })
  const large = `# kept on screen\n${'# '.padEnd(99, 'y')}\n`.repeat(15_000)
  await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), large)
  const notice = page.getByTestId(TID.storageNotice)
  await expect(notice).toHaveAttribute('data-kind', 'unsaved')
  await expect(notice).toContainText('Your text is not being saved')
  await expect(notice).toContainText('the storage for this site is full')
  await page.screenshot({ path: `${SHOTS}/unsaved-en.png` })
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download your text' }).click()])
  expect((await readFile((await download.path())!, 'utf8')).length).toBe(large.length)

  // A smaller text is saved again, and the notice goes.
  await page.evaluate(() => window.__ingressStudio!.editor.setValue('apiVersion: v1\nkind: Service\nmetadata:\n  name: small\n'))
  await expect(notice).toHaveCount(0)
  await expect(page.getByText('saved in this browser')).toBeVisible()
  studio.expectCleanRun()
})

