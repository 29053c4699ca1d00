/**
 * Reads an nginx.conf back into directives and blocks the way nginx does, to prove that what the renderer wrote
 * has the structure it meant (the injection tests; docs/routing.md#nginx-quoting). Hand-written, not a general
 * parser, because the point is exactness with nginx's own tokenizer: `ngx_conf_read_token` and the block
 * handling of `ngx_conf_parse` in src/core/ngx_conf_file.c, step by step — comments, `\` making the next character
 * plain, `"`/`'` quoting only at the start of a word, a closing quote that must be followed by a space, `;`, `{`
 * or `)`, `${` not ending a bare word, and the escapes nginx decodes in every word.
 */
import { unescapeNginxToken } from './pcre'

export interface ConfDirective {
  readonly name: string
  readonly args: readonly string[]
  /** The directives inside `{ … }`, or null for a directive ended by `;`. */
  readonly block: readonly ConfDirective[] | null
  /** 1-based line of the directive's first word. */
  readonly line: number
}

export type ParsedConf =
  | { readonly kind: 'ok'; readonly directives: readonly ConfDirective[] }
  | { readonly kind: 'error'; readonly message: string; readonly line: number }

type TokenEnd = 'directive' | 'block-start' | 'block-done' | 'file-done'

class ConfError extends Error {
  constructor(message: string, readonly line: number) {
    super(message)
  }
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'

class Tokenizer {
  private pos = 0
  private line = 1

  constructor(private readonly text: string) {}

  /** One call of `ngx_conf_read_token`: the words of the next directive into `args`, and what ended them. */
  read(args: string[]): { end: TokenEnd; line: number } {
    let needSpace = false
    let lastSpace = true
    let sharpComment = false
    let variable = false
    let quoted = false
    let sQuoted = false
    let dQuoted = false
    let start = this.pos
    let startLine = this.line
    for (;;) {
      if (this.pos >= this.text.length) {
        if (args.length > 0 || !lastSpace) throw new ConfError('unexpected end of file, expecting ";" or "}"', this.line)
        return { end: 'file-done', line: startLine }
      }
      const ch = this.text[this.pos++] as string
      if (ch === '\n') {
        this.line++
        sharpComment = false
      }
      if (sharpComment) continue
      if (quoted) {
        quoted = false
        continue
      }
      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true
          needSpace = false
          continue
        }
        if (ch === ';') return { end: 'directive', line: startLine }
        if (ch === '{') return { end: 'block-start', line: startLine }
        if (ch === ')') {
          lastSpace = true
          needSpace = false
        } else {
          throw new ConfError(`unexpected "${ch}"`, this.line)
        }
      }
      if (lastSpace) {
        start = this.pos - 1
        if (args.length === 0) startLine = this.line
        if (isSpace(ch)) continue
        switch (ch) {
          case ';':
          case '{':
            if (args.length === 0) throw new ConfError(`unexpected "${ch}"`, this.line)
            return { end: ch === '{' ? 'block-start' : 'directive', line: startLine }
          case '}':
            if (args.length !== 0) throw new ConfError('unexpected "}"', this.line)
            return { end: 'block-done', line: startLine }
          case '#':
            sharpComment = true
            continue
          case '\\':
            quoted = true
            lastSpace = false
            continue
          case '"':
            start++
            dQuoted = true
            lastSpace = false
            continue
          case "'":
            start++
            sQuoted = true
            lastSpace = false
            continue
          case '$':
            variable = true
            lastSpace = false
            continue
          default:
            lastSpace = false
        }
      } else {
        if (ch === '{' && variable) continue
        variable = false
        if (ch === '\\') {
          quoted = true
          continue
        }
        if (ch === '$') {
          variable = true
          continue
        }
        let found = false
        if (dQuoted) {
          if (ch === '"') {
            dQuoted = false
            needSpace = true
            found = true
          }
        } else if (sQuoted) {
          if (ch === "'") {
            sQuoted = false
            needSpace = true
            found = true
          }
        } else if (isSpace(ch) || ch === ';' || ch === '{') {
          lastSpace = true
          found = true
        }
        if (found) {
          args.push(unescapeNginxToken(this.text.slice(start, this.pos - 1)))
          if (ch === ';') return { end: 'directive', line: startLine }
          if (ch === '{') return { end: 'block-start', line: startLine }
        }
      }
    }
  }
}

function parseBlock(tokenizer: Tokenizer, inside: boolean): ConfDirective[] {
  const directives: ConfDirective[] = []
  for (;;) {
    const args: string[] = []
    const { end, line } = tokenizer.read(args)
    if (end === 'block-done') {
      if (!inside) throw new ConfError('unexpected "}"', line)
      return directives
    }
    if (end === 'file-done') {
      if (inside) throw new ConfError('unexpected end of file, expecting "}"', line)
      return directives
    }
    const [name = '', ...rest] = args
    directives.push({ name, args: rest, block: end === 'block-start' ? parseBlock(tokenizer, true) : null, line })
  }
}

/** The directives of `text` as nginx would read them, or nginx's complaint and its line. */
export function parseNginxConf(text: string): ParsedConf {
  try {
    return { kind: 'ok', directives: parseBlock(new Tokenizer(text), false) }
  } catch (error) {
    if (error instanceof ConfError) return { kind: 'error', message: error.message, line: error.line }
    throw error
  }
}

/**
 * The shape of a configuration: each directive's name and number of parameters, blocks nested, in order —
 * what must not change when user strings change.
 */
export function confShape(directives: readonly ConfDirective[], indent = ''): string[] {
  return directives.flatMap((d) => [
    `${indent}${d.name}/${d.args.length}${d.block ? ' {' : ''}`,
    ...(d.block ? [...confShape(d.block, indent + '  '), `${indent}}`] : []),
  ])
}
