/**
 * `lint -o sarif`: the diagnostics as one SARIF 2.1.0 log (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
 * the shape code-scanning views read to annotate lines. One run; the driver lists every rule a result names, with
 * the lint catalog's title, rationale and default level (codes of the YAML, API-validation and routing stages have
 * no catalog entry: their id is their description). Lines and columns are 1-based UTF-16 columns, the end column
 * exclusive: the engine's own positions, which are SARIF's defaults. Checked against the SARIF schema in
 * lint-sarif.test.ts.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif'
import { formatMessage, ruleInfo, type Diagnostic, type MessageLanguage, type Severity } from '../../engine'
import { CLI_VERSION } from '../top-level'

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', info: 'note' }

/** A file name as a SARIF URI reference (spaces, `<stdin>` and the like percent-encoded). */
function uriOf(file: string): string {
  return encodeURI(file.replace(/\\/g, '/')).replace(/[[\]]/g, encodeURIComponent)
}

function descriptorOf(code: string): ReportingDescriptor {
  const rule = ruleInfo(code)
  if (!rule) return { id: code, shortDescription: { text: code } }
  return {
    id: code,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    ...(rule.fix ? { help: { text: rule.fix } } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: rule.category },
  }
}

export function toSarif(diagnostics: readonly Diagnostic[], language: MessageLanguage): Log {
  const codes = [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort()
  const index = new Map(codes.map((code, i) => [code, i]))
  const results: Result[] = diagnostics.map((diagnostic) => ({
    ruleId: diagnostic.code,
    ruleIndex: index.get(diagnostic.code) as number,
    level: LEVEL[diagnostic.severity],
    message: { text: formatMessage(diagnostic.text, language) },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: uriOf(diagnostic.file) },
        region: { startLine: diagnostic.start.line, startColumn: diagnostic.start.column, endLine: diagnostic.end.line, endColumn: diagnostic.end.column },
      },
    }],
  }))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'ingress-studio', version: CLI_VERSION, rules: codes.map(descriptorOf) } }, results }],
  }
}
