import { describe, expect, it } from 'vitest'
import { prepareShare } from '../engine'
import { caseInput, TARGETS, targetOf } from './fuzz-case'
import { contractBreach, findRawControl, rawControlIn } from './output-checks'
import { runFuzz } from './run-fuzz'
import { base64, leakNeedles } from './secret-documents'
import { createRng } from './rng'
import { shareCase } from './share-cases'
import { createTally } from './summary'

describe('fuzz harness', () => {
  it('runs 120 cases (five rounds of the schedule) through every target without a throw or a secret byte', async () => {
    const summary = await runFuzz({ seed: 7, from: 0, to: 120, limitMs: 60_000 })
    expect(summary.total).toBe(120)
    for (const target of TARGETS) expect(summary.inputs[target]).toBeGreaterThan(0)
    expect(summary.findings.filter((f) => f.kind === 'throw')).toEqual([])
    expect(summary.secretBytes).toBe(0)
  }, 120_000)

  it('generates the same inputs for the same seed and case, and other inputs for another case', () => {
    expect(JSON.stringify(caseInput(3, 41))).toBe(JSON.stringify(caseInput(3, 41)))
    // One round of the schedule later: the same target, another case.
    expect(targetOf(41 + 24)).toBe(targetOf(41))
    expect(JSON.stringify(caseInput(3, 41))).not.toBe(JSON.stringify(caseInput(3, 41 + 24)))
  })

  it('catches a half-redacted base64 value and a plain one', () => {
    const value = 'FzAAAAAAAAAAAAAAFzBBBBBBBBBBBBBB'
    const needles = leakNeedles([value, '-----BEGIN PRIVATE KEY-----'])
    const found = (text: string): string[] => needles.filter(({ needle }) => text.includes(needle)).map(({ marker }) => marker)
    expect(found(`k: ${base64(value).slice(0, 20)}REDACTED`)).toContain('FzAAAAAAAAAAAAAA')
    expect(found('note: FzBBBBBBBBBBBBBB')).toEqual(['FzBBBBBBBBBBBBBB'])
    expect(found('k: REDACTED\nkey: -----BEGIN PRIVATE KEY-----')).toEqual([])
  })

  it('finds the planted values when Secrets are included (the leak check is not blind)', () => {
    const rng = createRng(11)
    for (let i = 0; i < 20; i++) {
      const c = shareCase(rng)
      const prepared = prepareShare(c.payload, { includeSecrets: true })
      if (c.damaged || prepared.kind !== 'ready') continue
      expect(leakNeedles(c.plantedSecrets).some(({ needle }) => prepared.file.includes(needle))).toBe(true)
    }
  })

  it('breaks the contract for stdout with exit 2, a bad exit code and JSON that does not parse', () => {
    const lintJson = { command: 'lint', argv: ['--format', 'json', 'a.yaml'], files: {}, stdin: '' } as const
    expect(contractBreach(lintJson, { code: 2, stdout: 'x', stderr: '' })).toMatch(/exit 2/)
    expect(contractBreach(lintJson, { code: 70, stdout: '', stderr: '' })).toMatch(/exit code 70/)
    expect(contractBreach(lintJson, { code: 1, stdout: '{"diagnostics":[', stderr: '' })).toMatch(/JSON/)
    expect(contractBreach(lintJson, { code: 1, stdout: '{"diagnostics":[]}\n', stderr: '' })).toBeUndefined()
  })

  it('lets parity exit 1 only as its JSON report says, and wants migrate\'s JSON report on stderr', () => {
    const parity = { command: 'parity', argv: ['a.yaml', '--format', 'json'], files: {}, stdin: '' } as const
    expect(contractBreach(parity, { code: 1, stdout: '{"equivalent":false,"requests":3,"differences":[{}]}\n', stderr: '' })).toBeUndefined()
    expect(contractBreach(parity, { code: 0, stdout: '{"equivalent":true,"requests":3,"differences":[]}\n', stderr: '' })).toBeUndefined()
    expect(contractBreach(parity, { code: 1, stdout: '{"equivalent":true,"requests":3,"differences":[]}\n', stderr: '' })).toMatch(/parity exit 1/)
    expect(contractBreach({ ...parity, command: 'route' }, { code: 1, stdout: '', stderr: '' })).toMatch(/no findings exit/)
    // route and rollout exit 1 only through their gates.
    expect(contractBreach({ command: 'route', argv: ['a.yaml', '--url', 'http://a/', '--expect', 'status=200'], files: {}, stdin: '' }, { code: 1, stdout: '{}\n', stderr: '' })).toBeUndefined()
    expect(contractBreach({ command: 'rollout', argv: ['a.yaml', '--max-failed', '0'], files: {}, stdin: '' }, { code: 1, stdout: '', stderr: '' })).toBeUndefined()
    const migrate = { command: 'migrate', argv: ['--to', 'gateway-api', '--report', 'json', 'a.yaml'], files: {}, stdin: '' } as const
    expect(contractBreach(migrate, { code: 0, stdout: 'kind: Gateway\n', stderr: '{"gateway":"default/x","objects":[],"findings":[]}\n' })).toBeUndefined()
    expect(contractBreach(migrate, { code: 0, stdout: 'kind: Gateway\n', stderr: 'a.yaml:1:1: warning x\n' })).toMatch(/stderr is not one JSON/)
  })

  it('takes lint\'s YAML and JUnit output as data, as its JSON: control characters there are not a terminal\'s', () => {
    const bidi = 'name: "\u2066"\n'
    for (const output of ['yaml', 'junit']) {
      expect(rawControlIn({ command: 'lint', argv: ['-o', output, 'a.yaml'], files: {}, stdin: '' }, { code: 1, stdout: bidi, stderr: '' })).toBeUndefined()
    }
    expect(rawControlIn({ command: 'lint', argv: ['a.yaml'], files: {}, stdin: '' }, { code: 1, stdout: bidi, stderr: '' })).toMatch(/U\+2066/)
  })

  it('finds raw control and bidi characters but not tabs and newlines', () => {
    expect(findRawControl('a\tb\nc')).toBeUndefined()
    expect(findRawControl('name \u202e')).toMatch(/U\+202e/)
    expect(findRawControl('\u001b[31m')).toMatch(/U\+001b/)
  })

  it('counts a case lost with its process as a hang (over time) or a crash (a throw)', () => {
    const tally = createTally(1, 2000)
    tally.record(0, 2500, [])
    tally.lost(1, 'hang', 'killed')
    tally.lost(2, 'crash', 'exit 134')
    const summary = tally.finish(1)
    expect([summary.total, summary.overTime, summary.throws]).toEqual([3, 2, 1])
  })
})
