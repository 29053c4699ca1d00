/**
 * Rollout timeline playback in headless Chromium (Playwright), in the studio itself, against its budget
 * "timeline playback, 100 pods: ≥ 50 fps; a seek shows the frame within one frame". The seed's websample is
 * scaled to 100 replicas, so the run has 200 pod lanes (100 old, 100 new; up to 125 alive at once) over a
 * minute of 50 req/s load. Measured:
 * - frames per second while playing at 1× (the page's own animation frames) and the p95 frame time, beside the
 *   same page's frame rate while idle (on a loaded machine that, not the timeline, is the ceiling);
 * - for 40 seeks with the scrubber: how many animation frames pass before the page shows the new time (the
 *   cursor, the time readout and the pod lanes are updated before the next frame when this is 1), the time
 *   until that frame, and the main-thread work of the seek itself.
 */
import { chromium, type Page } from '@playwright/test'
import { findChromium } from '../../e2e/find-chromium'
import { withReplicas } from '../engine/testing/manifest-edits'
import { SEED_MANIFEST } from '../presets/seed'
import { SOURCE_STORAGE_KEY } from '../state/persistence'
import { median, type BenchFigure } from './figure'
import { ensureStudioBuild } from './graph-perf/build-pages'
import { serveDirectory } from './graph-perf/static-server'

const REPLICAS = 100
const PLAY_MS = 4_000
const SEEKS = 40
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync']

/** The seed with websample scaled up (and a preStop that avoids failures, as in the zero-downtime lesson). */
function makeManifest(): string {
  return withReplicas(SEED_MANIFEST, 'websample', REPLICAS)
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

async function openTimeline(page: Page, url: string): Promise<number> {
  await page.goto(url)
  await page.evaluate(([key, text]) => {
    localStorage.clear()
    localStorage.setItem(key!, text!)
  }, [SOURCE_STORAGE_KEY, makeManifest()])
  await page.goto(url)
  await page.getByRole('tab', { name: 'Rollout' }).click()
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="timeline-status"]')?.getAttribute('data-run') ?? 0) > 0, null, { timeout: 60_000 })
  await page.getByRole('tab', { name: /^Events/ }).click()
  // The lanes list every pod of the run; count them from the scroll height (rows are virtual).
  return page.evaluate(() => {
    const space = document.querySelector('.lanes-space') as HTMLElement
    return Math.round((space.offsetHeight - 2 * 26) / 22)
  })
}

/** The page's animation frames per second while nothing plays: what this machine allows right now (context). */
async function measureIdle(page: Page): Promise<number> {
  const frames = (await page.evaluate(`new Promise((resolve) => {
    const frames = []
    const loop = (t) => { frames.push(t); if (t - frames[0] < 2000) requestAnimationFrame(loop); else resolve(frames) }
    requestAnimationFrame(loop)
  })`)) as number[]
  return (frames.length - 1) / (((frames.at(-1) as number) - (frames[0] as number)) / 1000)
}

/** Frames per second while playing at 1×, measured by the page's own animation frames. */
async function measurePlaying(page: Page): Promise<{ fps: number; p95FrameMs: number; advancedMs: number }> {
  // Strings, not functions: tsx would wrap inner functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = []
    window.__sampling = true
    const loop = (t) => { window.__frames.push(t); if (window.__sampling) requestAnimationFrame(loop) }
    requestAnimationFrame(loop)
  })()`)
  const before = Number(await page.locator('input.scrubber').inputValue())
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await page.waitForTimeout(PLAY_MS)
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  const after = Number(await page.locator('input.scrubber').inputValue())
  const frames = (await page.evaluate(`(() => { window.__sampling = false; return window.__frames })()`)) as number[]
  // Only the frames while playing: drop the first 200 ms (the click) and anything after the pause.
  const start = (frames[0] as number) + 200
  const playing = frames.filter((t) => t >= start && t <= start + PLAY_MS - 400)
  const gaps = playing.slice(1).map((t, i) => t - (playing[i] as number))
  const seconds = ((playing.at(-1) as number) - (playing[0] as number)) / 1000
  return { fps: (playing.length - 1) / seconds, p95FrameMs: percentile(gaps, 95), advancedMs: after - before }
}

interface SeekSample {
  readonly frames: number
  readonly shownMs: number
  readonly workMs: number
}

/** Seeks with the scrubber at a spread of times; each starts just after a frame, the worst moment to start. */
async function measureSeeks(page: Page): Promise<SeekSample[]> {
  return (await page.evaluate(`(async () => {
    const input = document.querySelector('input.scrubber')
    const readout = document.querySelector('[data-testid="timeline-time"]')
    const end = Number(input.max)
    const text = (ms) => (ms / 1000 < 100 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(1))
    const samples = []
    for (let i = 0; i < ${SEEKS}; i++) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
      const target = Math.round((((i * 7919) % 997) / 997) * end)
      const t0 = performance.now()
      input.value = String(target)
      input.dispatchEvent(new Event('input', { bubbles: true }))
      const workMs = performance.now() - t0
      let frames = 0
      await new Promise((resolve) => {
        const check = () => {
          frames++
          if (readout.textContent === text(target) || frames > 30) resolve()
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })
      samples.push({ frames, shownMs: performance.now() - t0, workMs })
    }
    return samples
  })()`)) as SeekSample[]
}

export async function run(): Promise<BenchFigure[]> {
  const server = await serveDirectory(await ensureStudioBuild())
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const pods = await openTimeline(page, server.url)
    const idle = await measureIdle(page)
    const playing = await measurePlaying(page)
    const seeks = await measureSeeks(page)
    const frames = Math.max(...seeks.map((s) => s.frames))
    const label = `timeline ${pods} pods (${REPLICAS} replicas)`
    return [
      { name: `${label}: playing at 1×`, value: playing.fps, unit: 'fps', budget: '≥ 50', ok: playing.fps >= 50 },
      { name: `${label}: playing, p95 frame time`, value: playing.p95FrameMs, unit: 'ms' },
      { name: 'animation frames of the same page while idle (what the machine allows now)', value: idle, unit: 'fps' },
      { name: `${label}: cursor advanced while playing ${PLAY_MS / 1000} s (≈ real time at 1×)`, value: playing.advancedMs / 1000, unit: 's' },
      { name: `${label}: seek → frame showing it, worst of ${SEEKS}`, value: frames, unit: 'frames', budget: '≤ 1', ok: frames <= 1 },
      { name: `${label}: seek → frame showing it, median`, value: median(seeks.map((s) => s.shownMs)), unit: 'ms' },
      { name: `${label}: seek → frame showing it, max`, value: Math.max(...seeks.map((s) => s.shownMs)), unit: 'ms' },
      { name: `${label}: seek work on the main thread, median / max ${Math.max(...seeks.map((s) => s.workMs)).toFixed(1)} ms`, value: median(seeks.map((s) => s.workMs)), unit: 'ms' },
    ]
  } finally {
    await browser.close()
    await server.close()
  }
}
