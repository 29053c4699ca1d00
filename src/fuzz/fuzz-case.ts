/**
 * One fuzz case: which target the index selects, its inputs from the case's seed, the run through the CLI
 * dispatcher (fake I/O) or the share codec, and what it broke. Everything here is deterministic per (seed, index).
 */
import { analyze, decodeShareLink, isRejectedInput, encodeShareLink, prepareShare, type SharePayload } from '../engine'
import { runCli } from '../cli/main'
import type { CliIo } from '../cli/io'
import { cliCase, type CliCase, type CliCommandName } from './cli-cases'
import { manifestText } from './manifest-cases'
import { contractBreach, rawControlIn } from './output-checks'
import { caseSeed, createRng, type Rng } from './rng'
import { leakNeedles } from './secret-documents'
import { shareCase, tamperedLink, type ShareCase } from './share-cases'

export type FuzzTarget = CliCommandName | 'share' | 'link'

/** Every target, repeated by weight: case `i` goes to `SCHEDULE[i % length]`, so the mix is the same for any seed. */
const SCHEDULE: readonly FuzzTarget[] = [
  ...Array<FuzzTarget>(5).fill('lint'),
  ...Array<FuzzTarget>(4).fill('route'),
  ...Array<FuzzTarget>(2).fill('rollout'),
  ...Array<FuzzTarget>(3).fill('nginx-conf'),
  ...Array<FuzzTarget>(3).fill('migrate'),
  ...Array<FuzzTarget>(2).fill('parity'),
  ...Array<FuzzTarget>(3).fill('share'),
  ...Array<FuzzTarget>(2).fill('link'),
]

export const TARGETS: readonly FuzzTarget[] = ['lint', 'route', 'rollout', 'nginx-conf', 'migrate', 'parity', 'share', 'link']

export function targetOf(index: number): FuzzTarget {
  return SCHEDULE[index % SCHEDULE.length] as FuzzTarget
}

export type Problem =
  | { readonly kind: 'throw'; readonly detail: string }
  | { readonly kind: 'malformed'; readonly detail: string }
  | { readonly kind: 'secret'; readonly bytes: number; readonly detail: string }
  | { readonly kind: 'raw-control'; readonly detail: string }

/** The inputs of one case, for the report and for replaying it. */
export type CaseInput = { readonly target: CliCommandName; readonly cli: CliCase } | { readonly target: 'share'; readonly share: ShareCase } | { readonly target: 'link'; readonly fragment: string }

/** The case's random source: seeded by (seed, index), its hostility drawn first. */
function caseRng(seed: number, index: number): Rng {
  const rng = createRng(caseSeed(seed, index))
  // Half the cases stay within what the API server accepts, so routing, rendering and simulating run on them.
  rng.hostility = rng.weighted([[5, 0], [2, 0.3], [3, 1]] as const)
  return rng
}

/** The command line case (seed, index) would be if the schedule sent it to `command`. */
export function cliCaseAt(seed: number, index: number, command: CliCommandName): CliCase {
  return cliCase(caseRng(seed, index), command)
}

export function caseInput(seed: number, index: number): CaseInput {
  const rng = caseRng(seed, index)
  const target = targetOf(index)
  if (target === 'share') return { target, share: shareCase(rng) }
  if (target === 'link') {
    const encoded = encodeShareLink({ source: manifestText(rng) })
    return { target, fragment: tamperedLink(rng, encoded.kind === 'ok' ? encoded.fragment : 'v2.') }
  }
  return { target, cli: cliCase(rng, target) }
}

function fakeIo(c: CliCase, out: { stdout: string; stderr: string }): CliIo {
  return {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    language: 'en',
    readStdin: async () => c.stdin,
    readFile: async (path) => {
      const text = c.files[path]
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
      return text
    },
  }
}

async function runCliCase(c: CliCase): Promise<Problem[]> {
  const out = { stdout: '', stderr: '' }
  const code = await runCli([c.command, ...c.argv], fakeIo(c, out))
  const problems: Problem[] = []
  const breach = contractBreach(c, { code, ...out })
  if (breach) problems.push({ kind: 'malformed', detail: breach })
  const control = rawControlIn(c, { code, ...out })
  if (control) problems.push({ kind: 'raw-control', detail: control })
  const printsHelp = c.argv.includes('--help') || c.argv.includes('-h')
  const unreadable = code === 0 && c.command === 'migrate' && !printsHelp ? unreadableMigration(out.stdout) : undefined
  if (unreadable) problems.push({ kind: 'malformed', detail: unreadable })
  return problems
}

/** Migration goes on only for readable YAML, so what it prints must read too. */
function unreadableMigration(output: string): string | undefined {
  const { diagnostics } = analyze([{ name: 'migrated.yaml', text: output }])
  const problem = diagnostics.find((d) => d.stage === 'source' && isRejectedInput(d))
  return problem && `migrate printed YAML that does not read: ${problem.start.line}:${problem.start.column}: ${problem.message}`
}

/** Secret values as the engine's model reads them from `source` (data decoded, stringData as written). */
function modelSecretValues(source: string): string[] {
  const { model } = analyze([{ name: 'share.yaml', text: source }])
  return model.secrets.flatMap((secret) => Object.values(secret.data))
}

function runShareCase(c: ShareCase): Problem[] {
  const prepared = prepareShare(c.payload, { includeSecrets: false })
  if (prepared.kind === 'refused') return []
  const shared: string[] = [prepared.file]
  const problems: Problem[] = []
  if (prepared.link.kind === 'ok') {
    const decoded = decodeShareLink(prepared.link.fragment)
    if (decoded.kind === 'ok') shared.push(JSON.stringify(decoded.payload))
    else problems.push({ kind: 'malformed', detail: `a link the codec made does not decode: ${decoded.code} (${decoded.message})` })
  }
  const needles = leakNeedles([...c.plantedSecrets, ...modelSecretValues(c.payload.source)])
  const leaked = new Set(needles.filter(({ needle }) => shared.some((text) => text.includes(needle))).map(({ marker }) => marker))
  if (leaked.size > 0) {
    const bytes = leaked.size * 16
    problems.push({ kind: 'secret', bytes, detail: `${leaked.size} planted secret markers (16 bytes each) in the default share: ${[...leaked].slice(0, 3).join(', ')}` })
  }
  return problems
}

function runLinkCase(fragment: string): Problem[] {
  const decoded = decodeShareLink(fragment)
  const payload: SharePayload | undefined = decoded.kind === 'ok' ? decoded.payload : undefined
  if (payload && typeof payload.source !== 'string') return [{ kind: 'malformed', detail: 'decoded payload has no text source' }]
  return []
}

/** Runs one case; a throw becomes a problem (it must never escape a command or the codec). */
export async function runCase(input: CaseInput): Promise<Problem[]> {
  try {
    if (input.target === 'share') return runShareCase(input.share)
    if (input.target === 'link') return runLinkCase(input.fragment)
    return await runCliCase(input.cli)
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n') : String(error)
    return [{ kind: 'throw', detail }]
  }
}
