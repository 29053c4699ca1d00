/**
 * How long a container's preStop hook runs, derived once from the manifest so the lints, the simulation and its
 * advice all read the same number (docs/rollout.md#prestop-and-the-grace-period).
 *
 * Known: the `sleep` action, and an exec whose whole work is GNU/busybox `sleep` — `["sleep", "10"]`,
 * `["/bin/sleep", "10"]`, `["busybox", "sleep", "10"]`, or a shell (`sh`, `bash`, `ash`, `dash`, with or without a
 * path, possibly through `busybox`) given `-c` and a script of simple commands. In a script, sleeps that run one
 * after another (`;`, `&&`, newlines) add up, as GNU sleep adds up its arguments; a few commands that return at
 * once (`echo`, `kill`, `nginx -s quit`) may stand around them. Anything else makes the duration unknown: another
 * command (a drain script may take any time), a sleep that may not run or runs beside something else (`||`, a
 * pipe, `&` in the background, a loop, an `if`, a subshell, an expansion in its arguments), and any other handler
 * (httpGet, another exec). An unknown hook's time is the app's; the simulation assumes the `--prestop-http`
 * parameter and says so. A tcpSocket lifecycle handler is not supported by the kubelet and fails
 * at once (API reference, `LifecycleHandler.tcpSocket`), so it takes no time.
 *
 * Hand-written rather than a shell parser from a package: the engine takes no such dependency, and this case is
 * narrow — split one script into words and simple commands, honouring quotes and escapes, and refuse everything
 * else.
 */
import type { Handler } from './types'

/** Where a known duration comes from. */
export type PreStopSource = 'sleep-action' | 'exec-sleep' | 'tcpSocket-unsupported'

export type PreStopDuration =
  | { readonly kind: 'none' }
  | { readonly kind: 'known'; readonly seconds: number; readonly from: PreStopSource }
  /** The handler's time is not in the manifest (an HTTP endpoint, a script): the simulation assumes one. */
  | { readonly kind: 'unknown'; readonly handler: Handler['type'] }

const NONE: PreStopDuration = { kind: 'none' }

/** The preStop hook's duration; `none` without a hook. */
export function derivePreStopDuration(hook: Handler | undefined): PreStopDuration {
  if (!hook) return NONE
  switch (hook.type) {
    case 'sleep':
      return { kind: 'known', seconds: hook.seconds, from: 'sleep-action' }
    case 'tcpSocket':
      return { kind: 'known', seconds: 0, from: 'tcpSocket-unsupported' }
    case 'exec': {
      const seconds = execSleepSeconds(hook.command)
      return seconds === null ? { kind: 'unknown', handler: 'exec' } : { kind: 'known', seconds, from: 'exec-sleep' }
    }
    default:
      return { kind: 'unknown', handler: hook.type }
  }
}

/** Seconds the hook runs for: its own when known, `assumedSeconds` (the `--prestop-http` parameter) when not. */
export function preStopRunSeconds(duration: PreStopDuration, assumedSeconds: number): number {
  return duration.kind === 'known' ? duration.seconds : duration.kind === 'unknown' ? assumedSeconds : 0
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash'])
const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/** Seconds an exec hook takes when it is only sleeping (see the header), else null. */
export function execSleepSeconds(command: readonly string[]): number | null {
  const argv = basename(command[0] ?? '') === 'busybox' ? command.slice(1) : command
  const program = basename(argv[0] ?? '')
  if (program === 'sleep') return sleepArgumentsSeconds(argv.slice(1))
  if (SHELLS.has(program) && argv[1] === '-c' && argv[2] !== undefined) return scriptSleepSeconds(argv[2])
  return null
}

/** GNU sleep: every argument NUMBER[smhd] (fractions allowed), summed; at least one. Null when one is not. */
export function sleepArgumentsSeconds(args: readonly string[]): number | null {
  if (args.length === 0) return null
  let total = 0
  for (const arg of args) {
    const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg)
    if (!match) return null
    total += Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS]
  }
  // Whole milliseconds, so `0.1 0.2` is 0.3 and not 0.30000000000000004.
  return Math.round(total * 1000) / 1000
}

const UNIT_SECONDS = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 } as const

/** A word of the script, or an operator that joins simple commands. */
type Word = { readonly kind: 'word'; readonly text: string; readonly plain: boolean }
type Token = Word | { readonly kind: 'op'; readonly text: string }

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'select', 'function', '{', '}', '!', '[[', ']]'])

