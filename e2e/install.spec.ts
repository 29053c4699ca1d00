/**
 * The studio as an installable app (issue 13): Chromium finds nothing in the way of installing it, the web app
 * manifest is served and says what an installed app needs, its icons and the favicon load at the sizes they
 * claim, the service worker precaches them, and the colours match the page's own (src/ui/app/tokens.css).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { TID } from '../src/ui/test-ids'
import { StudioPage } from './studio-page'

interface ManifestIcon {
  readonly src: string
  readonly sizes: string
  readonly type: string
  readonly purpose?: string
}

interface Manifest {
  readonly name: string
  readonly short_name: string
  readonly description: string
  readonly lang: string
  readonly start_url: string
  readonly display: string
  readonly theme_color: string
  readonly background_color: string
  readonly icons: readonly ManifestIcon[]
  readonly short_name_localized?: Record<string, string>
}

/** `#rrggbb` as the `rgb(r, g, b)` that getComputedStyle reports. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16))
  return `rgb(${r}, ${g}, ${b})`
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`
}

async function fetchOk(request: APIRequestContext, url: string, type: RegExp): Promise<Buffer> {
  const response = await request.get(url)
  expect(response.status(), url).toBe(200)
  expect(response.headers()['content-type'], url).toMatch(type)
  return response.body()
}

async function manifestOf(page: Page): Promise<{ url: string; manifest: Manifest }> {
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBeTruthy()
  const url = new URL(href!, page.url()).href
  const body = await fetchOk(page.request, url, /^application\/manifest\+json/)
  return { url, manifest: JSON.parse(body.toString('utf8')) as Manifest }
}

/** Waits until the page has rendered its header (enough for the head's links; the editor is not needed). */
async function openPage(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByTestId(TID.header)).toBeVisible()
}

test('Chromium finds the studio installable: no installability errors, a valid manifest', async ({ playwright }, testInfo) => {
  // Playwright's usual contexts are incognito, where Chromium never installs apps: a persistent profile is a
  // browser as a user has it.
  const profile = await mkdtemp(join(tmpdir(), 'studio-install-'))
  const { launchOptions, baseURL, viewport } = testInfo.project.use
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, viewport })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const studio = new StudioPage(page)
    await openPage(page)

    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string; errorArguments: unknown[] }[]
    }
    expect(installabilityErrors).toEqual([])
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] }
    expect(parsed.errors).toEqual([])

    const { url, manifest } = await manifestOf(page)
    expect(parsed.url).toBe(url)
    expect(manifest).toMatchObject({ name: 'Ingress Studio', short_name: 'Ingress Studio', lang: 'en', start_url: '/', display: 'standalone' })
    expect(manifest.description.length).toBeGreaterThan(20)
    // The Korean label for launchers that read the spec's localized members.
    expect(manifest.short_name_localized?.ko).toMatch(/[가-힣]/)
    studio.expectCleanRun()
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
})

test('every manifest icon and the favicon load at the size they claim, and the service worker precaches them', async ({ page }) => {
  const studio = new StudioPage(page)
  await openPage(page)
  const { url, manifest } = await manifestOf(page)

  const purposes = new Set(manifest.icons.map((icon) => icon.purpose ?? 'any'))
  expect(purposes).toEqual(new Set(['any', 'maskable']))
  const pngSizes = manifest.icons.filter((icon) => icon.type === 'image/png' && icon.purpose !== 'maskable').map((icon) => icon.sizes)
  expect(pngSizes).toEqual(expect.arrayContaining(['192x192', '512x512']))

  const iconUrls: string[] = []
  for (const icon of manifest.icons) {
    const iconUrl = new URL(icon.src, url).href
    iconUrls.push(iconUrl)
    const bytes = await fetchOk(page.request, iconUrl, new RegExp(`^${icon.type.replace('+', '\\+')}`))
    if (icon.type === 'image/png') expect(pngSize(bytes), icon.src).toBe(icon.sizes)
  }

  // The page's own icon links: the favicon, the SVG icon and the Apple touch icon.
  const links = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((elements) =>
    elements.map((element) => (element as HTMLLinkElement).href),
  )
  expect(links.some((href) => href.endsWith('/favicon.ico'))).toBe(true)
  expect(links.some((href) => href.startsWith('data:'))).toBe(false)
  for (const href of links) await fetchOk(page.request, href, /^image\//)
  // The favicon is a real icon: an ICO header (reserved 0, type 1) with at least one image.
  const ico = await fetchOk(page.request, links.find((href) => href.endsWith('.ico'))!, /^image\//)
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
  expect(ico.readUInt16LE(4)).toBeGreaterThan(0)

  const robots = await fetchOk(page.request, '/robots.txt', /^text\/plain/)
  expect(robots.toString('utf8')).toContain('User-agent: *')

  // Workbox's precache list in the generated worker names every icon, so an installed app has them offline.
  const worker = (await fetchOk(page.request, '/sw.js', /javascript/)).toString('utf8')
  for (const asset of [...iconUrls, ...links]) {
    const path = new URL(asset).pathname.slice(1)
    expect(worker, `${path} is precached`).toContain(`url:"${path}"`)
  }
  // ELK (1.6 MB) is in the build, and so in an install's download, once: the worker file the engine worker and the
  // in-page fallback both start (issue 18), not a bundled copy in each.
  const precached = [...worker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1] as string)
  const elk = precached.filter((path) => /elk/i.test(path))
  const sizes = await Promise.all(elk.map(async (path) => (await fetchOk(page.request, `/${path}`, /javascript/)).length))
  const elkEngines = elk.filter((_, i) => (sizes[i] as number) > 1_000_000)
  expect(elkEngines, elk.join(', ')).toHaveLength(1)
  expect(elkEngines[0]).toMatch(/elk-worker\.min-[\w-]+\.js$/)
  expect(new Set(precached).size, 'no file is precached twice').toBe(precached.length)
  // The engine too, once: the in-page fallback imports the engine worker's own bundle (src/worker/engine-client.ts).
  // A sentence only the engine's request handler says marks it.
  const scripts = precached.filter((path) => path.endsWith('.js'))
  const texts = await Promise.all(scripts.map(async (path) => (await page.request.get(`/${path}`)).text()))
  const engineFiles = scripts.filter((_, i) => (texts[i] as string).includes('waits for the layout: answer it with answerEngineRequest'))
  expect(engineFiles, 'files holding the engine').toHaveLength(1)
  expect(engineFiles[0]).toMatch(/engine\.worker-[\w-]+\.js$/)
  studio.expectCleanRun()
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the ${scheme} theme colour of the window matches the header, and the manifest the ${scheme === 'light' ? 'page' : 'light page'}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    const studio = new StudioPage(page)
    await openPage(page)
    const header = await page.getByTestId(TID.header).evaluate((element) => getComputedStyle(element).backgroundColor)
    const metas = await page.locator('meta[name="theme-color"]').evaluateAll((elements) =>
      elements.filter((element) => matchMedia((element as HTMLMetaElement).media || 'all').matches).map((element) => (element as HTMLMetaElement).content),
    )
    expect(metas).toHaveLength(1)
    expect(rgb(metas[0]!)).toBe(header)
    if (scheme === 'light') {
      const { manifest } = await manifestOf(page)
      expect(rgb(manifest.theme_color)).toBe(header)
      expect(rgb(manifest.background_color)).toBe(await page.evaluate(() => getComputedStyle(document.body).backgroundColor))
    }
    studio.expectCleanRun()
  })
}
