import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../presets/seed'
import { memoryIo } from './memory-io'
import { commands, runCli } from './main'


const bad = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - host: Foo.com\n'

describe('CLI dispatcher', () => {
  it('prints usage with every command on --help and exits 0', async () => {
    const io = memoryIo()
    expect(await runCli(['--help'], io)).toBe(0)
    expect(io.out()).toContain('Usage:')
    for (const name of Object.keys(commands)) expect(io.out()).toContain(`  ${name}`)
  })

  it('prints usage on stderr and exits 2 without a command or with an unknown one', async () => {
    const none = memoryIo()
    expect(await runCli([], none)).toBe(2)
    expect(none.err()).toContain('Usage:')
    const unknown = memoryIo()
    expect(await runCli(['frobnicate'], unknown)).toBe(2)
    expect(unknown.err()).toContain('Unknown command "frobnicate"')
    expect(unknown.out()).toBe('')
  })

  it('prints the package version on --version (and version) and exits 0', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    for (const flag of ['--version', 'version']) {
      const io = memoryIo()
      expect(await runCli([flag], io)).toBe(0)
      expect(io.out()).toBe(`ingress-studio ${version}\n`)
    }
  })

  it('lists every command once in --help, with the global options and the exit codes', async () => {
    const io = memoryIo()
    await runCli(['--help'], io)
    const listed = [...io.out().matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((match) => match[1])
    expect(listed).toEqual(Object.keys(commands).sort())
    expect(io.out()).toContain('--version')
    expect(io.out()).toMatch(/Exit codes: 0 done, 1 .*, 2 /)
  })

  it('does not treat inherited object keys as commands', async () => {
    expect(await runCli(['toString'], memoryIo())).toBe(2)
  })

  it('shows a command\'s own help', async () => {
    const io = memoryIo()
    expect(await runCli(['lint', '--help'], io)).toBe(0)
    expect(io.out()).toMatch(/^Usage: lint FILE\.\.\. \[-o text\|json\|yaml\|sarif\|junit\]/)
  })
})

