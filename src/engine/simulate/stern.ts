/**
 * stern-style pod logs (docs/rollout.md#stern-logs): what the simulated app writes, collected per pod, and stern's
 * line format with its colour choice (32-bit FNV-1 of the pod name modulo 6 over six bright/normal pairs).
 */
import { ROLLOUT_LIMITS } from './parameters'

/** One line as stern would show it: an app line, or stern's own `+`/`-` line when it starts/stops tailing. */
export interface LogLine {
  readonly timeMs: number
  readonly pod: number
  readonly container: string
  readonly message: string
  /** `app`: the app's output; `start`/`stop`: stern begins/ends tailing the container (`+`/`-` lines). */
  readonly kind: 'app' | 'start' | 'stop'
}

export interface LogSink {
  /** Keeps a line; lines stamped before time 0 are ignored. */
  add(line: LogLine): void
  /** Lines in time order (stable for equal times) and how many were left out past the cap. */
  finish(): { lines: LogLine[]; dropped: number }
}

export function createLogSink(cap: number = ROLLOUT_LIMITS.maxLogLines): LogSink {
  const lines: LogLine[] = []
  let dropped = 0
  return {
    add(line) {
      // The settled state before the simulation starts is not part of the record.
      if (line.timeMs < 0) return
      if (lines.length >= cap) dropped++
      else lines.push(line)
    },
    finish() {
      // Lines are added in simulation order, except per-second request summaries, which come at the end.
      const sorted = lines.map((line, i) => ({ line, i })).sort((a, b) => a.line.timeMs - b.line.timeMs || a.i - b.i)
      return { lines: sorted.map((x) => x.line), dropped }
    },
  }
}

/** SGR colour codes (bright for the pod, normal for the container), in stern's order. */
export const STERN_COLOURS: readonly (readonly [number, number])[] = [
  [96, 36],
  [92, 32],
  [95, 35],
  [93, 33],
  [94, 34],
  [91, 31],
]

/** 32-bit FNV-1 (multiply, then xor) of the UTF-8 bytes of `text`. */
export function hashFnv1(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash, 0x01000193) ^ byte
  }
  return hash >>> 0
}

/** Index into `STERN_COLOURS` that stern picks for a pod. */
export function pickSternColour(podName: string): number {
  return hashFnv1(podName) % STERN_COLOURS.length
}

const paint = (code: number | string, text: string): string => `\u001b[${code}m${text}\u001b[0m`

export interface SternFormatOptions {
  /** ANSI colours (stern's default on a terminal). Default: false. */
  readonly colour?: boolean
  /** stern `--timestamps`: an RFC 3339 time with 9 fractional digits before the message. Default: none. */
  readonly timestamp?: string
}

/** One line in stern's default template (`<pod> <container> <message>`), or its `+ pod › container` form. */
export function formatSternLine(line: LogLine, podName: string, options: SternFormatOptions = {}): string {
  const [podCode, containerCode] = STERN_COLOURS[pickSternColour(podName)]!
  const colour = options.colour === true
  const pod = colour ? paint(podCode, podName) : podName
  const container = colour ? paint(containerCode, line.container) : line.container
  if (line.kind !== 'app') {
    const sign = line.kind === 'start' ? '+' : '-'
    const mark = colour ? paint(line.kind === 'start' ? '92;1' : '91;1', sign) : sign
    return `${mark} ${pod} \u203a ${container}`
  }
  const message = options.timestamp ? `${options.timestamp} ${line.message}` : line.message
  return `${pod} ${container} ${message}`
}
