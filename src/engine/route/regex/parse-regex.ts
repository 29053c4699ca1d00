/**
 * Parses the JavaScript source `translatePcre` (`../pcre.ts`) produces into a `ParsedRegex`, so the engine can
 * run it with its own bounded matcher. Hand-written rather than a parser library (regjsparser, regexp-tree):
 * the input is the already-checked, small subset `pcre.ts` emits, the tree must carry PCRE's meaning (`$`,
 * unset backreferences, ASCII-only caseless sets) rather than JavaScript's, and the engine takes no extra
 * dependency into the worker for it. Returns null for anything outside the subset; callers then report the
 * regex as not evaluable instead of guessing.
 *
 * The translation's atomic idiom `(?=(?<$aN>X))\k<$aN>` (and `$pN` for a possessive quantifier, `js-groups.ts`)
 * is read back as an `atomic` node, and its added group is not a capture: the tree numbers groups as PCRE does,
 * and backreferences, written with JavaScript's numbers, are mapped back to PCRE's.
 */
import { addedGroups } from './js-groups'
import { addChar, addRange, charSet, emptySet, HIGH, type ByteSet, type ParsedRegex, type RegexNode } from './regex-ast'

/** How `translatePcre` writes PCRE's `$`: end of subject, or before a final newline. */
const PCRE_DOLLAR = '(?=\\n?$)'

class Unsupported extends Error {}

function classEscape(code: string): ByteSet | null {
  const set = emptySet()
  switch (code) {
    case 'd': addRange(set, 48, 57, false); return set
    case 'w': addRange(set, 48, 57, false); addRange(set, 65, 90, false); addRange(set, 97, 122, false); set[95] = 1; return set
    // JavaScript's \s among bytes (the `pcre.ts` translation writes PCRE's \s as explicit ranges).
    case 's': addRange(set, 9, 13, false); set[32] = 1; set[160] = 1; set[HIGH] = 1; return set
    case 'D': case 'W': case 'S': {
      const positive = classEscape(code.toLowerCase()) as ByteSet
      for (let i = 0; i <= HIGH; i++) set[i] = positive[i] === 1 ? 0 : 1
      if (code === 'S') set[HIGH] = 1
      return set
    }
    default: return null
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 }

function countGroups(source: string): number {
  let groups = 0
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') { i++; continue }
    if (inClass) { if (ch === ']') inClass = false; continue }
    if (ch === '[') inClass = true
    else if (ch === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) groups++
  }
  return groups
}

class Parser {
  private at = 0
  private nextGroup = 1
  /** PCRE's number of each JavaScript group (the translation's added groups get 0; see the module comment). */
  private readonly pcreNumber: readonly number[]
  constructor(private readonly source: string, private readonly caseless: boolean, private readonly totalGroups: number) {
    const numbers: number[] = []
    let pcre = 0
    for (const added of addedGroups(source)) numbers.push(added ? 0 : pcre++)
    this.pcreNumber = numbers
  }

  parse(): RegexNode {
    const node = this.alternation()
    if (this.at < this.source.length) throw new Unsupported('unbalanced )')
    return node
  }

