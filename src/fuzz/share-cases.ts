/**
 * Share-codec inputs: scenarios with planted Secret values and hostile sections (to encode with default redaction
 * and decode again), and tampered links (truncated, bit-flipped, oversized, wrong version, undecodable, zip
 * bombs, valid-looking payloads with hostile headers) to decode.
 */
import { deflateSync } from 'fflate'
import { encodeShareLink, MAX_ENCODED_CHARS, RULES, type SharePayload } from '../engine'
import { hostileNumber, hostileString, pathValue, wrongTypeValue } from './hostile-values'
import { anyObject } from './manifest-objects'
import { filesText, mutateText } from './manifest-text'
import type { Rng } from './rng'
import { scenarioObjects } from './manifest-cases'
import { secretDocument } from './secret-documents'

export interface ShareCase {
  readonly payload: SharePayload
  /** Values planted in Secrets that every reading of the text keeps Secret (empty when the text was damaged). */
  readonly plantedSecrets: readonly string[]
  /** True when the whole text was damaged, so a planted value may no longer be a Secret's. */
  readonly damaged: boolean
}

/** A section value: well-formed mostly, of any shape sometimes (the decoder must drop it, not trust it). */
function section<T>(rng: Rng, wellFormed: () => T): T {
  return (rng.chance(0.8) ? wellFormed() : wrongTypeValue(rng)) as T
}

function sections(rng: Rng): Omit<SharePayload, 'source'> {
  const out: Record<string, unknown> = {}
  if (rng.chance(0.5)) out.title = section(rng, () => hostileString(rng))
  if (rng.chance(0.5)) out.view = section(rng, () => rng.pick(['routes', 'graph', 'timeline', 'diagnostics', hostileString(rng)]))
  if (rng.chance(0.4)) {
    out.tester = section(rng, () => ({
      requests: Array.from({ length: rng.weighted([[5, 1], [2, 3], [1, 101]] as const) }, () => ({
        url: `http://foo.bar.com${pathValue(rng)}`,
        ...(rng.chance(0.3) ? { method: rng.pick(['GET', 'POST', 'get', 'G E T', hostileString(rng)]) } : {}),
        ...(rng.chance(0.3) ? { headers: { [hostileString(rng)]: hostileString(rng) } } : {}),
      })),
      selected: rng.chance(0.8) ? 0 : hostileNumber(rng),
    }))
  }
  if (rng.chance(0.4)) out.simulation = section(rng, () => ({ deployment: rng.pick(['app', 'default/app', hostileString(rng)]), parameters: { rps: hostileNumber(rng), durationSeconds: rng.chance(0.5) ? null : hostileNumber(rng), sigterm: rng.pick(['graceful', 'nope']) } }))
  if (rng.chance(0.3)) out.timeline = section(rng, () => ({ cursorSeconds: hostileNumber(rng), speed: hostileNumber(rng) }))
  if (rng.chance(0.3)) out.rules = section(rng, () => ({ [rng.chance(0.8) ? rng.pick(RULES).id : hostileString(rng)]: { enabled: rng.chance(0.5), severity: rng.pick(['error', 'warning', 'info', 'loud']) } }))
  if (rng.chance(0.2)) out.preset = section(rng, () => ({ id: rng.pick(['seed', 'canary', hostileString(rng)]), step: hostileNumber(rng) }))
  if (rng.chance(0.05)) out[hostileString(rng) || 'extra'] = wrongTypeValue(rng)
  if (rng.chance(0.03)) Object.assign(out, JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as object)
  return out
}

/** A scenario whose manifest holds one to three Secrets among other objects. */
export function shareCase(rng: Rng): ShareCase {
  const planted: string[] = []
  const documents: string[] = []
  for (let i = rng.int(1, 3); i > 0; i--) {
    const secret = secretDocument(rng)
    planted.push(...secret.values)
    documents.push(secret.text)
  }
  for (let i = rng.int(0, 3); i > 0; i--) {
    // The other documents may be damaged on their own; the Secrets stay readable.
    const object = rng.chance(0.5) ? anyObject(rng) : (scenarioObjects(rng)[0] ?? anyObject(rng))
    documents.splice(rng.int(0, documents.length), 0, mutateText(rng, filesText(rng, [object]), rng.weighted([[3, 0], [1, 1]] as const)))
  }
  let source = documents.map((text) => (text.endsWith('\n') ? text : `${text}\n`)).join('---\n')
  if (rng.chance(0.15)) source = source.replace(/\n/g, '\r\n')
  if (rng.chance(0.05)) source = `\ufeff${source}`
  const damaged = rng.chance(0.25)
  if (damaged) source = mutateText(rng, source, rng.int(1, 3))
  return { payload: { source, ...sections(rng) } as SharePayload, plantedSecrets: damaged ? [] : planted, damaged }
}

let bombCache: string | undefined
/** A v1 link that inflates to 64 MiB of zeros: the decoder must stop at its cap (made once; deflating takes a while). */
function zipBomb(): string {
  bombCache ??= `v1.${Buffer.from(deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 })).toString('base64url')}`
  return bombCache
}

function flipBits(rng: Rng, text: string): string {
  const chars = [...text]
  for (let i = rng.int(1, 3); i > 0; i--) {
    const at = rng.int(0, chars.length - 1)
    chars[at] = String.fromCharCode((chars[at] as string).charCodeAt(0) ^ (1 << rng.int(0, 6)))
  }
  return chars.join('')
}

/** A hostile fragment derived from `valid` (a link this run encoded) or made from scratch. */
export function tamperedLink(rng: Rng, valid: string): string {
  const [, body = ''] = valid.split('.', 2)
  return rng.weighted<() => string>([
    [3, () => valid.slice(0, rng.int(0, valid.length))],
    [3, () => flipBits(rng, valid)],
    [1, () => `${valid}${rng.pick(['A', '==', '.', '%', '#', hostileString(rng)])}`],
    [1, () => `#${valid}`],
    [1, () => `v${rng.pick(['0', '3', '9', '999999', '1234567', '-1', '02', ''])}.${body}`],
    [1, () => `v1.${body}`],
    [1, () => `v2.${'A'.repeat(MAX_ENCODED_CHARS + rng.int(1, 10))}`],
    [1, () => `v2.${Array.from({ length: rng.int(0, 2000) }, () => String.fromCharCode(rng.int(33, 126))).join('')}`],
    [1, () => `v1.${Buffer.from(deflateSync(Buffer.from(rng.pick(['{}', '[]', 'null', '{"source": 7}', '{"source": "x", "selection": {"view": {"a": 1}}}', '{"source":"' + 'a'.repeat(2000) + '"}', '[' .repeat(5000) + ']'.repeat(5000), `{"source": ${JSON.stringify(hostileString(rng))}, "playback": {"cursorSeconds": 1e999}}`])))).toString('base64url')}`],
    [1, () => {
      // Valid framing around a header of the wrong shape: the codec's own encoder writes what it is given.
      const encoded = encodeShareLink({ source: hostileString(rng), ...(wrongTypeValue(rng) as object) } as SharePayload)
      return encoded.kind === 'ok' ? encoded.fragment : valid
    }],
    [1, () => (rng.chance(0.1) ? zipBomb() : `v2.${Buffer.from(deflateSync(new Uint8Array(rng.int(0, 2 * 1024 * 1024)))).toString('base64url')}`)],
    [1, () => hostileString(rng)],
  ])()
}
