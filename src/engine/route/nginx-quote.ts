/**
 * Writing user strings into nginx.conf so that nginx's tokenizer reads back exactly the value meant, and never
 * a second parameter, directive or block (docs/routing.md#nginx-quoting). The rules are those of nginx's
 * `ngx_conf_read_token` (src/core/ngx_conf_file.c): a bare word ends at whitespace, `;` or `{`, and `"`, `'`,
 * `#`, `}` mean something at its start; inside double quotes only `"` ends the word and `\` makes the next
 * character plain; in every word `\"`, `\'`, `\\` stand for the character and `\t`, `\r`, `\n` for TAB, CR and LF,
 * any other `\x` stays two characters. A value nginx.conf cannot carry safely — a NUL (nginx keeps words as C
 * strings), another control character (no escape exists: it would go raw into the file and onto terminals), or
 * a `$` where nginx would expand a variable that ingress-nginx's value does not mean — is refused with a reason,
 * and the caller leaves that part of the configuration out.
 */

/**
 * How nginx reads the parameter: `literal` (location names, regexes, server_name: no variables), `text` (a value
 * nginx compiles as a script, e.g. `set`, `return`, `proxy_pass`, where the user's `$` would become a variable
 * the value does not mean), `script` (a script whose `$` are meant: rewrite targets with `$1`).
 */
export type NginxValueKind = 'literal' | 'text' | 'script'

export type QuotedValue = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'refused'; readonly reason: string }

/**
 * A bare word: characters that never end or start anything (no quote, brace, `;`, `#`, space), and backslashes
 * nginx keeps as they are (`\w`, `\.` in a regex; not `\n`, `\\`, `\"`).
 */
const BARE_WORD = /^(?:[A-Za-z0-9._~\-/%!*+,:=@&()[\]|^$?<>]|\\[A-Za-mo-qsu-z0-9._~\-/%!*+,:=@&()[\]|^$?<>])+$/

/** C0 controls except TAB, LF and CR (which have escapes), DEL, C1 controls, and the bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSHOWABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u

/**
 * Characters after which a backslash must be doubled: those nginx would decode with it (`\"`, `\'`, `\\`, `\t`,
 * `\r`, `\n`), and TAB, CR, LF, which are themselves written as such escapes.
 */
const ESCAPE_LETTERS = new Set(['"', "'", '\\', 't', 'r', 'n', '\t', '\r', '\n'])

function refusal(value: string, kind: NginxValueKind): string | null {
  if (value.includes('\u0000')) return 'it contains a NUL character, which nginx.conf cannot hold'
  const control = UNSHOWABLE.exec(value)
  if (control) return `it contains the control character U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which nginx.conf has no escape for`
  if (kind === 'text' && value.includes('$')) return "it contains '$', which nginx would read as a variable here"
  return null
}

/** `value` inside double quotes, escaped so that nginx's tokenizer reads back exactly `value`. */
function doubleQuoted(value: string): string {
  let out = '"'
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string
    if (ch === '"') out += '\\"'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    // A backslash stays single where nginx keeps it (`\d` in a regex), doubled where nginx would eat it.
    else if (ch === '\\') out += i === value.length - 1 || ESCAPE_LETTERS.has(value[i + 1] as string) ? '\\\\' : '\\'
    else out += ch
  }
  return out + '"'
}

/** One nginx parameter whose value is exactly `value`: bare when nothing in it is special, else double-quoted. */
export function quoteNginxValue(value: string, kind: NginxValueKind): QuotedValue {
  const reason = refusal(value, kind)
  if (reason !== null) return { kind: 'refused', reason }
  return { kind: 'ok', text: BARE_WORD.test(value) ? value : doubleQuoted(value) }
}

/**
 * Text for after a `#`: a comment ends only at LF, so every control character (and the bidi controls, which
 * would reorder what a reader sees) is written as a visible escape.
 */
export function nginxCommentText(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (ch) => {
    if (ch === '\n') return '\\n'
    if (ch === '\r') return '\\r'
    if (ch === '\t') return '\\t'
    const code = ch.codePointAt(0)!
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`
  })
}
