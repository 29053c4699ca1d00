/**
 * Atomic groups and possessive quantifiers (docs/routing.md#pcre-constructs), against a reference: patterns built
 * from a small grammar are rendered as PCRE text for the engine and interpreted directly by `reference`, a
 * plain generator-based reading of PCRE's rules (alternatives in order, greedy repeats longest first, an empty
 * iteration ends a repeat, an atomic group keeps the first way its body matches, `X*+` is `(?>X*)`). The
 * engine — its translation to JavaScript run natively, and its counting matcher — must give the same match and
 * the same PCRE-numbered captures.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../../messages/render'
import { translatePcre } from '../pcre'
import { compileBacktracker } from './backtrack'
import { BoundedRegex } from './bounded-regex'
import { parseRegex } from './parse-regex'

type Node =
  | { readonly kind: 'char'; readonly chars: string; readonly text: string }
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'group'; readonly capture: boolean; readonly alternatives: readonly Node[] }
  | { readonly kind: 'atomic'; readonly alternatives: readonly Node[] }
  | { readonly kind: 'repeat'; readonly body: Node; readonly min: number; readonly max: number; readonly mode: 'greedy' | 'lazy' | 'possessive' }

const QUANTIFIERS: readonly (readonly [string, number, number])[] = [['*', 0, Infinity], ['+', 1, Infinity], ['?', 0, 1], ['{1,2}', 1, 2], ['{2}', 2, 2]]

/** PCRE text of `node`; capture groups are numbered in the order their text opens, as PCRE numbers them. */
function render(node: Node): string {
  switch (node.kind) {
    case 'char': return node.text
    case 'seq': return node.items.map(render).join('')
    case 'group': return (node.capture ? '(' : '(?:') + node.alternatives.map(render).join('|') + ')'
    case 'atomic': return '(?>' + node.alternatives.map(render).join('|') + ')'
    case 'repeat': {
      const quantifier = QUANTIFIERS.find(([, min, max]) => min === node.min && max === node.max)?.[0] as string
      return render(node.body) + quantifier + (node.mode === 'lazy' ? '?' : node.mode === 'possessive' ? '+' : '')
    }
  }
}

type Captures = readonly (readonly [number, number] | undefined)[]
type State = readonly [pos: number, captures: Captures]

/** Assigns capture numbers in rendering order. */
function numberGroups(root: Node): Map<Node, number> {
  const numbers = new Map<Node, number>()
  const walk = (node: Node): void => {
    if (node.kind === 'group' && node.capture) numbers.set(node, numbers.size + 1)
    if (node.kind === 'seq') node.items.forEach(walk)
    if (node.kind === 'group' || node.kind === 'atomic') node.alternatives.forEach(walk)
    if (node.kind === 'repeat') walk(node.body)
  }
  walk(root)
  return numbers
}

/** Every way `node` matches `subject` at `pos`, in PCRE's order of preference. */
function* reference(node: Node, subject: string, pos: number, caps: Captures, numbers: Map<Node, number>): Generator<State> {
  switch (node.kind) {
    case 'char':
      if (pos < subject.length && node.chars.includes(subject[pos] as string)) yield [pos + 1, caps]
      return
    case 'seq': {
      function* from(i: number, at: number, c: Captures): Generator<State> {
        if (i === (node as Extract<Node, { kind: 'seq' }>).items.length) { yield [at, c]; return }
        for (const [next, c2] of reference((node as Extract<Node, { kind: 'seq' }>).items[i] as Node, subject, at, c, numbers)) yield* from(i + 1, next, c2)
      }
      yield* from(0, pos, caps)
      return
    }
    case 'group':
      for (const alternative of node.alternatives) {
        for (const [end, c] of reference(alternative, subject, pos, caps, numbers)) {
          const group = numbers.get(node)
          if (group === undefined) yield [end, c]
          else {
            const copy = [...c]
            copy[group] = [pos, end]
            yield [end, copy]
          }
        }
      }
      return
    case 'atomic':
      for (const alternative of node.alternatives) {
        const first = reference(alternative, subject, pos, caps, numbers).next()
        if (!first.done) { yield first.value; return }
      }
      return
    case 'repeat': {
      const { body, min, max } = node
      function* iterate(count: number, at: number, c: Captures, greedy: boolean): Generator<State> {
        if (!greedy && count >= min) yield [at, c]
        if (count < max) {
          for (const [end, c2] of reference(body, subject, at, c, numbers)) {
            // PCRE: an empty iteration (once the minimum is reached) ends the repeat.
            if (end === at && count + 1 >= min) yield [end, c2]
            else yield* iterate(count + 1, end, c2, greedy)
          }
        }
        if (greedy && count >= min) yield [at, c]
      }
      if (node.mode === 'possessive') {
        const first = iterate(0, pos, caps, true).next()
        if (!first.done) yield first.value
      } else yield* iterate(0, pos, caps, node.mode === 'greedy')
    }
  }
}

