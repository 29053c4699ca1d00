/**
 * PCRE (what nginx and ingress-nginx's Lua use) to JavaScript RegExp. The common syntax is shared; this
 * rewrites the PCRE-only forms that have a JS equivalent and rejects the rest, so a pattern is either matched
 * exactly as nginx would or reported as unsupported — never silently matched differently.
 *
 * Patterns run against byte strings (one char per byte, see `normalize-uri.ts`), without the `u` flag, as
 * nginx runs PCRE without UTF-8 mode.
 *
 * Atomic groups and possessive quantifiers (docs/routing.md#pcre-constructs) are translated, not emulated:
 * `(?>X)` becomes `(?=(?<$aN>X))\k<$aN>` and `X*+` becomes `(?=(?<$pN>X*))\k<$pN>`. This is exact, not an
 * approximation: a JavaScript lookahead is atomic (once it has matched, backtracking never re-enters it, and the
 * captures it set stay), and the backreference then consumes exactly the text the group matched — which is
 * PCRE's definition of an atomic group, and `X*+` is by definition `(?>X*)` (pcre2pattern, "Atomic grouping and
 * possessive quantifiers"). The one cost is the added group, which shifts JavaScript's numbering: the added
 * groups are named `$…` (a name PCRE cannot spell, `regex/js-groups.ts`), backreferences are renumbered here,
 * and `regex/parse-regex.ts` reads the idiom back as an atomic node (so the counting matcher counts it as PCRE
 * does) while `regex/bounded-regex.ts` drops the added groups from every captures array: callers only ever see
 * PCRE's numbering. The alternative — matching atomic nodes only in `regex/backtrack.ts` — would give up the
 * native RegExp, and its speed, for every such pattern.
 *
 * Named groups in all three spellings (`(?<n>…)`, `(?P<n>…)`, `(?'n'…)`) become plain capture groups: PCRE and
 * JavaScript number named and unnamed groups alike by their opening parenthesis, and `pcreCaptureNames` (`pcre-groups.ts`) is the
 * one place that knows which number a name has (named backreferences are resolved through it).
 */
import { boundedMemo } from '../bounded-memo'
import { msg, type Message } from '../messages/message'
import { addedGroups, ATOMIC_PREFIX, jsNumbers, POSSESSIVE_PREFIX } from './regex/js-groups'
import { scanPcreGroups } from './pcre-groups'
import { parseRegex } from './regex/parse-regex'
import { HIGH, type ByteSet } from './regex/regex-ast'

export type TranslatedRegex =
  | { readonly kind: 'ok'; readonly source: string; readonly caseless: boolean }
  | { readonly kind: 'unsupported'; readonly reason: Message }

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7f',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  word: '\\w',
  xdigit: '0-9a-fA-F',
}

/**
 * PCRE2's escapes for sets of characters in 8-bit, non-UTF mode with its default tables (pcre2pattern, "Generic
 * character types"): outside a class as a class, inside one as its ranges. JavaScript's own `\s` and `\v` differ
 * (its `\s` also takes 0xa0; its `\v` is only 0x0b), so none is passed through.
 */
const CHARACTER_TYPES: Readonly<Record<string, { readonly outside: string; readonly inside: string }>> = {
  s: { outside: '[\\t-\\r ]', inside: '\\t-\\r ' },
  S: { outside: '[^\\t-\\r ]', inside: '\\x00-\\x08\\x0e-\\x1f!-\\uffff' },
  h: { outside: '[\\t \\xa0]', inside: '\\t \\xa0' },
  H: { outside: '[^\\t \\xa0]', inside: '\\x00-\\x08\\n-\\x1f!-\\x9f\\xa1-\\uffff' },
  v: { outside: '[\\n-\\r\\x85]', inside: '\\n-\\r\\x85' },
  V: { outside: '[^\\n-\\r\\x85]', inside: '\\x00-\\t\\x0e-\\x84\\x86-\\uffff' },
}