  get groups(): number {
    return this.nextGroup - 1
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.at + offset]
  }

  private alternation(): RegexNode {
    const alternatives = [this.sequence()]
    while (this.peek() === '|') {
      this.at++
      alternatives.push(this.sequence())
    }
    return alternatives.length === 1 ? (alternatives[0] as RegexNode) : { type: 'alt', alternatives }
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = []
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified(this.atom()))
    }
    return items.length === 1 ? (items[0] as RegexNode) : { type: 'seq', items }
  }

  private quantified(atom: RegexNode): RegexNode {
    const ch = this.peek()
    let min: number
    let max: number
    if (ch === '*') { min = 0; max = Infinity; this.at++ }
    else if (ch === '+') { min = 1; max = Infinity; this.at++ }
    else if (ch === '?') { min = 0; max = 1; this.at++ }
    else if (ch === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at))
      if (!braces) return atom
      min = Number(braces[1])
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3])
      this.at += braces[0].length
    } else return atom
    if (atom.type === 'assert' || atom.type === 'look') throw new Unsupported('a quantified assertion')
    const greedy = this.peek() !== '?'
    if (!greedy) this.at++
    return { type: 'repeat', body: atom, min, max, greedy }
  }

  private atom(): RegexNode {
    const ch = this.peek() as string
    if (this.source.startsWith(PCRE_DOLLAR, this.at)) {
      this.at += PCRE_DOLLAR.length
      return { type: 'assert', kind: 'dollar' }
    }
    this.at++
    switch (ch) {
      case '(': return this.group()
      case '[': return { type: 'set', set: this.characterClass() }
      case '.': {
        const set = emptySet()
        addRange(set, 0, HIGH, false)
        set[10] = 0
        set[13] = 0
        return { type: 'set', set }
      }
      case '^': return { type: 'assert', kind: 'start' }
      case '$': return { type: 'assert', kind: 'end' }
      case '\\': return this.escape()
      case '*': case '+': case '?': throw new Unsupported('nothing to repeat')
      default: return { type: 'set', set: charSet(ch.charCodeAt(0), this.caseless) }
    }
  }

  private group(): RegexNode {
    let capture: number | null = null
    let look: { behind: boolean; negated: boolean } | null = null
    if (this.peek() === '?') {
      const kind = this.source.slice(this.at + 1, this.at + 3)
      if (kind.startsWith(':')) this.at += 2
      else if (kind === '=(' && this.source.startsWith('(?<$', this.at + 2)) return this.atomic()
      else if (kind.startsWith('=') || kind.startsWith('!')) { look = { behind: false, negated: kind[0] === '!' }; this.at += 2 }
      else if (kind === '<=' || kind === '<!') { look = { behind: true, negated: kind[1] === '!' }; this.at += 3 }
      else if (kind.startsWith('<')) {
        // The translation writes PCRE's named groups as plain ones (names map to numbers only in `pcreCaptureNames`).
        const name = /^\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(this.source.slice(this.at))
        if (!name) throw new Unsupported('a group name')
        capture = this.nextGroup++
        this.at += name[0].length
      } else throw new Unsupported(`the group (?${kind}`)
    } else capture = this.nextGroup++
    const body = this.alternation()
    if (this.peek() !== ')') throw new Unsupported('an unclosed group')
    this.at++
    if (look) return { type: 'look', behind: look.behind, negated: look.negated, body }
    return { type: 'group', capture, body }
  }

  /** The translation's `(?=(?<$aN>X))\k<$aN>` (`this.at` is after its first `(`): PCRE's `(?>X)`. */
  private atomic(): RegexNode {
    const open = /^\?=\(\?<(\$[ap]\d+)>/.exec(this.source.slice(this.at))
    if (!open) throw new Unsupported('an added group')
    this.at += open[0].length
    const body = this.alternation()
    const close = `))\\k<${open[1] as string}>`
    if (!this.source.startsWith(close, this.at)) throw new Unsupported('an atomic group')
    this.at += close.length
    return { type: 'atomic', body, possessive: (open[1] as string).startsWith('$p') }
  }

  private escape(): RegexNode {
    const ch = this.peek()
    if (ch === undefined) throw new Unsupported('a lone backslash')
    if (ch === 'b' || ch === 'B') { this.at++; return { type: 'assert', kind: ch === 'b' ? 'word' : 'not-word' } }
    const digits = /^[1-9]\d*/.exec(this.source.slice(this.at))
    if (digits) {
      const group = Number(digits[0])
      if (group > this.totalGroups) throw new Unsupported('an octal escape')
      const pcre = this.pcreNumber[group] as number
      if (pcre === 0) throw new Unsupported('a reference to an added group')
      this.at += digits[0].length
      return { type: 'backref', group: pcre }
    }
    const set = classEscape(ch)
    if (set) { this.at++; return { type: 'set', set } }
    return { type: 'set', set: charSet(this.escapedCode(), this.caseless) }
  }

  /** The character of an escape that stands for one character (`this.at` is after the backslash). */
  private escapedCode(): number {
    const ch = this.peek() as string
    this.at++
    if (ch in SIMPLE_ESCAPES && !(ch === '0' && /\d/.test(this.peek() ?? ''))) return SIMPLE_ESCAPES[ch] as number
    if (ch === 'x' || ch === 'u') {
      const hex = ch === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.at)) : /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.at))
      if (!hex) return ch.charCodeAt(0)
      this.at += hex[0].length
      return parseInt(hex[0], 16)
    }
    if (ch === 'c') {
      const letter = this.peek()
      if (letter !== undefined && /[A-Za-z]/.test(letter)) { this.at++; return letter.charCodeAt(0) % 32 }
      throw new Unsupported('\\c')
    }
    if (/[A-Za-z0-9]/.test(ch)) throw new Unsupported(`\\${ch}`)
    return ch.charCodeAt(0)
  }

  private characterClass(): ByteSet {
    const set = emptySet()
    const negated = this.peek() === '^'
    if (negated) this.at++
    while (this.peek() !== ']') {
      if (this.at >= this.source.length) throw new Unsupported('an unclosed class')
      const from = this.classAtom(set)
      if (from === null) continue
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.at++
        const to = this.classAtom(set)
        if (to === null || to < from) throw new Unsupported('a class range')
        addRange(set, from, to, this.caseless)
      } else addChar(set, from, this.caseless)
    }
    this.at++
    if (negated) for (let i = 0; i <= HIGH; i++) set[i] = set[i] === 1 ? 0 : 1
    return set
  }

  /** One class member: its code, or null after adding a class escape (`\d`) to `set` itself. */
  private classAtom(set: ByteSet): number | null {
    const ch = this.peek() as string
    this.at++
    if (ch !== '\\') return ch.charCodeAt(0)
    const next = this.peek()
    if (next === 'b') { this.at++; return 8 }
    if (next === '-') { this.at++; return 45 }
    const escape = next === undefined ? null : classEscape(next)
    if (escape) {
      this.at++
      for (let i = 0; i <= HIGH; i++) if (escape[i] === 1) set[i] = 1
      return null
    }
    return this.escapedCode()
  }
}

/** Parses `source` (JavaScript syntax from `translatePcre`), or null when it is outside the subset. */
export function parseRegex(source: string, caseless: boolean): ParsedRegex | null {
  const parser = new Parser(source, caseless, countGroups(source))
  try {
    const root = parser.parse()
    return { root, groups: parser.groups, caseless }
  } catch (error) {
    if (error instanceof Unsupported) return null
    throw error
  }
}
