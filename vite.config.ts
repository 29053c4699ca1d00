import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa'
import { k8sSchemaPlugin } from './src/ui/editor/k8s-schema/k8s-schema-plugin.ts'
import pkg from './package.json' with { type: 'json' }

/**
 * The installed app's colours, from src/ui/app/tokens.css: the title bar is the header's surface, the splash the
 * page background. The manifest has one theme colour (light); index.html's theme-color metas give both schemes.
 */
const APP_COLORS = { theme: '#ffffff', background: '#eef0f3' } as const

/**
 * The web app manifest (English, `lang: en`). The Korean name and description go in the `*_localized` members of
 * the manifest spec (w3c.github.io/manifest/#localized-members): browsers that read them show the Korean label to
 * Korean users, the rest ignore them and show the English one. The icons come from public/icon.svg
 * (`npm run icons`, pwa-assets.config.ts).
 */
type Localized = Readonly<Record<string, string>>
const MANIFEST: Partial<ManifestOptions> & Record<'name_localized' | 'short_name_localized' | 'description_localized', Localized> = {
  id: '/',
  name: 'Ingress Studio',
  short_name: 'Ingress Studio',
  description: pkg.description,
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: APP_COLORS.theme,
  background_color: APP_COLORS.background,
  categories: ['developer', 'education'],
  icons: [
    { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
    { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
    { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
    { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
  name_localized: { ko: 'Ingress Studio (인그레스 스튜디오)' },
  short_name_localized: { ko: '인그레스 스튜디오' },
  description_localized: {
    ko: 'ingress-nginx가 요청을 어디로 보내는지, 롤링 업데이트가 부하 중인 트래픽에 어떤 영향을 주는지 보여 줍니다.',
  },
}

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

export default defineConfig({
  // k8sSchemaPlugin: the editor's Kubernetes schema, generated at build time from kubernetes-models.
  // VitePWA: a service worker that precaches the whole app (Monaco and the workers included) so the studio loads
  // and runs offline after one visit; new versions wait for the user's reload (src/ui/offline/UpdatePrompt.tsx).
  // Its web app manifest (MANIFEST) makes the studio installable.
  plugins: [
    react(),
    k8sSchemaPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: MANIFEST,
      // The glob below already takes every icon (png, ico, svg), so the installed app has them offline; listing
      // the manifest's icons again would put them in the precache twice. The plugin adds the manifest itself.
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,ttf,woff,woff2,svg,png,ico,json,wasm}'],
        // The Monaco chunk is about 4 MB; the default 2 MiB cap would leave it out of the offline copy.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // monaco-yaml's worker manager deep-imports 'monaco-editor/esm/vs/…', which monaco-editor 0.57's exports map
    // no longer allows; point those imports at the files directly.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: monacoEsm + '$1' }],
  },
  // Without this the dev server discovers the YAML worker's dependencies late and reloads the page once.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4600,
    // Rolldown's timing report names plugins that took long; on a busy machine that is Vite's own worker transform
    // and the schema generation, every time. It is a profiling hint about the machine, not about the output.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // The first test of a CLI file imports its command, and with it the engine: over vitest's 5 s on a busy
    // two-core machine (CI). Tests assert behaviour; timings are the benchmarks' (npm run bench).
    testTimeout: 20_000,
  },
})
