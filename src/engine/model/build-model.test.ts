import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { analyzeText } from '../testing/analyze-text'

const configMap = (name: string, extra = ''): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`

describe('model stage: objects, kinds and versions', () => {
  it('unpacks kind: List; items remember their path', () => {
    const text = [
      'apiVersion: v1', 'kind: List', 'items:',
      '- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}',
      '- {apiVersion: v1, kind: Service, metadata: {name: b}, spec: {ports: [{port: 80}]}}',
      '- 42', '',
    ].join('\n')
    const result = analyzeText(text)
    expect(result.model.configMaps[0]?.source).toMatchObject({ doc: 0, path: ['items', 0] })
    expect(result.model.services[0]?.source.path).toEqual(['items', 1])
    expect(result.model.services[0]?.order).toBe(1)
    expect(result.of('not-an-object')).toEqual([expect.objectContaining({ text: '42', line: 6 })])
    expect(result.documents).toEqual([expect.objectContaining({ kind: 'List', index: 0, startLine: 1, endLine: 6 })])
  })

  it('keeps unknown kinds and lists them with an info on the kind', () => {
    const text = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec: {anything: [1, 2]}\n'
    const result = analyzeText(text)
    expect(result.model.unknown).toEqual([expect.objectContaining({ kind: 'Certificate', apiVersion: 'cert-manager.io/v1', known: false })])
    expect(result.found).toEqual([expect.objectContaining({ code: 'unknown-kind', severity: 'info', text: 'Certificate' })])
  })

  it('rejects an unknown apiVersion of a known kind and reads it as the current one', () => {
    const text = configMap('c').replace('apiVersion: v1', 'apiVersion: v2')
    const result = analyzeText(text)
    expect(result.of('unknown-api-version')).toEqual([expect.objectContaining({ severity: 'error', text: 'v2' })])
    expect(result.model.configMaps[0]?.apiVersion).toBe('v2')
  })

  it.each([
    ['extensions/v1beta1', 'Deployment', '1.16', 'apps/v1'],
    ['apps/v1beta1', 'Deployment', '1.16', 'apps/v1'],
    ['apps/v1beta2', 'Deployment', '1.16', 'apps/v1'],
    ['extensions/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1'],
  ])('%s %s: removed in %s, replaced by %s', (apiVersion, kind, removedIn, replacement) => {
    const [found] = analyzeText(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`).of('removed-api-version')
    expect(found).toMatchObject({ severity: 'warning', text: apiVersion, line: 1, column: 13 })
    expect(found?.message).toContain(`no longer served since ${removedIn}`)
    expect(found?.message).toContain(`migrate to ${replacement}`)
  })

  it('reports missing apiVersion and kind at the head of the object', () => {
    expect(analyzeText('kind: ConfigMap\nmetadata: {name: c}\n').of('missing-api-version')).toEqual([expect.objectContaining({ text: 'kind' })])
    expect(analyzeText('apiVersion: v1\nmetadata: {name: c}\n').of('missing-kind')).toEqual([expect.objectContaining({ text: 'apiVersion' })])
  })

  it('rejects documents that are not maps', () => {
    expect(analyzeText('- a\n- b\n').of('not-an-object')).toEqual([expect.objectContaining({ text: '- a\n- b\n' })])
    expect(analyzeText('just text\n').of('not-an-object')).toEqual([expect.objectContaining({ text: 'just text' })])
  })

  it('flags the same kind/namespace/name twice, on the second name, across files', () => {
    const result = analyze([
      { name: 'a.yaml', text: configMap('c') },
      { name: 'b.yaml', text: `${configMap('c')}---\n${configMap('c', '  namespace: other\n')}` },
    ])
    expect(result.diagnostics.map((d) => [d.code, d.file, d.start.line, d.start.column])).toEqual([['duplicate-object', 'b.yaml', 4, 9]])
    expect(result.diagnostics[0]?.message).toContain('a.yaml')
  })

  it('treats Ingresses of different API groups as one resource for duplicates', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec: {backend: {serviceName: s, servicePort: 80}}\n' +
      '---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {defaultBackend: {service: {name: s, port: {number: 80}}}}\n'
    expect(analyzeText(text).of('duplicate-object')).toEqual([expect.objectContaining({ text: 'i', line: 8 })])
  })

  it('numbers objects in input order across documents and files', () => {
    const result = analyze([{ name: 'a.yaml', text: `${configMap('a')}---\n${configMap('b')}` }, { name: 'b.yaml', text: configMap('c') }])
    expect(result.model.configMaps.map((c) => [c.meta.name, c.order, c.source.file, c.source.doc])).toEqual([
      ['a', 0, 'a.yaml', 0], ['b', 1, 'a.yaml', 1], ['c', 2, 'b.yaml', 0],
    ])
  })

  it('summarises every document, empty ones included', () => {
    const result = analyzeText(`${configMap('a')}---\n---\n# c\n${configMap('b', '  namespace: ns\n')}`)
    expect(result.documents).toEqual([
      expect.objectContaining({ index: 0, kind: 'ConfigMap', apiVersion: 'v1', name: 'a', namespace: 'default', startLine: 1, endLine: 4 }),
      expect.objectContaining({ index: 1, startLine: 5, endLine: 5 }),
      expect.objectContaining({ index: 2, kind: 'ConfigMap', name: 'b', namespace: 'ns', startLine: 8, endLine: 12 }),
    ])
    expect(result.documents[1]?.kind).toBeUndefined()
  })
})

