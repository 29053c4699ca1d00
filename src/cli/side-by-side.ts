/**
 * Two texts beside each other on a terminal (parity's two traces), or one after the other when the terminal is
 * too narrow or unknown. Widths are terminal columns: Hangul, CJK and full-width forms take two, so Korean traces
 * line up as English ones do. The texts come in escaped (escape-text.ts): no control character reaches here.
 */

/** Whether a code point takes two terminal columns (East Asian Wide and Fullwidth, the ranges our texts use). */
function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || // Hangul Jamo
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) || // CJK radicals … Yi, Hangul compatibility Jamo
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xff60) || // full-width forms
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) || // pictographs
    (code >= 0x20000 && code <= 0x3fffd) // CJK extensions
}

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += isWide(ch.codePointAt(0) as number) ? 2 : 1
  return width
}

/** `text` padded with spaces to `width` columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

/**
 * `text` in lines of at most `width` columns, broken at spaces; a word wider than a line (a URL) is cut. Lines
 * after the first start with `hang` (the hanging indent of a list item).
 */
export function wrapColumns(text: string, width: number, hang = ''): string[] {
  const lines: string[] = []
  let line = ''
  const room = (): number => width - displayWidth(line)
  const push = (): void => {
    lines.push(line)
    line = hang
  }
  for (const word of text.split(' ')) {
    const sep = line === '' || line === hang ? '' : ' '
    if (displayWidth(sep + word) <= room()) {
      line += sep + word
      continue
    }
    if (line !== '' && line !== hang) push()
    let rest = word
    while (displayWidth(rest) > room()) {
      let cut = ''
      for (const ch of rest) {
        if (displayWidth(cut + ch) > room()) break
        cut += ch
      }
      if (cut === '') cut = [...rest][0] as string // a line too narrow for even one character: take it anyway
      line += cut
      rest = rest.slice(cut.length)
      push()
    }
    line += rest
  }
  if (line !== '' && line !== hang) lines.push(line)
  return lines
}

/** A titled list of steps: the title, then each step as `- step` wrapped to `width` with a hanging indent. */
function column(title: string, steps: readonly string[], width: number): string[] {
  return [title, ...steps.flatMap((step) => wrapColumns(`- ${step}`, width, '  '))]
}

/** The narrowest a column may be before the two texts go one after the other. */
export const MIN_COLUMN = 36
const GUTTER = ' | '

/**
 * The two titled step lists, each line starting with `indent`: beside each other when `columns` leaves each at
 * least `MIN_COLUMN`, else one after the other. Every line ends with a newline.
 */
export function sideBySide(left: { title: string; steps: readonly string[] }, right: { title: string; steps: readonly string[] }, columns: number | undefined, indent: string): string {
  const width = columns === undefined ? 0 : Math.floor((columns - indent.length - GUTTER.length - 1) / 2)
  if (width < MIN_COLUMN) {
    const lines = [...column(left.title, left.steps, Math.max(MIN_COLUMN, (columns ?? 100) - indent.length)), ...column(right.title, right.steps, Math.max(MIN_COLUMN, (columns ?? 100) - indent.length))]
    return lines.map((line) => `${indent}${line}\n`).join('')
  }
  const a = column(left.title, left.steps, width)
  const b = column(right.title, right.steps, width)
  let out = ''
  for (let i = 0; i < Math.max(a.length, b.length); i++) out += `${indent}${pad(a[i] ?? '', width)}${GUTTER}${b[i] ?? ''}`.trimEnd() + '\n'
  return out
}
