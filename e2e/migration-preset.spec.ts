/**
 * Issue 16's preset in Chromium: "Leaving ingress-nginx" opens the seed in the Gateway API migration view, and
 * its steps walk the requests that change. A differing step's request opens selected in the Parity tab, with both
 * traces and both routes lit. In Korean, every step's text is Korean around its names and code.
 */
import { expect, test } from '@playwright/test'
import { MIGRATE_GATEWAY_API, MIGRATION_STEP_URLS } from '../src/presets/migration-preset'
import { ClassroomPage } from './classroom-page'

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screenshots'
/** Three or more Latin words in a row: an English phrase, not a name or a term (as e2e/korean.spec.ts reads it). */
const LATIN_PHRASE = /[A-Za-z][a-z]+(?:[ ,'’:]+[A-Za-z][a-z]+){2,}/
const STEPS = MIGRATE_GATEWAY_API.steps.length

test.describe('the migration preset', () => {
  test('opens the seed in the migration view; the sibling-prefix step selects its difference, whose two routes light up', async ({ page }) => {
    test.setTimeout(180_000)
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    await page.getByRole('button', { name: 'Presets' }).click()
    await page.getByRole('button', { name: 'Open Leaving ingress-nginx: the chapter on Gateway API' }).click()
    await expect(studio.guidedSteps).toContainText(`Step 1 of ${STEPS}`)
    await expect(page.getByRole('tab', { name: /^To Gateway API/ })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('conversion-findings')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByTestId('conversion-findings')).toContainText('Ingress default/test')
    await page.screenshot({ path: `${SHOTS}/migration-preset-step1.png` })

    // Step 3: the generated sibling of /foos1, a difference: the step opens the Parity tab with it selected, both
    // traces and both routes lit; it also tests it in the URL tester (its answer on the Request tab beside).
    for (let step = 2; step <= 3; step++) await studio.guidedSteps.getByRole('button', { name: 'Next step' }).click()
    await expect(studio.guidedSteps).toContainText(`Step 3 of ${STEPS}`)
    await expect(page.getByRole('tab', { name: /^To Gateway API/ })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('tab', { name: /^Parity/ })).toHaveAttribute('aria-selected', 'true')
    const detail = page.getByTestId('difference-detail')
    await expect(detail.locator('.difference-head')).toContainText(MIGRATION_STEP_URLS.siblingPrefix)
    await expect(detail.locator('[data-field="status"]')).toContainText('200 → 404')
    await expect(page.getByTestId('trace-ingress').locator('.trace-step').first()).toBeVisible()
    await expect(page.getByTestId('trace-gateway').locator('.trace-step').first()).toBeVisible()
    const graph = page.getByTestId('migration-graph')
    await expect(graph.locator('.react-flow__edge.on-ingress, .react-flow__edge.on-both').first()).toBeAttached({ timeout: 15_000 })
    await expect(graph.locator('.react-flow__edge.on-gateway, .react-flow__edge.on-both').first()).toBeAttached()
    await page.getByRole('tab', { name: /^Request/ }).click()
    await expect(studio.testResult).toContainText(MIGRATION_STEP_URLS.siblingPrefix)
    await expect(studio.testResult).toContainText('s1:80')
    await page.screenshot({ path: `${SHOTS}/migration-preset-step3.png` })

    // Step 4: another case of /foos1, selected in turn; back to the list: /foos1/abc, the redirect of /docs/ and the
    // https request are no rows. (A string in hasText ignores case, which would find /foos1parity: the case row is
    // matched case-sensitively.)
    await studio.guidedSteps.getByRole('button', { name: 'Next step' }).click()
    await expect(detail.locator('.difference-head')).toContainText(MIGRATION_STEP_URLS.otherCase)
    await detail.getByRole('button', { name: /All differences/ }).click()
    const rows = page.getByTestId('parity-row')
    await expect(rows.filter({ hasText: new RegExp(MIGRATION_STEP_URLS.otherCase.replace(/[.]/g, '\\.')) }).first()).toBeVisible()
    await expect(rows.filter({ hasText: MIGRATION_STEP_URLS.siblingPrefix }).first()).toBeVisible()
    for (const url of [MIGRATION_STEP_URLS.fullPath, MIGRATION_STEP_URLS.redirectSlash, MIGRATION_STEP_URLS.https]) await expect(rows.filter({ hasText: url })).toHaveCount(0)

    studio.expectCleanRun()
  })

  test('in Korean, every step says its text in Korean around names and code', async ({ page }) => {
    test.setTimeout(120_000)
    await page.addInitScript(() => localStorage.setItem('ingress-studio.language.v1', 'ko'))
    const studio = new ClassroomPage(page)
    await studio.open({ fresh: true })
    await page.getByRole('button', { name: '프리셋' }).click()
    await page.getByRole('button', { name: 'ingress-nginx를 떠나 Gateway API로 옮기는 챕터 열기' }).click()
    await expect(page.getByTestId('conversion-findings')).toBeVisible({ timeout: 30_000 })
    const text = page.getByTestId('guided-step-text')
    for (let step = 1; step <= STEPS; step++) {
      await expect(studio.guidedSteps).toHaveAttribute('data-step', String(step - 1))
      expect(LATIN_PHRASE.exec((await text.textContent()) ?? ''), `step ${step}`).toBeNull()
      if (step < STEPS) await studio.guidedSteps.getByRole('button', { name: '다음 단계', exact: true }).click()
    }
    await page.screenshot({ path: `${SHOTS}/migration-preset-ko.png` })
    studio.expectCleanRun()
  })
})
