import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { VitePWA } from 'vite-plugin-pwa'
import { k8sSchemaPlugin } from './src/ui/editor/k8s-schema/k8s-schema-plugin.ts'

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

export default defineConfig({
  // k8sSchemaPlugin: the editor's Kubernetes schema, generated at build time from kubernetes-models.
  // VitePWA: a service worker that precaches the whole app (Monaco and the workers included) so the studio loads
  // and runs offline after one visit; new versions wait for the user's reload (src/ui/offline/UpdatePrompt.tsx).
  plugins: [
    react(),
    k8sSchemaPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,ttf,woff,woff2,svg,json,wasm}'],
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
  build: { target: 'es2022', chunkSizeWarningLimit: 4600 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
