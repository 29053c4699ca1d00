import { describe, expect, it } from 'vitest'
import { analyzeText } from '../testing/analyze-text'
import { parseSources } from './parse-sources'

const service = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'

describe('source stage: problems in the text come back as diagnostics with ranges', () => {
  it('reports malformed YAML as yaml-syntax at the offending place', () => {
    const result = analyzeText('a: [1, 2\nb: 3\n')
    expect(result.of('yaml-syntax').length).toBeGreaterThan(0)
    expect(result.of('yaml-syntax')[0]).toMatchObject({ severity: 'error' })
  })

  it('reports a tab in indentation as yaml-tab-indent on the tab', () => {
    const result = analyzeText('a:\n\tb: 1\n')
    expect(result.of('yaml-tab-indent')).toEqual([expect.objectContaining({ text: '\t', line: 2, column: 1 })])
  })

  it('reports a duplicate key as yaml-duplicate-key on the second key', () => {
    const result = analyzeText(`${service}data:\n  k: a\n  k: b\n`)
    expect(result.of('yaml-duplicate-key')).toEqual([expect.objectContaining({ text: 'k', line: 7, column: 3 })])
  })

  it('reads CRLF line endings with the same lines and columns', () => {
    const lf = analyzeText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n')
    const crlf = analyzeText('apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: Bad_Name\r\n')
    expect(crlf.of('invalid-name')).toEqual([expect.objectContaining({ text: 'Bad_Name', line: 4, column: 9 })])
    expect(crlf.of('invalid-name').map((f) => [f.line, f.column])).toEqual(lf.of('invalid-name').map((f) => [f.line, f.column]))
    expect(crlf.model.configMaps).toHaveLength(1)
  })

  it('reads lone CR line endings as line breaks (go-yaml, so kubectl, does), with the same model, lines and columns', () => {
    const lf = analyzeText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\ndata:\n  a: |\n    x\n    y\n')
    const cr = analyzeText('apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: Bad_Name\rdata:\r  a: |\r    x\r    y\r')
    expect(cr.of('invalid-name')).toEqual([expect.objectContaining({ text: 'Bad_Name', line: 4, column: 9 })])
    expect(cr.found.map((f) => [f.code, f.line, f.column])).toEqual(lf.found.map((f) => [f.code, f.line, f.column]))
    expect(cr.model.configMaps[0]?.data).toEqual({ a: 'x\ny\n' })
  })

  it('reads a file mixing LF, CRLF and lone CR line by line', () => {
    const result = analyzeText('apiVersion: v1\r\nkind: ConfigMap\rmetadata:\n  name: c\rdata: {a: "1"}\r\n')
    expect(result.problems()).toEqual([])
    expect(result.model.configMaps[0]?.data).toEqual({ a: '1' })
  })

  it('accepts a byte-order mark', () => {
    const result = analyzeText(`\uFEFF${service}`)
    expect(result.problems()).toEqual([])
    expect(result.model.configMaps[0]?.meta.name).toBe('c')
  })

  it('refuses a binary file (NUL byte) with input-binary at the NUL and parses nothing', () => {
    const text = `${service}\u0000\u0001\u0002junk`
    const result = analyzeText(text)
    expect(result.found).toEqual([expect.objectContaining({ code: 'input-binary', text: '\u0000', line: 5, column: 1 })])
    expect(result.model.configMaps).toHaveLength(0)
  })

  it('reads other control characters as spaces and reports the first with a count', () => {
    const result = analyzeText(`${service}data:\n  k: "a\u0007b\u0007"\n`)
    expect(result.of('input-binary')).toEqual([expect.objectContaining({ text: '\u0007', line: 6, column: 8 })])
    expect(result.of('input-binary')[0]?.message).toContain('and 1 more')
    expect(result.model.configMaps[0]?.data).toEqual({ k: 'a b ' })
  })

  it('cuts nesting deeper than the limit with yaml-too-deep instead of overflowing the stack', () => {
    const depth = 20_000
    const result = analyzeText(`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`)
    // Depth 1 is the root map, so the 128th '[' (offset 3 + 127) is the first node cut off after parsing; the
    // text scan before parsing already blanked everything from the 513th '[' on.
    expect(result.of('yaml-too-deep')).toEqual([
      expect.objectContaining({ text: '[', line: 1, column: 3 + 127 + 1 }),
      expect.objectContaining({ text: '[', line: 1, column: 3 + 512 + 1 }),
    ])
  })

  it('reads the documents after a runaway one', () => {
    const result = analyzeText(`${'- '.repeat(100_000)}x\n---\n${service}`)
    expect(result.of('yaml-too-deep').length).toBeGreaterThan(0)
    expect(result.model.configMaps.map((c) => c.meta.name)).toEqual(['c'])
  })

  it('finds duplicate keys in big maps too, once per repeat', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i % 10_000}: v`).join('\n')
    const result = analyzeText(`${service}data:\n${keys}\n`, { maxDiagnosticsPerFile: 20_000 })
    expect(result.of('yaml-duplicate-key')).toHaveLength(10_000)
    expect(result.of('yaml-duplicate-key')[0]).toMatchObject({ text: 'k0', line: 10_006, column: 3 })
  })

  it('honours a lower nesting limit from the options', () => {
    const result = analyzeText('a:\n  b:\n    c:\n      d: 1\n', { maxNestingDepth: 2 })
    expect(result.of('yaml-too-deep')).toEqual([expect.objectContaining({ line: 3, column: 5 })])
  })

  it('refuses input above the size cap with a named input-too-large diagnostic at the start, sized in bytes', () => {
    const text = `${service}# ${'x'.repeat(200)}\n`
    const result = analyzeText(text, { maxInputBytes: 100 })
    expect(result.found).toEqual([expect.objectContaining({ code: 'input-too-large', line: 1, column: 1 })])
    expect(result.found[0]?.message).toBe(`The input is ${text.length} bytes (0.2 KiB) of UTF-8, above the 100 bytes (0.1 KiB) the studio analyses (MAX_INPUT_BYTES); it was not parsed. Split it into smaller files.`)
    expect(result.documents).toEqual([])
  })

  it('counts the cap in UTF-8 bytes: multibyte text under the cap in characters is still refused', () => {
    const text = `${service}# ${'한'.repeat(100)}\n` // 100 characters, 300 bytes
    expect(text.length).toBeLessThan(200)
    expect(analyzeText(text, { maxInputBytes: 200 }).of('input-too-large')).toHaveLength(1)
    expect(analyzeText(text, { maxInputBytes: 400 }).of('input-too-large')).toHaveLength(0)
  })

  it('applies the default 5 MiB cap, in bytes: 2 Mi three-byte characters (6 MiB) are refused', () => {
    expect(analyzeText(`${service}#${'x'.repeat(5 * 1024 * 1024)}\n`).of('input-too-large')).toHaveLength(1)
    const multibyte = analyzeText(`${service}#${'한'.repeat(2 * 1024 * 1024)}\n`)
    expect(multibyte.of('input-too-large')).toEqual([expect.objectContaining({ message: expect.stringContaining('6,291,5') })])
  })

  it('reads JSON, and names its syntax errors json-syntax in .json files', () => {
    const json = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}, "data": {"a": "1"}}'
    expect(analyzeText(json, {}, 'x.json').model.configMaps[0]?.data).toEqual({ a: '1' })
    const broken = analyzeText('{"apiVersion": "v1", "kind": ', {}, 'x.json')
    expect(broken.of('json-syntax').length).toBeGreaterThan(0)
    expect(broken.of('yaml-syntax')).toEqual([])
  })

  it('reports YAML warnings (an unknown directive) as yaml-warning', () => {
    const result = analyzeText(`%FOO bar\n---\n${service}`)
    expect(result.of('yaml-warning')).toEqual([expect.objectContaining({ severity: 'warning', text: '%FOO bar', line: 1 })])
  })

  it('keeps at most maxDiagnosticsPerFile and says how many were left out', () => {
    const text = Array.from({ length: 10 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad${i}\n`).join('---\n')
    const result = analyzeText(text, { maxDiagnosticsPerFile: 3 })
    expect(result.of('invalid-name')).toHaveLength(3)
    expect(result.of('diagnostics-truncated')).toHaveLength(1)
    expect(result.of('diagnostics-truncated')[0]?.message).toContain('7 more')
  })

  it('splits files into documents with their own index and ranges, skipping comment-only files', () => {
    const parsed = parseSources([
      { name: 'a.yaml', text: `${service}---\n${service.replace('name: c', 'name: d')}` },
      { name: 'b.yaml', text: '# only a comment\n' },
    ])
    expect(parsed.files.map((file) => file.documents.length)).toEqual([2, 0])
    const [first, second] = parsed.files[0]?.documents ?? []
    expect(first?.index).toBe(0)
    expect(second?.index).toBe(1)
    expect(second?.span.start).toBe(service.length + 4)
    expect(parsed.diagnostics).toEqual([])
  })

  it('ends a document at its `---` line even inside an unclosed quote, as kubectl cuts a stream at those lines', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 'c\n---\n${service.replace('name: c', 'name: d')}`
    const parsed = parseSources([{ name: 'a.yaml', text }])
    expect(parsed.files[0]?.documents).toHaveLength(2)
    const result = analyzeText(text)
    // The quote is reported where its document ends; the next document is read as written.
    expect(result.of('yaml-syntax').map((d) => [d.line, d.column])).toEqual([[5, 1]])
    expect(result.model.configMaps.map((c) => c.meta.name)).toContain('d')
  })
})
