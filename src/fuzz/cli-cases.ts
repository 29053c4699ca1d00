/**
 * Command lines for each CLI command: valid and invalid flags and values, files (in memory) and stdin, URLs,
 * headers, cookies and `--requests` lines. Positional paths never name anything on disk (`in-*`, `zz…`), so a
 * case reads only its own files whatever the working directory holds.
 */
import { convertToGatewayApi, FLAGGED_PARAMETERS, RULES } from '../engine'
import { GATEWAY_NAMES, GATEWAY_NAMESPACES, gatewayScenario, METHODS } from './gateway-objects'
import { hostileNumber, hostileString, hostName, pathValue } from './hostile-values'
import { manifestText } from './manifest-cases'
import { filesText, mutateText } from './manifest-text'
import type { Rng } from './rng'

export const CLI_COMMANDS = ['lint', 'route', 'rollout', 'nginx-conf', 'migrate', 'parity'] as const
export type CliCommandName = (typeof CLI_COMMANDS)[number]

export interface CliCase {
  readonly command: CliCommandName
  /** The arguments after the command name. */
  readonly argv: readonly string[]
  readonly files: Readonly<Record<string, string>>
  readonly stdin: string
}

const ROLLOUT_FORMATS = ['text', 'json', 'vegeta', 'vegeta-json', 'stern']

/** Junk a person or a script might put anywhere on a command line. */
function strayArgument(rng: Rng): string[] {
  return rng.pick<() => string[]>([
    () => ['--frobnicate'],
    () => ['-x'],
    () => ['--'],
    () => ['--format'],
    () => ['--help'],
    () => ['-h'],
    () => ['--url=' + hostileString(rng)],
    () => ['--=x'],
    () => ['-'],
    () => ['--no-explain'],
    () => [`--${hostileString(rng)}`],
  ])()
}

/** File arguments with their texts: one to three files, `-` for stdin, a missing one, an oddly named one. */
function fileArguments(rng: Rng): { paths: string[]; files: Record<string, string>; stdin: string } {
  const files: Record<string, string> = {}
  const paths: string[] = []
  let stdin = ''
  for (let i = rng.weighted([[rng.hostility, 0], [14, 1], [4, 2], [1, 3]] as const); i > 0; i--) {
    const kind = rng.weighted([[12, 'file'], [3, 'stdin'], [rng.hostility, 'missing'], [rng.hostility, 'odd']] as const)
    if (kind === 'stdin') {
      stdin = manifestText(rng)
      paths.push('-')
    } else if (kind === 'missing') {
      paths.push('in-missing.yaml')
    } else {
      const name = kind === 'odd' ? `zz${hostileString(rng)}.yaml` : `in-${paths.length}.${rng.pick(['yaml', 'yml', 'json'])}`
      files[name] = manifestText(rng)
      paths.push(name)
    }
  }
  return { paths, files, stdin }
}

/** Options and positionals interleaved as people type them, a stray argument now and then. */
function commandLine(rng: Rng, options: string[][], paths: string[]): string[] {
  const parts = [...options, ...paths.map((path) => [path])]
  for (let i = parts.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[parts[i], parts[j]] = [parts[j] as string[], parts[i] as string[]]
  }
  if (rng.rare(0.06)) parts.splice(rng.int(0, parts.length), 0, strayArgument(rng))
  return parts.flat()
}

function ruleId(rng: Rng): string {
  return !rng.rare(0.15) ? rng.pick(RULES).id : rng.pick(['nope', '', 'PRESTOP-MISSING', hostileString(rng)])
}

function lintOptions(rng: Rng): string[][] {
  const options: string[][] = []
  if (rng.chance(0.6)) options.push(['--format', rng.weighted([[5, 'json'], [3, 'text'], [rng.hostility, 'yaml'], [rng.hostility, hostileString(rng)]] as const)])
  for (let i = rng.weighted([[6, 0], [3, 1], [1, 3]] as const); i > 0; i--) options.push(['--disable', ruleId(rng)])
  for (let i = rng.weighted([[6, 0], [3, 1], [1, 2]] as const); i > 0; i--) {
    const level = rng.rare(0.3) ? rng.pick(['fatal', '', 'Error']) : rng.pick(['error', 'warning', 'info'])
    options.push(['--severity', !rng.rare(0.15) ? `${ruleId(rng)}=${level}` : hostileString(rng)])
  }
  // A fixed clock mostly, so certificate checks repeat; odd times test the parsing.
  if (rng.chance(0.9)) options.push(['--now', rng.weighted([[8, '2026-06-01T00:00:00Z'], [rng.hostility, rng.pick(['2026-13-45', '0', '-1', '+275760-09-13T00:00:00.000Z', 'yesterday', ''])], [rng.hostility, hostileString(rng)]] as const)])
  if (rng.chance(0.01)) options.push(['--list-rules'])
  return options
}

