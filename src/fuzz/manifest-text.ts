/**
 * Objects → manifest text in the styles people write (block YAML, flow YAML, JSON, `kind: List`, several
 * documents), then damage at the text level: duplicate keys, tabs, CRLF and lone CR, control characters, NUL,
 * bidi, deep nesting, alias bombs, long lines, truncation, and raw byte junk. The damage is what no object
 * generator can produce, because it is not YAML any more, or only just.
 */
import { stringify } from 'yaml'
import { CONTROL_SAMPLES, hostileString } from './hostile-values'
import type { Rng } from './rng'

/** One object as the text of one document. */
export function objectText(rng: Rng, object: unknown): string {
  try {
    return rng.weighted<() => string>([
      [6, () => stringify(object, { lineWidth: 0 })],
      [1, () => stringify(object, { collectionStyle: 'flow', lineWidth: 0 })],
      [1, () => stringify(object, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })],
      [1, () => stringify(object, { indent: 4, indentSeq: false, lineWidth: 0 })],
      [2, () => JSON.stringify(object, null, rng.chance(0.5) ? 2 : undefined) + '\n'],
    ])()
  } catch {
    // A lone surrogate or a cycle the serializer refuses: the JSON form says the same in escapes.
    return JSON.stringify(object) + '\n'
  }
}

/** Several objects as one file: documents separated by `---`, or one `kind: List`. */
export function filesText(rng: Rng, objects: readonly unknown[]): string {
  if (objects.length > 1 && rng.chance(0.15)) return objectText(rng, { apiVersion: 'v1', kind: 'List', items: objects })
  const separator = rng.weighted([[8, '---\n'], [1, '--- \n'], [1, '...\n---\n']] as const)
  return (rng.chance(0.1) ? '---\n' : '') + objects.map((object) => objectText(rng, object)).join(separator)
}

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at)
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function deepNesting(rng: Rng): string {
  const depth = rng.weighted([[4, 20], [3, 127], [3, 129], [2, 200], [1, 600], [1, 2000], [1, 20_000]] as const)
  return rng.chance(0.5) ? `deep: ${'['.repeat(depth)}${']'.repeat(rng.chance(0.8) ? depth : 0)}\n` : `deep:\n${Array.from({ length: Math.min(depth, 3000) }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`
}

function aliasBomb(rng: Rng): string {
  const levels = rng.int(3, 10)
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`)
  return lines.join('\n') + '\n'
}

/** Raw junk: random code points, bytes read as Latin-1, or a binary-looking prefix. */
export function junkText(rng: Rng): string {
  const length = rng.weighted([[1, 0], [1, 1], [2, 7], [3, 100], [3, 1000], [1, 20_000]] as const)
  return rng.weighted<() => string>([
    [2, () => String.fromCharCode(...Array.from({ length: Math.min(length, 10_000) }, () => rng.int(0, 255)))],
    [1, () => Array.from({ length: Math.min(length, 5000) }, () => String.fromCodePoint(rng.int(0, 0x10ffff))).join('').replace(/[\ud800-\udfff]/g, (c) => (rng.chance(0.5) ? c : 'x'))],
    [1, () => '\u0089PNG\r\n\u001a\n' + 'x'.repeat(length)],
    [1, () => Array.from({ length: Math.min(length, 2000) }, () => rng.pick(['{', '}', '[', ']', ':', ',', '-', '"', "'", '&', '*', '!', '|', '>', '#', '\n', ' ', '\t', 'a', '?'])).join('')],
  ])()
}

type Mutation = (rng: Rng, text: string) => string

const MUTATIONS: readonly (readonly [number, Mutation])[] = [
  [3, (rng, text) => { // duplicate a line: duplicate keys, or a repeated list item
    const lines = text.split('\n')
    const at = rng.int(0, lines.length - 1)
    lines.splice(at, 0, lines[at] as string)
    return lines.join('\n')
  }],
  [2, (_rng, text) => text.replace(/\n/g, '\r\n')],
  [1, (rng, text) => text.replace(/\n/g, () => (rng.chance(0.3) ? '\r' : '\n'))],
  [2, (rng, text) => { // tab indentation on one line
    const starts = lineStarts(text)
    const at = rng.pick(starts)
    return insertAt(text, at, '\t')
  }],
  [3, (rng, text) => insertAt(text, rng.int(0, text.length), rng.pick(CONTROL_SAMPLES))],
  [3, (rng, text) => insertAt(text, rng.int(0, text.length), hostileString(rng))],
  [2, (rng, text) => text.slice(0, rng.int(0, text.length))],
  [2, (rng, text) => { // delete a range
    const start = rng.int(0, text.length)
    return text.slice(0, start) + text.slice(start + rng.int(1, 40))
  }],
  [2, (rng, text) => { // flip bits of a few characters
    const chars = [...text]
    for (let i = rng.int(1, 4); i > 0 && chars.length > 0; i--) {
      const at = rng.int(0, chars.length - 1)
      chars[at] = String.fromCharCode(((chars[at] as string).charCodeAt(0) ^ (1 << rng.int(0, 7))) & 0xffff)
    }
    return chars.join('')
  }],
  [1, (rng, text) => insertAt(text, rng.pick(lineStarts(text)), deepNesting(rng))],
  [1, (rng, text) => `${aliasBomb(rng)}${text}`],
  [1, (rng, text) => `${text}\n---\n${aliasBomb(rng)}`],
  [1, (rng, text) => insertAt(text, rng.pick(lineStarts(text)), `# ${'x'.repeat(rng.weighted([[20, 1000], [2, 100_000], [1, 1_000_000]] as const))}\n`)],
  [1, (rng, text) => insertAt(text, rng.pick(lineStarts(text)), rng.pick(['---\n', '...\n', '%YAML 1.1\n---\n', '? [a, b]\n: c\n', '<<: *nope\n', '&x\n', '!!binary |\n  AAAA\n', 'apiVersion: v1\n', 'kind: List\n', 'items: 7\n']))],
  [1, (_rng, text) => `\ufeff${text}`],
  [1, (rng, text) => { // swap two lines
    const lines = text.split('\n')
    const a = rng.int(0, lines.length - 1)
    const b = rng.int(0, lines.length - 1)
    ;[lines[a], lines[b]] = [lines[b] as string, lines[a] as string]
    return lines.join('\n')
  }],
  [1, (rng, text) => text.replace(/: /g, () => (rng.chance(0.1) ? ':\t' : ': '))],
  [1, (rng) => junkText(rng)],
]

/** `count` mutations of `text`, each chosen by weight. */
export function mutateText(rng: Rng, text: string, count: number): string {
  let out = text
  for (let i = 0; i < count; i++) out = rng.weighted(MUTATIONS)(rng, out)
  return out
}

/** The one oversized input per many: just past the engine's input cap, or a megabyte line. */
export function oversizedText(rng: Rng, text: string): string {
  return rng.chance(0.5) ? text + '#' + 'x'.repeat(5 * 1024 * 1024) + '\n' : `${text}\nlong: ${'y'.repeat(1024 * 1024)}\n`
}
