/**
 * `lint -o junit`: the diagnostics as JUnit XML, the report CI systems show as tests. One test suite per YAML
 * document (its kind and name, e.g. `Ingress default/test`; a `kind: List` document is one suite) and one for
 * each file's problems outside any object; in each, one test case per enabled rule that applies to the object's
 * kind (`RULE_KINDS`; every rule for a List) and per other code that reported on it, failing with its messages
 * when it has a finding of severity error or warning (infos pass and are kept as system-out). Checked with a
 * JUnit parser in lint-formats.test.ts.
 */
import { formatMessage, RULE_KINDS, RULES, type Diagnostic, type DocumentSummary, type MessageLanguage, type RuleSettings } from '../../engine'

/** XML 1.0 text: the five escapes, and the characters XML cannot hold dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

interface Suite {
  readonly name: string
  /** The object's kind ('List' for a List document); null for a file's loose problems (only their own codes). */
  readonly kind: string | null
  readonly diagnostics: Diagnostic[]
}

function suiteName(document: DocumentSummary): string {
  const name = document.name === undefined ? '(unnamed)' : document.namespace ? `${document.namespace}/${document.name}` : document.name
  return `${document.kind ?? 'Document'} ${name} (${document.file}:${document.startLine})`
}

/** The diagnostics grouped by the document whose range holds them; the rest per file. */
function suitesOf(diagnostics: readonly Diagnostic[], documents: readonly DocumentSummary[]): Suite[] {
  const suites = documents.map((document): Suite & { document: DocumentSummary } => ({ name: suiteName(document), kind: document.kind ?? '', diagnostics: [], document }))
  // Each file's suites looked up once (a cluster export has thousands of documents).
  const byFile = new Map<string, (Suite & { document: DocumentSummary })[]>()
  for (const suite of suites) {
    const inFile = byFile.get(suite.document.file)
    if (inFile) inFile.push(suite)
    else byFile.set(suite.document.file, [suite])
  }
  const loose = new Map<string, Suite>()
  for (const diagnostic of diagnostics) {
    const home = byFile.get(diagnostic.file)?.find(({ document }) => diagnostic.span.start >= document.span.start && diagnostic.span.start <= document.span.end)
    if (home) home.diagnostics.push(diagnostic)
    else {
      let suite = loose.get(diagnostic.file)
      if (!suite) loose.set(diagnostic.file, (suite = { name: `${diagnostic.file} (outside any object)`, kind: null, diagnostics: [] }))
      suite.diagnostics.push(diagnostic)
    }
  }
  return [...suites, ...loose.values()]
}

export function toJunit(diagnostics: readonly Diagnostic[], documents: readonly DocumentSummary[], rules: RuleSettings, language: MessageLanguage): string {
  const ran = RULES.filter((rule) => rules[rule.id]?.enabled !== false).map((rule) => rule.id)
  /** The enabled rules that run on an object of `kind` (all of them for a List, whose items may be any kind), once per kind. */
  const byKind = new Map<string, readonly string[]>([['List', ran]])
  const ranOn = (kind: string | null): readonly string[] => {
    if (kind === null) return []
    let rules = byKind.get(kind)
    if (rules === undefined) byKind.set(kind, (rules = ran.filter((id) => RULE_KINDS[id].includes(kind))))
    return rules
  }
  let tests = 0
  let failures = 0
  const body = suitesOf(diagnostics, documents).map((suite) => {
    const codes = [...new Set([...ranOn(suite.kind), ...suite.diagnostics.map((d) => d.code)])]
    let suiteFailures = 0
    const cases = codes.map((code) => {
      const found = suite.diagnostics.filter((d) => d.code === code)
      const lines = found.map((d) => `${d.file}:${d.start.line}:${d.start.column}: ${d.severity} ${d.code}: ${formatMessage(d.text, language)}`)
      const failing = found.filter((d) => d.severity !== 'info')
      const head = `    <testcase name="${xml(code)}" classname="${xml(suite.name)}"`
      if (failing.length > 0) {
        suiteFailures++
        const type = failing.some((d) => d.severity === 'error') ? 'error' : 'warning'
        return `${head}>\n      <failure message="${xml(lines[0] as string)}" type="${type}">${xml(lines.join('\n'))}</failure>\n    </testcase>`
      }
      return found.length > 0 ? `${head}>\n      <system-out>${xml(lines.join('\n'))}</system-out>\n    </testcase>` : `${head}/>`
    })
    tests += cases.length
    failures += suiteFailures
    return `  <testsuite name="${xml(suite.name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ingress-studio lint" tests="${tests}" failures="${failures}" errors="0">\n${body.join('\n')}\n</testsuites>\n`
}
