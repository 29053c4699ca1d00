/**
 * Go's `text/tabwriter` with the settings vegeta uses (minwidth 0, padding 2, pad character ' ', no flags that
 * change layout): cells end at a tab, the text after a line's last tab is not aligned, and each column is as
 * wide as its widest cell plus the padding within a block of consecutive lines that have that column.
 */

/** Lays out `text` (lines separated by '\n', cells by '\t'). Widths count code points, as Go counts runes. */
export function alignTabs(text: string, padding = 2, minWidth = 0): string {
  const lines = text.split('\n').map((line) => line.split('\t'))
  const widthOf = (cell: string): number => [...cell].length
  const out: string[] = lines.map(() => '')
  const widths: number[] = []

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!
      let text = ''
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j]!
        if (j < cells.length - 1) text += cell + ' '.repeat(Math.max(0, (widths[j] ?? 0) - widthOf(cell)))
        else text += cell
      }
      out[i] = text
    }
  }

  // The block recursion of Go's Writer.format: a column block is a run of lines that have a cell in `column`.
  const format = (first: number, last: number): void => {
    const column = widths.length
    let line0 = first
    for (let i = first; i < last; i++) {
      if (column >= lines[i]!.length - 1) continue
      writeLines(line0, i)
      line0 = i
      let width = minWidth
      for (; i < last; i++) {
        const cells = lines[i]!
        if (column >= cells.length - 1) break
        width = Math.max(width, widthOf(cells[column]!) + padding)
      }
      widths.push(width)
      format(line0, i)
      widths.pop()
      line0 = i
      i--
    }
    writeLines(line0, last)
  }

  format(0, lines.length)
  return out.join('\n')
}