/** Commands that return at once, so a script may run them around its sleeps (`nginx -s quit` only signals). */
const INSTANT_COMMANDS = new Set(['echo', 'printf', 'true', ':', 'kill', 'pkill', 'killall', 'nginx', 'touch', 'rm', 'date', 'logger'])

/** The command's words without a leading `exec` or `busybox` (which run the next word as the program). */
function withoutPrefixes(words: readonly Word[]): readonly Word[] {
  let at = 0
  while (at < words.length - 1 && ['exec', 'busybox'].includes(basename(words[at]!.text))) at++
  return words.slice(at)
}

/** Seconds a `sh -c` script spends in `sleep`, when that is certain (see the header); null otherwise. */
export function scriptSleepSeconds(script: string): number | null {
  const tokens = tokenize(script)
  if (tokens === null) return null
  let total = 0
  let words: Word[] = []
  const finish = (): boolean => {
    const command = words
    words = []
    if (command.length === 0) return true
    if (RESERVED.has(command[0]!.text) || command[0]!.text.endsWith('()')) return false
    const argv = withoutPrefixes(command)
    const program = basename(argv[0]?.text ?? '')
    if (program !== 'sleep') return INSTANT_COMMANDS.has(program)
    const args = argv.slice(1)
    if (!args.every((a) => a.plain)) return false
    const seconds = sleepArgumentsSeconds(args.map((a) => a.text))
    if (seconds === null) return false
    total += seconds
    return true
  }
  for (const token of tokens) {
    if (token.kind === 'word') {
      words.push(token)
      continue
    }
    if (token.text !== ';' && token.text !== '&&' && token.text !== '\n') return null
    if (!finish()) return null
  }
  if (!finish()) return null
  return Math.round(total * 1000) / 1000
}

/**
 * Splits a script into words and the operators between simple commands. Quotes and backslashes are honoured; a
 * word is `plain` when it holds no expansion (`$`, a backtick, a glob). Redirections (`>`, `2>&1`, `<file`) are
 * dropped with their target. Returns null for what this reader does not follow: subshells, unbalanced quotes,
 * here-documents.
 */
function tokenize(script: string): Token[] | null {
  const tokens: Token[] = []
  let i = 0
  let word = ''
  let inWord = false
  let plain = true
  let redirect = false
  const endWord = (): void => {
    if (!inWord) return
    if (redirect) redirect = false
    else tokens.push({ kind: 'word', text: word, plain })
    word = ''
    inWord = false
    plain = true
  }
  while (i < script.length) {
    const c = script[i]!
    if (c === ' ' || c === '\t') {
      endWord()
      i++
    } else if (c === '\n' || c === ';') {
      endWord()
      if (redirect) return null
      tokens.push({ kind: 'op', text: c })
      i++
    } else if (c === '#' && !inWord) {
      while (i < script.length && script[i] !== '\n') i++
    } else if (c === '&' || c === '|') {
      endWord()
      if (redirect) return null
      const double = script[i + 1] === c
      tokens.push({ kind: 'op', text: double ? c + c : c })
      i += double ? 2 : 1
    } else if (c === '>' || c === '<') {
      // A redirection: an fd number before it belongs to it, `&N`/`&-` after it too; its target word is dropped.
      if (inWord && /^\d+$/.test(word)) {
        word = ''
        inWord = false
      } else endWord()
      if (script[i + 1] === '<') return null
      i++
      if (script[i] === '>' || script[i] === '|') i++
      if (script[i] === '&') {
        i++
        while (i < script.length && /[\d-]/.test(script[i]!)) i++
      } else redirect = true
    } else if (c === '(' || c === ')') {
      return null
    } else if (c === "'") {
      const end = script.indexOf("'", i + 1)
      if (end === -1) return null
      word += script.slice(i + 1, end)
      inWord = true
      i = end + 1
    } else if (c === '"') {
      let j = i + 1
      while (j < script.length && script[j] !== '"') {
        if (script[j] === '\\' && j + 1 < script.length) {
          word += '$`"\\\n'.includes(script[j + 1]!) ? script[j + 1] : script.slice(j, j + 2)
          j += 2
          continue
        }
        if (script[j] === '$' || script[j] === '`') plain = false
        word += script[j]
        j++
      }
      if (j >= script.length) return null
      inWord = true
      i = j + 1
    } else if (c === '\\') {
      if (script[i + 1] !== '\n') word += script[i + 1] ?? ''
      inWord = inWord || script[i + 1] !== '\n'
      i += 2
    } else {
      if (c === '$' || c === '`' || c === '*' || c === '?' || c === '[' || c === '~') plain = false
      word += c
      inWord = true
      i++
    }
  }
  endWord()
  return redirect ? null : tokens
}
