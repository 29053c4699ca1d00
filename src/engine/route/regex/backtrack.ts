/**
 * A backtracking regex matcher that counts its work the way PCRE2 counts toward its match limit, so the
 * engine answers what nginx answers when a regex would backtrack too long: the "match limit exceeded" error
 * (nginx: 500; docs/routing.md#regex-match-limit). Hand-written because no library exposes PCRE's count:
 * JavaScript's RegExp has no step limit at all, and a linear-time engine (RE2-style) would answer "no match"
 * where nginx answers 500.
 *
 * What counts (pcre2_match.c, 10.42: one count per backtracking frame, `match_call_count`, reset for each start
 * position, limit 10,000,000 by default): the start of each attempt; each alternative of a capturing group and
 * each but the last alternative of a non-capturing one; each character a greedy single-character repeat gives
 * back, each extension of a lazy one; each further iteration of a repeated group, and entering an optional one.
 * PCRE's auto-possessification is followed for its common case: a single-character repeat followed by
 * something that cannot start with that character never gives characters back.
 *
 * Speed: a repeated group outside any other repeat or lookaround remembers, per start position, the states
 * after an iteration (position, iteration count, whether it was empty) from which the rest of the pattern
 * failed, with the steps that failure took; meeting one again adds those steps instead of exploring it again.
 * The count is unchanged (the same subtree fails the same way), but proving that `(a+)+b` exceeds the limit
 * takes a few thousand real steps instead of ten million.
 *
 * Semantics are PCRE's where they differ from JavaScript's: captures keep their value from an earlier
 * iteration, a backreference to an unset group fails, an empty iteration ends a repeat.
 *
 * Atomic groups and possessive quantifiers (an `atomic` node; docs/routing.md#pcre-constructs): the body is
 * tried like a group — one count per alternative, as PCRE2 counts OP_ONCE — and the first way it matches is kept;
 * if the rest of the pattern then fails, the group fails without trying another. A possessive single-character
 * repeat (`a*+`, `[^/]++`) is PCRE2's OP_POSSTAR family, which pushes no frame at all: it takes what it can and
 * counts nothing; a possessive unbounded group repeat (`(X)*+`, `(X)++`) is OP_BRAPOS, one count per alternative
 * of each iteration. A single-character repeat at the end of an atomic group is auto-possessified by PCRE2; it
 * gives nothing back here either, as nothing after it in the group can fail.
 */
import { HIGH, intersects, isWordChar, type ParsedRegex, type RegexNode } from './regex-ast'
import { firstSet, fixedLength, isAnchored, minLength, requiredByte } from './start-of-match'

/** PCRE2's default match limit (MATCH_LIMIT in its build configuration). */
export const PCRE_MATCH_LIMIT = 10_000_000

/**
 * Nested repeat iterations kept on the JavaScript stack at most; beyond it the regex is reported as not
 * evaluable here (PCRE keeps its frames on the heap and would go on).
 */
const MAX_NESTING = 2000

/**
 * Steps over all start positions, in limits: PCRE's limit is per start position, so an unanchored pattern could
 * take the limit once per character; past this the regex is reported as not evaluable here instead.
 */
const TOTAL_LIMITS = 5

/** PCRE2 searches for the required byte only within this many characters of an anchored start (REQ_CU_MAX). */
const REQ_SEARCH_ANCHORED = 5000

export type BacktrackOutcome =
  | { readonly kind: 'match'; readonly captures: readonly (string | undefined)[] }
  | { readonly kind: 'no-match' }
  | { readonly kind: 'match-limit' }
  /** The subject needs more nested iterations than this matcher keeps (see MAX_NESTING). */
  | { readonly kind: 'too-deep' }
  /** Every start position stayed under the limit, but together they took more than TOTAL_LIMITS limits. */
  | { readonly kind: 'too-long' }

type Step = (pos: number) => boolean

const LIMIT = { reason: 'match-limit' }
const TOO_DEEP = { reason: 'too-deep' }
const NO_MATCH: BacktrackOutcome = { kind: 'no-match' }

export interface Backtracker {
  exec(subject: string): BacktrackOutcome
}

