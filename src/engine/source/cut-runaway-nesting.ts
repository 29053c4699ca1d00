/**
 * A cheap text scan that finds nesting that has clearly run away, before the `yaml` parser sees it: the parser
 * slows down badly on very deep input (4 MB of `[` takes about half a minute), so the rest of such a document is
 * blanked out (spaces, newlines kept, so offsets stay true) and reported. Moderately deep input is left to the
 * exact CST cut in `cap-depth.ts`. The scan is deliberately rough: it may miss runaway nesting hidden behind odd
 * quoting, never the reverse in real manifests.
 */

export interface RunawayCut {
  /** Where the runaway nesting was detected. */
  readonly at: number
  /** End of the blanked region: the next document marker or the end of the text. */
  readonly end: number
}

// Flow brackets and what hides them: quotes, comments, line ends.
const flowToken = /[[\]{}"'#]/g

function flowRunaway(text: string, limit: number, from: number): number {
  let depth = 0
  flowToken.lastIndex = from
  for (let match = flowToken.exec(text); match !== null; match = flowToken.exec(text)) {
    const at = match.index
    const char = text.charCodeAt(at)
    if (char === 0x5b || char === 0x7b) {
      if (++depth > limit) return at
    } else if (char === 0x5d || char === 0x7d) {
      depth = Math.max(0, depth - 1)
    } else if (char === 0x23) {
      const before = at === 0 ? 0x0a : text.charCodeAt(at - 1)
      if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d) {
        const eol = text.indexOf('\n', at)
        flowToken.lastIndex = eol === -1 ? text.length : eol
      }
    } else {
      flowToken.lastIndex = skipQuoted(text, at)
    }
  }
  return -1
}

/** The offset after the quoted scalar starting at `at` (or after the quote, when it is never closed). */
function skipQuoted(text: string, at: number): number {
  const quote = text[at] as string
  let next = at + 1
  for (;;) {
    const close = text.indexOf(quote, next)
    if (close === -1) return at + 1
    if (quote === "'") {
      if (text[close + 1] === "'") next = close + 2
      else return close + 1
    } else {
      let slashes = 0
      for (let i = close - 1; text[i] === '\\'; i--) slashes++
      if (slashes % 2 === 0) return close + 1
      next = close + 1
    }
  }
}

/** Block nesting needs indentation or compact indicators (`- - -`, `? ? ?`) at the start of a line. */
function blockRunaway(text: string, limit: number, from: number): number {
  const pattern = new RegExp(`^(?:[ \\t]|[-?:][ \\t]){${limit},}`, 'gm')
  pattern.lastIndex = from
  const match = pattern.exec(text)
  if (!match) return -1
  // Cut right after the `limit`-th unit, inside the run: the indicators themselves are the nesting.
  let at = match.index
  for (let units = 0; units < limit; units++) at += text[at] === ' ' || text[at] === '\t' ? 1 : 2
  return at
}

function documentEnd(text: string, from: number): number {
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm
  marker.lastIndex = from
  const match = marker.exec(text)
  return match ? match.index : text.length
}

/** Finds every runaway region (at most one per document) and returns the text with them blanked out. */
export function cutRunawayNesting(text: string, limit: number): { text: string; cuts: RunawayCut[] } {
  const cuts: RunawayCut[] = []
  let from = 0
  let out = text
  for (;;) {
    const flow = flowRunaway(out, limit, from)
    const block = blockRunaway(out, limit, from)
    const at = flow === -1 ? block : block === -1 ? flow : Math.min(flow, block)
    if (at === -1) return { text: out, cuts }
    const end = documentEnd(out, at)
    out = out.slice(0, at) + out.slice(at, end).replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length)) + out.slice(end)
    cuts.push({ at, end })
    from = end
  }
}
