/**
 * YAML allows only printable characters in a stream (YAML 1.2 §5.1). A NUL marks a binary file, which is not
 * parsed at all; any other control character is replaced by a space of the same length, so offsets and columns
 * stay true and the rest of the manifest still analyses.
 */

export type ScrubResult =
  | { readonly kind: 'clean'; readonly text: string }
  | { readonly kind: 'scrubbed'; readonly text: string; readonly at: number; readonly code: number; readonly count: number }
  | { readonly kind: 'binary'; readonly at: number }

// C0 controls except tab, LF and CR; DEL; C1 controls except NEL; the two non-characters U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex
const nonPrintable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g

/** Classifies `text` and, when needed, returns a copy with non-printable characters replaced by spaces. */
export function scrubNonPrintable(text: string): ScrubResult {
  nonPrintable.lastIndex = 0
  const first = nonPrintable.exec(text)
  if (first === null) return { kind: 'clean', text }
  const nul = text.indexOf('\u0000')
  if (nul !== -1) return { kind: 'binary', at: nul }
  let count = 0
  const cleaned = text.replace(nonPrintable, () => {
    count++
    return ' '
  })
  return { kind: 'scrubbed', text: cleaned, at: first.index, code: text.charCodeAt(first.index), count }
}