/** PCRE2's alphabetic assertion names (pcre2pattern, "Assertions" and "Atomic grouping") and their group form. */
const ALPHA_GROUPS: Readonly<Record<string, string>> = {
  atomic: '(?>', pla: '(?=', positive_lookahead: '(?=', nla: '(?!', negative_lookahead: '(?!',
  plb: '(?<=', positive_lookbehind: '(?<=', nlb: '(?<!', negative_lookbehind: '(?<!',
}

/** Letters PCRE2 has no escape for: it refuses to compile `\\i`, `\\u`, `\\L`, … (pcre2pattern, "Escaped characters"). */
const UNKNOWN_ESCAPES = 'ijlmquyFIJLMOTUY'

/** Marks a backreference (by PCRE number) until the JavaScript numbering is known; never in a byte string. */
const MARK = '\uffff'

const GROUP_NAME = '[A-Za-z_][A-Za-z0-9_]*'

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

const hexByte = (value: number): string => '\\x' + value.toString(16).padStart(2, '0')

/** PCRE's options that an inline setting (`(?i)`, `(?s:…)`, `(?-m)`) can change (pcre2pattern, "Internal option setting"). */
interface Options {
  readonly i: boolean
  readonly m: boolean
  readonly s: boolean
  readonly x: boolean
  readonly U: boolean
}

const NO_OPTIONS: Options = { i: false, m: false, s: false, x: false, U: false }

interface OpenGroup {
  /** Where the group starts in the output (a quantifier after its `)` wraps from here). */
  readonly at: number
  /** The added group's name when this is an atomic group. */
  readonly atomic: string | null
  /** The options before the group: a setting inside it lasts to its end. */
  readonly options: Options
}

/**
 * Applies an option setting such as `i`, `-i`, `is-x` or `^s` to `options`; refuses the options JavaScript
 * cannot follow: `n` (it changes which groups capture, and so every group number), `xx` and `J`.
 */
function setOptions(options: Options, setting: string): Options {
  const [on = '', off = ''] = setting.startsWith('^') ? [setting.slice(1), ''] : setting.split('-')
  if (/n|xx|J/.test(on) || /n|J/.test(off) || !/^[imsxU]*$/.test(on + off)) refuse(msg('pcre-group-unsupported', { group: setting.slice(0, 2) }))
  const next: Record<keyof Options, boolean> = setting.startsWith('^') ? { ...NO_OPTIONS } : { ...options }
  for (const letter of on) next[letter as keyof Options] = true
  for (const letter of off) next[letter as keyof Options] = false
  return next
}

/** A JavaScript class of exactly the characters in `set` (bytes as `\xHH`, everything above 0xff as one range). */
function classOf(set: ByteSet): string {
  let out = ''
  for (let code = 0; code <= 0xff; code++) {
    if (set[code] !== 1) continue
    let end = code
    while (end < 0xff && set[end + 1] === 1) end++
    out += end === code ? hexByte(code) : hexByte(code) + '-' + hexByte(end)
    code = end
  }
  if (set[HIGH] === 1) out += '\\u0100-\\uffff'
  return '[' + out + ']'
}

class Refused {
  constructor(readonly reason: Message) {}
}

const refuse = (reason: Message): never => {
  throw new Refused(reason)
}

/**
 * Translates a PCRE pattern; `caseless` starts as the location's `~*` flag and a leading `(?i)` sets it.
 * Returns `unsupported` for what JavaScript cannot express (docs/routing.md#pcre-constructs: inline flags after
 * the start, recursion and subroutine calls, conditionals, backtracking verbs, branch reset, callouts, `\K`,
 * `\X`, Unicode properties) and for anything `new RegExp` rejects.
 */
export function translatePcre(pattern: string, caseless: boolean): TranslatedRegex {
  return PLAIN_PATTERN.test(pattern) ? { kind: 'ok', source: pattern, caseless } : translateMemo(pattern, caseless)
}

