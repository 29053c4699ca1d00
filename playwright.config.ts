import { defineConfig } from '@playwright/test'
import { findChromium } from './e2e/find-chromium'

// Parallel runs on one machine (several engineers, one tree) pick their own ports and build folder:
// E2E_BUILD_PORT / E2E_DEV_PORT / E2E_DIST. CI uses the defaults.
const buildPort = Number(process.env.E2E_BUILD_PORT ?? 4173)
const devPort = Number(process.env.E2E_DEV_PORT ?? 5173)
const dist = process.env.E2E_DIST ?? 'dist'

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${buildPort}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    // The offline service worker would serve the app from its cache and hide requests from page.route; specs opt
    // in with test.use({ serviceWorkers: 'allow' }) (e2e/offline.spec.ts).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: findChromium(),
      // This machine has no internet: without these flags Chromium keeps trying to reach Google's hosts.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    // Every spec but the dev-server smoke runs against the production build (`vite preview`).
    { name: 'build', testIgnore: /dev-server\.spec\.ts/ },
    // The README's `npm start` serves the dev server on 5173: its smoke run (e2e/dev-server.spec.ts).
    { name: 'dev', testMatch: /dev-server\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${devPort}` } },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${buildPort} --strictPort --outDir ${dist}`,
      url: `http://127.0.0.1:${buildPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // `npm start` without --open (there is no desktop browser to open here).
      command: devPort === 5173 ? 'npm run dev -- --strictPort' : `npx vite --host 127.0.0.1 --port ${devPort} --strictPort`,
      url: `http://127.0.0.1:${devPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
})
