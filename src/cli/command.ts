/** The shape every CLI command module exports as `command`. */
import type { CliIo } from './io'

export interface Command {
  // Its one line in the command list of `--help` is in command-summaries.ts (the launcher reads it alone).
  /** The full `<command> --help` text, starting with the usage line. */
  readonly help: string
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>
}

/** Exit codes of the CLI contract: 0 fine, 1 findings (e.g. lint errors), 2 usage or input errors. */
export const EXIT_OK = 0
export const EXIT_FINDINGS = 1
export const EXIT_USAGE = 2
