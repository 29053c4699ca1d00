/**
 * Names as Kubernetes makes them: the pod-template-hash of a ReplicaSet (an FNV-1a hash of the template,
 * printed in decimal and mapped onto the "safe" alphabet, so it uses only 4-9, b, c, d, f), pod name suffixes
 * of five safe characters, pod IPs, and the "bumped" image tag used when no new image is given.
 */
import type { Prng } from './prng'

/** `k8s.io/apimachinery/pkg/util/rand` alphanums: no vowels and no confusable characters. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/** 32-bit FNV-1a of the UTF-16 code units of `text`. */
export function hashFnv1a32(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** `rand.SafeEncodeString`: each byte to `SAFE_ALPHABET[byte % 27]`. */
export function safeEncode(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length]
  return out
}

/** The pod-template-hash label value for a template described by `canonical` (any stable text of it). */
export function computeTemplateHash(canonical: string): string {
  return safeEncode(String(hashFnv1a32(canonical)))
}

/** Five random safe characters, as `generateName` appends to a ReplicaSet's name for its pods. */
export function generatePodSuffix(prng: Prng): string {
  let out = ''
  for (let i = 0; i < 5; i++) out += SAFE_ALPHABET[prng.nextInt(SAFE_ALPHABET.length)]
  return out
}

/** A pod IP in the cluster's pod CIDR (10.244.0.0/16) for the n-th pod of the simulation. */
export function podIp(n: number): string {
  const host = n + 2
  return `10.244.${Math.floor(host / 250) % 256}.${(host % 250) + 2}`
}

/**
 * The image a "new version" gets when none is given: the last number in the tag goes up by one
 * (`acadx0/190713:v1` → `:v2`, `nginx:1.14.2` → `nginx:1.14.3`); a tag without digits gets `-2`, an image
 * without a tag gets `:2`. A digest (`@sha256:…`) is dropped first.
 */
export function bumpImageTag(image: string): string {
  const withoutDigest = image.split('@')[0]!
  const slash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.lastIndexOf(':')
  if (colon <= slash) return `${withoutDigest}:2`
  const repository = withoutDigest.slice(0, colon)
  const tag = withoutDigest.slice(colon + 1)
  const match = /^(.*?)(\d+)(\D*)$/.exec(tag)
  if (!match) return `${repository}:${tag}-2`
  const digits = match[2]!
  const next = String(Number.parseInt(digits, 10) + 1).padStart(digits.length, '0')
  return `${repository}:${match[1]}${next}${match[3]}`
}
