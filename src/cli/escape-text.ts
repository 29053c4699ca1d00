/**
 * User strings on a terminal: the CLI's one guard against terminal injection. A manifest's keys, names, paths and
 * annotation values reach the text output (diagnostics, usage errors, reports); printed raw, a newline would
 * start a forged `file:line:col: error …` line, ESC would start a cursor or colour sequence, CR would overwrite
 * the line, and a bidi override would reorder what the reader sees. Every C0 and C1 control, DEL, and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are written as visible escapes (`\n`, `\r`,
 * `\t`, `\x1b`, `\u202e`); everything else, backslashes included, is printed as it is. JSON output needs none of
 * this: JSON.stringify already escapes controls.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu

function visible(ch: string): string {
  if (ch === '\n') return '\\n'
  if (ch === '\r') return '\\r'
  if (ch === '\t') return '\\t'
  const code = ch.codePointAt(0) as number
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** `text` as one line of terminal output: no control character, no line break, no bidi control. */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, visible)
}

/** Text the CLI laid out in lines itself: each line escaped, the line breaks kept. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeText).join('\n')
}

/**
 * A copy of plain data (arrays and plain objects, as the engine's results are) with every string escaped, so
 * a report formatted from it carries user strings as one-line text while its own line breaks stay.
 */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeText(value) as T
  if (Array.isArray(value)) return value.map((item: unknown) => escapeStrings(item)) as T
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeStrings(item)])) as T
  }
  return value
}