/** The leftmost match of `root` as PCRE reports it: captures from group 0, undefined for unset. */
function referenceMatch(root: Node, subject: string): (string | undefined)[] | null {
  const numbers = numberGroups(root)
  for (let start = 0; start <= subject.length; start++) {
    const first = reference(root, subject, start, [], numbers).next()
    if (first.done) continue
    const [end, caps] = first.value
    return [subject.slice(start, end), ...Array.from({ length: numbers.size }, (_, i) => {
      const span = caps[i + 1]
      return span === undefined ? undefined : subject.slice(span[0], span[1])
    })]
  }
  return null
}

const char: fc.Arbitrary<Node> = fc.constantFrom<Node>(
  { kind: 'char', chars: 'a', text: 'a' },
  { kind: 'char', chars: 'b', text: 'b' },
  { kind: 'char', chars: 'ab', text: '[ab]' },
  { kind: 'char', chars: 'abc', text: '.' },
)

const { node } = fc.letrec<{ node: Node; item: Node; alternatives: readonly Node[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('item'),
    fc.array(tie('item'), { minLength: 2, maxLength: 3 }).map((items): Node => ({ kind: 'seq', items })),
  ),
  alternatives: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
  item: fc.oneof(
    { depthSize: 'small' },
    char,
    fc.tuple(fc.boolean(), tie('alternatives')).map(([capture, alternatives]): Node => ({ kind: 'group', capture, alternatives })),
    tie('alternatives').map((alternatives): Node => ({ kind: 'atomic', alternatives })),
    fc.tuple(fc.oneof(char, fc.tuple(fc.boolean(), tie('alternatives')).map(([capture, alternatives]): Node => ({ kind: 'group', capture, alternatives }))), fc.constantFrom(...QUANTIFIERS), fc.constantFrom('greedy', 'lazy', 'possessive'))
      .map(([body, [, min, max], mode]): Node => ({ kind: 'repeat', body, min, max, mode: mode as 'greedy' | 'lazy' | 'possessive' })),
  ),
}))

const subject = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 7 }).map((chars) => chars.join(''))

function engine(pattern: string): { native: BoundedRegex; counted: ReturnType<typeof compileBacktracker> } {
  const translated = translatePcre(pattern, false)
  if (translated.kind !== 'ok') throw new Error(`${pattern}: ${formatMessage(translated.reason)}`)
  const parsed = parseRegex(translated.source, false)
  if (!parsed) throw new Error(`not parsed: ${translated.source}`)
  return { native: new BoundedRegex(translated.source, false), counted: compileBacktracker(parsed) }
}

describe('atomic groups and possessive quantifiers match as PCRE does', () => {
  test('the engine (native and counting) agrees with the reference on generated patterns', () => {
    fc.assert(
      fc.property(node, subject, (root, text) => {
        const pattern = render(root)
        const expected = referenceMatch(root, text)
        const { native, counted } = engine(pattern)
        for (const outcome of [native.exec(text), counted.exec(text)]) {
          if (expected === null) expect(outcome.kind, pattern).toBe('no-match')
          else expect(outcome, pattern).toEqual({ kind: 'match', captures: expected })
        }
      }),
      { numRuns: 3000 },
    )
  }, 60_000)

  test('without atomic or possessive nodes, the reference is JavaScript itself where PCRE and JavaScript agree', () => {
    // A check of the reference: on plain patterns without quantified groups it answers what RegExp answers.
    const plain = (n: Node): boolean => n.kind === 'char' || (n.kind === 'seq' && n.items.every(plain)) || (n.kind === 'group' && n.alternatives.every(plain)) || (n.kind === 'repeat' && n.body.kind === 'char' && n.mode !== 'possessive')
    fc.assert(
      fc.property(node.filter(plain), subject, (root, text) => {
        const match = new RegExp(render(root)).exec(text)
        expect(referenceMatch(root, text)).toEqual(match ? [...match] : null)
      }),
      { numRuns: 1000 },
    )
  })

  test('the equivalences pcre2pattern states hold: X*+ is (?>X*), and A+B is A++B when B cannot start with A', () => {
    const pairs: readonly (readonly [string, string])[] = [['a*+b', '(?>a*)b'], ['(ab|a)++b', '(?>(ab|a)+)b'], ['[ab]?+a', '(?>[ab]?)a'], ['a+b', 'a++b'], ['(?:ab){1,2}+a', '(?>(?:ab){1,2})a']]
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.array(fc.constantFrom('a', 'b'), { maxLength: 8 }).map((chars) => chars.join('')), ([left, right], text) => {
        expect(engine(left).native.exec(text)).toEqual(engine(right).native.exec(text))
        expect(engine(left).counted.exec(text)).toEqual(engine(right).counted.exec(text))
      }),
      { numRuns: 500 },
    )
  })
})
