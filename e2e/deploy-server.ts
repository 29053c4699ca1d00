/**
 * A tiny static server over the production build (dist/) for the update test: `deploy()` makes it serve a
 * changed service worker script, as a new release would. Its own port, so the test controls it.
 */
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

export interface DeployServer {
  readonly url: string
  /** Serves a service worker that differs from the one installed (a new deployment). */
  deploy(): void
  close(): Promise<void>
}

export async function startDeployServer(root = 'dist'): Promise<DeployServer> {
  let release = 1
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(root, path === '/' ? 'index.html' : path)
    readFile(file)
      .catch(() => readFile(join(root, 'index.html')))
      .then((body) => {
        const extra = path === '/sw.js' && release > 1 ? `\n// release ${release}\n` : ''
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
        response.end(extra ? Buffer.concat([body, Buffer.from(extra)]) : body)
      })
      .catch(() => {
        response.writeHead(404)
        response.end()
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    deploy: () => {
      release++
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
