/**
 * The small pieces the fixture builders write YAML with: scalars that stay plain when YAML reads them back as
 * the same string, quoted otherwise (hostile names, `"true"`, `"80"`), raw fragments re-indented, and documents
 * joined. Pure: benches in the browser bundle use it too.
 */

/** Strings YAML would read as something else (booleans, null, numbers) or that need quotes to parse at all. */
const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:%@+-]*$/
const NOT_A_STRING = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i

/** `value` as a YAML scalar: numbers and booleans as written, strings plain when safe, JSON-quoted otherwise. */
export function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value)
  return PLAIN.test(value) && !NOT_A_STRING.test(value) && !value.endsWith(':') ? value : JSON.stringify(value)
}

/** A raw YAML fragment (trimmed) with every line indented by `by` spaces, ending in a newline. */
export function indentLines(fragment: string, by: number): string {
  return fragment.trim().split('\n').map((line) => ' '.repeat(by) + line).join('\n') + '\n'
}

/** `key: value` lines of a string map at `by` spaces, values always quoted (annotation values are strings). */
export function quotedMap(map: Readonly<Record<string, string>>, by: number): string {
  return Object.entries(map).map(([key, value]) => `${' '.repeat(by)}${scalar(key)}: ${JSON.stringify(value)}\n`).join('')
}

/** `key: value` lines at `by` spaces; a multi-line value (a PEM block) as a literal block scalar, as users write it. */
export function textMap(map: Readonly<Record<string, string>>, by: number): string {
  const pad = ' '.repeat(by)
  return Object.entries(map).map(([key, value]) => {
    // Leading blanks or several trailing newlines would need indentation or keep indicators: quote those instead.
    if (!value.includes('\n') || /^\s/.test(value) || value.endsWith('\n\n')) return `${pad}${scalar(key)}: ${JSON.stringify(value)}\n`
    const chomp = value.endsWith('\n') ? '' : '-'
    const lines = value.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : `${pad}  ${line}`))
    return `${pad}${scalar(key)}: |${chomp}\n${lines.join('\n')}\n`
  }).join('')
}

/** `key: value` lines of a label map at `by` spaces, values plain when safe. */
export function plainMap(map: Readonly<Record<string, string>>, by: number): string {
  return Object.entries(map).map(([key, value]) => `${' '.repeat(by)}${scalar(key)}: ${scalar(value)}\n`).join('')
}

/** Documents (each ending in a newline) joined into one manifest with `---` between them. */
export function joinDocuments(...documents: readonly string[]): string {
  return documents.join('---\n')
}