/** Compiles `parsed` into a matcher that stops after `limit` counted steps from one start position. */
export function compileBacktracker(parsed: ParsedRegex, limit = PCRE_MATCH_LIMIT): Backtracker {
  const { root, groups, caseless } = parsed
  let input = ''
  let length = 0
  let steps = 0
  let nesting = 0
  const caps = new Int32Array(2 * (groups + 1))
  /** Failure memos of top-level repeats (see the module comment), cleared for each start position. */
  const memos: Map<number, number>[] = []
  /** Repeats and lookarounds enclosing the node being compiled. */
  let enclosing = 0
  const opens = new Int32Array(groups + 1)

  const codeAt = (pos: number): number => {
    const code = input.charCodeAt(pos)
    return code > 0xff ? HIGH : code
  }

  function compile(node: RegexNode, next: Step): Step {
    switch (node.type) {
      case 'set': {
        const set = node.set
        return (pos) => pos < length && set[codeAt(pos)] === 1 && next(pos + 1)
      }
      case 'seq': {
        let step = next
        for (let i = node.items.length - 1; i >= 0; i--) {
          const item = node.items[i] as RegexNode
          step = item.type === 'repeat' && item.body.type === 'set'
            ? compileCharRepeat(item, possessive(item, node.items[i + 1]), step)
            : compile(item, step)
        }
        return step
      }
      case 'alt': return compileAlternatives(node.alternatives, next, false)
      case 'group': {
        const alternatives = node.body.type === 'alt' ? node.body.alternatives : [node.body]
        if (node.capture === null) return compileAlternatives(alternatives, next, false)
        return compileCapture(node.capture, alternatives, next)
      }
      case 'repeat':
        return node.body.type === 'set' ? compileCharRepeat(node, false, next) : compileGroupRepeat(node, next)
      case 'assert': return compileAssert(node.kind, next)
      case 'look': {
        enclosing++
        const step = node.behind ? compileLookbehind(node.body, node.negated, next) : compileLookahead(node.body, node.negated, next)
        enclosing--
        return step
      }
      case 'backref': return compileBackref(node.group, next)
      case 'atomic': {
        const body = node.body
        if (node.possessive && body.type === 'repeat' && body.greedy && body.body.type === 'set') return compileCharRepeat(body, true, next)
        if (node.possessive && body.type === 'repeat' && body.greedy && body.body.type === 'group' && body.min <= 1 && body.max === Infinity) {
          return compilePossessiveGroup(body.body, body.min, next)
        }
        // Other possessive repeats PCRE2 wraps in OP_ONCE; a possessive node that is no repeat is `\R` (OP_ANYNL).
        return compileAtomic(body, next, !node.possessive || body.type === 'repeat')
      }
    }
  }

  /**
   * `(X)*+`, `(X)++` (and `(?:X)…`): PCRE2's possessive bracket (OP_BRAPOS, OP_CBRAPOS, with OP_BRAPOSZERO for
   * `*+`). Each iteration tries the alternatives in turn, one count each, and keeps the first that matches; the
   * repeat goes on while an iteration matches something, then the rest of the pattern runs once from its end.
   * For these repeats this is the same match as `(?>(X)*)`.
   */
  function compilePossessiveGroup(group: Extract<RegexNode, { type: 'group' }>, min: number, next: Step): Step {
    let end = 0
    const accept: Step = (pos) => {
      end = pos
      return true
    }
    const alternatives = group.body.type === 'alt' ? group.body.alternatives : [group.body]
    enclosing++
    const iteration = group.capture === null ? compileAlternatives(alternatives, accept, true) : compileCapture(group.capture, alternatives, accept)
    enclosing--
    return (pos) => {
      const saved = caps.slice()
      let at = pos
      let count = 0
      while (iteration(at)) {
        count++
        if (end === at) break
        at = end
      }
      if (count >= min && next(at)) return true
      caps.set(saved)
      return false
    }
  }

  /** `counted`: one count per alternative (OP_ONCE); none for a single opcode such as `\R` (OP_ANYNL). */
  function compileAtomic(body: RegexNode, next: Step, counted: boolean): Step {
    let end = 0
    const alternatives = body.type === 'alt' ? body.alternatives : [body]
    const branches = alternatives.map((alternative) => compile(alternative, (pos) => {
      end = pos
      return true
    }))
    return (pos) => {
      const saved = caps.slice()
      for (const branch of branches) {
        if (counted && ++steps > limit) throw LIMIT
        if (!branch(pos)) continue
        // The body's backtracking points are dropped: only the end it reached first counts.
        if (next(end)) return true
        caps.set(saved)
        return false
      }
      return false
    }
  }

  /** PCRE's auto-possessification: `following` can never start with a character the repeat matches. */
  function possessive(repeat: Extract<RegexNode, { type: 'repeat' }>, following: RegexNode | undefined): boolean {
    if (!repeat.greedy || following === undefined || repeat.body.type !== 'set') return false
    const first = firstSet(following)
    return first !== null && !intersects(first, repeat.body.set)
  }

  function compileAlternatives(alternatives: readonly RegexNode[], next: Step, countLast: boolean): Step {
    const branches = alternatives.map((alternative) => compile(alternative, next))
    const last = branches.length - 1
    return (pos) => {
      for (let i = 0; i < last; i++) {
        if (++steps > limit) throw LIMIT
        if ((branches[i] as Step)(pos)) return true
      }
      if (countLast && ++steps > limit) throw LIMIT
      return (branches[last] as Step)(pos)
    }
  }

  function compileCapture(group: number, alternatives: readonly RegexNode[], next: Step): Step {
    const close: Step = (pos) => {
      const oldStart = caps[2 * group] as number
      const oldEnd = caps[2 * group + 1] as number
      caps[2 * group] = opens[group] as number
      caps[2 * group + 1] = pos
      if (next(pos)) return true
      caps[2 * group] = oldStart
      caps[2 * group + 1] = oldEnd
      return false
    }
    const branches = alternatives.map((alternative) => compile(alternative, close))
    return (pos) => {
      const oldOpen = opens[group] as number
      opens[group] = pos
      for (const branch of branches) {
        if (++steps > limit) throw LIMIT
        if (branch(pos)) return true
      }
      opens[group] = oldOpen
      return false
    }
  }

  function compileCharRepeat(node: Extract<RegexNode, { type: 'repeat' }>, isPossessive: boolean, next: Step): Step {
    const set = (node.body as Extract<RegexNode, { type: 'set' }>).set
    const { min, max, greedy } = node
    return (pos) => {
      let end = pos
      for (let i = 0; i < min; i++) {
        if (end >= length || set[codeAt(end)] !== 1) return false
        end++
      }
      if (greedy) {
        const minEnd = end
        const stop = max === Infinity ? length : Math.min(length, pos + max)
        while (end < stop && set[codeAt(end)] === 1) end++
        if (isPossessive) return next(end)
        for (;;) {
          if (end === minEnd) return next(end)
          if (++steps > limit) throw LIMIT
          if (next(end)) return true
          end--
        }
      }
      for (let count = min; ; count++) {
        if (++steps > limit) throw LIMIT
        if (next(end)) return true
        if (count >= max || end >= length || set[codeAt(end)] !== 1) return false
        end++
      }
    }
  }

  function compileGroupRepeat(node: Extract<RegexNode, { type: 'repeat' }>, next: Step): Step {
    const { min, max, greedy } = node
    const counts = new Int32Array(MAX_NESTING + 1)
    const starts = new Int32Array(MAX_NESTING + 1)
    let depth = 0
    const iterate = (count: number, pos: number): boolean => {
      if (++nesting > MAX_NESTING) throw TOO_DEEP
      counts[depth] = count
      starts[depth] = pos
      depth++
      const matched = body(pos)
      depth--
      nesting--
      return matched
    }
    const decide = (count: number, pos: number, start: number): boolean => {
      if (count < min) return iterate(count, pos)
      // PCRE: an iteration that matched nothing ends the repeat.
      if (pos === start || count >= max) return next(pos)
      if (++steps > limit) throw LIMIT
      if (greedy) return iterate(count, pos) || next(pos)
      return next(pos) || iterate(count, pos)
    }
    const memo = enclosing === 0 ? new Map<number, number>() : null
    if (memo) memos.push(memo)
    // Counts past the minimum of an unbounded repeat behave alike, so they share memo entries.
    const countKey = (count: number): number => (max === Infinity ? Math.min(count, min) : count)
    const span = (max === Infinity ? min : max) + 1
    const remembered = (count: number, pos: number, start: number): boolean => {
      const key = (pos * span + countKey(count)) * 2 + (pos === start ? 1 : 0)
      const known = (memo as Map<number, number>).get(key)
      if (known !== undefined) {
        steps += known
        if (steps > limit) throw LIMIT
        return false
      }
      const before = steps
      if (decide(count, pos, start)) return true
      ;(memo as Map<number, number>).set(key, steps - before)
      return false
    }
    const afterBody: Step = (pos) => {
      depth--
      const count = (counts[depth] as number) + 1
      const start = starts[depth] as number
      const matched = memo ? remembered(count, pos, start) : decide(count, pos, start)
      counts[depth] = count - 1
      starts[depth] = start
      depth++
      return matched
    }
    enclosing++
    const body = compile(node.body, afterBody)
    enclosing--
    return (pos) => {
      if (min > 0) return iterate(0, pos)
      if (max === 0) return next(pos)
      if (++steps > limit) throw LIMIT
      return greedy ? iterate(0, pos) || next(pos) : next(pos) || iterate(0, pos)
    }
  }

  function compileAssert(kind: Extract<RegexNode, { type: 'assert' }>['kind'], next: Step): Step {
    switch (kind) {
      case 'start': return (pos) => pos === 0 && next(pos)
      case 'end': return (pos) => pos === length && next(pos)
      case 'dollar': return (pos) => (pos === length || (pos === length - 1 && input.charCodeAt(pos) === 10)) && next(pos)
      case 'word':
      case 'not-word': {
        const wanted = kind === 'word'
        return (pos) => {
          const before = pos > 0 && isWordChar(input.charCodeAt(pos - 1))
          const after = pos < length && isWordChar(input.charCodeAt(pos))
          return (before !== after) === wanted && next(pos)
        }
      }
    }
  }

  /** An assertion is atomic in PCRE: once it has answered, it is never re-entered. */
  function assertion(test: Step, negated: boolean, next: Step): Step {
    return (pos) => {
      const saved = caps.slice()
      const matched = test(pos)
      if (negated || !matched) caps.set(saved)
      return matched !== negated && next(pos)
    }
  }

  function compileLookahead(body: RegexNode, negated: boolean, next: Step): Step {
    const alternatives = body.type === 'alt' ? body.alternatives : [body]
    return assertion(compileAlternatives(alternatives, () => true, true), negated, next)
  }

  function compileLookbehind(body: RegexNode, negated: boolean, next: Step): Step {
    // PCRE requires each alternative of a lookbehind to have a fixed length: try each that far back.
    const alternatives = (body.type === 'alt' ? body.alternatives : [body]).map((alternative) => {
      const size = fixedLength(alternative)
      if (size === null) throw TOO_DEEP
      let target = 0
      const step = compile(alternative, (pos) => pos === target)
      return (pos: number): boolean => {
        if (pos < size) return false
        const saved = target
        target = pos
        const matched = step(pos - size)
        target = saved
        return matched
      }
    })
    const test: Step = (pos) => {
      for (const alternative of alternatives) {
        if (++steps > limit) throw LIMIT
        if (alternative(pos)) return true
      }
      return false
    }
    return assertion(test, negated, next)
  }

  function compileBackref(group: number, next: Step): Step {
    return (pos) => {
      const start = caps[2 * group] as number
      const end = caps[2 * group + 1] as number
      if (start < 0) return false
      const size = end - start
      if (pos + size > length) return false
      for (let i = 0; i < size; i++) {
        let a = input.charCodeAt(start + i)
        let b = input.charCodeAt(pos + i)
        if (caseless) {
          if (a >= 65 && a <= 90) a += 32
          if (b >= 65 && b <= 90) b += 32
        }
        if (a !== b) return false
      }
      return next(pos + size)
    }
  }

  let matchStart = 0
  const accept: Step = (pos) => {
    caps[0] = matchStart
    caps[1] = pos
    return true
  }
  let program: Step | null = null
  let unsupported = false
  try {
    // The whole pattern is PCRE's outermost group: every alternative, the only one included, counts.
    program = compileAlternatives(root.type === 'alt' ? root.alternatives : [root], accept, true)
  } catch (error) {
    if (error !== TOO_DEEP) throw error
    unsupported = true
  }
  const anchored = isAnchored(root)
  const shortest = minLength(root)
  const first = firstSet(root)
  const required = requiredByte(root)

  function captures(): (string | undefined)[] {
    const out: (string | undefined)[] = []
    for (let g = 0; g <= groups; g++) {
      const start = caps[2 * g] as number
      out.push(start < 0 ? undefined : input.slice(start, caps[2 * g + 1]))
    }
    return out
  }

  /** Whether the required byte occurs at or after `from`. */
  function findRequired(from: number): number {
    const codes = (required as NonNullable<typeof required>).codes
    for (let i = from; i < length; i++) {
      const code = input.charCodeAt(i)
      if (code === codes[0] || code === codes[1]) return i
    }
    return -1
  }

  function run(subject: string): BacktrackOutcome {
    if (unsupported || program === null) return { kind: 'too-deep' }
    input = subject
    length = subject.length
    let requiredAt = -1
    let total = 0
    const lastStart = anchored ? 0 : length
    for (let start = 0; start <= lastStart; start++) {
      if (length - start < shortest) return NO_MATCH
      if (first !== null && !anchored && (start >= length || first[codeAt(start)] !== 1)) continue
      if (required !== null && (!anchored || length - start < REQ_SEARCH_ANCHORED)) {
        const from = start + (required.afterFirst ? 1 : 0)
        if (from > requiredAt) {
          requiredAt = findRequired(from)
          if (requiredAt === -1) return NO_MATCH
        }
      }
      caps.fill(-1)
      for (const memo of memos) memo.clear()
      steps = 0
      nesting = 0
      matchStart = start
      if (++steps > limit) throw LIMIT
      if (program(start)) return { kind: 'match', captures: captures() }
      total += steps
      if (total > TOTAL_LIMITS * limit) return { kind: 'too-long' }
    }
    return NO_MATCH
  }

  return {
    exec(subject) {
      try {
        return run(subject)
      } catch (error) {
        if (error === LIMIT) return { kind: 'match-limit' }
        if (error === TOO_DEEP || error instanceof RangeError) return { kind: 'too-deep' }
        throw error
      } finally {
        input = ''
      }
    },
  }
}
