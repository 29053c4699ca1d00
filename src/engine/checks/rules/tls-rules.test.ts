import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../testing/analyze-text'
import { hostRule, ingressYaml, joinDocuments, secretYaml } from '../../testing/manifests'
import { codesOf } from '../../testing/quick-fixes'

const fixture = (name: string): string => readFileSync(new URL(`../../tls/fixtures/${name}`, import.meta.url), 'utf8')

/** An Ingress `shop` with a TLS section for `hosts` (Secret shop-tls) and, unless `secret` is null, a TLS Secret. */
function tls(o: { crt?: string; key?: string; hosts?: string[]; secret?: string | null; annotations?: Record<string, string> }): string {
  const hosts = o.hosts ?? ['shop.example.com']
  const ingress = ingressYaml('shop', {
    ...(o.annotations ? { annotations: o.annotations } : {}),
    tls: [{ hosts, secretName: 'shop-tls' }],
    rules: hosts.map((host) => hostRule(host, '/', 'shop:80')),
  })
  if (o.secret === null) return ingress
  const pair = { 'tls.crt': o.crt ?? fixture('valid.crt'), 'tls.key': o.key ?? fixture('valid.key') }
  return joinDocuments(ingress, secretYaml(o.secret ?? 'shop-tls', { type: 'kubernetes.io/tls', stringData: pair }))
}

const NOW = Date.UTC(2026, 5, 1)

describe('tls-secret-missing', () => {
  it('fires at secretName: a warning when other Secrets are there, an info when none is', () => {
    expect(analyzeText(tls({ secret: 'other' }), { now: NOW }).of('tls-secret-missing')).toEqual([expect.objectContaining({ text: 'shop-tls', severity: 'warning' })])
    expect(analyzeText(tls({ secret: null })).of('tls-secret-missing')).toEqual([expect.objectContaining({ severity: 'info' })])
  })

  it('does not fire when the Secret exists or cert-manager makes it', () => {
    expect(codesOf(tls({}), { now: NOW })).not.toContain('tls-secret-missing')
    expect(codesOf(tls({ secret: null, annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } }))).not.toContain('tls-secret-missing')
  })
})

describe('tls-secret-invalid', () => {
  it('fires at tls.crt when it holds no certificate, and at tls.key when the key is unreadable', () => {
    expect(analyzeText(tls({ crt: 'hello' })).of('tls-secret-invalid')).toEqual([expect.objectContaining({ severity: 'error', text: expect.stringContaining('hello') })])
    const badKey = tls({ key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' })
    expect(analyzeText(badKey).of('tls-secret-invalid')).toEqual([expect.objectContaining({ text: expect.stringContaining('BEGIN PRIVATE KEY') })])
  })

  it('does not fire for a readable pair', () => {
    expect(codesOf(tls({}), { now: NOW })).toEqual([])
  })
})

describe('tls-host-not-covered', () => {
  it('fires at the TLS host the certificate does not name (wildcards cover one label)', () => {
    const text = tls({ crt: fixture('wildcard.crt'), key: fixture('wildcard.key'), hosts: ['a.apps.example.com', 'apps.example.com', 'x.y.apps.example.com'] })
    expect(analyzeText(text, { now: NOW }).of('tls-host-not-covered').map((f) => f.text)).toEqual(['apps.example.com', 'x.y.apps.example.com'])
  })

  it('explains CN-only certificates', () => {
    const found = analyzeText(tls({ crt: fixture('cn-only.crt'), key: fixture('cn-only.key'), hosts: ['legacy.example.com'] })).of('tls-host-not-covered')
    expect(found).toHaveLength(1)
    expect(found[0]?.message).toContain('CN=legacy.example.com')
  })

  it('does not fire for covered hosts', () => {
    expect(codesOf(tls({ hosts: ['shop.example.com', 'www.shop.example.com'] }), { now: NOW })).not.toContain('tls-host-not-covered')
  })
})

describe('tls-cert-expired and tls-cert-expiring', () => {
  it('fire against the given now, at tls.crt', () => {
    const expired = tls({ crt: fixture('expired.crt'), key: fixture('expired.key'), hosts: ['old.example.com'] })
    expect(analyzeText(expired, { now: NOW }).of('tls-cert-expired')).toEqual([expect.objectContaining({ severity: 'error', text: expect.stringContaining('BEGIN CERTIFICATE') })])
    const soon = tls({ crt: fixture('expiring.crt'), key: fixture('expiring.key'), hosts: ['soon.example.com'] })
    expect(analyzeText(soon, { now: NOW }).of('tls-cert-expiring')).toEqual([expect.objectContaining({ severity: 'warning' })])
    expect(analyzeText(soon, { now: NOW }).of('tls-cert-expiring')[0]?.message).toContain('in 30 days')
    expect(codesOf(tls({}), { now: Date.UTC(2025, 0, 1) })).toContain('tls-cert-expired')
  })

  it('stay silent without a clock and for certificates well within validity', () => {
    expect(codesOf(tls({ crt: fixture('expired.crt'), key: fixture('expired.key'), hosts: ['old.example.com'] }))).toEqual([])
    expect(codesOf(tls({ crt: fixture('expiring.crt'), key: fixture('expiring.key'), hosts: ['soon.example.com'] }), { now: Date.UTC(2026, 3, 1) })).toEqual([])
  })
})

describe('tls-key-mismatch', () => {
  it('fires at tls.key when the key belongs to another certificate', () => {
    expect(analyzeText(tls({ key: fixture('mismatched.key') }), { now: NOW }).of('tls-key-mismatch')).toEqual([expect.objectContaining({ severity: 'error', text: expect.stringContaining('PRIVATE KEY') })])
  })

  it('does not fire for the matching key', () => {
    expect(codesOf(tls({}), { now: NOW })).not.toContain('tls-key-mismatch')
  })
})