/** Hosts and paths the manifest texts mention (Ingresses' and Gateway API's), so half the requests aim at something that routes. */
function mentioned(texts: readonly string[]): { hosts: string[]; paths: string[] } {
  const all = (pattern: RegExp): string[] => texts.flatMap((text) => [...text.slice(0, 100_000).matchAll(pattern)].map((match) => match[1] as string))
  // Ingress `host:`, a listener's `hostname:`, an HTTPRoute's first `hostnames` entry; Ingress paths and match values.
  const hosts = [...all(/host(?:name)?"?: "?([^"\s,}]+)/g), ...all(/hostnames"?:\s*\[?\s*(?:- )?"?([^"\s,}\][]+)/g)]
  return { hosts, paths: [...all(/path"?: "?(\/[^"\s,}]*)/g), ...all(/value"?: "?(\/[^"\s,}]*)/g)] }
}

/** A path tail that makes nested quantifiers (`(a+)+$`, `(x+x+)+y`) backtrack: many repeats, then a mismatch. */
function backtrackingBait(rng: Rng): string {
  return rng.pick(['a', 'x', 'aa', '/a', 'ab']).repeat(rng.int(10, 4000)) + rng.pick(['!', 'b', '', '/', '%'])
}

/** An absolute URL, usually to a host and path the manifests mention. */
function url(rng: Rng, targets: { hosts: string[]; paths: string[] } = { hosts: [], paths: [] }): string {
  if (targets.hosts.length > 0 && targets.paths.length > 0 && rng.chance(0.5)) {
    const host = rng.pick(targets.hosts).replace(/^\*/, rng.pick(['a', 'www', 'x.y']))
    return `${rng.pick(['http', 'https'])}://${host}${rng.pick(targets.paths)}${rng.chance(0.8) ? rng.pick(['', '', '/', '/abc', 'x', '?q=1']) : backtrackingBait(rng)}`
  }
  const scheme = rng.weighted([[8, 'http'], [4, 'https'], [rng.hostility, 'ftp'], [rng.hostility, 'HTTP']] as const)
  const query = rng.chance(0.2) ? `?${rng.pick(['a=1', 'x=$1', '%00', 'q=' + hostileString(rng)])}` : ''
  return !rng.rare(0.1) ? `${scheme}://${hostName(rng)}${rng.chance(0.1) ? ':' + String(hostileNumber(rng)) : ''}${pathValue(rng)}${query}` : hostileString(rng)
}

function header(rng: Rng): string {
  return rng.weighted<() => string>([
    [2, () => `Host: ${hostName(rng)}`],
    [2, () => `X-Canary: ${rng.pick(['always', 'never', 'yes', hostileString(rng), backtrackingBait(rng)])}`],
    [1, () => `${hostileString(rng)}: ${hostileString(rng)}`],
    [rng.hostility, () => hostileString(rng)],
    [rng.hostility, () => ':empty'],
  ])()
}

function cookie(rng: Rng): string {
  return rng.weighted<() => string>([
    [3, () => `canary=${rng.pick(['always', 'never'])}`],
    [1, () => `${hostileString(rng)}=${hostileString(rng)}`],
    [rng.hostility, () => hostileString(rng)],
    [rng.hostility, () => '=x'],
  ])()
}

/** A request method: one HTTPRoute matches can name, mostly; lower case, an extension or junk at hostility. */
function method(rng: Rng): string {
  return !rng.rare(0.2) ? rng.pick(METHODS) : rng.pick(['get', 'PROPFIND', '', 'GET /', hostileString(rng)])
}

/** A `--gateway` value: a Gateway the generators write mostly (in `default` most often), a missing one, junk. */
function gatewayArgument(rng: Rng): string {
  if (!rng.rare(0.2)) return `${rng.chance(0.8) ? GATEWAY_NAMESPACES[0] : rng.pick(GATEWAY_NAMESPACES)}/${rng.pick(GATEWAY_NAMES)}`
  return rng.pick(['web', 'default/missing', '/', 'a/b/c', '', hostileString(rng)])
}

/**
 * One `--requests` line: valid, of the wrong shape, or not JSON. Through a Gateway (`gateway`: the input has
 * HTTPRoutes) cookies are a usage error, so they are rare there, or no line would be routed.
 */
