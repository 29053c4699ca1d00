import { expect, test, type Page } from '@playwright/test'
import { TimelinePage } from './timeline-page'

// A parallel run may keep its screenshots elsewhere (E2E_SCREENSHOTS), so another run's cleanup does not take them.
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? 'test-results/screenshots'
const HANGUL = /[\uac00-\ud7a3]/
/** Three English words in a row: a sentence left untranslated (names, flags and numbers are not). */
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b/

/** The seed's websample without its preStop hook (the YAML change a class makes). */
const withoutPreStop = (yaml: string): string => yaml.replace(/\n {8}lifecycle:\n {10}preStop:\n {12}httpGet:\n {14}path: \/prestop\n {14}port: 5000/, '')

async function openRollout(page: Page): Promise<TimelinePage> {
  const studio = new TimelinePage(page)
  await studio.open({ fresh: true })
  await studio.openTimeline()
  return studio
}

test.describe('the rollout timeline on the seed scenario', () => {
  test('plays the rollout of websample to its end', async ({ page }) => {
    const studio = await openRollout(page)
    await expect(studio.view.getByRole('combobox', { name: 'Deployment' })).toHaveValue('default/websample')
    await studio.view.getByRole('combobox', { name: 'Speed' }).selectOption('16')
    await studio.playButton.click()
    await expect(studio.pauseButton).toBeVisible()
    // 16× plays the ~26 s run in under two seconds; then the clock stops at the end by itself.
    await expect(studio.playButton).toBeVisible({ timeout: 10_000 })
    const end = Number(await studio.scrubber.getAttribute('max'))
    expect(end).toBeGreaterThan(20_000)
    await expect(studio.scrubber).toHaveValue(String(end))
    await expect(studio.timeReadout).toHaveText((end / 1000).toFixed(2))
    // Both pods were seen on the way; at the end only the new one is Ready.
    const phases = Object.values(await studio.podPhases())
    expect(phases.sort()).toEqual(['gone', 'ready'])
    studio.expectCleanRun()
  })

  test('loses no request when the preStop outlasts the endpoint lag; immediate exit without it fails, and a failure explains itself', async ({ page }) => {
    const studio = await openRollout(page)
    await studio.setParameter('preStop duration', '5')
    await studio.detailTab('Report').click()
    await studio.view.getByRole('radio', { name: 'Whole run' }).check()
    await expect(studio.reportSummary).toHaveAttribute('data-failed', '0')
    expect(Number(await studio.reportSummary.getAttribute('data-requests'))).toBeGreaterThan(1000)
    await expect(studio.view.getByLabel('vegeta report', { exact: true })).toContainText('Success       [ratio]                           100.00%')
    await expect(studio.detailTab('Failed requests')).toContainText('0')

    await studio.setParameter('preStop duration', '0')
    await studio.setParameter('On SIGTERM', 'exit immediately')
    await studio.detailTab('Report').click()
    await expect(studio.reportSummary).not.toHaveAttribute('data-failed', '0')
    await expect(studio.view.getByLabel('vegeta report', { exact: true })).toContainText('502 Bad Gateway')

    await studio.detailTab('Failed requests').click()
    await expect(studio.failureRows.first()).toBeVisible()
    await studio.failureRows.first().click()
    await expect(studio.failureDetail).toBeVisible()
    await expect(studio.failureDetail).toHaveAttribute('data-detail', /killed-on-sigterm|pod-gone|listener-closed/)
    await expect(studio.failureDetail).toContainText('Cause')
    await expect(studio.failureDetail).toContainText('What prevents it:')
    await expect(studio.failureDetail).toContainText(/websample-[a-z0-9]+-[a-z0-9]{5}/)
    // Selecting a failure moves the cursor to when it was sent.
    expect(Number(await studio.scrubber.inputValue())).toBeGreaterThan(15_000)
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-failure-light.png` })
    studio.expectCleanRun()
  })

  test('shows the right pods at the time the scrubber points to', async ({ page }) => {
    const studio = await openRollout(page)
    await studio.setParameter('preStop duration', '5')
    const lanes = studio.page.locator('[data-testid="timeline-pod"]')
    await expect(lanes).toHaveCount(2)
    const [oldName, newName] = await lanes.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-pod-name') ?? ''))
    const expectPhases = async (ms: number, old: string, fresh: string) => {
      await studio.seek(ms)
      await expect(studio.pods(oldName!)).toHaveAttribute('data-phase', old)
      await expect(studio.pods(newName!)).toHaveAttribute('data-phase', fresh)
    }
    // Template changed at 5 s; new pod starts at 6 s, listens at 9 s, Ready at 16 s; old pod deleted then,
    // preStop 5 s, SIGTERM at 21 s, drained a moment later.
    await expectPhases(2_000, 'ready', 'absent')
    await expectPhases(5_500, 'ready', 'pending')
    await expectPhases(7_000, 'ready', 'starting')
    await expectPhases(12_000, 'ready', 'not-ready')
    await expectPhases(18_000, 'prestop', 'ready')
    await expectPhases(25_000, 'gone', 'ready')
    await expect(studio.timeReadout).toHaveText('25.00')
    studio.expectCleanRun()
  })

  test('compares a pinned run with the run after a YAML change', async ({ page }) => {
    const studio = await openRollout(page)
    const first = await studio.setParameter('preStop duration', '5')
    await studio.view.getByRole('button', { name: 'Pin this run' }).click()
    const second = await studio.replaceManifest(withoutPreStop)
    expect(second).toBeGreaterThan(first)
    await studio.detailTab('Compare').click()
    const runs = studio.view.getByTestId('timeline-compare-run')
    await expect(runs).toHaveCount(2)
    await expect(runs.nth(0)).toContainText(`Pinned run #${first}`)
    await expect(runs.nth(0).getByTestId('timeline-report-summary')).toHaveAttribute('data-failed', '0')
    await expect(runs.nth(1)).toContainText(`Current run #${second}`)
    // Without the hook nothing delays SIGTERM: the ingress keeps sending to a pod that stopped listening.
    expect(Number(await runs.nth(1).getByTestId('timeline-report-summary').getAttribute('data-failed'))).toBeGreaterThan(0)
    await expect(studio.view.getByRole('list', { name: 'What changed' })).toContainText('preStop')
    await expect(runs.nth(0).locator('canvas').first()).toBeVisible()
    await expect(runs.nth(1).locator('canvas').first()).toBeVisible()
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-compare-light.png` })
    studio.expectCleanRun()
  })

  test('looks right in dark mode, and clicking a chart moves the cursor', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const studio = await openRollout(page)
    const chart = studio.view.getByRole('img', { name: 'Requests / s' })
    const box = (await chart.boundingBox())!
    await chart.click({ position: { x: box.width * 0.6, y: box.height / 2 } })
    const at = Number(await studio.scrubber.inputValue())
    const end = Number(await studio.scrubber.getAttribute('max'))
    // The plot starts after the y axis, so 60% of the box is a little under 60% of the run.
    expect(at / end).toBeGreaterThan(0.45)
    expect(at / end).toBeLessThan(0.62)
    await studio.detailTab('Events').click()
    await expect(studio.view.getByRole('list', { name: 'Events' })).toContainText('ScalingReplicaSet')
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-dark.png` })
    await studio.detailTab('Logs').click()
    await expect(studio.view.getByRole('list', { name: 'Pod logs (stern)' })).toContainText('websample')
    studio.expectCleanRun()
  })

  test('drives the route graph: its pod shows the phase at the cursor and the edge the new revision\'s traffic share', async ({ page }) => {
    const studio = await openRollout(page)
    await studio.setParameter('preStop duration', '5')
    await page.getByRole('tab', { name: 'Route graph' }).click()
    const player = page.getByRole('toolbar', { name: 'Rollout of default/websample' })
    await expect(player).toBeVisible()
    const pod = page.locator('[data-testid="graph-node"][data-node-id="pod:default/websample:0"]')
    const share = page.locator('.edge-label[data-share]')
    const at = async (ms: number, phase: string, percent: string) => {
      await player.getByRole('slider', { name: 'Rollout time' }).fill(String(ms))
      await expect(pod).toHaveAttribute('data-phase', phase)
      await expect(share).toHaveAttribute('data-share', percent)
    }
    // The one pod node shows the oldest pod that exists: the old one until it is gone, then the new one.
    await at(2_000, 'ready', '0')
    await at(18_000, 'prestop', '100')
    await at(25_000, 'ready', '100')
    await expect(share).toContainText('new 100%')
    await player.getByRole('button', { name: 'Play' }).click()
    await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible()
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-graph-light.png` })
    studio.expectCleanRun()
  })

  test('shows a long simulation\'s progress and cancels it, keeping the last run', async ({ page }) => {
    const studio = await openRollout(page)
    // New pods that pass their probes but never listen get every request, each failing on its own: slow to replay.
    await studio.setParameter('Probes test serving', 'off')
    await studio.detailTab('Scenario').click()
    const withProbes = await studio.runId()
    await studio.view.getByRole('checkbox', { name: 'never' }).check()
    await studio.waitForRunAfter(withProbes)
    await studio.setParameter('Rate', '50000')
    const before = await studio.runId()
    await studio.view.getByLabel('Duration', { exact: true }).fill('900')
    await expect(studio.simulationStatus).toHaveAttribute('data-status', 'running')
    await expect(studio.simulationStatus).toContainText(/Simulating the rollout|Summarizing the run|Starting the simulation/)
    await studio.simulationStatus.getByRole('button', { name: 'Cancel' }).click()
    await expect(studio.simulationStatus).toHaveAttribute('data-status', 'ready')
    expect(await studio.runId()).toBe(before)
    // The studio keeps working: the next change simulates again.
    await studio.setParameter('Duration', '60')
    studio.expectCleanRun()
  })

  test('says in Korean why requests failed and what prevents it, explains events beside Kubernetes\' words, and refuses a bad parameter in Korean', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    const studio = await openRollout(page)
    await studio.chooseLanguage('ko')
    // The seed's run loses requests: its preStop httpGet takes no time, so SIGTERM comes before the ingress drops the pod.
    await studio.detailTab('실패한 요청').click()
    await studio.failureRows.first().click()
    await expect(studio.failureDetail).toHaveAttribute('data-detail', /pod-gone|listener-closed/)
    await expect(studio.failureDetail).toContainText('막으려면:')
    for (const text of [studio.failureWhy, studio.failureFix]) {
      const words = (await text.innerText()).trim()
      expect(words).toMatch(HANGUL)
      expect(words, words).not.toMatch(ENGLISH_SENTENCE)
    }
    // The run's own numbers, in Korean units: the endpoint lag (1 s) and the assumed hook time (--prestop-http).
    await expect(studio.failureWhy).toContainText('1초')
    await expect(studio.failureFix).toContainText('0초로 가정했습니다(--prestop-http)')
    await expect(studio.failureDetail.locator('dd.mono').last()).toContainText('가정, --prestop-http')
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-failure-ko-1280.png` })
    await studio.failureFix.scrollIntoViewIfNeeded()
    await studio.failureDetail.screenshot({ path: `${SCREENSHOTS}/timeline-failure-card-ko-1280.png` })

    // Events: a Korean explanation, with the message as kubectl prints it under it, marked as English.
    await studio.seek(5_500)
    await studio.detailTab('이벤트').click()
    const scaled = studio.eventRows.filter({ hasText: 'ScalingReplicaSet' }).first()
    await expect(scaled.locator('.msg-explained')).toContainText(/ReplicaSet websample-\w+의 파드 수를 1개로 늘렸습니다/)
    await expect(scaled.locator('.msg-verbatim')).toHaveAttribute('lang', 'en')
    await expect(scaled.locator('.msg-verbatim')).toHaveText(/^Scaled up replica set websample-\w+ to 1$/)
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-events-ko-1280.png` })

    // A parameter out of range: the engine's complaint under the input, in Korean.
    await studio.detailTab('시나리오').click()
    const rate = studio.view.getByLabel('요청률', { exact: true })
    await rate.fill('0')
    await expect(rate).toHaveAttribute('aria-invalid', 'true')
    await expect(studio.view.locator('[data-param="rps"] .param-help')).toHaveText(/^rps: \S+에서 \S+ 사이여야 합니다\(입력값: 0\)$/)
    await expect(studio.simulationStatus).toHaveAttribute('data-status', 'invalid')
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-problem-ko-1280.png` })
    await studio.view.locator('[data-param="rps"]').screenshot({ path: `${SCREENSHOTS}/timeline-problem-row-ko-1280.png` })

    // Back in English, the same failure says the CLI's sentences.
    await rate.fill('')
    await studio.waitForRunAfter(0)
    await studio.chooseLanguage('en')
    await studio.detailTab('Failed requests').click()
    await studio.failureRows.first().click()
    await expect(studio.failureWhy).toContainText(/the ingress still sent it requests \(it drops a terminating pod only 1s/)
    studio.expectCleanRun()
  })
})
