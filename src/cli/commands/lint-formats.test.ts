/**
 * `lint -o sarif|junit|yaml` read back by other tools: the SARIF log validated against the SARIF 2.1.0 JSON schema
 * as published (the copy @microsoft/jest-sarif ships, sarif-2.1.0-rtm.5.json, draft-04 through ajv-draft-04; one of
 * its patterns is not valid in Unicode mode, hence unicodeRegExp off), and
 * the JUnit XML read by a JUnit parser (junit2json).
 */
import Ajv from 'ajv-draft-04'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parse as parseJunit } from 'junit2json'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

const bad = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - host: Foo.com\n'

async function lint(output: string, files: Record<string, string>): Promise<{ code: number; out: string }> {
  const io = memoryIo(files)
  const code = await runCli(['lint', '-o', output, ...Object.keys(files)], io)
  return { code, out: io.out() }
}

const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
const validateSarif = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object)

describe('lint -o sarif', () => {
  it('is a valid SARIF 2.1.0 log: every diagnostic a result at its region, every rule described once', async () => {
    const { code, out } = await lint('sarif', { 'seed.yaml': SEED_MANIFEST, 'my bad.yaml': bad })
    expect(code).toBe(1)
    const log = JSON.parse(out) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration?: { level: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[] }
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true)
    const [run] = log.runs
    expect(run!.tool.driver.name).toBe('ingress-studio')
    expect(run!.results).toHaveLength(8)
    const host = run!.results.find((result) => result.ruleId === 'invalid-host')!
    expect(host).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'my%20bad.yaml' }, region: { startLine: 6, startColumn: 11, endLine: 6, endColumn: 18 } } }] })
    for (const result of run!.results) expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId)
    const prestop = run!.tool.driver.rules.find((rule) => rule.id === 'prestop-missing')!
    expect(prestop.defaultConfiguration?.level).toBe('warning')
    expect(prestop.shortDescription.text.length).toBeGreaterThan(10)
    expect(new Set(run!.tool.driver.rules.map((rule) => rule.id)).size).toBe(run!.tool.driver.rules.length)
  })

  it('an input without findings is a valid log with no results', async () => {
    const { code, out } = await lint('sarif', { 'ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' })
    expect(code).toBe(0)
    const log = JSON.parse(out) as { runs: { results: unknown[] }[] }
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true)
    expect(log.runs[0]!.results).toEqual([])
  })
})

describe('lint -o junit', () => {
  it('is read by a JUnit parser: a suite per object, a case per rule, failures where warnings and errors are', async () => {
    const { code, out } = await lint('junit', { 'seed.yaml': SEED_MANIFEST, 'bad.yaml': bad })
    expect(code).toBe(1)
    const report = (await parseJunit(out)) as { tests: number; failures: number; testsuite: { name: string; tests: number; failures: number; testcase: { name: string; failure?: { message: string; type: string }[] }[] }[] }
    const suites = report.testsuite
    expect(suites.map((suite) => suite.name)).toContain('Ingress default/test (seed.yaml:2)')
    expect(suites.map((suite) => suite.name)).toContain('Ingress default/i (bad.yaml:1)')
    const test = suites.find((suite) => suite.name.startsWith('Ingress default/test'))!
    const rewrite = test.testcase.find((testcase) => testcase.name === 'rewrite-without-capture')!
    expect(rewrite.failure?.[0]).toMatchObject({ type: 'warning' })
    expect(rewrite.failure?.[0]?.message).toMatch(/^seed\.yaml:7:49: warning rewrite-without-capture: /)
    // An object's cases are the rules that apply to its kind: the Ingress has no probe rule, a Deployment has it.
    expect(test.testcase.map((testcase) => testcase.name)).not.toContain('readiness-probe-missing')
    const deployment = suites.find((suite) => suite.name.startsWith('Deployment '))!
    expect(deployment.testcase.map((testcase) => testcase.name)).toContain('readiness-probe-missing')
    expect(deployment.testcase.map((testcase) => testcase.name)).not.toContain('rewrite-without-capture')
    const host = suites.find((suite) => suite.name.startsWith('Ingress default/i '))!.testcase.find((testcase) => testcase.name === 'invalid-host')!
    expect(host.failure?.[0]?.type).toBe('error')
    // Every warning and error of the run is a failing case (one per object and code): 7 warnings of the seed, the error of bad.yaml.
    expect(report.failures).toBe(8)
    expect(report.failures).toBe(suites.reduce((sum, suite) => sum + suite.failures, 0))
    expect(report.tests).toBe(suites.reduce((sum, suite) => sum + suite.tests, 0))
  })

  it('escapes what XML cannot hold, so hostile names stay text', async () => {
    const hostile = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "a<b>&\\"c\\u0001"}\n'
    const { out } = await lint('junit', { 'x.yaml': hostile })
    await expect(parseJunit(out)).resolves.toBeDefined()
    expect(out).not.toContain('<b>')
  })
})

describe('lint -o yaml', () => {
  it('is the JSON report as YAML', async () => {
    const files = { 'bad.yaml': bad }
    const yaml = parseYaml((await lint('yaml', files)).out) as unknown
    expect(yaml).toEqual(JSON.parse((await lint('json', files)).out))
  })
})