/**
 * An optional `^` and characters that are literal and mean the same in PCRE and in JavaScript: the translation
 * is the pattern itself. Most locations of a regex-enforced host are such paths (`^/api/v1`), each one
 * different, so they skip the translator and its memo (pcre.test.ts checks the two agree).
 */
const PLAIN_PATTERN = /^\^?[A-Za-z0-9/_~%:@!,;='&-]*$/

// Kept by pattern: a cluster repeats a handful of patterns over thousands of locations.
const translateMemo = boundedMemo(4096, (pattern: string, caseless: boolean) => `${caseless ? 'i' : '-'}${pattern}`, translatePcreInFull)

/** The translator itself, without the plain-pattern shortcut (`translatePcre` is what callers use). */
export function translatePcreInFull(pattern: string, caseless: boolean): TranslatedRegex {
  let source = pattern
  let isCaseless = caseless
  // A leading (?i) makes the whole pattern caseless — JavaScript's `i` flag — unless a later setting may turn
  // it off again; every other setting is followed part by part (`translateBody`).
  const leading = /^\(\?i+\)/.exec(source)
  if (leading && !/\(\?[\^A-Za-z]*[-^]/.test(source.slice(leading[0].length))) {
    isCaseless = true
    source = source.slice(leading[0].length)
  }
  let out: string
  try {
    out = translateBody(source, isCaseless)
  } catch (error) {
    if (error instanceof Refused) return { kind: 'unsupported', reason: error.reason }
    throw error
  }
  try {
    new RegExp(out, isCaseless ? 'i' : '')
  } catch (error) {
    return { kind: 'unsupported', reason: msg('pcre-javascript-rejects', { detail: (error as Error).message }) }
  }
  return { kind: 'ok', source: out, caseless: isCaseless }
}

/** The escapes both inside and outside a class that stand for one character: its `\xHH` form, and its length. */
function characterEscape(source: string, i: number, inClass: boolean, groupCount: number): { readonly text: string; readonly length: number } | null {
  const next = source[i + 1] as string
  if (next === 'a') return { text: '\\x07', length: 2 }
  if (next === 'e') return { text: '\\x1b', length: 2 }
  if (next === 'x') {
    if (source[i + 2] === '{') {
      const close = source.indexOf('}', i + 3)
      const value = close === -1 ? NaN : parseInt(source.slice(i + 3, close), 16)
      if (!(value >= 0 && value <= 0xff)) refuse(msg('pcre-wide-hex-escape'))
      return { text: hexByte(value), length: close - i + 1 }
    }
    // Up to two hex digits; none at all is the character 0.
    const digits = /^[0-9a-fA-F]{0,2}/.exec(source.slice(i + 2))?.[0] ?? ''
    return { text: hexByte(digits === '' ? 0 : parseInt(digits, 16)), length: 2 + digits.length }
  }
  if (next === 'o' && source[i + 2] === '{') {
    const close = source.indexOf('}', i + 3)
    const value = close === -1 ? NaN : parseInt(source.slice(i + 3, close), 8)
    if (!(value >= 0 && value <= 0xff)) refuse(msg('pcre-wide-hex-escape'))
    return { text: hexByte(value), length: close - i + 1 }
  }
  if (next === 'c') {
    const letter = source[i + 2]
    if (letter === undefined || letter < ' ' || letter > '~') return null
    return { text: hexByte(letter.toUpperCase().charCodeAt(0) ^ 0x40), length: 3 }
  }
  if (/[0-9]/.test(next)) {
    const decimal = /^\d+/.exec(source.slice(i + 1))?.[0] as string
    // pcre2pattern, "Non-printing characters": outside a class, \1–\9, \8…, \9… and \N with at least N groups
    // are backreferences (the caller's business); otherwise up to three octal digits; \8 and \9 are literal.
    if (!inClass && next !== '0' && (Number(decimal) < 10 || next === '8' || next === '9' || Number(decimal) <= groupCount)) return null
    if (next === '8' || next === '9') return { text: next, length: 2 }
    const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1))?.[0] as string
    const value = parseInt(octal, 8)
    if (value > 0xff) refuse(msg('pcre-wide-hex-escape'))
    return { text: hexByte(value), length: 1 + octal.length }
  }
  return null
}

