import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../presets/seed'
import { websampleManifest } from '../presets/websample-manifest'
import { analyze } from './analyze'
import { isRejectedInput, LINT_CODES, MODEL_CODES, ROUTE_CODES, SOURCE_CODES, stageOf, type DiagnosticCode, type DiagnosticStage, type Severity } from './diagnostics'

const stageOfEach = (text: string) => analyze([{ name: 'manifest.yaml', text }]).diagnostics.map((d) => ({ code: d.code, stage: d.stage, severity: d.severity }))

describe('the stage of a diagnostic code', () => {
  it('puts every code in exactly one stage', () => {
    const all = [...SOURCE_CODES, ...MODEL_CODES, ...ROUTE_CODES, ...LINT_CODES]
    expect(new Set(all).size).toBe(all.length)
  })

  it.each<[DiagnosticCode, DiagnosticStage]>([
    ['yaml-syntax', 'source'],
    ['diagnostics-truncated', 'source'],
    ['invalid-port', 'model'],
    // The API server answers a deprecated version with a warning header: its word, not ingress-nginx's.
    ['deprecated-api-version', 'model'],
    ['surge-and-unavailable-zero', 'model'],
    // ingress-nginx's admission webhook refuses it; the API server itself accepts the path.
    ['nginx-strict-path', 'route'],
    ['route-conflict', 'route'],
    ['grace-shorter-than-prestop', 'lint'],
  ])('%s belongs to the %s stage', (code, stage) => {
    expect(stageOf(code)).toBe(stage)
  })

  it('is carried by every diagnostic the engine makes, source to lint', () => {
    const ingressPaths = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - host: a.example\n    http:\n      paths:\n      - {path: "/a(.*)", pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}\n      - {path: /b, pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}\n      - {path: /b/, pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}\n'
    const texts = [SEED_MANIFEST, 'a: [\n', ingressPaths, websampleManifest('grace', { preStopSeconds: 40, graceSeconds: 30 })]
    const found = texts.flatMap(stageOfEach)
    for (const d of found) expect(d.stage, d.code).toBe(stageOf(d.code))
    expect(new Set(found.map((d) => d.stage))).toEqual(new Set(['source', 'model', 'route', 'lint']))
    expect(found).toContainEqual({ code: 'nginx-strict-path', stage: 'route', severity: 'warning' })
  })
})

describe('isRejectedInput: what the API server would refuse', () => {
  it.each<[DiagnosticStage, Severity, boolean]>([
    ['source', 'error', true],
    ['model', 'error', true],
    ['source', 'warning', false],
    ['model', 'warning', false],
    ['model', 'info', false],
    ['route', 'error', false],
    ['lint', 'error', false],
  ])('%s %s -> %s', (stage, severity, rejected) => {
    expect(isRejectedInput({ stage, severity })).toBe(rejected)
  })

  it('accepts a preStop longer than the grace period (a lint error) and refuses maxSurge and maxUnavailable both 0', () => {
    const overGrace = analyze([{ name: 'm.yaml', text: websampleManifest('grace', { preStopSeconds: 40, graceSeconds: 30 }) }]).diagnostics
    expect(overGrace.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['grace-shorter-than-prestop'])
    expect(overGrace.some(isRejectedInput)).toBe(false)
    const zero = websampleManifest('zero', { strategy: '  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n' })
    expect(analyze([{ name: 'm.yaml', text: zero }]).diagnostics.filter(isRejectedInput).map((d) => d.code)).toEqual(['surge-and-unavailable-zero'])
  })
})
