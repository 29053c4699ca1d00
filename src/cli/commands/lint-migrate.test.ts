import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

/** Captured output; files from `files`, else from disk (the folder tests write real files). */
const io = (files: Record<string, string> = {}) => memoryIo(files, '', 'en', true)

const recreate = `apiVersion: apps/v1
kind: Deployment
metadata: {name: worker}
spec:
  selector: {matchLabels: {app: worker}}
  strategy: {type: Recreate}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers:
      - name: worker
        image: app:v1
        readinessProbe: {tcpSocket: {port: 8080}}
        livenessProbe: {tcpSocket: {port: 8080}}
        lifecycle: {preStop: {sleep: {seconds: 5}}}
        ports: [{containerPort: 8080}]
`

describe('lint', () => {
  it('lints a folder: *.yaml, *.yml and *.json below it, other files and hidden folders skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'))
    mkdirSync(join(dir, 'sub'))
    mkdirSync(join(dir, '.git'))
    writeFileSync(join(dir, 'seed.yaml'), SEED_MANIFEST)
    writeFileSync(join(dir, 'sub', 'deploy.yml'), recreate)
    writeFileSync(join(dir, '.git', 'x.yaml'), 'kind: [')
    writeFileSync(join(dir, 'notes.txt'), 'kind: [')
    const cli = io()
    expect(await runCli(['lint', dir], cli)).toBe(0)
    const files = new Set(cli.out().trim().split('\n').map((line) => line.split(':')[0]))
    expect([...files]).toEqual([join(dir, 'seed.yaml'), join(dir, 'sub', 'deploy.yml')])
  })

  it('prints rule ids, honours --disable and --severity, and exits 1 once a rule is an error', async () => {
    const cli = io({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['lint', '--severity', 'prestop-missing=error', 'seed.yaml'], cli)).toBe(1)
    expect(cli.out()).toMatch(/^seed\.yaml:\d+:\d+: error prestop-missing: /m)
    const off = io({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['lint', '--disable', 'prestop-missing', '--disable', 'rewrite-without-capture', '--format', 'json', 'seed.yaml'], off)).toBe(0)
    const report = JSON.parse(off.out()) as { diagnostics: { rule: string }[] }
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['removed-api-version', 'removed-api-version', 'removed-api-version', 'removed-api-version'])
  })

  it('checks expiry against --now', async () => {
    const late = io({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['lint', '--now', '2037-01-01T00:00:00Z', 'seed.yaml'], late)).toBe(1)
    expect(late.out()).toMatch(/error tls-cert-expired: .*2036-11-21/)
  })

  it('rejects unknown rules, bad levels and bad times with exit 2', async () => {
    for (const args of [['--disable', 'nope'], ['--severity', 'prestop-missing=loud'], ['--now', 'soon']]) {
      const cli = io({ 'seed.yaml': SEED_MANIFEST })
      expect(await runCli(['lint', ...args, 'seed.yaml'], cli)).toBe(2)
      expect(cli.out()).toBe('')
    }
  })

  it('lists the rules', async () => {
    const cli = io()
    expect(await runCli(['lint', '--list-rules'], cli)).toBe(0)
    expect(cli.out()).toMatch(/^prestop-missing\s+warning\s+No preStop hook/m)
  })
})

describe('migrate', () => {
  it('prints the migrated manifests and explains on request', async () => {
    const cli = io({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['migrate', '--explain', 'seed.yaml'], cli)).toBe(0)
    expect(cli.out()).not.toMatch(/extensions\/v1beta1|serviceName/)
    expect(cli.out()).toContain('# Zero-downtime rollout: probes, preStop and a grace period that fit together\napiVersion: apps/v1\n')
    expect(cli.err()).toMatch(/^seed\.yaml:2:1: Ingress test: apiVersion extensions\/v1beta1 → networking\.k8s\.io\/v1$/m)
  })

  it('joins several files with --- and exits 2 on YAML it cannot read', async () => {
    const two = io({ 'a.yaml': recreate, 'b.yaml': recreate })
    expect(await runCli(['migrate', 'a.yaml', 'b.yaml'], two)).toBe(0)
    expect(two.out()).toBe(`${recreate}---\n${recreate}`)
    const broken = io({ 'x.yaml': 'kind: [' })
    expect(await runCli(['migrate', 'x.yaml'], broken)).toBe(2)
    expect(broken.out()).toBe('')
    expect(broken.err()).toMatch(/^x\.yaml:\d+:\d+: /)
  })
})
