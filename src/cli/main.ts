/**
 * The CLI dispatcher: `npm run --silent cli -- <command> [options] FILE...`. Each command lives in
 * `commands/<name>.ts`, exports `command: Command`, and is registered by one line in `commands` below.
 * `runCli` is the whole CLI over an injectable `CliIo`, so tests run it in-process.
 */
import { pathToFileURL } from 'node:url'
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../engine'
import { EXIT_OK, EXIT_USAGE, type Command } from './command'
import { escapeText } from './escape-text'
import { createNodeIo, type CliIo } from './io'

/** Every command, loaded on demand. Add one line per command. */
export const commands: Readonly<Record<string, () => Promise<Command>>> = {
  lint: () => import('./commands/lint').then((m) => m.command),
  rollout: () => import('./commands/rollout').then((m) => m.command),
  route: () => import('./commands/route').then((m) => m.command),
  'nginx-conf': () => import('./commands/nginx-conf').then((m) => m.command),
  migrate: () => import('./commands/migrate').then((m) => m.command),
  parity: () => import('./commands/parity').then((m) => m.command),
}

async function usage(): Promise<string> {
  const names = Object.keys(commands).sort()
  const width = Math.max(...names.map((name) => name.length))
  const lines = await Promise.all(names.map(async (name) => `  ${name.padEnd(width)}  ${(await (commands[name] as () => Promise<Command>)()).summary}`))
  return 'Usage: ingress-studio <command> [options] FILE...\n\n' +
    'Ingress Studio on the command line: the same engine as the studio.\n\n' +
    `Commands:\n${lines.join('\n')}\n\n` +
    'Run "<command> --help" for the options of one command. FILE may be - for stdin.\n\n' +
    `Global option:\n  --lang ${MESSAGE_LANGUAGES.join('|')}   the language of the engine's messages (default en); help texts stay English\n`
}

type LanguageChoice =
  | { readonly kind: 'ok'; readonly language: MessageLanguage | null; readonly rest: readonly string[] }
  | { readonly kind: 'error'; readonly message: string }

/**
 * Takes the global `--lang L` / `--lang=L` out of `argv` (anywhere before a `--`), so every command speaks the
 * same language without knowing the option.
 */
export function takeLanguage(argv: readonly string[]): LanguageChoice {
  const rest: string[] = []
  let language: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length)
      if (value === undefined) return { kind: 'error', message: 'option --lang needs a value' }
      language = value
    } else rest.push(arg)
  }
  if (language !== null && !(MESSAGE_LANGUAGES as readonly string[]).includes(language)) {
    return { kind: 'error', message: `--lang must be ${MESSAGE_LANGUAGES.join(' or ')}, not "${escapeText(language)}"` }
  }
  return { kind: 'ok', language: language as MessageLanguage | null, rest }
}

/** Runs the CLI with `argv` (the arguments after the program name) and resolves to the exit code. */
export async function runCli(argv: readonly string[], givenIo: CliIo): Promise<number> {
  const choice = takeLanguage(argv)
  if (choice.kind === 'error') {
    givenIo.stderr(`${choice.message}\n`)
    return EXIT_USAGE
  }
  const io: CliIo = choice.language === null ? givenIo : { ...givenIo, language: choice.language }
  const [name, ...rest] = choice.rest
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const text = await usage()
    if (name === undefined) {
      io.stderr(text)
      return EXIT_USAGE
    }
    io.stdout(text)
    return EXIT_OK
  }
  const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined
  if (!load) {
    io.stderr(`Unknown command "${escapeText(name)}".\n\n${await usage()}`)
    return EXIT_USAGE
  }
  const command = await load()
  return command.run(rest, io)
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (invokedDirectly) {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
  runCli(process.argv.slice(2), createNodeIo()).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = 70
    },
  )
}
