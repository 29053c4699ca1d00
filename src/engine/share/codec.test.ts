import { deflateSync } from 'fflate'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../../presets/seed'
import { encodeBase64Url } from './base64url'
import { decodeShareLink, encodeShareLink, looksLikeShareLink, MAX_ENCODED_CHARS, type ShareFormat } from './codec'
import { dictionaryV2 } from './dictionary-v2'
import type { SharePayload } from './payload'
import { redactSecrets } from './redact-secrets'
import { SHARE_LIMITS, SHARE_LINK_BUDGET_CHARS } from './share-limits'

const SAMPLE: SharePayload = {
  source: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web # the front door\nspec:\n  ports:\n  - port: 80\n',
  title: 'Sample',
  view: 'graph',
  tester: { requests: [{ url: 'http://foo.bar.com/foos1', headers: { 'X-Canary': 'always' } }], selected: 0 },
  simulation: { deployment: 'websample', parameters: { rps: 20, sigterm: 'immediate' } },
  timeline: { cursorSeconds: 12.5 },
  rules: { 'prestop-missing': { enabled: false } },
  preset: { id: 'ingress-basics', step: 2 },
}

function encode(payload: SharePayload, format?: ShareFormat): string {
  const result = encodeShareLink(payload, format)
  if (result.kind !== 'ok') throw new Error('expected a link')
  return result.fragment
}

/** A v2 fragment with arbitrary inflated content, for damaged-payload cases. */
function rawV2(content: string): string {
  return `v2.${encodeBase64Url(deflateSync(new TextEncoder().encode(content), { dictionary: dictionaryV2() }))}`
}

describe('the link format is frozen', () => {
  it('encodes the sample to exactly these links', () => {
    expect(encode(SAMPLE)).toMatchInlineSnapshot(`"v2.Q_QDgsEVH6I3kF6UWJBBZJcgLT9fLymxCFRrgtjFhqh9hAhdZ3DzDaghMac8sbIY2HqPBTXDQWUcqF0OamLj6S0Aq_ZimOuwdBuMgN0GMroIhkZ6psi9BFD7HxhzurmZxcWgLgFGxwFkHlonAdaWT0oszkwuhncZjEC9oaJkoB3mhhamxkYGlka1pNaPQE8rKCuUZKQqpBUBs7lCSn5-Ebx-QaoB4VUeAA"`)
    expect(encode(SAMPLE, 'v1')).toMatchInlineSnapshot(`"v1.NVDLasMwEPwVoV7jvKBQdO0nBEqh7mEtbWIRvborJxjjf-_KtCetRjM7M1o054ksaqOh-A8k9jkZ9Tj16e6TM-qC9PAW-xSxgoMKpk9KJYho1BMH9aLqiOpKOVXlcqY-cUG7kUqmytvUbbNRb8c-6Z2uvobmeIFYZBAAuSJps2jCn0kurM3XoicKwhprLeZwuOa8H4D2Nsc280l0I4KTyE342b1DAppbkfCEmfW6fu80Y0Bb0WlzXOXm4xSgSsUmcVhCniOmKiLpwv9xCpD0k0TbZipynI9NfRMsCtnHiM5DRTHZaZoCbsxCEj2XLnpmn24NwgRDaPZXCIyN3Ugojov2AmvhCcDdAOwti7n8RBG_lnbL_hf24fEp9BtBGXVbE2AewN7bm52IM13Q5uQkyOm8f13XXw"`)
  })

  it('decodes links written by earlier builds to the same payload, forever', () => {
    const v2 = FROZEN_V2
    const v1 = FROZEN_V1
    expect(decodeShareLink(`#${v2}`)).toEqual({ kind: 'ok', format: 'v2', payload: SAMPLE, warnings: [] })
    expect(decodeShareLink(v1)).toEqual({ kind: 'ok', format: 'v1', payload: SAMPLE, warnings: [] })
  })

  it('keeps the v2 dictionary byte for byte', () => {
    expect(dictionaryV2().length).toBe(DICTIONARY_V2_LENGTH)
    expect(createHash('sha256').update(dictionaryV2()).digest('hex')).toBe(DICTIONARY_V2_SHA256)
  })
})

