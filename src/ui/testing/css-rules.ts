/**
 * A small reader of the studio's own stylesheets for tests that hold CSS to the TypeScript it mirrors (sizes,
 * colour variables): style rules with their selector, their enclosing at-rule and their declarations. It knows
 * just enough CSS for these files (comments, one level of @media/@container nesting), not the whole grammar.
 */
import { readFileSync } from 'node:fs'

export interface CssRule {
  readonly selector: string
  /** The enclosing at-rule's prelude (`@media (prefers-color-scheme: dark)`), or null at the top level. */
  readonly at: string | null
  readonly declarations: ReadonlyArray<readonly [property: string, value: string]>
}

/** The style rules of a stylesheet's text, in source order. */
export function parseCssRules(css: string): CssRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const rules: CssRule[] = []
  const at: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '{') {
      const prelude = text.slice(start, i).trim()
      if (prelude.startsWith('@')) {
        at.push(prelude)
        start = i + 1
        continue
      }
      const end = text.indexOf('}', i)
      rules.push({ selector: prelude, at: at.at(-1) ?? null, declarations: parseDeclarations(text.slice(i + 1, end)) })
      i = end
      start = end + 1
    } else if (c === '}') {
      at.pop()
      start = i + 1
    }
  }
  return rules
}

function parseDeclarations(block: string): Array<readonly [string, string]> {
  return block.split(';').flatMap((part) => {
    const colon = part.indexOf(':')
    return colon < 0 ? [] : [[part.slice(0, colon).trim(), part.slice(colon + 1).trim()] as const]
  })
}

/** Reads a stylesheet beside the calling test (`new URL('./x.css', import.meta.url)`) and parses it. */
export function readCssRules(url: URL): CssRule[] {
  return parseCssRules(readFileSync(url, 'utf8'))
}