function requestLine(rng: Rng, targets: { hosts: string[]; paths: string[] }, gateway: boolean): string {
  const cookies = gateway ? rng.rare(0.05) : rng.chance(0.3)
  return rng.weighted<() => string>([
    [6, () => JSON.stringify({ url: url(rng, targets), ...(rng.chance(0.3) ? { method: method(rng) } : {}), ...(rng.chance(0.4) ? { headers: Object.fromEntries([header(rng).split(':', 2).map((s) => s.trim())]) } : {}), ...(cookies ? { cookies: { canary: rng.pick(['always', 'never', hostileString(rng)]) } } : {}) })],
    [rng.hostility, () => JSON.stringify({ url: url(rng), method: wrongMethod(rng) })],
    [rng.hostility, () => JSON.stringify({ url: hostileNumber(rng), headers: [hostileString(rng)] })],
    [rng.hostility, () => JSON.stringify({ url: url(rng), headers: { a: 1 }, cookies: null })],
    [rng.hostility, () => rng.pick(['{', '[]', 'null', '"x"', '{"url": "http://a/"} trailing', '{"__proto__": {"url": "http://x/"}}', '{"url":"http://foo.bar.com/","url":"ftp://x"}'])],
    [rng.hostility, () => hostileString(rng)],
  ])()
}

/** A "method" of the wrong type. */
function wrongMethod(rng: Rng): unknown {
  return rng.pick<unknown>([7, null, ['GET'], { m: 'GET' }, true])
}

function routeOptions(rng: Rng, files: Record<string, string>, stdin: string): string[][] {
  const options: string[][] = []
  if (rng.chance(0.2)) options.push(['--gateway', gatewayArgument(rng)])
  const texts = [...Object.values(files), stdin]
  const targets = mentioned(texts)
  const gateway = texts.some((text) => text.includes('HTTPRoute'))
  const withUrl = rng.chance(0.6)
  if (withUrl || rng.rare(0.03)) {
    options.push(['--url', url(rng, targets)])
    if (rng.chance(0.25)) options.push(['--method', method(rng)])
    for (let i = rng.weighted([[5, 0], [3, 1], [1, 3]] as const); i > 0; i--) options.push(['--header', header(rng)])
    for (let i = rng.weighted([[6, 0], [gateway ? 3 * rng.hostility : 3, 1]] as const); i > 0; i--) options.push(['--cookie', cookie(rng)])
  }
  if (!withUrl || rng.rare(0.03)) {
    const lines = Array.from({ length: rng.weighted([[1, 0], [6, 1], [4, 5], [1, 60]] as const) }, () => requestLine(rng, targets, gateway))
    files['in-requests.jsonl'] = lines.join(rng.chance(0.1) ? '\r\n' : '\n') + (rng.chance(0.5) ? '\n' : '')
    options.push(['--requests', rng.chance(0.97) ? 'in-requests.jsonl' : 'in-missing.jsonl'])
  }
  if (rng.chance(0.15)) options.push(['--no-trace'])
  return options
}

/** A parameter flag's value: valid for its kind mostly, junk or out of range sometimes. */
function parameterValue(rng: Rng, row: (typeof FLAGGED_PARAMETERS)[number]): string {
  if (rng.rare(0.15)) return rng.chance(0.5) ? String(hostileNumber(rng)) : hostileString(rng)
  switch (row.value.kind) {
    case 'enum':
      return rng.pick(row.value.choices.map((choice) => choice.value))
    case 'boolean':
      return rng.pick(['true', 'false'])
    case 'optional-number':
      return row.value.flagWord !== null && rng.chance(0.2) ? row.value.flagWord : String(rng.pick([0, 0.5, 1, 2, 5, 10, 30]))
    case 'text':
      return rng.pick(['app:v2', 'nginx:1.27', 'registry.example/app@sha256:abc'])
    case 'number':
      return String(rng.pick([0, 0.5, 1, 2, 3, 5, 10]))
  }
}

function rolloutOptions(rng: Rng): string[][] {
  // Small load keeps each run quick; the load flags get junk (not large loads) like the others.
  const options: string[][] = [
    ['--rps', !rng.rare(0.05) ? String(rng.int(1, 20)) : rng.pick(['0', '-5', 'NaN', '1e400', hostileString(rng)])],
    ['--duration', !rng.rare(0.05) ? String(rng.int(1, 30)) : rng.pick(['0', '-1', 'until done', 'Infinity', hostileString(rng)])],
  ]
  if (rng.chance(0.8)) options.push(['--format', !rng.rare(0.05) ? rng.pick(ROLLOUT_FORMATS) : hostileString(rng)])
  for (const row of FLAGGED_PARAMETERS) {
    if (row.flag === '--rps' || row.flag === '--duration' || !rng.chance(0.12)) continue
    options.push([row.flag, parameterValue(rng, row)])
  }
  if (rng.rare(0.15)) options.push(['--deployment', rng.pick(['app', 'web', 'default/app', 'x/y/z', '/', hostileString(rng)])])
  return options
}

/** A `--gateway-class` value: a usual class mostly, junk sometimes. */
function gatewayClass(rng: Rng): string {
  return !rng.rare(0.2) ? rng.pick(['nginx', 'eg', 'istio']) : rng.pick(['', 'Not_A_Name', '-', hostileString(rng)])
}

