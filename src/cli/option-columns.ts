/**
 * The options section of a command's help: each option in a column, its description beside it (or on the next
 * line when the option is too wide), wrapped to the terminal width every help text keeps to.
 */

export interface OptionRow {
  /** `--rps N`, `-h, --help`. */
  readonly option: string
  /** Lines of description; each wraps on its own, never at a no-break space (`NO_BREAK`). */
  readonly text: readonly string[]
}

/** Joins words that must stay on one line, such as `(default 0)`; printed as a plain space. */
export const NO_BREAK = '\u00a0'

const INDENT = 2
const OPTION_WIDTH = 23
const LINE_WIDTH = 110

/** The rows as aligned lines, each ending in a newline. */
export function formatOptionRows(rows: readonly OptionRow[]): string {
  const textColumn = ' '.repeat(INDENT + OPTION_WIDTH)
  let out = ''
  for (const row of rows) {
    const lines = row.text.flatMap((line) => wrap(line, LINE_WIDTH - textColumn.length))
    const head = ' '.repeat(INDENT) + row.option
    if (head.length < textColumn.length - 1 && lines.length > 0) {
      out += `${head.padEnd(textColumn.length)}${lines[0]}\n`
      lines.shift()
    } else {
      out += `${head}\n`
    }
    for (const line of lines) out += `${textColumn}${line}\n`
  }
  return out.replaceAll(NO_BREAK, ' ')
}

/** Splits `text` at spaces into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const indent = /^ */.exec(text)![0]
  const lines: string[] = []
  let line = ''
  for (const word of text.trimStart().split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent + word
    } else {
      line = line === '' ? indent + word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines
}
