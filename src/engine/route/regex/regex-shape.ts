/**
 * Static facts about a parsed regex's backtracking (docs/routing.md#regex-match-limit):
 *
 * - `catastrophicReason`: a nested quantifier whose iterations can split the same text in many ways, or a
 *   quantified alternation whose branches can match the same text (`(a+)+`, `(a|aa)+`, `(.*a){20}`). Such a
 *   pattern backtracks exponentially on a near-miss, and PCRE then stops at its match limit (nginx: 500).
 *   An atomic group or possessive quantifier is the cure, not a cause: what is inside one is never split again
 *   once it has matched, so it adds no ways to an enclosing repeat (`(?>a+)+b`, `(?>a|aa)+`), and a repeat that
 *   ends one (`(?>(a+)+)`, `(a+)++`) is never backtracked into from outside — nothing after it in the group
 *   can fail (docs/routing.md#pcre-constructs).
 * - `nativeCostBound`: an upper bound on the backtracking tree of a pattern without nested or alternating
 *   repeats, as a function of the subject length. When it is far below PCRE's limit, JavaScript's RegExp
 *   answers exactly what PCRE would and in bounded time, so the engine keeps its speed on ordinary patterns.
 */
import { msg, type Message } from '../../messages/message'
import { intersects, type ByteSet, type RegexNode } from './regex-ast'
import { firstSet, minLength } from './start-of-match'

const isRepeating = (node: RegexNode): boolean => node.type === 'repeat' && node.max > 1

function children(node: RegexNode): readonly RegexNode[] {
  switch (node.type) {
    case 'seq': return node.items
    case 'alt': return node.alternatives
    case 'group': case 'repeat': case 'look': case 'atomic': return [node.body]
    default: return []
  }
}

function some(node: RegexNode, test: (node: RegexNode) => boolean): boolean {
  return test(node) || children(node).some((child) => some(child, test))
}

/** Like `some`, but does not look inside atomic groups (their inside is never split again, see the module). */
function someOutsideAtomic(node: RegexNode, test: (node: RegexNode) => boolean): boolean {
  return test(node) || (node.type !== 'atomic' && children(node).some((child) => someOutsideAtomic(child, test)))
}

/** The first few single-character sets every match of `node` starts with (stops at anything else). */
function fixedPrefix(node: RegexNode, out: ByteSet[] = [], limit = 4): ByteSet[] {
  if (out.length >= limit) return out
  if (node.type === 'set') out.push(node.set)
  else if (node.type === 'group' || node.type === 'atomic') fixedPrefix(node.body, out, limit)
  else if (node.type === 'seq') {
    for (const item of node.items) {
      const before = out.length
      fixedPrefix(item, out, limit)
      if (out.length === before || out.length >= limit || (item.type !== 'set' && item.type !== 'group' && item.type !== 'atomic')) break
    }
  }
  return out
}

/** Whether two alternatives can start matching the same text (one is not told apart from the other early). */
function overlap(a: RegexNode, b: RegexNode): boolean {
  if (minLength(a) === 0 || minLength(b) === 0) return true
  const left = fixedPrefix(a)
  const right = fixedPrefix(b)
  const shared = Math.min(left.length, right.length)
  if (shared === 0) return true
  for (let i = 0; i < shared; i++) if (!intersects(left[i] as ByteSet, right[i] as ByteSet)) return false
  return true
}

/**
 * The set of an alternative that is a maximal run, `(?>[S]+)` or `[S]++` (possibly inside a capture group): it
 * always takes every character of S there is, so it ends just before a character outside S. Null otherwise.
 */
function maximalRun(node: RegexNode): ByteSet | null {
  if (node.type === 'group') return maximalRun(node.body)
  if (node.type !== 'atomic') return null
  const body = node.body.type === 'group' ? node.body.body : node.body
  return body.type === 'repeat' && body.body.type === 'set' && body.greedy && body.min >= 1 && body.max === Infinity ? body.body.set : null
}

const subset = (a: ByteSet, b: ByteSet): boolean => a.every((member, i) => member !== 1 || b[i] === 1)

/**
 * Whether the alternatives of `node` (an alternation) can match the same text. `isWholeBody`: the alternation is
 * the whole body of a repeat, so each alternative is followed by the next iteration or the repeat's end. A
 * maximal run of S then cannot share text with another alternative when no alternative can start outside S:
 * after the run the next character is outside S, so no iteration can follow it and that way of matching ends
 * the repeat at once (pcre2pattern's `((?>\D+)|<\d+>)*[!?]`, "Atomic grouping and possessive quantifiers").
 */
