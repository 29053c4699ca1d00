import { expect, test, type Browser } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { ClassroomPage } from './classroom-page'
import { studioOrigin } from './studio-page'

const SCREENSHOTS = 'test-results/screenshots'
const CERT_PREFIX = 'LS0tLS1CRUdJTi' // base64 of "-----BEGIN", the start of both PEM values of the seed's Secret

/** The seed with its two Secret values replaced, as a redacted link carries it. */
function redacted(text: string): string {
  return text.replace(/^(\s+tls\.(?:crt|key): )\S+$/gm, '$1REDACTED')
}

async function openLink(browser: Browser, link: string): Promise<ClassroomPage> {
  const receiver = await ClassroomPage.visit(browser, link)
  await receiver.waitUntilReady()
  return receiver
}

test.describe('share links', () => {
  test('open the same scenario in a fresh browser: text, view, tested request, graph and rollout', async ({ page, browser }) => {
    test.setTimeout(120_000)
    const sender = new ClassroomPage(page)
    await sender.open({ fresh: true })
    const line = await sender.lineOf('- path: /bars2')
    await sender.replaceOnLine(line, '/bars2', '/bars3')
    await expect(sender.status).toHaveAttribute('data-status', 'ready')
    const rollout = await sender.rolloutSummary()
    await sender.page.getByRole('tab', { name: /^Scenario/ }).click()
    await sender.page.getByLabel('preStop duration', { exact: true }).fill('5')
    await expect.poll(async () => (await sender.rolloutSummary()).failed).toBe('0')
    const tunedRollout = await sender.rolloutSummary()
    expect(tunedRollout.requests).not.toBe(rollout.requests)
    await sender.tab('Route graph').click()
    await sender.testUrl('http://foo.bar.com/bars3')
    const senderNodes = await sender.graphNodeNames()
    const senderText = await sender.editorText()
    const link = await sender.makeShareLink()
    expect(link.startsWith(`${studioOrigin()}/#v2.`)).toBe(true)

    const receiver = await openLink(browser, link)
    expect(await receiver.editorText()).toBe(redacted(senderText))
    await expect(receiver.tab('Route graph')).toHaveAttribute('aria-selected', 'true')
    await expect(receiver.requestUrl).toHaveValue('http://foo.bar.com/bars3')
    await receiver.page.getByRole('tab', { name: /^Request/ }).click()
    await expect(receiver.testResult).toContainText('http://foo.bar.com/bars3')
    await expect(receiver.testResult).toContainText('s2')
    expect(await receiver.graphNodeNames()).toEqual(senderNodes)
    expect(await receiver.rolloutSummary()).toEqual(tunedRollout)
    await receiver.page.getByRole('tab', { name: /^Scenario/ }).click()
    await expect(receiver.page.getByLabel('preStop duration', { exact: true })).toHaveValue('5')
    // The shared scenario is now saved in the receiver's browser, under Scenarios.
    expect(await receiver.storageKeys()).toContain('ingress-studio.scenarios.v1')
    receiver.expectCleanRun()
    receiver.expectNoDialogs()
    sender.expectCleanRun()
  })

  test('leave Secret values out unless the sharer includes them, and say so on both ends', async ({ page, browser }) => {
    const sender = new ClassroomPage(page)
    await sender.open({ fresh: true })
    const link = await sender.makeShareLink()
    await expect(sender.page.getByTestId(TID.shareSecretsNote)).toContainText('2 Secret values')
    await expect(sender.page.getByTestId(TID.shareSecretsNote)).toContainText('REDACTED')
    await sender.page.screenshot({ path: `${SCREENSHOTS}/share-dialog-light.png` })

    const receiver = await openLink(browser, link)
    const text = await receiver.editorText()
    expect(text).toContain('tls.crt: REDACTED')
    expect(text).toContain('tls.key: REDACTED')
    expect(text).not.toContain(CERT_PREFIX)
    await expect(receiver.page.getByTestId(TID.openedLinkNotice)).toContainText('left out 2 Secret values')

    const withSecrets = await sender.makeShareLink({ includeSecrets: true })
    await expect(sender.page.getByTestId(TID.shareSecretsNote)).toContainText('Anyone who has the link can read them')
    expect(withSecrets.length).toBeGreaterThan(link.length)
    const trusted = await openLink(browser, withSecrets)
    expect(await trusted.editorText()).toContain(`tls.crt: ${CERT_PREFIX}`)
    await expect(trusted.page.getByTestId(TID.openedLinkNotice)).toHaveCount(0)
    sender.expectCleanRun()
    receiver.expectCleanRun()
  })

  test('remove a Secret value hidden behind an earlier, empty duplicate data key (issue 12)', async ({ page, browser }) => {
    const hidden = 'aHVudGVyMi1lMmUtdmFsdWU=' // base64 of "hunter2-e2e-value"
    const manifest = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n',
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata: {}\ndata:\n  password: ${hidden}\n`,
    ].join('---\n')
    const sender = new ClassroomPage(page)
    await sender.open({ fresh: true })
    await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), manifest)
    await sender.showObjects()
    await expect(sender.objectButton('Secret', 'db')).toBeVisible()
    await expect(sender.objectButton('ConfigMap', 'settings')).toBeVisible()

    const link = await sender.makeShareLink()
    const note = sender.page.getByTestId(TID.shareSecretsNote)
    await expect(note).toContainText('1 Secret value ')
    await expect(note).toHaveAttribute('data-redacted', '1')
    const download = sender.page.waitForEvent('download')
    await sender.shareDialog.getByRole('button', { name: 'Download scenario file' }).click()
    const file = await (await download).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    })
    expect(file).toContain('password: REDACTED')
    expect(file).not.toContain(hidden)

    const receiver = await openLink(browser, link)
    const text = await receiver.editorText()
    expect(text).toContain('data: {}\ndata:\n  password: REDACTED')
    expect(text).not.toContain(hidden)
    expect(text).not.toContain('hunter2')
    await expect(receiver.page.getByTestId(TID.openedLinkNotice)).toContainText('left out 1 Secret value')
  })

  test('keep the seed scenario\'s link within the 1,500-character budget', async ({ page }) => {
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    await studio.makeShareLink()
    const length = Number(await page.getByTestId(TID.shareLinkLength).getAttribute('data-length'))
    expect(length).toBeGreaterThan(300)
    expect(length).toBeLessThanOrEqual(1500)
    await expect(page.getByTestId(TID.shareLinkLength)).toContainText('within the 1,500-character budget')
  })

  test('explain a tampered or cut link and leave the previous work intact and usable', async ({ page, browser }) => {
    const sender = new ClassroomPage(page)
    await sender.open({ fresh: true })
    const link = await sender.makeShareLink()
    const at = link.indexOf('#v2.') + 40
    const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1)

    const visitor = await ClassroomPage.visit(browser, `${studioOrigin()}/`)
    await visitor.waitUntilReady()
    await visitor.showObjects()
    const line = await visitor.lineOf('name: websample-ing')
    await visitor.replaceOnLine(line, 'websample-ing', 'my-own-work')
    await expect(visitor.objectButton('Ingress', 'my-own-work')).toBeVisible()
    const mine = await visitor.editorText()

    // Pasted into the address bar of the open studio (a hash change) …
    await visitor.page.goto(tampered)
    const explanation = visitor.page.getByTestId(TID.linkError)
    await expect(explanation).toBeVisible()
    await expect(explanation).toContainText('Your work is unchanged.')
    await expect(explanation).toContainText(/damaged|checksum|changed or cut/)
    await visitor.page.screenshot({ path: `${SCREENSHOTS}/share-tampered.png` })
    await explanation.getByRole('button', { name: 'Close', exact: true }).last().click()
    await expect(explanation).toHaveCount(0)
    expect(await visitor.editorText()).toBe(mine)
    expect(visitor.page.url()).not.toContain('#v2.')

    // … and opened cold, cut short.
    await visitor.page.goto(link.slice(0, link.length - 30))
    await visitor.page.reload()
    await expect(visitor.page.getByTestId(TID.linkError)).toBeVisible()
    await visitor.page.getByTestId(TID.linkError).getByRole('button', { name: 'Close', exact: true }).last().click()
    await visitor.waitUntilReady()
    expect(await visitor.editorText()).toBe(mine)

    // The studio still works: an edit is analyzed.
    const again = await visitor.lineOf('name: my-own-work')
    await visitor.replaceOnLine(again, 'my-own-work', 'still-mine')
    await expect(visitor.objectButton('Ingress', 'still-mine')).toBeVisible()
    visitor.expectCleanRun()
    visitor.expectNoDialogs()
  })

  test('ask before opening a link over different work, and keep that work as a saved scenario', async ({ page, browser }) => {
    const sender = new ClassroomPage(page)
    await sender.open({ fresh: true })
    await sender.showObjects()
    const senderLine = await sender.lineOf('name: test')
    await sender.replaceOnLine(senderLine, 'test', 'from-the-teacher')
    await expect(sender.objectButton('Ingress', 'from-the-teacher')).toBeVisible()
    const link = await sender.makeShareLink()

    const student = await ClassroomPage.visit(browser, `${studioOrigin()}/`)
    await student.waitUntilReady()
    await student.showObjects()
    const line = await student.lineOf('name: websample-ing')
    await student.replaceOnLine(line, 'websample-ing', 'student-work')
    await expect(student.objectButton('Ingress', 'student-work')).toBeVisible()

    await student.page.goto(link)
    const ask = student.page.getByTestId(TID.linkAsk)
    await expect(ask).toBeVisible()
    await ask.getByRole('button', { name: 'Keep my work' }).last().click()
    await expect(ask).toHaveCount(0)
    await expect(student.objectButton('Ingress', 'student-work')).toBeVisible()

    await student.page.goto(link)
    await student.page.getByTestId(TID.linkAsk).getByRole('button', { name: 'Open shared scenario' }).click()
    await expect(student.objectButton('Ingress', 'from-the-teacher')).toBeVisible()
    await expect(student.objectButton('Ingress', 'student-work')).toHaveCount(0)

    await student.page.getByRole('button', { name: 'Scenarios', exact: true }).click()
    const rows = student.page.getByTestId(TID.scenarioRow)
    await expect(rows).toHaveCount(2)
    await student.page.locator(`[data-testid="${TID.scenarioRow}"][data-current="false"]`).getByRole('button', { name: 'Open', exact: true }).click()
    await student.closeDialog()
    await expect(student.objectButton('Ingress', 'student-work')).toBeVisible()
    student.expectCleanRun()
    student.expectNoDialogs()
  })
})
