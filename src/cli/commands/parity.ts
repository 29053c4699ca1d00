/**
 * `parity FILE... [--against FILE...] [--format text|json] [--requests R.jsonl] [--gateway NS/NAME]
 * [--gateway-class NAME]`: the same requests through ingress-nginx (the Ingresses of FILE) and through Gateway API
 * (their conversion, or the Gateway API objects of the --against files), every request answered differently, by
 * cause, with both traces and the fix — a CI gate during a migration (docs/migration.md, "Command line"). The
 * requests, the comparison and the causes are the engine's `checkParity`; this module reads, checks and prints.
 */
import { parseArgs } from 'node:util'
import { analyze, checkParity, isRejectedInput, type ParityRequest, type SourceFile } from '../../engine'
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { CLI_SOURCE_OPTIONS, readInputs, reportInput, say, type CliIo } from '../io'
import { readManifests } from '../expand-paths'
import { escapeText } from '../escape-text'
import { parityJson, parityText } from './parity-report'
import { parseRequests } from './route-requests'

const help = `Usage: parity FILE... [--against FILE...] [--format text|json] [--requests REQUESTS.jsonl]
                       [--gateway NAMESPACE/NAME] [--gateway-class NAME]

Sends the same requests through ingress-nginx (the Ingresses of FILE) and through Gateway API, and
prints every request the two answer differently: its status, Service, port, upstream path, upstream
Host or Location. The Gateway API side is the conversion "migrate --to gateway-api" writes, or, with
--against, the Gateway API objects of those files (HTTPRoutes from another conversion tool, say).
Services, Secrets and ConfigMaps are read from all the files. The requests are generated to tell the
two apart (every host and wildcard, each path's boundaries, case variants, regex edges, http and https,
canary headers and cookies), plus your own with --requests. A controller 404 and a Gateway 404 are the
same answer.

Options:
  --against FILE...        the Gateway API side: every argument after it up to the next option is a FILE
                           (repeatable); without it, the Ingresses' own conversion
  -o, --format text|json   text (default): a summary, then each cause with its count, explanation and fix,
                           each request with the differing fields (ingress-nginx -> Gateway API) and both
                           traces, side by side when the terminal is wide enough
                           json: one object {"equivalent":bool,"requests":N,"differences":[
                             {"request":{url,method,headers,cookies},"ingressNginx":{…},"gatewayApi":{…},
                              "fields":[…],"cause":"…","explanation":"…","fix":{kind,text}}],
                            "gateway":"ns/name","groups":[{cause,explanation,count}]}
                           where each answer has route's JSON shape
  --requests FILE          more requests, one per line as route --requests reads them:
                           {"url":…,"method":…,"headers":{…},"cookies":{…}}
  --gateway NAMESPACE/NAME the Gateway the requests go through (default: the conversion's, or the only
                           Gateway of the --against files)
  --gateway-class NAME     spec.gatewayClassName of the converted Gateway (without --against)
  -h, --help               show this help

Only input the API server would reject stops parity ("file:line:col: message" on stderr); lint and
routing findings are left to "lint FILE...".

Exit status: 0 every request answered alike, 1 at least one differs, 2 usage error, unreadable file or a
spec the API server would reject.
`

const FORMATS = ['text', 'json'] as const

type Split = { readonly kind: 'ok'; readonly rest: string[]; readonly against: string[] | null } | { readonly kind: 'error'; readonly message: string }

/**
 * Takes `--against FILE...` out of `argv`: every argument after `--against` (or with `--against=FILE`, that one
 * too) up to the next option or `--` is an against-file; `--against` may come several times. parseArgs alone would
 * take only the first file.
 */