function translateBody(source: string, caseless: boolean): string {
  if (source.includes(MARK)) refuse(msg('regex-character-unsupported'))
  const { names, count: groupCount } = scanPcreGroups(source)
  let out = ''
  let options: Options = { ...NO_OPTIONS, i: caseless }
  /**
   * A character item under the options: in a caseless part of a case-sensitive pattern, both ASCII cases (PCRE's
   * default tables fold ASCII only); a case-sensitive part of a caseless pattern has no JavaScript form.
   */
  const character = (text: string): string => {
    if (options.i === caseless) return text
    const folded = parseRegex(text, true)
    const plain = parseRegex(text, false)
    if (folded === null || plain === null || folded.root.type !== 'set' || plain.root.type !== 'set') return refuse(msg('regex-case-sensitive-part'))
    const foldedSet = folded.root.set
    const plainSet = plain.root.set
    // No letters: the case rule changes nothing.
    if (foldedSet.every((member, code) => member === plainSet[code])) return text
    return options.i ? classOf(foldedSet) : refuse(msg('regex-case-sensitive-part'))
  }
  /** Where the item a quantifier would repeat starts in `out`, or -1. */
  let atomStart = -1
  let added = 0
  /** PCRE capture groups opened so far (for relative references, `\g{-1}`). */
  let opened = 0
  const opens: OpenGroup[] = []
  const item = (text: string): void => {
    atomStart = out.length
    out += text
  }
  const backreference = (group: number | undefined, spelled: string): void => {
    if (group === undefined || group < 1 || group > groupCount) refuse(msg('regex-no-such-group', { reference: spelled }))
    // JavaScript compares a backreference caselessly only under its `i` flag, for the whole pattern.
    if (options.i !== caseless) refuse(msg('regex-case-sensitive-part'))
    item(MARK + String(group) + MARK)
  }
  const namedReference = (name: string, spelled: string): void => backreference(names.get(name), spelled)

  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string
    const next = source[i + 1]
    const rest = source.slice(i)
    if (options.x && /[ \t\n\r\f\v]/.test(ch)) continue
    if (options.x && ch === '#') {
      const end = source.indexOf('\n', i)
      i = end === -1 ? source.length : end
      continue
    }
    if (ch === '\\') {
      if (next === undefined) refuse(msg('pcre-lone-backslash'))
      if (next === 'Q') {
        const end = source.indexOf('\\E', i + 2)
        for (const literal of source.slice(i + 2, end === -1 ? source.length : end)) item(character(escapeLiteral(literal)))
        i = end === -1 ? source.length : end + 1
        continue
      }
      // A \E without \Q is ignored.
      if (next === 'E') { i++; continue }
      const single = characterEscape(source, i, false, groupCount)
      if (single) { item(character(single.text)); i += single.length - 1; continue }
      const type = CHARACTER_TYPES[next as string]
      if (type) { item(type.outside); i++; continue }
      // nginx always matches from offset 0 (ngx_regex_exec), so \G, "at the start offset", is \A there.
      if (next === 'A' || next === 'G') { item('^'); i++; continue }
      if (next === 'z') { item('$'); i++; continue }
      if (next === 'Z') { item('(?=\\n?$)'); i++; continue }
      if (next === 'N') { item('[^\\n]'); i++; continue }
      // In non-UTF mode \C is one code unit: any byte, newline included.
      if (next === 'C') { item('[^]'); i++; continue }
      // \R is (?>\r\n|\n|\x0b|\f|\r|\x85) in 8-bit mode (pcre2pattern, "Newline sequences"); PCRE2 matches it
      // with one opcode (OP_ANYNL) that, like a possessive repeat, counts nothing: hence the possessive name.
      if (next === 'R') { item(atomic('\\r\\n|[\\n-\\r\\x85]', POSSESSIVE_PREFIX + String(++added))); i++; continue }
      if (next !== undefined && /[1-9]/.test(next)) {
        const digits = /^\d+/.exec(source.slice(i + 1))?.[0] as string
        backreference(Number(digits), '\\' + digits)
        i += digits.length
        continue
      }
      if (next === 'g') {
        const numbered = /^\\g(?:\{([-+]?\d+)\}|([-+]?\d+))/.exec(rest)
        if (numbered) {
          const spelled = (numbered[1] ?? numbered[2]) as string
          if (spelled.startsWith('+')) refuse(msg('regex-no-such-group', { reference: numbered[0] }))
          const value = Number(spelled)
          backreference(value < 0 ? opened + value + 1 : value, numbered[0])
          i += numbered[0].length - 1
          continue
        }
        const named = new RegExp(`^\\\\g\\{(${GROUP_NAME})\\}`).exec(rest)
        if (named) { namedReference(named[1] as string, named[0]); i += named[0].length - 1; continue }
        if (/^\\g[<']/.test(rest)) refuse(msg('regex-recursion-unsupported', { construct: rest.slice(0, 3) + '…' }))
        refuse(msg('pcre-g-reference'))
      }
      if (next === 'k') {
        const named = new RegExp(`^\\\\k(?:<(${GROUP_NAME})>|'(${GROUP_NAME})'|\\{(${GROUP_NAME})\\})`).exec(rest)
        if (!named) refuse(msg('regex-no-such-group', { reference: '\\k' }))
        const found = named as RegExpExecArray
        namedReference((found[1] ?? found[2] ?? found[3]) as string, found[0])
        i += found[0].length - 1
        continue
      }
      if ('KXpP'.includes(next as string)) refuse(msg('pcre-escape-unsupported', { letter: next as string }))
      if (UNKNOWN_ESCAPES.includes(next as string)) refuse(msg('regex-escape-unknown', { letter: next as string }))
      item(/[A-Za-z0-9]/.test(next as string) ? ch + (next as string) : character(ch + (next as string)))
      i++
      continue
    }
    if (ch === '[') {
      const end = translateClass(source, i, groupCount)
      item(character(end.text))
      i = end.last
      continue
    }
    if (ch === '(') {
      if (next === '*') {
        const alpha = /^\(\*([a-z_]+):/.exec(rest)
        const form = alpha ? ALPHA_GROUPS[alpha[1] as string] : undefined
        if (!alpha || form === undefined) refuse(msg('regex-verb-unsupported', { verb: /^\(\*[^):]*/.exec(rest)?.[0] ?? '(*' }))
        i += (alpha as RegExpExecArray)[0].length - 1
        openGroup(form as string)
        continue
      }
      if (next !== '?') { opened++; opens.push({ at: out.length, atomic: null, options }); out += '('; continue }
      const after = source.slice(i + 2)
      const named = new RegExp(`^(?:P?<${GROUP_NAME}>|'${GROUP_NAME}')`).exec(after)
      if (named) {
        opened++
        opens.push({ at: out.length, atomic: null, options })
        out += '('
        i += 1 + named[0].length
        continue
      }
      if (/^(?:[:=!>]|<[=!])/.test(after)) {
        const form = after.startsWith('<') ? '(?' + after.slice(0, 2) : '(?' + after.slice(0, 1)
        i += form.length - 1
        openGroup(form)
        continue
      }
      if (after.startsWith('#')) {
        const close = source.indexOf(')', i)
        if (close === -1) refuse(msg('regex-unclosed-comment'))
        i = close
        continue
      }
      const reference = new RegExp(`^P=(${GROUP_NAME})\\)`).exec(after)
      if (reference) { namedReference(reference[1] as string, '(?' + reference[0]); i += 1 + reference[0].length; continue }
      if (/^(?:R|[-+]?\d|&|P>)/.test(after)) refuse(msg('regex-recursion-unsupported', { construct: '(?' + after.slice(0, 2) + '…' }))
      if (after.startsWith('(')) refuse(msg('regex-conditional-unsupported'))
      if (after.startsWith('|')) refuse(msg('regex-branch-reset-unsupported'))
      if (after.startsWith('C')) refuse(msg('regex-callout-unsupported'))
      const setting = /^(\^?[A-Za-z]*(?:-[A-Za-z]*)?)([:)])/.exec(after)
      if (!setting) refuse(msg('pcre-group-unsupported', { group: after.slice(0, 2) }))
      const [whole, letters, end] = setting as RegExpExecArray
      i += 1 + whole.length
      if (end === ':') {
        opens.push({ at: out.length, atomic: null, options })
        out += '(?:'
      }
      options = setOptions(options, letters as string)
      continue
    }
    if (ch === ')') {
      const open = opens.pop()
      out += open?.atomic ? `))\\k<${open.atomic}>` : ')'
      atomStart = open ? open.at : -1
      if (open) options = open.options
      continue
    }
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(rest)
    if (quantifier) {
      const text = quantifier[0]
      const modifier = source[i + text.length]
      i += text.length - 1
      if (modifier === '+' && atomStart !== -1) {
        // X*+ is (?>X*) (pcre2pattern, "Atomic grouping and possessive quantifiers").
        out = out.slice(0, atomStart) + atomic(out.slice(atomStart) + text, POSSESSIVE_PREFIX + String(++added))
        i++
      } else if (modifier === '?') {
        // Under (?U) a quantifier is lazy and a following ? makes it greedy.
        out += options.U ? text : text + '?'
        i++
      } else out += options.U ? text + '?' : text
      atomStart = -1
      continue
    }
    if (ch === '|') { out += ch; atomStart = -1; continue }
    // PCRE's '.' excludes only \n (any character under (?s)) and its '$' also matches before a final \n; JS
    // differs on \r and on '$'. Under (?m), '^' also matches after a newline that is not the last character and
    // '$' before any newline (pcre2pattern, "Circumflex and dollar").
    if (ch === '.') { item(options.s ? '[^]' : '[^\\n]'); continue }
    if (ch === '$') { item(options.m ? '(?=\\n|$)' : '(?=\\n?$)'); continue }
    if (ch === '^' && options.m) { item('(?:^|(?<=\\n)(?!$))'); continue }
    item(character(ch))
  }
  return renumber(out)

  function openGroup(form: string): void {
    if (form === '(?>') {
      const name = ATOMIC_PREFIX + String(++added)
      opens.push({ at: out.length, atomic: name, options })
      out += `(?=(?<${name}>`
      return
    }
    opens.push({ at: out.length, atomic: null, options })
    out += form
  }
}

/** `(?=(?<name>body))\k<name>`: JavaScript's exact form of PCRE's `(?>body)` (see the module comment). */
function atomic(body: string, name: string): string {
  return `(?=(?<${name}>${body}))\\k<${name}>`
}

/** Replaces the backreference marks (PCRE numbers) with JavaScript's numbers, now that every added group is known. */
function renumber(out: string): string {
  if (!out.includes(MARK)) return out
  const numbers = jsNumbers(addedGroups(out.replace(new RegExp(`${MARK}\\d+${MARK}`, 'g'), '')))
  return out.replace(new RegExp(`${MARK}(\\d+)${MARK}(?=(\\d?))`, 'g'), (_mark, group: string, digit: string) => {
    const reference = '\\' + String(numbers[Number(group)])
    return digit === '' ? reference : `(?:${reference})`
  })
}

/** The JavaScript form of the class starting at `source[start]` (`[`), and the index of its closing `]`. */
function translateClass(source: string, start: number, groupCount: number): { readonly text: string; readonly last: number } {
  let out = '['
  let i = start + 1
  // PCRE reads a ']' right after '[' or '[^' as a literal; JS would close the class.
  if (source[i] === '^') { out += '^'; i++ }
  if (source[i] === ']') { out += '\\]'; i++ }
  for (; i < source.length; i++) {
    const ch = source[i] as string
    const next = source[i + 1]
    if (ch === ']') return { text: out + ']', last: i }
    if (ch === '\\') {
      if (next === undefined) refuse(msg('pcre-lone-backslash'))
      if (next === 'Q') {
        const end = source.indexOf('\\E', i + 2)
        out += source.slice(i + 2, end === -1 ? source.length : end).replace(/[\\\]^-]/g, '\\$&')
        i = end === -1 ? source.length : end + 1
        continue
      }
      if (next === 'E') { i++; continue }
      const single = characterEscape(source, i, true, groupCount)
      if (single) { out += single.text; i += single.length - 1; continue }
      const type = CHARACTER_TYPES[next as string]
      if (type) { out += type.inside; i++; continue }
      if ('KXpPNRgkG'.includes(next as string)) refuse(msg('pcre-escape-unsupported', { letter: next as string }))
      if (UNKNOWN_ESCAPES.includes(next as string)) refuse(msg('regex-escape-unknown', { letter: next as string }))
      out += ch + (next as string)
      i++
      continue
    }
    if (ch === '[' && next === ':') {
      const close = source.indexOf(':]', i + 2)
      const name = close === -1 ? '' : source.slice(i + 2, close)
      const negated = name.startsWith('^')
      const body = POSIX_CLASSES[negated ? name.slice(1) : name]
      if (body === undefined) refuse(msg('pcre-posix-class-unknown', { name }))
      if (negated) refuse(msg('pcre-posix-class-negated'))
      out += body as string
      i = close + 1
      continue
    }
    out += ch
  }
  // An unclosed class: JavaScript rejects it too, and so does PCRE.
  return { text: out, last: source.length }
}