describe('model stage: metadata', () => {
  it.each([
    ['no name', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n', 'required', 'metadata'],
    ['no metadata', 'apiVersion: v1\nkind: ConfigMap\n', 'required', 'kind'],
    ['a bad name', configMap('My_Map'), 'invalid-name', 'My_Map'],
    ['a bad namespace', configMap('c', '  namespace: Team.A\n'), 'invalid-name', 'Team.A'],
    ['a bad label key', configMap('c', '  labels: {"-app": x}\n'), 'invalid-label', '"-app"'],
    ['a bad label value', configMap('c', '  labels: {app: "no spaces"}\n'), 'invalid-label', '"no spaces"'],
    ['a numeric label value', configMap('c', '  labels: {version: 2}\n'), 'wrong-type', '2'],
    ['a bad annotation key', configMap('c', '  annotations: {"a/b/c": x}\n'), 'invalid-label', '"a/b/c"'],
    ['an unquoted boolean annotation', configMap('c', '  annotations: {nginx.ingress.kubernetes.io/ssl-redirect: false}\n'), 'wrong-type', 'false'],
  ])('rejects %s', (_, text, code, span) => {
    expect(analyzeText(text).of(code as 'required')).toEqual([expect.objectContaining({ severity: 'error', text: span })])
  })

  it('reads labels, annotations and creationTimestamp; namespace defaults to default', () => {
    const meta = analyzeText(configMap('c', '  labels: {app: web}\n  annotations: {note: hi}\n  creationTimestamp: "2024-01-02T03:04:05Z"\n'))
      .model.configMaps[0]?.meta
    expect(meta).toEqual({ name: 'c', namespace: 'default', labels: { app: 'web' }, annotations: { note: 'hi' }, creationTimestamp: '2024-01-02T03:04:05Z' })
  })
})

describe('model stage: aliases', () => {
  it('resolves anchors and aliases', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: &l {app: web}\n  annotations: *l\n'
    expect(analyzeText(text).model.configMaps[0]?.meta.annotations).toEqual({ app: 'web' })
  })

  it('reports an alias without anchor as yaml-bad-alias', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: *nope\n'
    expect(analyzeText(text).of('yaml-bad-alias')).toEqual([expect.objectContaining({ text: '*nope', line: 5 })])
  })

  it('stops a billion-laughs document at the alias cap instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`)
    const data = Array.from({ length: 150 }, (_, i) => `  k${i}: *j`).join('\n')
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nx-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\ndata:\n${data}\n`
    const started = performance.now()
    const result = analyzeText(text)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(result.of('yaml-alias-limit')).toHaveLength(1)
    expect(result.of('wrong-type').length).toBeLessThanOrEqual(100)
  })
})

describe('model stage: unknown fields', () => {
  it('warns about a misspelled top-level field with the key as range, and about merge keys', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nsepc: {}\n'
    expect(analyzeText(text).of('unknown-field')).toEqual([expect.objectContaining({ severity: 'warning', text: 'sepc', line: 4 })])
    const merge = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  <<: {type: NodePort}\n  ports: [{port: 80}]\n'
    expect(analyzeText(merge).of('unknown-field')[0]?.message).toContain('merge keys')
    expect(analyzeText(configMap('c', '  lables: {app: web}\n')).of('unknown-field')).toEqual([expect.objectContaining({ text: 'lables', line: 5 })])
  })
})
