/**
 * Random edits of a manifest as a user makes them (lines deleted, duplicated, moved, YAML punctuation and
 * control characters typed, document markers added and removed, whole documents moved), for the property tests
 * of incremental analysis and of what crosses to the page.
 */
import fc from 'fast-check'

const junk = ['\t', ':', '"', "'", '*a', '&a ', '*', '&', '[', ']', '{', '}', '- ', '---\n', '---', '...', '? ', '|', '>', '#',
  '%', '!!str ', '\r\n', '\r', '\uFEFF', '\u0000', '😀', '\\', ',', '  ', '\n', 'x', '1', 'name: a', 'kind: List\n']

export type Edit =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'type'; at: number; column: number; text: string }
  | { op: 'move-document'; at: number; to: number }

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('type' as const), at: fc.nat(), column: fc.nat({ max: 40 }), text: fc.constantFrom(...junk) }),
  fc.record({ op: fc.constant('move-document' as const), at: fc.nat(), to: fc.nat() }),
)

export function applyEdit(text: string, e: Edit): string {
  if (e.op === 'move-document') {
    const documents = text.split(/^(?=---$)/m)
    const [moved] = documents.splice(e.at % documents.length, 1)
    documents.splice(e.to % (documents.length + 1), 0, moved as string)
    return documents.join('')
  }
  const lines = text.split('\n')
  const at = e.at % lines.length
  if (e.op === 'delete') lines.splice(at, e.count)
  else if (e.op === 'duplicate') lines.splice(at, 0, lines[at] as string)
  else if (e.op === 'move') lines.splice(e.to % lines.length, 0, ...lines.splice(at, 1))
  else {
    const line = lines[at] as string
    const column = Math.min(e.column, line.length)
    lines[at] = line.slice(0, column) + e.text + line.slice(column)
  }
  return lines.join('\n')
}