/**
 * nginx's own unescaping of a configuration token (ngx_conf_read_token): `\"`, `\'` and `\\` lose the
 * backslash, `\t`, `\r`, `\n` become the control characters. ingress-nginx writes paths into nginx.conf raw, so
 * this is the pattern nginx actually compiles.
 */
export function unescapeNginxToken(token: string): string {
  if (!token.includes('\\')) return token
  let out = ''
  for (let i = 0; i < token.length; i++) {
    const ch = token[i] as string
    const next = token[i + 1]
    if (ch === '\\' && next !== undefined) {
      if (next === '"' || next === "'" || next === '\\') { out += next; i++; continue }
      if (next === 't') { out += '\t'; i++; continue }
      if (next === 'r') { out += '\r'; i++; continue }
      if (next === 'n') { out += '\n'; i++; continue }
    }
    out += ch
  }
  return out
}

/**
 * Reasons that mean PCRE itself refuses to compile the pattern (so `nginx -t` fails on it), as opposed to a
 * pattern nginx runs but this translation cannot express. One list for every place that writes a regex into
 * nginx.conf (locations, rewrites, server names).
 */
const PCRE_COMPILE_ERRORS: ReadonlySet<string> = new Set([
  'pcre-javascript-rejects',
  'pcre-lone-backslash',
  'pcre-wide-hex-escape',
  'pcre-posix-class-unknown',
  'regex-no-such-group',
  'regex-unclosed-comment',
  'regex-escape-unknown',
])

/** True when `reason` (from `translatePcre`) says PCRE would refuse the pattern, not only this translation. */
export function pcreRefusesPattern(reason: Message): boolean {
  return PCRE_COMPILE_ERRORS.has(reason.id)
}