function ambiguousAlternation(node: Extract<RegexNode, { type: 'alt' }>, isWholeBody: boolean): boolean {
  const { alternatives } = node
  const starts = alternatives.map(firstSet)
  const terminal = (alternative: RegexNode): boolean => {
    const run = isWholeBody ? maximalRun(alternative) : null
    return run !== null && starts.every((start) => start !== null && subset(start, run))
  }
  for (let i = 0; i < alternatives.length; i++) {
    for (let j = i + 1; j < alternatives.length; j++) {
      const a = alternatives[i] as RegexNode
      const b = alternatives[j] as RegexNode
      if (!terminal(a) && !terminal(b) && overlap(a, b)) return true
    }
  }
  return false
}

/** The alternation that is the whole body of `repeat` (through groups), if any. */
function wholeBodyAlternation(repeat: Extract<RegexNode, { type: 'repeat' }>): RegexNode | null {
  let body = repeat.body
  while (body.type === 'group') body = body.body
  return body.type === 'alt' ? body : null
}

/**
 * Whether the iterations of `repeat` can divide a text in more than one way because of an inner repeat: not
 * when every iteration starts with a fixed character no inner repeat can consume (`(/[a-z]+)*`).
 */
function ambiguousNesting(repeat: Extract<RegexNode, { type: 'repeat' }>): boolean {
  const inner: Extract<RegexNode, { type: 'repeat' }>[] = []
  for (const child of children(repeat)) {
    someOutsideAtomic(child, (node) => {
      if (node.type === 'repeat' && node.max > 1) inner.push(node)
      return false
    })
  }
  if (inner.length === 0) return false
  // Any alternative can start the next iteration: the union of their first characters (null: can be empty).
  const start = firstSet(repeat.body)
  if (start === null) return true
  // Only single-character inner repeats that cannot eat the iteration's first character keep the split unique.
  return inner.some((node) => node.body.type !== 'set' || intersects(node.body.set, start))
}

/** Why `root` can backtrack exponentially, as a phrase for a lint message, or null. */
export function catastrophicReason(root: RegexNode): Message | null {
  return reasonIn(root, false)
}

/**
 * The reason found in `node`; `atTail` says nothing after `node` inside its atomic group or lookaround can fail,
 * so a failure later in the pattern never backtracks into it (see the module comment).
 */
function reasonIn(node: RegexNode, atTail: boolean): Message | null {
  if (node.type === 'repeat' && node.max > 1 && !(atTail && node.min <= 1)) {
    if (ambiguousNesting(node)) return msg('regex-nested-quantifier')
    const whole = wholeBodyAlternation(node)
    if (someOutsideAtomic(node.body, (inner) => inner.type === 'alt' && ambiguousAlternation(inner, inner === whole))) return msg('regex-ambiguous-alternation')
  }
  switch (node.type) {
    case 'seq': {
      const last = node.items.length - 1
      for (const [i, item] of node.items.entries()) {
        const reason = reasonIn(item, atTail && i === last)
        if (reason) return reason
      }
      return null
    }
    case 'alt': {
      for (const alternative of node.alternatives) {
        const reason = reasonIn(alternative, atTail)
        if (reason) return reason
      }
      return null
    }
    case 'group': return reasonIn(node.body, atTail)
    case 'atomic': case 'look': return reasonIn(node.body, true)
    case 'repeat': return reasonIn(node.body, false)
    default: return null
  }
}

/**
 * A repeated group whose body can match the empty string: PCRE takes an empty iteration once and ends the repeat
 * (`(a*)?` on "" sets group 1 to ""), JavaScript refuses it (group 1 unset), so only the counting matcher answers.
 */
function emptyIteration(node: RegexNode): boolean {
  return node.type === 'repeat' && node.body.type !== 'set' && minLength(node.body) === 0
}

/** Whether a repeat contains another repeat or an alternation (then no polynomial bound is claimed). */
function hasNestedChoice(root: RegexNode): boolean {
  return some(root, (node) => node.type === 'repeat' && node.max > 1 && some(node.body, (inner) => isRepeating(inner) || inner.type === 'alt'))
}

/**
 * The bound `size × fixed × (n + 1)^open` on the backtracking of a pattern without nested choices; `open`
 * counts the unbounded repeats, `fixed` the other choices (bounded repeats, optional items, alternatives).
 * Null for patterns with nested choices or lookarounds, which always take the counting matcher.
 */
export interface CostBound {
  readonly size: number
  readonly fixed: number
  readonly open: number
}

export function nativeCostBound(root: RegexNode): CostBound | null {
  if (hasNestedChoice(root) || some(root, (node) => node.type === 'look' || node.type === 'backref' || emptyIteration(node))) return null
  let size = 0
  let fixed = 1
  let open = 0
  some(root, (node) => {
    size++
    if (node.type === 'repeat') {
      if (node.max === Infinity) open++
      else fixed *= node.max - node.min + 1
    } else if (node.type === 'alt') fixed *= node.alternatives.length
    return false
  })
  return { size, fixed, open }
}

/** The bound for a subject of `length` characters tried from `starts` positions. */
export function costFor(bound: CostBound, length: number, starts: number): number {
  return bound.size * bound.fixed * (length + 1) ** bound.open * starts
}
