/**
 * PCRE (what nginx and ingress-nginx's Lua use) to JavaScript RegExp. The common syntax is shared; this
 * rewrites the PCRE-only forms that have a JS equivalent and rejects the rest, so a pattern is either matched
 * exactly as nginx would or reported as unsupported — never silently matched differently.
 *
 * Patterns run against byte strings (one char per byte, see `normalize-uri.ts`), without the `u` flag, as
 * nginx runs PCRE without UTF-8 mode.
 */
import { msg, type Message } from '../messages/message'

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

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

/**
 * Translates a PCRE pattern; `caseless` starts as the location's `~*` flag and a leading `(?i)` sets it.
 * Returns `unsupported` for constructs JS lacks (inline flags mid-pattern, possessive quantifiers, atomic
 * groups, recursion, conditionals) and for anything `new RegExp` rejects.
 */
export function translatePcre(pattern: string, caseless: boolean): TranslatedRegex {
  let source = pattern
  let isCaseless = caseless
  const leading = /^\(\?([a-zA-Z]+)\)/.exec(source)
  if (leading) {
    const flags = leading[1] as string
    if (!/^i+$/.test(flags)) return { kind: 'unsupported', reason: msg('pcre-inline-flags', { flags }) }
    isCaseless = true
    source = source.slice(leading[0].length)
  }
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string
    const next = source[i + 1]
    if (ch === '\\') {
      if (next === undefined) return { kind: 'unsupported', reason: msg('pcre-lone-backslash') }
      if (next === 'Q') {
        const end = source.indexOf('\\E', i + 2)
        const literal = source.slice(i + 2, end === -1 ? source.length : end)
        out += inClass ? literal.replace(/[\\\]^-]/g, '\\$&') : escapeLiteral(literal)
        i = end === -1 ? source.length : end + 1
        continue
      }
      if (next === 'A' && !inClass) { out += '^'; i++; continue }
      if ((next === 'z' || next === 'Z') && !inClass) { out += next === 'z' ? '$' : '(?=\\n?$)'; i++; continue }
      if (next === 'h') { out += inClass ? ' \\t' : '[ \\t]'; i++; continue }
      // JS \s also matches 0xa0 (a byte here); PCRE's does not.
      if (next === 's') { out += inClass ? '\\t-\\r ' : '[\\t-\\r ]'; i++; continue }
      if (next === 'S' && !inClass) { out += '[^\\t-\\r ]'; i++; continue }
      if (next === 'e') { out += '\\x1b'; i++; continue }
      if (next === 'x' && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3)
        const value = close === -1 ? NaN : parseInt(source.slice(i + 3, close), 16)
        if (!(value >= 0 && value <= 0xff)) return { kind: 'unsupported', reason: msg('pcre-wide-hex-escape') }
        out += '\\x' + value.toString(16).padStart(2, '0')
        i = close
        continue
      }
      if (next === 'g') {
        const ref = /^g\{?(\d+)\}?/.exec(source.slice(i + 1))
        if (!ref) return { kind: 'unsupported', reason: msg('pcre-g-reference') }
        out += '\\' + ref[1]
        i += ref[0].length
        continue
      }
      if ('GKRXCpPN'.includes(next)) return { kind: 'unsupported', reason: msg('pcre-escape-unsupported', { letter: next }) }
      out += ch + next
      i++
      continue
    }
    if (inClass) {
      if (ch === '[' && next === ':') {
        const close = source.indexOf(':]', i + 2)
        const name = close === -1 ? '' : source.slice(i + 2, close)
        const negated = name.startsWith('^')
        const body = POSIX_CLASSES[negated ? name.slice(1) : name]
        if (body === undefined) return { kind: 'unsupported', reason: msg('pcre-posix-class-unknown', { name }) }
        if (negated) return { kind: 'unsupported', reason: msg('pcre-posix-class-negated') }
        out += body
        i = close + 1
        continue
      }
      if (ch === ']') inClass = false
      out += ch
      continue
    }
    if (ch === '[') {
      inClass = true
      out += ch
      // PCRE reads a ']' right after '[' or '[^' as a literal; JS would close the class.
      if (next === '^') { out += '^'; i++ }
      if (source[i + 1] === ']') { out += '\\]'; i++ }
      continue
    }
    if (ch === '(' && next === '?') {
      const rest = source.slice(i + 2)
      if (rest.startsWith('P<')) { out += '(?<'; i += 3; continue }
      if (/^(?:[:=!]|<[=!]|<[A-Za-z_])/.test(rest)) { out += ch; continue }
      return { kind: 'unsupported', reason: msg('pcre-group-unsupported', { group: rest.slice(0, 2) }) }
    }
    if ((ch === '+' || ch === '}') && next === '+') {
      return { kind: 'unsupported', reason: msg('pcre-possessive') }
    }
    if ((ch === '*' || ch === '?') && next === '+') {
      return { kind: 'unsupported', reason: msg('pcre-possessive') }
    }
    // PCRE's '.' excludes only \n and its '$' also matches before a final \n; JS differs on \r and on '$'.
    if (ch === '.') { out += '[^\\n]'; continue }
    if (ch === '$') { out += '(?=\\n?$)'; continue }
    out += ch
  }
  try {
    new RegExp(out, isCaseless ? 'i' : '')
  } catch (error) {
    return { kind: 'unsupported', reason: msg('pcre-javascript-rejects', { detail: (error as Error).message }) }
  }
  return { kind: 'ok', source: out, caseless: isCaseless }
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
 * The named groups of a PCRE pattern (`(?<name>…)`, `(?P<name>…)`, `(?'name'…)`) and their group numbers: nginx
 * makes each a variable (`$name`) usable in a rewrite's replacement, beside `$1`–`$9`. Groups are numbered by
 * their opening parenthesis, as PCRE numbers them (named groups count too; `(?:`, lookarounds and atomic groups
 * do not).
 */
export function pcreCaptureNames(pattern: string): ReadonlyMap<string, number> {
  const names = new Map<string, number>()
  let group = 0
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '\\') {
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2)
        i = end === -1 ? pattern.length : end + 1
      } else i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      continue
    }
    if (ch === '[') {
      inClass = true
      if (pattern[i + 1] === '^') i++
      if (pattern[i + 1] === ']') i++
      continue
    }
    if (ch !== '(') continue
    if (pattern[i + 1] !== '?') {
      if (pattern[i + 1] !== '*') group++
      continue
    }
    const named = /^\?(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(pattern.slice(i + 1))
    if (named) {
      group++
      const name = (named[1] ?? named[2]) as string
      if (!names.has(name)) names.set(name, group)
    }
  }
  return names
}
