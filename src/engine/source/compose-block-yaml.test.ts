import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Document, Parser, parseAllDocuments, stringify, visit, type CST, type Document as YamlDocument } from 'yaml'
import { kubectlExport, kubectlYaml, realisticManifest } from '../testing/large-manifests'
import { libraryDocument } from '../testing/yaml-library'
import { capDepth } from './cap-depth'
import { composeBlockDocument } from './compose-block-yaml'
import { COMPOSE_OPTIONS } from './parse-sources'
import { splitDocuments } from './split-documents'

/** Composes `source` both ways; when the block reader takes it, both must be the same Document, node for node. */
function compare(source: string, offset = 0): boolean {
  const fast = composeBlockDocument(source, offset, COMPOSE_OPTIONS)
  if (fast === null) return false
  const full = libraryDocument(source, offset)
  expect(full.errors).toEqual([])
  expect(fast).toStrictEqual(full)
  return true
}

/** Every unit of a file as parse-sources.ts cuts and reads it (a List item's `-` read as a space). */
function unitsOf(text: string): { source: string; offset: number }[] {
  return (splitDocuments(text, false) ?? []).map((unit) => ({
    source: unit.listItem ? ` ${text.slice(unit.start + 1, unit.end)}` : text.slice(unit.start, unit.end),
    offset: unit.start,
  }))
}

/** Scalars where the core schema's tags, quoting and plain-scalar rules meet. */
const TRICKY_SCALARS = [
  'x', 'Hello World', 'a#b', 'a:b', 'http://example.com:8080/a?b=c&d', '-1', '--flag', '-x', '+12', '0', '007', '0o17',
  '0x1F', '0xfg', '1e3', '1.5e-3', '1.50', '.5', '5.', '.inf', '-.Inf', '.nan', '.NaN', '~', 'null', 'Null', 'NULL', 'nULL',
  'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', 'y', 'n', '2024-01-01', '1_000', '12:30', 'nginx:1.27',
  '*.example.com', '/$2', '/api(/|$)(.*)', '"quoted"', "it's", 'a "b" c', 'tab\there', 'line\nbreak', '', ' lead',
  'trail ', 'x: y', 'x #y', 'x:', '[a]', '{a}', '&a', '!tag', '|', '>', '%x', '@x', '`x', ',x', '?x', ':x', 'é', '한국어',
]

const TRICKY_KEYS = ['a', 'name', 'app.kubernetes.io/name', 'nginx.ingress.kubernetes.io/rewrite-target', '80', 'true', 'null', '0x1F', '1.5', '-a', 'a b', 'a:b', '_x']

const objects = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.constantFrom(...TRICKY_SCALARS), weight: 1 },
    { arbitrary: fc.constantFrom('app', 'nginx', 'team-1', '/api', 'ClusterIP', 'Prefix'), weight: 3 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: tie('map'), weight: 2 },
    { arbitrary: tie('list'), weight: 2 },
  ),
  map: fc.dictionary(fc.constantFrom(...TRICKY_KEYS), tie('value'), { maxKeys: 4 }),
  list: fc.array(tie('value'), { maxLength: 3 }),
}))

