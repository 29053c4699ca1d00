/** Paths that break out of the location an ingress-nginx before v1.15.0 writes (issue 12: lint was silent). */
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { ingressYaml, nginx } from '../testing/manifests'

function injectionFindings(path: string, type: 'Prefix' | 'Exact' | 'ImplementationSpecific', regex: boolean): string[] {
  const text = ingressYaml('web', {
    annotations: regex ? nginx({ 'use-regex': 'true' }) : {},
    rules: [{ host: 'a.test', paths: [{ path, type, backend: 'web:80' }] }],
  })
  return analyze([{ name: 't.yaml', text }]).diagnostics.filter((d) => d.code === 'nginx-conf-injection').map((d) => d.message)
}

describe('nginx-conf-injection', () => {
  it('warns about the reported injection: a \\" then a block and a second location in a regex path', () => {
    const [message, ...rest] = injectionFindings('/a\\" { return 200 injected; } location ~* "^/b', 'ImplementationSpecific', true)
    expect(rest).toEqual([])
    expect(message).toMatch(/^ingress-nginx before v1\.15\.0 writes the path .* nginx -t fails or directives are injected/)
  })

  it.each<[string, 'Prefix' | 'Exact' | 'ImplementationSpecific', boolean, number]>([
    ['/q"x', 'ImplementationSpecific', true, 1],
    ['/rx\\', 'ImplementationSpecific', true, 1],
    ['/a b', 'ImplementationSpecific', false, 1],
    ['/semi;x', 'Prefix', false, 1],
    ['/open{x', 'Exact', false, 1],
    // Inside the quoted regex a space, ; and { are plain characters, and \" stays inside it.
    ['/a b;{', 'ImplementationSpecific', true, 0],
    ['/a\\"b', 'ImplementationSpecific', true, 0],
    ['/api(/|$)(.*)', 'ImplementationSpecific', true, 0],
    ['/x\\.y', 'ImplementationSpecific', true, 0],
    ['/plain/path', 'Prefix', false, 0],
  ])('%j (%s, regex host %s): %i finding(s)', (path, type, regex, count) => {
    expect(injectionFindings(path, type, regex)).toHaveLength(count)
  })

  it('is a configurable rule', () => {
    const text = ingressYaml('web', { rules: [{ host: 'a.test', paths: [{ path: '/a b', type: 'ImplementationSpecific', backend: 'web:80' }] }] })
    const codes = (rules: Parameters<typeof analyze>[1]): string[] => analyze([{ name: 't.yaml', text }], rules).diagnostics.map((d) => d.code)
    expect(codes({})).toContain('nginx-conf-injection')
    expect(codes({ rules: { 'nginx-conf-injection': { enabled: false } } })).not.toContain('nginx-conf-injection')
  })
})