describe('round trips', () => {
  it('carries the Gateway the tester goes through, in both formats', () => {
    const payload: SharePayload = { source: 'kind: Gateway', tester: { requests: [{ url: 'http://a.example/x', method: 'PUT' }], gateway: 'infra/gw' } }
    for (const format of ['v1', 'v2'] as const) expect(decodeShareLink(encode(payload, format))).toEqual({ kind: 'ok', format, payload, warnings: [] })
  })

  it('returns every payload unchanged in both formats', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 400 })
    const payload = fc.record(
      {
        source: text,
        title: fc.string({ maxLength: 40 }),
        view: fc.constantFrom('objects', 'graph', 'timeline'),
        timeline: fc.record({ cursorSeconds: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
        redactedSecrets: fc.nat(50),
      },
      { requiredKeys: ['source'] },
    )
    fc.assert(
      fc.property(payload, fc.constantFrom<ShareFormat>('v1', 'v2'), (p, format) => {
        const decoded = decodeShareLink(encode(p, format))
        expect(decoded).toEqual({ kind: 'ok', format, payload: p, warnings: [] })
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the seed scenario, secrets redacted, within the link budget', () => {
    const redaction = redactSecrets(SEED_MANIFEST)
    if (redaction.kind !== 'redacted') throw new Error('the seed must redact')
    const { text, redacted } = redaction
    const fragment = encode({ source: text, redactedSecrets: redacted })
    expect(fragment.length + 1).toBeLessThanOrEqual(SHARE_LINK_BUDGET_CHARS - 100) // room for the origin and path
    expect(decodeShareLink(fragment)).toMatchObject({ kind: 'ok', payload: { source: text, redactedSecrets: 2 } })
  })

  it('recognises link-shaped fragments only', () => {
    expect(looksLikeShareLink('#v2.abc')).toBe(true)
    expect(looksLikeShareLink('v1.abc')).toBe(true)
    expect(looksLikeShareLink('#section-2')).toBe(false)
    expect(looksLikeShareLink('')).toBe(false)
  })
})

describe('caps and damage', () => {
  it.each([
    ['', 'not-a-link'],
    ['#hello', 'not-a-link'],
    ['#v0.AAAA', 'not-a-link'],
    ['#v9.AAAA', 'newer-format'],
    ['#v2.ab$d', 'bad-characters'],
    ['#v2.A', 'bad-characters'],
    ['#v2.', 'corrupt'],
    ['#v2.____', 'corrupt'],
  ])('%j → %s', (fragment, code) => {
    expect(decodeShareLink(fragment)).toMatchObject({ kind: 'error', code })
  })

  it('refuses an over-long link before decoding it', () => {
    expect(decodeShareLink(`v2.${'A'.repeat(MAX_ENCODED_CHARS + 1)}`)).toMatchObject({ kind: 'error', code: 'too-long', detail: { limit: MAX_ENCODED_CHARS } })
    // Exactly at the limit the length is accepted and the next check (the data itself) answers.
    expect(decodeShareLink(`v2.${'A'.repeat(MAX_ENCODED_CHARS - (MAX_ENCODED_CHARS % 4))}`)).not.toMatchObject({ code: 'too-long' })
  })

  it('stops inflating a bomb at the cap', () => {
    const bomb = deflateSync(new Uint8Array(SHARE_LIMITS.maxInflatedBytes * 8), { level: 9 })
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.maxCompressedBytes)
    const started = performance.now()
    expect(decodeShareLink(`v1.${encodeBase64Url(bomb)}`)).toMatchObject({ kind: 'error', code: 'too-large' })
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('accepts a payload just under the inflated cap and refuses one just over', () => {
    const header = '{"crc":0}\n'
    const under = 'a'.repeat(SHARE_LIMITS.maxInflatedBytes - header.length)
    expect(decodeShareLink(rawV2(header + under))).toMatchObject({ kind: 'error', code: 'checksum-mismatch' })
    expect(decodeShareLink(rawV2(header + under + 'a'))).toMatchObject({ kind: 'error', code: 'too-large' })
  })

  it('refuses to encode what no studio would read back', () => {
    let state = 1
    const noise = Array.from({ length: 60_000 }, () => String.fromCharCode(33 + ((state = (state * 48271) % 2147483647) % 90))).join('')
    expect(encodeShareLink({ source: noise })).toMatchObject({ kind: 'too-large' })
    // Compresses to almost nothing, but no studio would inflate it: no link.
    const padded = `# ${' '.repeat(SHARE_LIMITS.maxInflatedBytes)}\nkind: Service\n`
    const refused = encodeShareLink({ source: padded })
    expect(refused.kind === 'too-large' && refused.inflatedBytes).toBeGreaterThan(SHARE_LIMITS.maxInflatedBytes)
  })

  it('refuses to encode settings longer than the decoder reads, and encodes the longest it reads', () => {
    const source = 'a: 1\n'
    const refused = encodeShareLink({ source, title: 'x'.repeat(70_000) })
    expect(refused).toMatchObject({ kind: 'too-large', compressedBytes: 0 })
    expect(refused.kind === 'too-large' && refused.headerChars).toBeGreaterThan(SHARE_LIMITS.maxHeaderChars)
    // The header also holds `{"title":"…","crc":N}`: leave room for that.
    const longest = encodeShareLink({ source, title: 'x'.repeat(SHARE_LIMITS.maxHeaderChars - 64) })
    expect(longest.kind).toBe('ok')
    if (longest.kind === 'ok') expect(decodeShareLink(longest.fragment)).toMatchObject({ kind: 'ok' })
  })

  it('catches an altered character anywhere in the data', () => {
    const fragment = encode(SAMPLE)
    const codes = new Set<string>()
    for (let i = 3; i < fragment.length; i++) {
      const swapped = fragment[i] === 'A' ? 'B' : 'A'
      const result = decodeShareLink(fragment.slice(0, i) + swapped + fragment.slice(i + 1))
      // Never a different manifest passed off as the sender's.
      if (result.kind === 'ok') expect(result.payload.source).toBe(SAMPLE.source)
      else codes.add(result.code)
    }
    expect(codes.size).toBeGreaterThan(0)
  })

  it('catches a cut link', () => {
    const fragment = encode(SAMPLE)
    for (const keep of [10, fragment.length >> 1, fragment.length - 2]) {
      expect(decodeShareLink(fragment.slice(0, keep))).toMatchObject({ kind: 'error' })
    }
  })

  it.each([
    ['no header line', 'kind: Service'],
    ['a header that is not JSON', '{crc:1\nkind: Service'],
    ['a header without checksum', '{}\nkind: Service'],
    ['a header that is a list', '[1]\nkind: Service'],
  ])('refuses %s', (_, content) => {
    expect(decodeShareLink(rawV2(content))).toMatchObject({ kind: 'error', code: 'bad-header' })
  })

  it('refuses text that is not UTF-8', () => {
    const bytes = new Uint8Array([0x7b, 0x7d, 0xff])
    expect(decodeShareLink(`v1.${encodeBase64Url(deflateSync(bytes))}`)).toMatchObject({ kind: 'error', code: 'bad-text' })
  })

  it('refuses a payload without manifest text', () => {
    expect(decodeShareLink(`v1.${encodeBase64Url(deflateSync(new TextEncoder().encode('{"view":"graph"}')))}`)).toMatchObject({ kind: 'error', code: 'no-manifest' })
  })

  it('drops a malformed section with a warning and keeps the rest', () => {
    const json = JSON.stringify({ source: 'x: 1', selection: { view: 'graph' }, playback: { cursorSeconds: -4 }, extra: true })
    const result = decodeShareLink(`v1.${encodeBase64Url(deflateSync(new TextEncoder().encode(json)))}`)
    expect(result).toEqual({
      kind: 'ok',
      format: 'v1',
      payload: { source: 'x: 1', view: 'graph' },
      warnings: [{ section: 'timeline', detail: expect.any(String) }, { section: 'unknown', detail: 'extra' }],
    })
  })
})

// Links as the first v1/v2 builds wrote them. Never edit these: if they stop decoding to SAMPLE, old links in
// slides and chats broke. (The inline snapshots above may change only if a compressor upgrade changes its bytes
// while these still decode.)
const FROZEN_V2 =
  'v2.Q_QDgsEVH6I3kF6UWJBBZJcgLT9fLymxCFRrgtjFhqh9hAhdZ3DzDaghMac8sbIY2HqPBTXDQWUcqF0OamLj6S0Aq_ZimOuwdBuMgN0GMroIhkZ6psi9BFD7HxhzurmZxcWgLgFGxwFkHlonAdaWT0oszkwuhncZjEC9oaJkoB3mhhamxkYGlka1pNaPQE8rKCuUZKQqpBUBs7lCSn5-Ebx-QaoB4VUeAA'
const FROZEN_V1 =
  'v1.NVDLasMwEPwVoV7jvKBQdO0nBEqh7mEtbWIRvborJxjjf-_KtCetRjM7M1o054ksaqOh-A8k9jkZ9Tj16e6TM-qC9PAW-xSxgoMKpk9KJYho1BMH9aLqiOpKOVXlcqY-cUG7kUqmytvUbbNRb8c-6Z2uvobmeIFYZBAAuSJps2jCn0kurM3XoicKwhprLeZwuOa8H4D2Nsc280l0I4KTyE342b1DAppbkfCEmfW6fu80Y0Bb0WlzXOXm4xSgSsUmcVhCniOmKiLpwv9xCpD0k0TbZipynI9NfRMsCtnHiM5DRTHZaZoCbsxCEj2XLnpmn24NwgRDaPZXCIyN3Ugojov2AmvhCcDdAOwti7n8RBG_lnbL_hf24fEp9BtBGXVbE2AewN7bm52IM13Q5uQkyOm8f13XXw'
const DICTIONARY_V2_LENGTH = 3080
const DICTIONARY_V2_SHA256 = '50de35ceffd46a4e19f8453e72748569997ed86d1fbe63f42e3c19e31a0eea08'