/** `migrate`: API versions (with --explain or not), or --to gateway-api with its options, or a wrong --to. */
function migrateOptions(rng: Rng): string[][] {
  if (rng.chance(0.5)) return rng.chance(0.5) ? [['--explain']] : []
  const options: string[][] = [['--to', !rng.rare(0.05) ? 'gateway-api' : rng.pick(['istio', 'Gateway-API', '', hostileString(rng)])]]
  if (rng.chance(0.3)) options.push(['--gateway-class', gatewayClass(rng)])
  if (rng.chance(0.3)) options.push(['--gateway', gatewayArgument(rng)])
  if (rng.chance(0.5)) options.push(['--report', !rng.rare(0.05) ? rng.pick(['json', 'text']) : rng.pick(['yaml', hostileString(rng)])])
  if (rng.rare(0.03)) options.push(['--explain'])
  return options
}

/** The case's own Ingress files converted by the engine (what `migrate --to gateway-api` prints), or nothing. */
function convertedText(files: Record<string, string>, stdin: string): string {
  const sources = [...Object.entries(files).map(([name, text]) => ({ name, text })), { name: '<stdin>', text: stdin }]
  try {
    const conversion = convertToGatewayApi(sources)
    return 'problem' in conversion ? '' : conversion.text
  } catch {
    return '' // a throw here is the migrate cases' to find, through the CLI
  }
}

/** Gateway API text for --against, damaged now and then at hostility. */
function againstText(rng: Rng, text: string): string {
  return mutateText(rng, text, rng.weighted([[5 + 100 * (1 - rng.hostility), 0], [3, 1], [1, 3]] as const))
}

/**
 * `parity`: the FILEs against their own conversion, or `--against` files (Gateway API scenarios, another manifest,
 * a missing file); --format, --gateway, --gateway-class and a --requests file drawn as for route. The against-files
 * are kept together after their `--against` (they are appended to `options` as one group).
 */
function parityOptions(rng: Rng, files: Record<string, string>, stdin: string): string[][] {
  const options: string[][] = []
  if (rng.chance(0.35)) {
    const group = ['--against']
    for (let i = rng.weighted([[rng.hostility, 0], [8, 1], [2, 2]] as const); i > 0; i--) {
      const kind = rng.weighted([[5, 'gateway'], [4, 'converted'], [2, 'manifest'], [rng.hostility, 'missing']] as const)
      if (kind === 'missing') {
        group.push('in-missing-against.yaml')
        continue
      }
      const name = `in-against-${i}.yaml`
      files[name] = kind === 'gateway' ? againstText(rng, filesText(rng, gatewayScenario(rng))) : kind === 'converted' ? againstText(rng, convertedText(files, stdin)) : manifestText(rng)
      group.push(name)
    }
    options.push(group)
  }
  if (rng.chance(0.6)) options.push(['--format', rng.weighted([[5, 'json'], [4, 'text'], [rng.hostility, 'yaml'], [rng.hostility, hostileString(rng)]] as const)])
  if (rng.chance(0.15)) options.push(['--gateway', gatewayArgument(rng)])
  if (options[0]?.[0] === '--against' ? rng.rare(0.03) : rng.chance(0.15)) options.push(['--gateway-class', gatewayClass(rng)])
  if (rng.chance(0.3)) {
    const texts = [...Object.values(files), stdin]
    const lines = Array.from({ length: rng.weighted([[1, 0], [6, 1], [3, 5]] as const) }, () => requestLine(rng, mentioned(texts), false))
    files['in-requests.jsonl'] = lines.join('\n') + '\n'
    options.push(['--requests', rng.chance(0.97) ? 'in-requests.jsonl' : 'in-missing.jsonl'])
  }
  if (rng.chance(0.15)) options.push(['--no-trace'])
  return options
}

/** One command line for `command` with its files. */
export function cliCase(rng: Rng, command: CliCommandName): CliCase {
  const { paths, files, stdin } = fileArguments(rng)
  const options = ((): string[][] => {
    switch (command) {
      case 'lint': return lintOptions(rng)
      case 'route': return routeOptions(rng, files, stdin)
      case 'rollout': return rolloutOptions(rng)
      case 'nginx-conf': return []
      case 'migrate': return migrateOptions(rng)
      case 'parity': return parityOptions(rng, files, stdin)
    }
  })()
  // parity's --against takes every FILE after it: mostly last, so FILEs stay the Ingress side; sometimes anywhere.
  const last = command === 'parity' && options[0]?.[0] === '--against' && rng.chance(0.85) ? options.shift() : undefined
  return { command, argv: [...commandLine(rng, options, paths), ...(last ?? [])], files, stdin }
}
