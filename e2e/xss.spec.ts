import { expect, test } from '@playwright/test'
import { ingressYaml, joinDocuments, serviceYaml } from '../src/engine/testing/manifests'
import { TID } from '../src/ui/test-ids'
import { ClassroomPage } from './classroom-page'
import { studioOrigin } from './studio-page'

const SCREENSHOTS = 'test-results/screenshots'

// Every string a manifest lets a user choose, carrying markup and script. They must show as text, inert.
const NAME = '<img src=x onerror="window.__xss=1">'
const HOST = '<svg onload=alert(1)>.example.com'
const ANNOTATION = '<script>window.__xss="annotation"</script>'
const PATH = '/<script>alert(2)</script>'
const SERVICE = 'javascript:alert(3)'
const TITLE = '<img src=x onerror=alert(4)>'

// The builders quote every value YAML would not read back as the same plain string, as a user would have to.
const HOSTILE = joinDocuments(
  ingressYaml(NAME, {
    annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': ANNOTATION, 'example.com/note': '<iframe src=javascript:alert(5)>' },
    rules: [{ host: HOST, paths: [{ path: PATH, type: 'ImplementationSpecific', backend: `${SERVICE}:80` }] }],
  }),
  serviceYaml(SERVICE, { labels: { team: '<b onmouseover=alert(6)>web</b>' }, selector: { app: '<script>alert(7)</script>' }, ports: [{ port: 80 }] }),
)

async function trapScripts(studio: ClassroomPage): Promise<void> {
  await studio.page.addInitScript(() => {
    const flag = (what: string) => () => {
      ;(window as unknown as { __xss?: string }).__xss = what
    }
    window.alert = flag('alert')
    window.confirm = (() => (flag('confirm')(), false)) as typeof window.confirm
    window.prompt = (() => (flag('prompt')(), null)) as typeof window.prompt
  })
}

async function expectInert(studio: ClassroomPage): Promise<void> {
  const page = studio.page
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined()
  // No element came from the payloads: no <img src=x>, no <svg onload>, no <iframe>, no <b onmouseover>.
  expect(await page.locator('img[src="x"], svg[onload], iframe, b[onmouseover], [onerror]').count()).toBe(0)
  expect(await page.evaluate(() => [...document.scripts].filter((s) => /alert|__xss/.test(s.text)).length)).toBe(0)
  studio.expectNoDialogs()
  studio.expectCleanRun()
}

async function visitEveryView(studio: ClassroomPage): Promise<void> {
  const page = studio.page
  await studio.showObjects()
  await expect(page.getByTestId(TID.objectsView).getByText(NAME, { exact: true })).toBeVisible()
  await expect(page.getByTestId(TID.objectsView).getByText(SERVICE, { exact: true }).first()).toBeVisible()
  await page.getByRole('tab', { name: 'Route graph' }).click()
  await expect(page.getByTestId(TID.graphView).locator('.react-flow__node').first()).toBeVisible()
  await expect(page.getByTestId(TID.graphView)).toContainText(HOST)
  await page.getByRole('tab', { name: 'Routes' }).click()
  await page.getByRole('tab', { name: 'nginx.conf' }).click()
  await page.getByRole('tab', { name: 'Rules' }).click()
  await page.getByRole('tab', { name: 'Route graph' }).click()
  await studio.requestUrl.fill(`http://${HOST}${PATH}`)
  await page.getByRole('button', { name: 'Test', exact: true }).click()
  await page.getByRole('tab', { name: /^Request/ }).click()
  await expect(studio.testResult).toBeVisible()
  await page.getByRole('tab', { name: /^Diagnostics/ }).click()
}

test('hostile names, hosts and annotations typed into the editor render as inert text', async ({ page }) => {
  const studio = new ClassroomPage(page)
  await trapScripts(studio)
  await studio.open({ fresh: true })
  await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), HOSTILE)
  await expect(studio.status).toHaveAttribute('data-status', 'ready')
  await visitEveryView(studio)
  await page.screenshot({ path: `${SCREENSHOTS}/xss-editor.png` })
  await expectInert(studio)
})

test('the same payloads arriving through a share link, with a hostile title, stay inert', async ({ page, browser }) => {
  const sender = new ClassroomPage(page)
  await trapScripts(sender)
  await sender.open({ fresh: true })
  await page.evaluate((text) => window.__ingressStudio!.editor.setValue(text), HOSTILE)
  await expect(sender.status).toHaveAttribute('data-status', 'ready')
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
  await page.getByTestId(TID.scenarioRow).first().getByRole('button', { name: 'Rename' }).click()
  await page.getByRole('textbox', { name: /New name/ }).fill(TITLE)
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId(TID.scenarioRow).first()).toContainText(TITLE)
  await sender.closeDialog()
  const link = await sender.makeShareLink()
  await sender.shareDialog.getByText('Embed code', { exact: true }).click()
  await expect(sender.shareDialog.getByRole('textbox', { name: 'Embed code' })).toHaveValue(/title="&lt;img src=x onerror=alert\(4\)>"/)
  await sender.closeDialog()
  await expectInert(sender)

  // A receiver with work of their own is asked first; the question quotes the title as text.
  const receiver = await ClassroomPage.visit(browser, `${studioOrigin()}/`)
  await trapScripts(receiver)
  await receiver.page.reload()
  await receiver.waitUntilReady()
  const line = await receiver.lineOf('name: test')
  await receiver.replaceOnLine(line, 'test', 'mine')
  await receiver.page.goto(link)
  const ask = receiver.page.getByTestId(TID.linkAsk)
  await expect(ask).toContainText(`Shared scenario: ${TITLE}`)
  await receiver.page.screenshot({ path: `${SCREENSHOTS}/xss-link-ask.png` })
  await ask.getByRole('button', { name: 'Open shared scenario' }).click()
  await visitEveryView(receiver)
  await receiver.page.getByRole('button', { name: 'Scenarios', exact: true }).click()
  await expect(receiver.page.getByTestId(TID.scenarioRow).first()).toContainText(TITLE)
  await receiver.closeDialog()
  await expectInert(receiver)

  // Embedded, too.
  const embedded = await ClassroomPage.visit(browser, link.replace('/#v2.', '/?embed=1#v2.'))
  await trapScripts(embedded)
  await embedded.page.reload()
  await embedded.waitForViews()
  await expect(embedded.page.getByTestId(TID.graphView)).toContainText(HOST)
  await expectInert(embedded)
})
