/* eslint-disable no-restricted-imports, no-restricted-globals, no-restricted-properties -- test-only harness: it runs real nginx from
   vitest in Node and is imported by nginx tests only, never by the engine. */
/**
 * Runs real nginx for the route tests: finds the binary, checks a configuration with `nginx -t`, starts an
 * instance in the foreground on loopback ports under its own prefix directory, sends raw requests with
 * Node's http client and stops the instance by pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The nginx binary, or null. */
export function findNginx(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', '/usr/bin/nginx']) {
    if (existsSync(candidate)) return candidate
  }
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' })
  const found = which.stdout.trim()
  return which.status === 0 && found !== '' ? found : null
}

/** The nginx binary or an error that says how to install it. */
export function requireNginx(): string {
  const nginx = findNginx()
  if (!nginx) {
    throw new Error('nginx is not installed; the routing differential test needs it. Install it with: sudo apt-get install nginx (Debian/Ubuntu)')
  }
  return nginx
}

/**
 * A loopback port nothing listens on right now (the OS picks it), so runs on a shared machine do not collide.
 * nginx binds it a moment later; the window is small and a collision only fails the start, loudly.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** A fresh directory for one nginx prefix (logs, temp files, pid). */
export function makePrefix(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ingress-studio-${label}-`))
  mkdirSync(join(dir, 'logs'))
  mkdirSync(join(dir, 'tmp'))
  return dir
}

/** Directives that keep an nginx instance inside `prefix`. */
export function prefixDirectives(prefix: string): { main: string[]; http: string[] } {
  return {
    main: [`pid ${join(prefix, 'nginx.pid')};`, `error_log ${join(prefix, 'logs', 'error.log')} error;`],
    http: [
      'access_log off;',
      `client_body_temp_path ${join(prefix, 'tmp', 'body')};`,
      `proxy_temp_path ${join(prefix, 'tmp', 'proxy')};`,
      `fastcgi_temp_path ${join(prefix, 'tmp', 'fastcgi')};`,
      `uwsgi_temp_path ${join(prefix, 'tmp', 'uwsgi')};`,
      `scgi_temp_path ${join(prefix, 'tmp', 'scgi')};`,
    ],
  }
}

/** `nginx -t` on `conf`; `ok` with nginx's own output. */
export function testConf(nginx: string, conf: string, prefix: string): { ok: boolean; output: string } {
  const file = join(prefix, 'test.conf')
  writeFileSync(file, conf)
  const result = spawnSync(nginx, ['-t', '-q', '-p', prefix, '-c', file, '-g', 'daemon off;'], { encoding: 'utf8' })
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` }
}

export interface NginxInstance {
  readonly pid: number
  stop(): Promise<void>
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null) {
        reject(new Error(`nginx exited with ${child.exitCode} before listening on ${port}`))
        return
      }
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve()
      })
      socket.once('error', () => {
        socket.destroy()
        if (Date.now() - started > timeoutMs) reject(new Error(`nginx did not listen on ${port} within ${timeoutMs} ms`))
        else setTimeout(attempt, 5)
      })
    }
    attempt()
  })
}

/** Starts nginx in the foreground with `conf`, waits until `port` accepts connections. */
export async function startNginx(nginx: string, conf: string, prefix: string, port: number): Promise<NginxInstance> {
  const file = join(prefix, 'nginx.conf')
  writeFileSync(file, conf)
  let stderr = ''
  const child = spawn(nginx, ['-p', prefix, '-c', file, '-g', 'daemon off; master_process off;'], { stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    await waitForPort(port, child, 5000)
  } catch (error) {
    if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
    throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error })
  }
  const pid = child.pid as number
  return {
    pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(pid, 'SIGTERM')
        } catch {
          return
        }
      }
      await exited
    },
  }
}

export interface RawResponse {
  readonly status: number
  readonly location: string | null
  readonly body: string
}

/** Sends GET `path` (exactly as given) to 127.0.0.1:`port` with the Host header `host`. */
export function sendRaw(port: number, host: string, path: string, headers: Readonly<Record<string, string>> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: 'GET', headers: { ...headers, Host: host, Connection: 'close' }, setHost: false },
      (res) => {
        let body = ''
        res.setEncoding('latin1')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => {
          const location = res.headers.location
          resolve({ status: res.statusCode ?? 0, location: typeof location === 'string' ? location : null, body })
        })
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Removes a prefix directory. */
export function removePrefix(prefix: string): void {
  rmSync(prefix, { recursive: true, force: true })
}
