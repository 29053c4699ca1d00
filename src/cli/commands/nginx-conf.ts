/**
 * `nginx-conf FILE...`: the nginx.conf ingress-nginx would render for these Ingresses (servers, locations in
 * order, rewrites, redirects, named upstreams), in a form real nginx accepts (`nginx -t`).
 */
import { parseArgs } from 'node:util'
import { analyze, compileRoutes, renderNginxConf } from '../../engine'
import { EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { CLI_SOURCE_OPTIONS, reportInput, type CliIo } from '../io'
import { readManifests } from '../expand-paths'
import { escapeText } from '../escape-text'

const help = `Usage: nginx-conf FILE...

Prints the nginx.conf ingress-nginx would render for the Ingresses in FILE (a YAML or JSON file, or - for
stdin): one server per host, the catch-all server _, locations in the order nginx tries them, app-root,
redirects and rewrites, with every Service port as a named upstream. What ingress-nginx does in Lua (https
redirects, canary) appears as comments. The output passes "nginx -t"; upstream servers are placeholders.

Options:
  -h, --help  show this help

Routing and lint findings of severity error (lint's form) go to stderr; the file is still printed.

Exit status: 0 printed, 2 usage error, unreadable file or a spec the API server would reject.
`

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } })
  } catch (error) {
    io.stderr(`nginx-conf: ${escapeText(error instanceof Error ? error.message : String(error))}\n\n${help}`)
    return EXIT_USAGE
  }
  if (parsed.values.help) {
    io.stdout(help)
    return EXIT_OK
  }
  if (parsed.positionals.length === 0) {
    io.stderr(`nginx-conf: no FILE given (use - for stdin)\n\n${help}`)
    return EXIT_USAGE
  }
  const inputs = await readManifests(parsed.positionals, io)
  if (inputs.kind === 'error') {
    io.stderr(`nginx-conf: ${inputs.message}\n`)
    return EXIT_USAGE
  }
  const { model, diagnostics } = analyze(inputs.sources, CLI_SOURCE_OPTIONS)
  if (reportInput(diagnostics, io) === 'rejected') return EXIT_USAGE
  io.stdout(renderNginxConf(compileRoutes(model)))
  return EXIT_OK
}

export const command: Command = {
  help,
  run,
}
