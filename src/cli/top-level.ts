/**
 * What the CLI answers before any command runs: the usage (`--help`, `-h`, `help`, or nothing at all, which is a
 * usage error) and the version (`--version`, `version`). A leaf: the launcher (bin.ts) answers these without
 * loading a command or the engine, so `ingress-studio --help` starts as fast as Node does.
 */
import packageJson from '../../package.json' with { type: 'json' }
import { MESSAGE_LANGUAGES } from '../engine/messages/languages'
import { COMMAND_SUMMARIES } from './command-summaries'
import { EXIT_OK, EXIT_USAGE } from './command'

/** The package's version (package.json), as `--version` prints it. */
export const CLI_VERSION: string = packageJson.version

export function usageText(): string {
  const names = Object.keys(COMMAND_SUMMARIES).sort() as (keyof typeof COMMAND_SUMMARIES)[]
  const width = Math.max(...names.map((name) => name.length))
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${COMMAND_SUMMARIES[name]}`)
  return 'Usage: ingress-studio <command> [options] FILE...\n\n' +
    'Ingress Studio on the command line: the same engine as the studio.\n\n' +
    `Commands:\n${lines.join('\n')}\n\n` +
    'Run "<command> --help" for the options of one command. FILE may be a file, a folder (its *.yaml,\n' +
    '*.yml and *.json files, recursively) or - for stdin, for every command.\n\n' +
    `Global options:\n  --lang ${MESSAGE_LANGUAGES.join('|')}   the language of the engine's messages (default en); help texts stay English\n` +
    '  --version      print the version and exit\n\n' +
    'Exit codes: 0 done, 1 a gate failed (findings, a difference), 2 usage, unreadable or invalid input.\n'
}

export interface TopLevelAnswer {
  readonly stream: 'stdout' | 'stderr'
  readonly text: string
  readonly code: number
}

/** The answer to `argv` (global options already taken out) when it names no command, else null. */
export function topLevelAnswer(argv: readonly string[]): TopLevelAnswer | null {
  const [first] = argv
  if (first === undefined) return { stream: 'stderr', text: usageText(), code: EXIT_USAGE }
  if (first === '--help' || first === '-h' || first === 'help') return { stream: 'stdout', text: usageText(), code: EXIT_OK }
  if (first === '--version' || first === 'version') return { stream: 'stdout', text: `ingress-studio ${CLI_VERSION}\n`, code: EXIT_OK }
  return null
}
