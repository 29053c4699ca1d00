/**
 * A short string a path regex matches from its start (docs/migration.md#parity): the generator's "regex edge"
 * requests are this string, the string one character past it, and the string behind an extra leading segment.
 * A small walk over the PCRE / RE2 subset paths use: literals, escapes, `.`, classes, groups (first
 * alternative), quantifiers at their minimum (`+` once), anchors skipped. Not a general sampler: the requests it
 * feeds are probes, and both routers decide what they match.
 */

const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: '0', w: 'a', s: '', D: 'a', W: '-', S: 'a' }

/** The example's text for one parsed piece and where the piece ends. */
interface Piece {
  readonly text: string
  readonly end: number
}

function readClass(source: string, start: number): Piece {
  // `[` … `]`: the first character a non-negated class allows; a negated class gets a letter it rarely excludes.
  let i = start + 1
  const negated = source[i] === '^'
  if (negated) i++
  let first: string | null = null
  if (source[i] === ']') {
    first = ']'
    i++
  }
  while (i < source.length && source[i] !== ']') {
    if (source[i] === '\\' && i + 1 < source.length) {
      first ??= CLASS_ESCAPES[source[i + 1] as string] ?? (source[i + 1] as string)
      i += 2
      continue
    }
    first ??= source[i] as string
    i++
  }
  return { text: negated ? 'a' : (first ?? ''), end: Math.min(i + 1, source.length) }
}

function readGroup(source: string, start: number): Piece {
  let depth = 0
  let i = start
  for (; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') {
      i++
      continue
    }
    if (ch === '[') {
      i = readClass(source, i).end - 1
      continue
    }
    if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) break
  }
  let inner = source.slice(start + 1, i)
  if (inner.startsWith('?')) inner = inner.replace(/^\?(?:<[A-Za-z_][A-Za-z0-9_]*>|P<[A-Za-z_][A-Za-z0-9_]*>|[:>=!]|[a-zA-Z-]+:|[a-zA-Z-]+\))/, '')
  return { text: regexExample(firstAlternative(inner)), end: i + 1 }
}

/** The first alternative at the top level of `source`. */
function firstAlternative(source: string): string {
  let depth = 0
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') i++
    else if (ch === '[') i = readClass(source, i).end - 1
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === '|' && depth === 0) return source.slice(0, i)
  }
  return source
}

function readAtom(source: string, i: number): Piece {
  const ch = source[i] as string
  if (ch === '\\') {
    const next = source[i + 1] ?? ''
    return { text: CLASS_ESCAPES[next] ?? (/[bBAzZ]/.test(next) ? '' : next), end: i + 2 }
  }
  if (ch === '[') return readClass(source, i)
  if (ch === '(') return readGroup(source, i)
  if (ch === '.') return { text: 'a', end: i + 1 }
  if (ch === '^' || ch === '$') return { text: '', end: i + 1 }
  return { text: ch, end: i + 1 }
}

/** A string `source` matches from its start (its first alternative, every quantifier at its minimum but `+`). */
export function regexExample(source: string): string {
  const alternative = firstAlternative(source)
  let out = ''
  let i = 0
  while (i < alternative.length) {
    const atom = readAtom(alternative, i)
    i = atom.end
    const quantifier = alternative[i]
    if (quantifier === '*' || quantifier === '?') {
      i++
      if (alternative[i] === '?' || alternative[i] === '+') i++
      continue
    }
    if (quantifier === '+') {
      i++
      if (alternative[i] === '?' || alternative[i] === '+') i++
      out += atom.text
      continue
    }
    if (quantifier === '{') {
      const close = alternative.indexOf('}', i)
      const min = close === -1 ? NaN : Number.parseInt(alternative.slice(i + 1, close), 10)
      if (!Number.isNaN(min)) {
        out += atom.text.repeat(Math.min(min, 8))
        i = close + 1
        if (alternative[i] === '?' || alternative[i] === '+') i++
        continue
      }
    }
    out += atom.text
  }
  return out
}
