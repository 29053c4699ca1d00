/** ingress-nginx's strict path validation (ValidatePathType, internal/ingress/inspector), a configurable route rule. */
import { describe, expect, it } from 'vitest'
import { analyze, type AnalyzeOptions } from '../analyze'
import { configMapYaml, ingressYaml, joinDocuments } from '../testing/manifests'
import { passesNginxStrictPath } from './strict-path'

function strictFindings(text: string, options: AnalyzeOptions = {}): { severity: string; message: string; line: number }[] {
  return analyze([{ name: 't.yaml', text }], options).diagnostics
    .filter((d) => d.code === 'nginx-strict-path')
    .map((d) => ({ severity: d.severity, message: d.message, line: d.start.line }))
}

const prefix = (path: string, type: 'Prefix' | 'Exact' | 'ImplementationSpecific' = 'Prefix', className?: string): string =>
  ingressYaml('web', { className, rules: [{ host: 'a.test', paths: [{ path, type, backend: 'web:80' }] }] })

describe('nginx-strict-path', () => {
  it.each([
    ['/api/v1', true], ['/a_b-c.d/', true], ['/UPPER', true], ['/', true],
    ['/api(/|$)(.*)', false], ['/a~b', false], ['/a b', false], ['/a%20b', false], ['/é', false], ['/a\n', false], ['/a;b', false],
  ])('the webhook\'s regexp ^/[[:alnum:]._\\-/]*$ on %j: %s', (path, accepted) => {
    expect(passesNginxStrictPath(path)).toBe(accepted)
  })

  it('warns at the path of an Exact or Prefix path with other characters, never for ImplementationSpecific', () => {
    const found = strictFindings(prefix('/api(/|$)(.*)'))
    expect(found).toEqual([{ severity: 'warning', line: expect.any(Number), message: expect.stringContaining('rejects the Prefix path "/api(/|$)(.*)"') }])
    expect(strictFindings(prefix('/a;b', 'Exact'))).toHaveLength(1)
    expect(strictFindings(prefix('/api(/|$)(.*)', 'ImplementationSpecific'))).toEqual([])
    expect(strictFindings(prefix('/plain/path_1'))).toEqual([])
  })

  it('is a configurable rule: off, or at another severity', () => {
    const text = prefix('/api(/|$)(.*)')
    expect(strictFindings(text, { rules: { 'nginx-strict-path': { enabled: false } } })).toEqual([])
    expect(strictFindings(text, { rules: { 'nginx-strict-path': { severity: 'error' } } })[0]?.severity).toBe('error')
  })

  it('follows the controller ConfigMap\'s strict-validate-path-type (off before v1.12.0, or turned off)', () => {
    const off = joinDocuments(prefix('/api(/|$)(.*)'), configMapYaml('ingress-nginx-controller', { 'strict-validate-path-type': 'false' }))
    expect(strictFindings(off)).toEqual([])
  })

  it('only for Ingresses this controller serves (the webhook validates its own class)', () => {
    expect(strictFindings(prefix('/api(/|$)(.*)', 'Prefix', 'other'))).toEqual([])
  })
})
