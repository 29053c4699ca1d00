/**
 * Share links of the seed scenario: the link length against the 1,500-character budget (Secret values redacted,
 * as the share dialog does by default), and the same payload through lz-string's
 * compressToEncodedURIComponent (the TypeScript playground's codec) for comparison. lz-string is a
 * devDependency used only here. The link's origin is a stand-in; a real deployment's address replaces it.
 */
import LZString from 'lz-string'
import { encodeShareLink, redactSecrets, SHARE_LINK_BUDGET_CHARS, type SharePayload } from '../engine'
import { SEED_MANIFEST } from '../presets/seed'
import type { BenchFigure } from './figure'

/** A plausible studio address; the fragment follows it. */
const ORIGIN = 'https://ingress-studio.example.org/'

function fragment(payload: SharePayload, format: 'v1' | 'v2'): string {
  const result = encodeShareLink(payload, format)
  if (result.kind !== 'ok') throw new Error('the seed does not fit a link')
  return result.fragment
}

export async function run(): Promise<BenchFigure[]> {
  const redaction = redactSecrets(SEED_MANIFEST)
  if (redaction.kind !== 'redacted') throw new Error('the seed must redact')
  const { text, redacted } = redaction
  const payload: SharePayload = { source: text, view: 'graph', redactedSecrets: redacted }
  const v2 = fragment(payload, 'v2')
  const v1 = fragment(payload, 'v1')
  const link = `${ORIGIN}#${v2}`
  const lzJson = LZString.compressToEncodedURIComponent(JSON.stringify(payload))
  const withSecrets = fragment({ source: SEED_MANIFEST, view: 'graph' }, 'v2')
  return [
    { name: `seed link, Secrets redacted (v2, with ${ORIGIN})`, value: link.length, unit: 'chars', budget: `≤ ${SHARE_LINK_BUDGET_CHARS}`, ok: link.length <= SHARE_LINK_BUDGET_CHARS },
    { name: 'seed fragment v2 (DEFLATE + dictionary)', value: v2.length, unit: 'chars' },
    { name: 'seed fragment v1 (DEFLATE of JSON, no dictionary)', value: v1.length, unit: 'chars' },
    { name: 'seed payload JSON, lz-string compressToEncodedURIComponent', value: lzJson.length, unit: 'chars' },
    { name: 'v2 fragment ÷ lz-string', value: v2.length / lzJson.length, unit: '×' },
    { name: 'seed fragment v2 with Secret values included', value: withSecrets.length, unit: 'chars' },
  ]
}
