/**
 * How PCRE numbers a pattern's capture groups, and which have names (docs/routing.md#pcre-constructs): the one place
 * that maps a group name to its number — for nginx's `$name` variables in a rewrite, the rewrite-without-capture lint
 * and `translatePcre`'s named backreferences.
 */
/**
 * The named groups of a PCRE pattern (`(?<name>…)`, `(?P<name>…)`, `(?'name'…)`) and their group numbers: nginx
 * makes each a variable (`$name`) usable in a rewrite's replacement, beside `$1`–`$9`. Groups are numbered by
 * their opening parenthesis, as PCRE numbers them (named groups count too; `(?:`, lookarounds, atomic groups,
 * comments and `(*…)` items do not). The one place that numbers names: `translatePcre` resolves named
 * backreferences through it.
 */
export function pcreCaptureNames(pattern: string): ReadonlyMap<string, number> {
  return scanPcreGroups(pattern).names
}

/** The named groups of `pattern` and how many capture groups it has in all. */
export function scanPcreGroups(pattern: string): { readonly names: ReadonlyMap<string, number>; readonly count: number } {
  const names = new Map<string, number>()
  let group = 0
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '\\') {
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2)
        i = end === -1 ? pattern.length : end + 1
      } else i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      continue
    }
    if (ch === '[') {
      inClass = true
      if (pattern[i + 1] === '^') i++
      if (pattern[i + 1] === ']') i++
      continue
    }
    if (ch !== '(') continue
    if (pattern[i + 1] !== '?') {
      if (pattern[i + 1] !== '*') group++
      continue
    }
    if (pattern[i + 2] === '#') {
      const close = pattern.indexOf(')', i)
      i = close === -1 ? pattern.length : close
      continue
    }
    const named = /^\?(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(pattern.slice(i + 1))
    if (named) {
      group++
      const name = (named[1] ?? named[2]) as string
      if (!names.has(name)) names.set(name, group)
    }
  }
  return { names, count: group }
}
