/**
 * The CLI dispatcher: `npm run --silent cli -- <command> [options] FILE...`. Each command lives in
 * `commands/<name>.ts`, exports `command: Command`, and is registered by one line in `commands` below.
 * `runCli` is the whole CLI over an injectable `CliIo`, so tests run it in-process.
 */
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../engine/messages/languages'
import { EXIT_USAGE, type Command } from './command'
import type { CommandName } from './command-summaries'
import { escapeText } from './escape-text'
import type { CliIo } from './io'
import { topLevelAnswer, usageText } from './top-level'

/** Every command's module, loaded on demand; the names and summaries are in command-summaries.ts. */
export const commands: Readonly<Record<CommandName, () => Promise<Command>>> = {
  lint: () => import('./commands/lint').then((m) => m.command),
  rollout: () => import('./commands/rollout').then((m) => m.command),
  route: () => import('./commands/route').then((m) => m.command),
  'nginx-conf': () => import('./commands/nginx-conf').then((m) => m.command),
  migrate: () => import('./commands/migrate').then((m) => m.command),
  parity: () => import('./commands/parity').then((m) => m.command),
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
  const answer = topLevelAnswer(choice.rest)
  if (answer) {
    io[answer.stream](answer.text)
    return answer.code
  }
  const [name, ...rest] = choice.rest as [string, ...string[]]
  const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name as CommandName] : undefined
  if (!load) {
    io.stderr(`Unknown command "${escapeText(name)}".\n\n${usageText()}`)
    return EXIT_USAGE
  }
  const command = await load()
  return command.run(rest, io)
}
