/**
 * The repository stands alone: code, tests, configs and documents cite `docs/` (this repository), never the notes it
 * was designed from, and every `docs/<page>.md#<anchor>` (or `docs/<page>.md, "<Heading>"`) they cite exists, with
 * anchors made from headings the way GitHub makes them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const SELF = relative(ROOT, import.meta.filename)

/** Where citations live: everything under src/ and e2e/, the root's configs and documents, the CI script. */
function scannedFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = join(dir, name)
      if (statSync(join(ROOT, path)).isDirectory()) walk(path)
      else if (/\.(ts|tsx|js|mjs|json|md|css|html|yaml|yml)$/.test(name)) files.push(path)
    }
  }
  walk('src')
  walk('e2e')
  for (const name of readdirSync(ROOT)) {
    if (/\.(ts|js|mjs|cjs|md)$/.test(name) || name === 'package.json') files.push(name)
  }
  files.push(join('.ci', 'run'))
  return files.filter((file) => file !== SELF)
}

/** Places outside this repository that code used to cite. Spelled in pieces so this file does not cite them. */
const OUTSIDE = [
  ['research', '/'],
  ['research', ' §'],
  ['DESIGN', '.md'],
  ['STYLE', '.md'],
  ['..', '/shared'],
  ['/work', '/shared'],
].map((parts) => parts.join(''))

/** GitHub's heading anchor: lower case, punctuation dropped (not `-` or `_`), spaces to `-`; repeats get `-1`, `-2`. */
function slugsOf(markdown: string): Set<string> {
  const slugs = new Set<string>()
  const seen = new Map<string, number>()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (!heading) continue
    const text = heading[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    slugs.add(count === 0 ? base : `${base}-${count}`)
  }
  return slugs
}

/** The headings' own text, lower case, for citations that quote a heading. */
function headingsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6}\s+(.*?)\s*$/gm)].map((m) => m[1]!.toLowerCase()))
}

function readDoc(page: string): string | null {
  try {
    return readFileSync(join(ROOT, 'docs', page), 'utf8')
  } catch {
    return null
  }
}

describe('documents', () => {
  const files = scannedFiles()

  it('finds the files it checks', () => {
    expect(files).toContain(join('src', 'engine', 'CONTEXT.md'))
    expect(files).toContain('eslint.config.js')
  })

  it('cite nothing outside the repository', () => {
    const found: string[] = []
    for (const file of files) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n')
      lines.forEach((line, i) => {
        for (const outside of OUTSIDE) if (line.includes(outside)) found.push(`${file}:${i + 1}: ${outside}`)
      })
    }
    expect(found).toEqual([])
  })

  it('cite docs/ pages and sections that exist', () => {
    const broken: string[] = []
    const citation = /(?<![\w/.-])docs\/([\w.-]+\.md)(?:#([\w-]+)|,? "([^"]+)")?/g
    for (const file of files) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n')
      lines.forEach((line, i) => {
        for (const [text, page, anchor, quoted] of line.matchAll(citation)) {
          const doc = readDoc(page!)
          const where = `${file}:${i + 1}: ${text}`
          if (doc === null) broken.push(`${where} (no such page)`)
          else if (anchor !== undefined && !slugsOf(doc).has(anchor)) broken.push(`${where} (no such section)`)
          else if (quoted !== undefined && !headingsOf(doc).has(quoted.toLowerCase())) broken.push(`${where} (no such heading)`)
        }
      })
    }
    expect(broken).toEqual([])
  })

  it('link between docs/ pages to pages and sections that exist', () => {
    const broken: string[] = []
    for (const page of readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'))) {
      const text = readDoc(page)!
      for (const [link, target, anchor] of text.matchAll(/\]\(([\w.-]*\.md)?(?:#([\w-]+))?\)/g)) {
        const doc = target === undefined ? text : readDoc(target)
        if (doc === null) broken.push(`docs/${page}: ${link} (no such page)`)
        else if (anchor !== undefined && !slugsOf(doc).has(anchor)) broken.push(`docs/${page}: ${link} (no such section)`)
      }
    }
    expect(broken).toEqual([])
  })

  it('make anchors the way GitHub does', () => {
    const slugs = slugsOf('# A page\n## Endpoints and ingress lag\n### preStop and the grace period\n## `use-regex`\n```\n# not a heading\n```\n## Notes\n## Notes\n')
    expect([...slugs]).toEqual(['a-page', 'endpoints-and-ingress-lag', 'prestop-and-the-grace-period', 'use-regex', 'notes', 'notes-1'])
  })
})
