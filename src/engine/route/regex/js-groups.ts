/**
 * The capture groups of a JavaScript source `translatePcre` (`../pcre.ts`) wrote, in JavaScript's numbering,
 * and which of them the translation added itself. PCRE's atomic groups and possessive quantifiers become
 * `(?=(?<$aN>X))\k<$aN>` and `(?=(?<$pN>X*))\k<$pN>`: a lookahead is atomic in JavaScript, so the backreference
 * consumes exactly what the group matched the first time and is never re-entered. Those added groups shift
 * JavaScript's numbering; everything that shows captures or parses the source maps them back to PCRE's.
 * `$` cannot occur in a PCRE group name, so the added names never collide with the user's.
 */

/** Name prefix of an added group standing for a PCRE atomic group `(?>…)`. */
export const ATOMIC_PREFIX = '$a'
/** Name prefix of an added group standing for a possessive quantifier (`X*+`, `X++`, `X?+`, `X{n,m}+`) or `\R`. */
export const POSSESSIVE_PREFIX = '$p'

/** For each JavaScript capture group 1…n of `source`, whether the translation added it (index 0 unused). */
export function addedGroups(source: string): readonly boolean[] {
  const added: boolean[] = [false]
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') { i++; continue }
    if (inClass) { if (ch === ']') inClass = false; continue }
    if (ch === '[') { inClass = true; continue }
    if (ch !== '(') continue
    if (source[i + 1] !== '?') added.push(false)
    else if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') added.push(source[i + 3] === '$')
  }
  return added
}

/** The JavaScript group number of each PCRE group (index = PCRE number; index 0 is the whole match). */
export function jsNumbers(added: readonly boolean[]): readonly number[] {
  const numbers = [0]
  for (let js = 1; js < added.length; js++) if (!added[js]) numbers.push(js)
  return numbers
}