describe('lint', () => {
  it('prints file:line:col: severity rule: message and exits 0 for warnings only', async () => {
    const io = memoryIo({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['lint', 'seed.yaml'], io)).toBe(0)
    const lines = io.out().trimEnd().split('\n')
    // 4 deprecated API versions, the seed's rewrite-target without capture and the preStop missing on s1 and s2.
    expect(lines).toHaveLength(7)
    expect(lines[0]).toMatch(/^seed\.yaml:2:13: warning removed-api-version: Ingress extensions\/v1beta1 /)
  })

  it('exits 1 when any diagnostic is an error', async () => {
    const io = memoryIo({ 'bad.yaml': bad })
    expect(await runCli(['lint', 'bad.yaml'], io)).toBe(1)
    expect(io.out()).toContain('bad.yaml:6:11: error invalid-host: spec.rules[0].host: Invalid value: "Foo.com"')
  })

  it('--fail-on sets the severity that fails the run: the seed (warnings only) fails at warning, passes at error and none', async () => {
    const exitAt = async (level: string, text = SEED_MANIFEST) => runCli(['lint', '--fail-on', level, 'in.yaml'], memoryIo({ 'in.yaml': text }))
    expect(await exitAt('error')).toBe(0)
    expect(await exitAt('warning')).toBe(1)
    expect(await exitAt('info')).toBe(1)
    expect(await exitAt('none')).toBe(0)
    expect(await exitAt('none', bad)).toBe(0)
    // Only infos: fails at info, not at warning.
    const infoOnly = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: other}\nspec:\n  ingressClassName: traefik\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n'
    const io = memoryIo({ 'in.yaml': infoOnly })
    await runCli(['lint', '--format', 'json', 'in.yaml'], io)
    const counts = JSON.parse(io.out()) as { errors: number; warnings: number; infos: number }
    expect(counts).toMatchObject({ errors: 0, warnings: 0 })
    expect(counts.infos).toBeGreaterThan(0)
    expect(await exitAt('warning', infoOnly)).toBe(0)
    expect(await exitAt('info', infoOnly)).toBe(1)
  })

  it('--kubernetes-version: each removed API version is an error from the release that stopped serving it', async () => {
    const at = async (version: string) => {
      const io = memoryIo({ 'seed.yaml': SEED_MANIFEST })
      const code = await runCli(['lint', '--kubernetes-version', version, 'seed.yaml'], io)
      return { code, out: io.out(), err: io.err() }
    }
    const before = await at('1.15')
    expect(before.code).toBe(0)
    expect(before.out).toMatch(/^seed\.yaml:2:13: warning removed-api-version: /m)
    // extensions/v1beta1 Deployments went in 1.16, Ingresses in 1.22.
    const between = await at('1.21')
    expect(between.code).toBe(1)
    expect(between.out.match(/: error removed-api-version: Deployment /g)).toHaveLength(1)
    expect(between.out.match(/: warning removed-api-version: Ingress /g)).toHaveLength(3)
    const after = await at('1.22')
    expect(after.code).toBe(1)
    expect(after.out.match(/: error removed-api-version: /g)).toHaveLength(4)
    const bad = await at('latest')
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--kubernetes-version must be a release such as 1.29, not "latest"')
  })

  it('removed-api-version is a rule like the lints: --disable turns it off, --severity sets its level over the release\'s', async () => {
    const lint = async (...args: string[]) => {
      const io = memoryIo({ 'seed.yaml': SEED_MANIFEST })
      const code = await runCli(['lint', ...args, 'seed.yaml'], io)
      return { code, out: io.out() }
    }
    const off = await lint('--kubernetes-version', '1.22', '--disable', 'removed-api-version')
    expect(off.code).toBe(0)
    expect(off.out).not.toContain('removed-api-version')
    const info = await lint('--kubernetes-version', '1.22', '--severity', 'removed-api-version=info')
    expect(info.code).toBe(0)
    expect(info.out.match(/: info removed-api-version: /g)).toHaveLength(4)
    const error = await lint('--severity', 'removed-api-version=error')
    expect(error.code).toBe(1)
    expect(error.out.match(/: error removed-api-version: /g)).toHaveLength(4)
    // SARIF carries its catalog entry like any rule's.
    const sarif = JSON.parse((await lint('-o', 'sarif')).out) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] }
    expect(sarif.runs[0]?.tool.driver.rules.find((rule) => rule.id === 'removed-api-version')?.shortDescription.text).toBe('API version a Kubernetes release no longer serves')
  })

  it('prints JSON with rule, severity, message, file, line and column', async () => {
    const io = memoryIo({ 'bad.yaml': bad })
    expect(await runCli(['lint', '--format', 'json', 'bad.yaml'], io)).toBe(1)
    const report = JSON.parse(io.out()) as { diagnostics: Record<string, unknown>[]; errors: number; warnings: number }
    expect(report.errors).toBe(1)
    expect(report.diagnostics).toEqual([expect.objectContaining({
      file: 'bad.yaml', line: 6, column: 11, endLine: 6, endColumn: 18, severity: 'error', rule: 'invalid-host',
    })])
    expect(report.diagnostics[0]?.message).toEqual(expect.any(String))
  })

  it('reads - from stdin once, however often it is given, and lints several files in order', async () => {
    const io = memoryIo({ 'a.yaml': bad }, bad.replace('name: i', 'name: j'))
    expect(await runCli(['lint', 'a.yaml', '-', '-'], io)).toBe(1)
    expect(io.stdinReads()).toBe(1)
    const files = io.out().trimEnd().split('\n').map((line) => line.split(':')[0])
    expect(files).toEqual(['<stdin>', 'a.yaml'])
  })

  it('exits 2 with a message for an unreadable file and prints nothing on stdout', async () => {
    const io = memoryIo({ 'a.yaml': bad })
    expect(await runCli(['lint', 'a.yaml', 'missing.yaml'], io)).toBe(2)
    expect(io.err()).toContain('cannot read missing.yaml: no such file')
    expect(io.out()).toBe('')
  })

  it.each([
    [['lint'], 'no FILE given'],
    [['lint', '--format', 'xml', 'a.yaml'], '--output must be text, json, yaml, sarif, junit, not "xml"'],
    [['lint', '--bogus', 'a.yaml'], "Unknown option '--bogus'"],
    [['lint', '--fail-on', 'fatal', 'a.yaml'], '--fail-on must be error, warning, info, none, not "fatal"'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const io = memoryIo({ 'a.yaml': bad })
    expect(await runCli(argv, io)).toBe(2)
    expect(io.err()).toContain(message)
  })
})