describe('composeBlockDocument', () => {
  it('reads every document of a realistic manifest and of a kubectl List export, each as the library does', () => {
    const units = [
      ...unitsOf(realisticManifest(20)),
      ...unitsOf(stringify(kubectlExport(10), { indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false })),
    ]
    expect(units.length).toBe(60 + 30)
    for (const { source, offset } of units) expect(compare(source, offset), source).toBe(true)
  })

  it('reads a file that is one document (a pasted List export) as the library reads the whole file', () => {
    const text = kubectlYaml(kubectlExport(15))
    const whole = parseAllDocuments(text, COMPOSE_OPTIONS) as YamlDocument.Parsed[]
    expect(whole).toHaveLength(1)
    expect(composeBlockDocument(text, 0, COMPOSE_OPTIONS)).toStrictEqual(whole[0])
  })

  it('reads Helm output: comment lines between the marker and the content', () => {
    for (const source of [
      '---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n',
      '---\n# Source: a.yaml\n#\n# two\napiVersion: v1\n',
    ]) expect(compare(source, 3), source).toBe(true)
    for (const source of ['# Source: a.yaml\napiVersion: v1\n', '---\n  # indented\na: 1\n', '---\n# a \nb: 1\n', '---\n# only\n', '---\na: 1\n# after\n']) {
      expect(composeBlockDocument(source, 0, COMPOSE_OPTIONS), source).toBeNull()
    }
  })

  it('answers as the library for random block YAML in kubectl, Helm and indented styles, or leaves it', () => {
    let read = 0
    let runs = 0
    fc.assert(fc.property(objects.map, fc.constantFrom(
      { indentSeq: false }, { indentSeq: true }, { indent: 4, indentSeq: false }, { defaultStringType: 'QUOTE_SINGLE' as const },
    ), fc.constantFrom('', '---\n', '---\n# Source: shop/templates/x.yaml\n'), fc.nat(1000), fc.nat(3), (object, style, head, offset, flowEvery) => {
      runs++
      // Some sequences written in flow style, as `command: ["sh", "-c", "…"]` is.
      const document = new Document(object)
      let seqs = 0
      visit(document, { Seq: (_, node) => { if (flowEvery > 0 && seqs++ % flowEvery === 0) node.flow = true } })
      const source = head + document.toString({ ...style, lineWidth: 0 })
      if (compare(source, offset)) read++
    }), { numRuns: 400 })
    expect(read).toBeGreaterThan(runs / 5) // most of what it leaves holds a scalar it leaves (empty, multi-line, …)
  })

  it('leaves a document the parser would cut at its nesting cap', () => {
    let read = 0
    fc.assert(fc.property(objects.map, fc.integer({ min: 1, max: 5 }), fc.nat(2), (object, maxDepth, flowEvery) => {
      const document = new Document(object)
      let seqs = 0
      visit(document, { Seq: (_, node) => { if (flowEvery > 0 && seqs++ % flowEvery === 0) node.flow = true } })
      const source = document.toString({ lineWidth: 0 })
      if (composeBlockDocument(source, 0, COMPOSE_OPTIONS, maxDepth) === null) return
      read++
      const token = [...new Parser().parse(source)].find((t) => t.type === 'document') as CST.Document
      expect(capDepth(token, maxDepth), source).toEqual([])
    }), { numRuns: 400, examples: [[{ a: [{ a: 'x' }] }, 2, 0]] }) // a compact map in a sequence is a level of its own
    expect(read).toBeGreaterThan(40)
  })

  it('answers as the library for damaged lines, or leaves them', () => {
    const base = realisticManifest(2).split('---\n')
    let read = 0
    fc.assert(fc.property(fc.constantFrom(...base), fc.nat(), fc.constantFrom(' ', '  ', '- ', '#', ': ', ' #c', '\n', 'x', ':', '"', "'", '{}', '[]', '\t', '---\n', '...\n'), (text, at, piece) => {
      const position = at % (text.length + 1)
      if (compare(text.slice(0, position) + piece + text.slice(position), 7)) read++
    }), { numRuns: 600 })
    expect(read).toBeGreaterThan(0)
  })

  it('leaves comments, blank lines, anchors, block scalars, flow collections and empty values to the parser', () => {
    for (const source of [
      '# Source: chart/templates/svc.yaml\na: 1\n', '---\n\n# x\na: 1\n', 'a: 1\n\nb: 2\n', 'a: 1 # note\n', 'a: &x 1\nb: *x\n', 'a: |\n  x\n',
      'a: [1, [2]]\n', 'a: {b: 1}\n', 'a: [b: 1]\n', 'a: [1, ]\n', 'a:\nb: 1\n', 'a: "x\\ty"\n', 'a: b\n  c\n', '? a\n: b\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n...\n',
      '--- a: 1\n', `${'k'.repeat(1100)}: 1\n`, 'a: [ ]\n', 'a:: 1\n', 'a: 1\r\n', 'a:\t1\n', '- - a\n', '-\n  a: 1\n', '',
    ]) expect(composeBlockDocument(source, 0, COMPOSE_OPTIONS), JSON.stringify(source)).toBeNull()
  })

  it('asks the schema only for plain scalars some default tag of the core schema can match', () => {
    // The shortcut reads these patterns' first characters: a new default tag must be looked at before it is trusted.
    const tags = new Document(undefined, COMPOSE_OPTIONS).schema.tags as unknown as { default?: unknown; test?: RegExp }[]
    const patterns = tags.filter((tag) => tag.default === true && tag.test).map((tag) => tag.test?.source)
    expect(tags.filter((tag) => tag.default === 'key')).toEqual([]) // no key-only tag (`<<` with merge) either
    expect(patterns).toEqual([
      '^(?:~|[Nn]ull|NULL)?$', '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$', '^0o[0-7]+$', '^[-+]?[0-9]+$', '^0x[0-9a-fA-F]+$',
      '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$', '^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$',
      '^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$',
    ])
  })
})
