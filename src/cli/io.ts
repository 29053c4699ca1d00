/**
 * The CLI's contact with the outside: stdout, stderr, stdin and files behind one small interface, so commands
 * run in-process in tests. Also the shared input reading (`FILE...` and `-` for stdin) and diagnostic printing.
 */
import { readFile } from 'node:fs/promises'
import type { Diagnostic, SourceFile } from '../engine'

export interface CliIo {
  /** Writes to standard output as is (callers add newlines). */
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly readStdin: () => Promise<string>
  readonly readFile: (path: string) => Promise<string>
}

/** The real process's streams and file system. */
export function createNodeIo(): CliIo {
  return {
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
      return { kind: 'error', message: `cannot read ${path}: ${reason}` }
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
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, start, severity, code, message } = diagnostic
  return `${file}:${start.line}:${start.column}: ${severity} ${code}: ${message}`
}

/**
 * For commands that need valid input (route, rollout, …): prints every error as `file:line:col: message` on
 * stderr and returns true when there was any, so the command can exit 2 without printing to stdout.
 */
export function reportInputErrors(diagnostics: readonly Diagnostic[], io: CliIo): boolean {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  for (const error of errors) io.stderr(`${error.file}:${error.start.line}:${error.start.column}: ${error.message}\n`)
  return errors.length > 0
}
