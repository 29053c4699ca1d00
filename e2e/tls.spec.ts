/**
 * The certificate card: the seed's TLS Secret shows its certificate's names, issuer and expiry and the hosts it
 * serves; a host the certificate does not name shows as not covered, with a marker in the editor.
 */
import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test.describe('certificate card', () => {
  test('shows the seed certificate: kube-book.com, self-signed, valid to 2036-11-21, key matching, host covered', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.getByRole('tab', { name: 'Certificates' }).click()
    const card = page.getByTestId('certificate-card').filter({ hasText: 'kube-book-secret' })
    await expect(card).toBeVisible()
    await expect(card.getByTestId('certificate-names')).toHaveText('kube-book.com')
    await expect(card.getByTestId('certificate-validity')).toContainText('2026-11-24 to 2036-11-21')
    await expect(card.getByTestId('certificate-validity')).toContainText('days left')
    await expect(card).toContainText('CN=kube-book.com')
    await expect(card).toContainText('self-signed')
    await expect(card).toContainText('EC P-256')
    await expect(card).toContainText('tls.key matches')
    await expect(card).toContainText('Valid')
    await expect(card.getByTestId('certificate-hosts')).toContainText('kube-book.com')
    await expect(card.getByTestId('certificate-hosts')).toContainText('covered · Ingress default/ingress-ssl')
    await page.screenshot({ path: 'test-results/screenshots/certificate-card.png' })

    // A TLS host the certificate does not name: the card says so and the editor marks it.
    const line = await studio.lineOf('    - kube-book.com')
    await studio.replaceOnLine(line, 'kube-book.com', 'www.kube-book.com')
    await expect(card.getByTestId('certificate-hosts')).toContainText('www.kube-book.com · not covered')
    await expect.poll(async () => (await studio.markersOnLine(line)).map((marker) => marker.code)).toContain('tls-host-not-covered')
    studio.expectCleanRun()
  })

  test('the Secret name on the card shows the Secret in the editor', async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open({ fresh: true })
    await page.getByRole('tab', { name: 'Certificates' }).click()
    await page.getByRole('button', { name: 'Show Secret kube-book-secret in the editor' }).click()
    await expect.poll(async () => (await studio.cursor()).lineNumber).toBe(await studio.lineOf('kind: Secret') - 1)
  })

  test('in Korean, an unreadable certificate says why in Korean', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
    const studio = new StudioPage(page)
    // A new browser context has empty storage, so the seed opens; Monaco gets a minute (the page object allows
    // 20 s, which a machine running several suites at once exceeds).
    await page.goto('/')
    await expect(studio.editor.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
    await studio.waitUntilReady()
    const line = await studio.lineOf('  tls.crt: ')
    const text = await studio.editorText()
    const value = (text.split('\n')[line - 1] ?? '').replace('  tls.crt: ', '')
    // base64 of "not a pem": the data decodes, but holds no PEM block.
    await studio.replaceOnLine(line, value, 'bm90IGEgcGVt')
    await page.getByRole('tab', { name: '인증서' }).click()
    const card = page.getByTestId('certificate-card').filter({ hasText: 'kube-book-secret' })
    await expect(card.locator('.cert-problem')).toHaveText('tls.crt: PEM 블록(-----BEGIN …-----)을 찾을 수 없습니다')
    await page.screenshot({ path: 'test-results/screenshots/certificate-unreadable-ko.png' })
  })
})
