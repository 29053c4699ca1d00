/**
 * The CLI dispatcher: `npm run --silent cli -- <command> [options] FILE...`. Each command lives in
 * `commands/<name>.ts`, exports `command: Command`, and is registered by one line in `commands` below.
 * `runCli` is the whole CLI over an injectable `CliIo`, so tests run it in-process.
 */
import { pathToFileURL } from 'node:url'
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
}

async function usage(): Promise<string> {
  const names = Object.keys(commands).sort()
  const width = Math.max(...names.map((name) => name.length))
  const lines = await Promise.all(names.map(async (name) => `  ${name.padEnd(width)}  ${(await (commands[name] as () => Promise<Command>)()).summary}`))
  return 'Usage: ingress-studio <command> [options] FILE...\n\n' +
    'Ingress Studio on the command line: the same engine as the studio.\n\n' +
    `Commands:\n${lines.join('\n')}\n\n` +
    'Run "<command> --help" for the options of one command. FILE may be - for stdin.\n'
}

/** Runs the CLI with `argv` (the arguments after the program name) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
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
