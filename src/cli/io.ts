/**
 * The CLI's contact with the outside: stdout, stderr, stdin and files behind one small interface, so commands
 * run in-process in tests. Also the shared input reading (`FILE...` and `-` for stdin) and diagnostic printing.
 */
import { readFile } from 'node:fs/promises'
import { formatMessage, isRejectedInput, type AnalyzeOptions, type Diagnostic, type Message, type MessageLanguage, type SourceFile } from '../engine'
import { colorWanted, paintSeverity } from './colors'
import { escapeText } from './escape-text'

export interface CliIo {
  /** Writes to standard output as is (callers add newlines). */
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly readStdin: () => Promise<string>
  readonly readFile: (path: string) => Promise<string>
  /** The language engine messages are printed in (`--lang`, docs/i18n.md); commands' own help stays English. */
  readonly language: MessageLanguage
  /** The width of the terminal stdout is, in columns; absent when stdout is not a terminal (a pipe, a file, tests). */
  readonly columns?: number
  /** Whether stdout takes colour (colors.ts `colorWanted`); absent or false: plain text. */
  readonly color?: boolean
}

/** `message` in the language the CLI was asked to speak. */
export function say(io: Pick<CliIo, 'language'>, message: Message): string {
  return formatMessage(message, io.language)
}

/** The real process's streams and file system. */
export function createNodeIo(language: MessageLanguage = 'en'): CliIo {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined
  return {
    language,
    ...(columns === undefined ? {} : { columns }),
    color: colorWanted(process.stdout.isTTY, process.env),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    readFile: (path) => readFile(path, 'utf8'),
  }
}

/**
 * How every command has the engine read manifests: a document at a time with no cap on a file, so a cluster's
 * export of any size is read (`streamDocuments`, docs/input-limits.md#cluster-size-input), and every diagnostic
 * kept: a CI log or a SARIF file is not a page that a pasted binary could freeze.
 */
export const CLI_SOURCE_OPTIONS = { streamDocuments: true, maxDiagnosticsPerFile: Number.MAX_SAFE_INTEGER } as const satisfies AnalyzeOptions

/** The name stdin's text carries in diagnostics. */
export const STDIN_NAME = '<stdin>'

export type ReadInputs =
  | { readonly kind: 'ok'; readonly sources: SourceFile[] }
  | { readonly kind: 'error'; readonly message: string }

/** Reads every FILE argument (`-` = stdin, read and included once). The first unreadable file ends it with a message. */
export async function readInputs(paths: readonly string[], io: CliIo): Promise<ReadInputs> {
  const sources: SourceFile[] = []
  let stdin: string | undefined
  for (const path of paths) {
    try {
      if (path === '-') {
        // Standard input can be read once; a repeated `-` adds nothing.
        if (stdin !== undefined) continue
        stdin = await io.readStdin()
        sources.push({ name: STDIN_NAME, text: stdin })
      } else {
        sources.push({ name: path, text: await io.readFile(path) })
      }
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? describeFsError(String((error as { code: unknown }).code)) : String(error)
      return { kind: 'error', message: `cannot read ${escapeText(path)}: ${reason}` }
    }
  }
  return { kind: 'ok', sources }
}

function describeFsError(code: string): string {
  switch (code) {
    case 'ENOENT': return 'no such file'
    case 'EACCES': return 'permission denied'
    case 'EISDIR': return 'is a directory'
    default: return code
  }
}

/** `file:line:col: severity rule: message`, the usual compiler form. */
export function formatDiagnostic(diagnostic: Diagnostic, language: MessageLanguage = 'en', color = false): string {
  const { file, start, severity, code, text } = diagnostic
  return `${escapeText(file)}:${start.line}:${start.column}: ${paintSeverity(severity, color)} ${code}: ${escapeText(formatMessage(text, language))}`
}

/** Whether a command whose stdout is data may go on with its input. */
export type InputVerdict = 'accepted' | 'rejected'

/**
 * For commands whose stdout is data (route, rollout, nginx-conf, migrate). Input the API server would reject
 * (`rejects`, by default the engine's `isRejectedInput`) is printed as `file:line:col: message` on stderr and
 * answered `rejected`, so the command exits 2 with nothing on stdout. Otherwise every other error (routing and
 * lint findings: the API server accepts the manifest, it only does something unwanted) is printed in the lint
 * form on stderr and the command goes on; warnings and infos are left to `lint`.
 */
export function reportInput(diagnostics: readonly Diagnostic[], io: CliIo, rejects: (d: Diagnostic) => boolean = isRejectedInput): InputVerdict {
  const rejected = diagnostics.filter(rejects)
  for (const problem of rejected) io.stderr(`${escapeText(problem.file)}:${problem.start.line}:${problem.start.column}: ${escapeText(say(io, problem.text))}\n`)
  if (rejected.length > 0) return 'rejected'
  for (const finding of diagnostics) if (finding.severity === 'error') io.stderr(`${formatDiagnostic(finding, io.language)}\n`)
  return 'accepted'
}
