/**
 * What stops a command whose stdout is data (route, rollout, nginx-conf, migrate): only input the API server
 * would reject. Routing and lint findings of severity error are printed on stderr in lint's form and the
 * command goes on.
 */
import { describe, expect, it } from 'vitest'
import { websampleManifest } from '../presets/websample-manifest'
import { memoryIo } from './memory-io'
import { runCli } from './main'


async function run(args: string[], files: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(files)
  const code = await runCli(args, io)
  return { code, out: io.out(), err: io.err() }
}

/** Each data command over `file`, with the arguments it needs. */
const commandsOver = (file: string): [string, string[]][] => [
  ['route', ['route', file, '--url', 'http://websample.example.com/']],
  ['rollout', ['rollout', file, '--format', 'json']],
  ['nginx-conf', ['nginx-conf', file]],
  ['migrate', ['migrate', file]],
]

// The API server accepts a preStop sleep longer than terminationGracePeriodSeconds; the lint calls it an error.
const overGrace = { 'over.yaml': websampleManifest('preStop over grace', { preStopSeconds: 40, graceSeconds: 30 }) }
// The API server rejects maxSurge and maxUnavailable both 0.
const bothZero = {
  'bad.yaml': websampleManifest('both zero', { strategy: '  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n' }),
}

describe('a lint finding of severity error does not stop a data command', () => {
  it.each(commandsOver('over.yaml'))('%s prints it on stderr in lint\'s form and exits 0 with its output', async (_name, args) => {
    const { code, out, err } = await run(args, overGrace)
    expect(code).toBe(0)
    expect(out).not.toBe('')
    expect(err).toMatch(/^over\.yaml:\d+:\d+: error grace-shorter-than-prestop: .+\n$/)
  })

  it('lint still exits 1 for it', async () => {
    const { code, out } = await run(['lint', 'over.yaml'], overGrace)
    expect(code).toBe(1)
    expect(out).toMatch(/^over\.yaml:\d+:\d+: error grace-shorter-than-prestop: /m)
  })

  it('a routing error (a location nginx would refuse twice) goes to stderr and nginx.conf is still printed', async () => {
    const twice = websampleManifest('twice').replace('      - path: /\n', '      - path: /a\n        pathType: Prefix\n        backend:\n          service:\n            name: websample\n            port:\n              number: 80\n      - path: /a/\n')
    const { code, out, err } = await run(['nginx-conf', 'twice.yaml'], { 'twice.yaml': twice })
    expect(code).toBe(0)
    expect(out).toContain('location /a/')
    expect(err).toMatch(/^twice\.yaml:\d+:\d+: error route-conflict: /m)
  })

  it('warnings are left to lint', async () => {
    const { code, err } = await run(['rollout', 'w.yaml', '--format', 'json'], { 'w.yaml': websampleManifest('no preStop', { preStopSeconds: null }) })
    expect(code).toBe(0)
    expect(err).toBe('')
  })
})

describe('input the API server would reject', () => {
  it.each(commandsOver('bad.yaml').filter(([name]) => name !== 'migrate'))('%s exits 2 with the API server\'s message and nothing on stdout', async (_name, args) => {
    const { code, out, err } = await run(args, bothZero)
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toMatch(/^bad\.yaml:\d+:\d+: spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0\n$/)
  })

  it('migrate rewrites text, so it stops only at text it cannot read, and prints a rejected field as an error', async () => {
    const migrated = await run(['migrate', 'bad.yaml'], bothZero)
    expect(migrated.code).toBe(0)
    expect(migrated.out).toBe(bothZero['bad.yaml'])
    expect(migrated.err).toMatch(/^bad\.yaml:\d+:\d+: error surge-and-unavailable-zero: /)
    const unreadable = await run(['migrate', 'broken.yaml'], { 'broken.yaml': 'kind: [\n' })
    expect(unreadable.code).toBe(2)
    expect(unreadable.out).toBe('')
    expect(unreadable.err).toMatch(/^broken\.yaml:\d+:\d+: /)
  })
})
