/**
 * Reading a document at a time (`streamDocuments`, the CLI) answers as reading the file whole (the studio): the
 * same diagnostics at the same places, the same documents and the same model, for every shipped manifest and the
 * YAML stream shapes that decide where a document ends. kubectl List exports are cut into their items, a document
 * over its cap is reported at its own line while the rest is read, and parse trees are not all kept.
 */
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { kubectlExport, realisticManifest } from '../testing/large-manifests'
import { PRESETS } from '../../presets/gallery'
import { SEED_MANIFEST } from '../../presets/seed'
import { parseSources } from './parse-sources'
import { splitDocuments } from './split-documents'

const STREAMED = { streamDocuments: true } as const

function sameAnswers(text: string, name = 'm.yaml'): void {
  const whole = analyze([{ name, text }], { now: Date.parse('2027-01-01T00:00:00Z') })
  const streamed = analyze([{ name, text }], { ...STREAMED, now: Date.parse('2027-01-01T00:00:00Z') })
  expect(streamed.diagnostics).toEqual(whole.diagnostics)
  expect(streamed.documents).toEqual(whole.documents)
  expect(streamed.model).toEqual(whole.model)
}

const kubectlYaml = (apps: number): string => stringify(kubectlExport(apps), { indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false })

describe('streamDocuments: a document at a time answers as the whole file', () => {
  it('for the seed, every preset and a generated 90-object manifest', () => {
    sameAnswers(SEED_MANIFEST)
    for (const preset of PRESETS) sameAnswers(preset.manifest)
    sameAnswers(realisticManifest(30))
  })

  it.each([
    ['comments before the first marker', '# header\n\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n'],
    ['no marker at all', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n'],
    ['end markers and a bare document after one', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n...\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n'],
    ['empty documents between markers', '---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n'],
    ['a marker with a comment, trailing comments', '--- # first\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n# the end\n'],
    ['a syntax error and a duplicate key in the second document', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  name: c\ndata: [1, 2\n'],
    ['a block scalar whose text looks like a marker', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: |\n    ---\n    x\n'],
    ['three-dot text that is not a marker', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: "...x"\n---x: 1\n'],
    ['a comment before the first marker, CRLF line ends', '# header\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: b\r\n'],
    ['CRLF line ends', 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: Bad_Name\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: b\r\n'],
  ])('for %s', (_, text) => sameAnswers(text))

  it('for a JSON file that is not a List', () => {
    sameAnswers(JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } }, null, 2), 'm.json')
  })

  it('for a file named .json that holds YAML documents', () => {
    sameAnswers('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n\t  a: b\n  name: b\n', 'm.json')
  })

  it('parses a stream with directives whole (they belong to the document after them)', () => {
    expect(splitDocuments('%YAML 1.2\n---\na: 1\n', false)).toBeNull()
    sameAnswers('%YAML 1.2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n')
  })
})

describe('kubectl List exports are read item by item', () => {
  it('cuts `kubectl get -o yaml` into its items, at their lines, with status and managedFields ignored', () => {
    const text = kubectlYaml(3)
    const units = splitDocuments(text, false)
    expect(units).toHaveLength(9)
    expect(units?.every((unit) => text[unit.start] === '-' && unit.listItem)).toBe(true)
    const streamed = analyze([{ name: 'export.yaml', text }], STREAMED)
    const whole = analyze([{ name: 'export.yaml', text }])
    expect(streamed.model.ingresses.map((i) => i.meta.name)).toEqual(['app-0', 'app-1', 'app-2'])
    expect(streamed.model.deployments).toHaveLength(3)
    // The same findings at the same lines as reading the List whole; only the objects' paths differ (no `items`).
    const where = (a: typeof whole): string[] => a.diagnostics.map((d) => `${d.code}@${d.start.line}:${d.start.column}`)
    expect(where(streamed)).toEqual(where(whole))
    expect(where(streamed).filter((at) => at.startsWith('prestop-missing'))).toHaveLength(3)
  })

  it('cuts `kubectl get -o json` into its items by brackets, strings with brackets and escapes included', () => {
    const list = kubectlExport(2) as { items: Record<string, unknown>[] }
    ;(list.items[1] as { metadata: Record<string, unknown> }).metadata.annotations = { note: 'a "quoted" ] } [ { value\\' }
    const text = JSON.stringify(list, null, 4)
    const units = splitDocuments(text, true)
    expect(units?.map((unit) => JSON.parse(text.slice(unit.start, unit.end)).kind)).toEqual(['Ingress', 'Service', 'Deployment', 'Ingress', 'Service', 'Deployment'])
    const streamed = analyze([{ name: 'export.json', text }], STREAMED)
    const whole = analyze([{ name: 'export.json', text }])
    expect(streamed.model.services.map((s) => s.meta.name)).toEqual(['app-0', 'app-1'])
    expect(streamed.diagnostics.map((d) => [d.code, d.start])).toEqual(whole.diagnostics.map((d) => [d.code, d.start]))
  })

  it('leaves a List with an item that is not an object to the whole-file reading', () => {
    expect(splitDocuments('{"kind": "List", "items": [{"a": 1}, "x"]}', true)).toEqual([{ start: 0, end: 42, listItem: false }])
  })
})

describe('cluster-size input', () => {
  it('reads a file of any size, and a document over its cap is one error at its first line (its `---`) while the others are read', () => {
    const configMap = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`
    const huge = `${configMap('huge')}data:\n  blob: ${'x'.repeat(6 * 1024 * 1024)}\n`
    const text = [configMap('before'), huge, configMap('Bad_Name')].join('---\n')
    const streamed = analyze([{ name: 'big.yaml', text }], STREAMED)
    expect(streamed.model.configMaps.map((c) => c.meta.name)).toEqual(['before', 'Bad_Name'])
    expect(streamed.diagnostics.map((d) => `${d.code}@${d.start.line}`)).toEqual(['input-too-large@5', 'invalid-name@16'])
    expect(streamed.diagnostics[0]?.text).toMatchObject({ id: 'document-too-large' })
    expect(streamed.documents.map((d) => [d.startLine, d.endLine])).toEqual([[1, 4], [5, 11], [13, 16]])
    // Read whole, the same file is over the studio's cap and not parsed at all.
    expect(analyze([{ name: 'big.yaml', text }]).model.configMaps).toHaveLength(0)
  })

  it('keeps parse trees only while they fit the cache: a document read again after others is parsed anew', () => {
    const text = realisticManifest(4)
    const [file] = parseSources([{ name: 'm.yaml', text }], { ...STREAMED, parsedDocumentCacheBytes: 1 }).files
    const first = file?.documents[0]?.yaml
    expect(file?.documents[0]?.yaml).toBe(first) // still the most recent
    for (const doc of file?.documents ?? []) void doc.yaml
    expect(file?.documents[0]?.yaml).not.toBe(first)
    expect(file?.documents[0]?.yaml.toJS()).toEqual(first?.toJS())
    const [cached] = parseSources([{ name: 'm.yaml', text }], STREAMED).files
    const kept = cached?.documents[0]?.yaml
    for (const doc of cached?.documents ?? []) void doc.yaml
    expect(cached?.documents[0]?.yaml).toBe(kept)
  })
})
