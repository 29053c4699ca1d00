/**
 * What PCRE2 works out about a pattern before matching, and uses to skip work (pcre2_match.c, "start of match
 * optimizations"; docs/routing.md#regex-match-limit): the minimum subject length, whether the pattern is
 * anchored, which bytes can start a match, and the last literal byte every match needs ("req_cu"). They never
 * change whether a regex matches; they decide whether PCRE runs the backtracking matcher at all, so they
 * decide whether a catastrophic pattern reaches its match limit or answers "no match" at once — `^/(a+)+b`
 * against `/aaaa…` without a `b` is the latter in nginx.
 */
import { emptySet, HIGH, literalOfSet, type ByteSet, type RegexNode } from './regex-ast'

/** The fewest characters a match of `node` consumes. */
export function minLength(node: RegexNode): number {
  switch (node.type) {
    case 'set': return 1
    case 'seq': return node.items.reduce((sum, item) => sum + minLength(item), 0)
    case 'alt': return Math.min(...node.alternatives.map(minLength))
    case 'group': case 'atomic': return minLength(node.body)
    case 'repeat': return node.min === 0 ? 0 : node.min * minLength(node.body)
    default: return 0
  }
}

/** The exact length of every match of `node`, or null when it varies (PCRE's lookbehinds need one). */
export function fixedLength(node: RegexNode): number | null {
  switch (node.type) {
    case 'set': return 1
    case 'seq': {
      let sum = 0
      for (const item of node.items) {
        const length = fixedLength(item)
        if (length === null) return null
        sum += length
      }
      return sum
    }
    case 'alt': {
      const lengths = node.alternatives.map(fixedLength)
      return lengths.every((length) => length !== null && length === lengths[0]) ? (lengths[0] as number) : null
    }
    case 'group': case 'atomic': return fixedLength(node.body)
    case 'repeat': {
      const length = fixedLength(node.body)
      return length !== null && node.min === node.max ? length * node.min : null
    }
    case 'backref': return null
    default: return 0
  }
}

/** The bytes the first consumed character of `node` can be, or null when `node` can match without consuming one. */
export function firstSet(node: RegexNode): ByteSet | null {
  switch (node.type) {
    case 'set': return node.set
    case 'seq': {
      for (const item of node.items) {
        if (item.type === 'assert' || item.type === 'look') continue
        return firstSet(item)
      }
      return null
    }
    case 'alt': {
      const union = emptySet()
      for (const alternative of node.alternatives) {
        const set = firstSet(alternative)
        if (set === null) return null
        for (let i = 0; i <= HIGH; i++) if (set[i] === 1) union[i] = 1
      }
      return union
    }
    case 'group': case 'atomic': return firstSet(node.body)
    case 'repeat': return node.min === 0 ? null : firstSet(node.body)
    default: return null
  }
}

/** Whether every match must start at the subject's start (`^` or `\A` first in every alternative). */
export function isAnchored(node: RegexNode): boolean {
  switch (node.type) {
    case 'assert': return node.kind === 'start'
    case 'seq': return node.items.length > 0 && isAnchored(node.items[0] as RegexNode)
    case 'alt': return node.alternatives.every(isAnchored)
    case 'group': case 'atomic': return isAnchored(node.body)
    default: return false
  }
}

/** A literal byte (with its other case) every match contains, found as PCRE does: the last one that is required. */
export interface RequiredByte {
  readonly codes: readonly number[]
  /** The pattern starts with a literal (PCRE's first code unit), so the search starts one character later. */
  readonly afterFirst: boolean
}

/**
 * The last literal every match needs (PCRE's req_cu), or null; `atStart` says `node` begins the match, where
 * a literal is PCRE's first code unit instead (`^/.*` has no required byte).
 */
function lastRequired(node: RegexNode, atStart: boolean): readonly number[] | null {
  switch (node.type) {
    case 'set': return atStart ? null : literalOfSet(node.set)
    case 'seq': {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const consumedBefore = node.items.slice(0, i).some((item) => minLength(item) > 0)
        const found = lastRequired(node.items[i] as RegexNode, atStart && !consumedBefore)
        if (found) return found
      }
      return null
    }
    case 'alt': {
      const each = node.alternatives.map((alternative) => lastRequired(alternative, atStart))
      const first = each[0]
      return first && each.every((codes) => codes !== null && codes.join() === first.join()) ? first : null
    }
    case 'group': case 'atomic': return lastRequired(node.body, atStart)
    case 'repeat': return node.min > 0 ? lastRequired(node.body, atStart) : null
    default: return null
  }
}

/** The required byte of a pattern, or null when PCRE would not find one. */
export function requiredByte(root: RegexNode): RequiredByte | null {
  const codes = lastRequired(root, true)
  if (codes === null) return null
  const first = firstSet(root)
  return { codes, afterFirst: first !== null && literalOfSet(first) !== null }
}
