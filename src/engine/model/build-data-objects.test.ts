import { describe, expect, it } from 'vitest'
import { analyzeText } from '../testing/analyze-text'

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

describe('Secret', () => {
  it('decodes base64 data, merges stringData over it and defaults the type to Opaque', () => {
    const text = ['apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data:', `  user: ${b64('admin')}`, `  pass: ${b64('old')}`,
      'stringData:', '  pass: new', ''].join('\n')
    const result = analyzeText(text)
    expect(result.problems()).toEqual([])
    expect(result.model.secrets[0]).toMatchObject({ type: 'Opaque', data: { user: 'admin', pass: 'new' } })
  })

  it('keeps the last of duplicate keys, as the API server does', () => {
    const text = ['apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data: {}', 'data:', `  pass: ${b64('hunter2')}`,
      'type: kubernetes.io/tls', 'type: Opaque', ''].join('\n')
    const result = analyzeText(text)
    expect(result.of('yaml-duplicate-key')).toHaveLength(2)
    expect(result.model.secrets[0]).toMatchObject({ type: 'Opaque', data: { pass: 'hunter2' } })
  })

  it('reads a kubernetes.io/tls Secret and requires tls.crt and tls.key', () => {
    const ok = ['apiVersion: v1', 'kind: Secret', 'metadata: {name: t}', 'type: kubernetes.io/tls', 'data:',
      `  tls.crt: ${b64('-----BEGIN CERTIFICATE-----')}`, `  tls.key: ${b64('k')}`, ''].join('\n')
    expect(analyzeText(ok).model.secrets[0]).toMatchObject({ type: 'kubernetes.io/tls', data: { 'tls.crt': '-----BEGIN CERTIFICATE-----' } })
    const missing = ok.replace(/ {2}tls\.key.*\n/, '')
    expect(analyzeText(missing).of('required')).toEqual([expect.objectContaining({ text: 'data', line: 5 })])
  })

  it('rejects invalid base64 on the value, with the byte position', () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  k: "abc!"\n'
    const [found] = analyzeText(text).of('invalid-value')
    expect(found).toMatchObject({ text: '"abc!"', line: 5 })
    expect(found?.message).toContain('illegal base64 data at input byte 3')
  })

  it('keeps binary (non-UTF-8) values out of the decoded data without an error', () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  bin: ${Buffer.from([0xff, 0xfe, 0x00]).toString('base64')}\n`
    const result = analyzeText(text)
    expect(result.problems()).toEqual([])
    expect(result.model.secrets[0]?.data).toEqual({})
  })

  it('rejects bad data keys and non-string values', () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  "a/b": x\n  port: 80\n'
    const result = analyzeText(text)
    expect(result.of('invalid-name')).toEqual([expect.objectContaining({ text: '"a/b"' })])
    expect(result.of('wrong-type')).toEqual([expect.objectContaining({ text: '80' })])
  })
})

describe('ConfigMap', () => {
  it('reads string data and UTF-8 binaryData', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  ssl-redirect: "false"\nbinaryData:\n  b: ${b64('hi')}\n`
    const result = analyzeText(text)
    expect(result.problems()).toEqual([])
    expect(result.model.configMaps[0]?.data).toEqual({ 'ssl-redirect': 'false', b: 'hi' })
  })

  it('rejects an unquoted boolean value (the API server wants strings) and a key in both maps', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  ssl-redirect: false\n  k: v\nbinaryData:\n  k: ${b64('x')}\n`
    const result = analyzeText(text)
    expect(result.of('wrong-type')).toEqual([expect.objectContaining({ text: 'false', line: 5 })])
    expect(result.of('invalid-value')).toEqual([expect.objectContaining({ text: 'k', line: 8 })])
  })
})

describe('IngressClass', () => {
  const ingressClass = (annotations: string, controller: string): string =>
    `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n  annotations: ${annotations}\nspec:\n  controller: ${controller}\n`

  it('reads the controller and the default-class annotation', () => {
    const result = analyzeText(ingressClass('{ingressclass.kubernetes.io/is-default-class: "true"}', 'k8s.io/ingress-nginx'))
    expect(result.problems()).toEqual([])
    expect(result.model.ingressClasses[0]).toMatchObject({ controller: 'k8s.io/ingress-nginx', isDefault: true })
    expect(analyzeText(ingressClass('{}', 'k8s.io/ingress-nginx')).model.ingressClasses[0]?.isDefault).toBe(false)
  })

  it('rejects a controller that is not a domain-prefixed path and requires one', () => {
    expect(analyzeText(ingressClass('{}', 'ingress-nginx')).of('invalid-value')).toEqual([expect.objectContaining({ text: 'ingress-nginx', line: 7 })])
    const missing = 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\n'
    expect(analyzeText(missing).of('required')).toEqual([expect.objectContaining({ text: 'kind' })])
  })

  it('warns about networking.k8s.io/v1beta1', () => {
    const text = ingressClass('{}', 'k8s.io/ingress-nginx').replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1')
    expect(analyzeText(text).problems()).toEqual(['removed-api-version'])
  })
})