export function splitAgainst(argv: readonly string[]): Split {
  const rest: string[] = []
  const against: string[] = []
  let given = false
  // Files taken since the last --against; null when not after an --against.
  let taken: number | null = null
  const empty = { kind: 'error', message: '--against needs at least one FILE' } as const
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      if (taken === 0) return empty
      rest.push(...argv.slice(i))
      taken = null
      break
    }
    if (arg === '--against' || arg.startsWith('--against=')) {
      if (taken === 0) return empty
      given = true
      taken = 0
      if (arg !== '--against') {
        const file = arg.slice('--against='.length)
        if (file === '') return empty
        against.push(file)
        taken = 1
      }
    } else if (taken !== null && (arg === '-' || !arg.startsWith('-'))) {
      against.push(arg)
      taken++
    } else {
      if (taken === 0) return empty
      taken = null
      rest.push(arg)
    }
  }
  if (taken === 0) return empty
  return { kind: 'ok', rest, against: given ? against : null }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const usage = (message: string, withHelp = false): number => {
    io.stderr(`parity: ${escapeText(message)}\n${withHelp ? `\n${help}` : ''}`)
    return EXIT_USAGE
  }
  const split = splitAgainst(argv)
  if (split.kind === 'error') return usage(split.message)
  let parsed
  try {
    parsed = parseArgs({
      args: split.rest,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string', short: 'o' },
        requests: { type: 'string' },
        gateway: { type: 'string' },
        'gateway-class': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error), true)
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(help)
    return EXIT_OK
  }
  // -o/--output is lint's name for the same choice (kubectl's too); either may be given.
  const format = values.output ?? values.format
  if (!(FORMATS as readonly string[]).includes(format)) return usage(`--format must be text or json, not "${format}"`)
  if (positionals.length === 0) return usage('no FILE given (use - for stdin)', true)
  const against = split.against
  if (against !== null && values['gateway-class'] !== undefined) return usage('--gateway-class names the converted Gateway\'s class; with --against nothing is converted')
  const stdinUses = [...positionals, ...(against ?? []), ...(values.requests === undefined ? [] : [values.requests])].filter((path) => path === '-').length
  if (stdinUses > 1) return usage('standard input (-) can be read once: give it to FILE, --against or --requests, not several')

  let requests: ParityRequest[] = []
  if (values.requests !== undefined) {
    const file = await readInputs([values.requests], io)
    if (file.kind === 'error') return usage(file.message)
    const source = file.sources[0] as SourceFile
    const read = parseRequests(source.name, source.text)
    if (read.errors.length > 0) {
      for (const error of read.errors) io.stderr(`${escapeText(error)}\n`)
      return EXIT_USAGE
    }
    requests = read.requests.map(({ request }) => ({ url: request.url, method: request.method ?? 'GET', headers: request.headers ?? {}, cookies: request.cookies ?? {} }))
  }

  const files = await readManifests(positionals, io)
  if (files.kind === 'error') return usage(files.message)
  const others = await readManifests(against ?? [], io)
  if (others.kind === 'error') return usage(others.message)
  // Only what the API server would reject stops parity (source and model stages: no lint pass, which on 1,000
  // Ingresses costs as much again); lint and routing findings are lint's to print.
  const { model, diagnostics } = analyze([...files.sources, ...others.sources], { ...CLI_SOURCE_OPTIONS, checks: false })
  const rejected = diagnostics.filter(isRejectedInput)
  if (rejected.length > 0 && reportInput(rejected, io) === 'rejected') return EXIT_USAGE

  const report = checkParity(files.sources, against === null ? null : others.sources, {
    ...(values.gateway === undefined ? {} : { gateway: values.gateway }),
    ...(values['gateway-class'] === undefined ? {} : { gatewayClass: values['gateway-class'] }),
    requests,
    source: CLI_SOURCE_OPTIONS,
  })
  if ('problem' in report) return usage(say(io, report.problem))
  io.stdout(format === 'json' ? `${JSON.stringify(parityJson(report, io.language))}\n` : parityText(report, model, io))
  return report.equivalent ? EXIT_OK : EXIT_FINDINGS
}

export const command: Command = {
  help,
  run,
}
