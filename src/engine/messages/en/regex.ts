/** English templates of the routing engine's PCRE constructs (atomic groups, possessive quantifiers, named groups) and their matching. See ../catalog.ts for the syntax. */
export const REGEX_MESSAGES = {
  // Why a PCRE pattern cannot be evaluated here (pcre.ts; a phrase inside other messages, like the pcre-* ones).
  'regex-character-unsupported': 'the pattern contains the character U+FFFF, which the translation reserves',
  'regex-no-such-group': 'the reference {{reference}} names no group of the pattern, so PCRE refuses to compile it',
  'regex-recursion-unsupported': 'recursion and subroutine calls ({{construct}}) cannot be written as a JavaScript regular expression',
  'regex-conditional-unsupported': 'conditional groups (?(…)…) cannot be written as a JavaScript regular expression',
  'regex-verb-unsupported': 'the backtracking control verb or option {{verb}}…) cannot be written as a JavaScript regular expression',
  'regex-branch-reset-unsupported': 'branch reset groups (?|…) are not supported',
  'regex-callout-unsupported': 'callouts (?C…) cannot be written as a JavaScript regular expression',
  'regex-unclosed-comment': 'the comment (?#… is not closed, so PCRE refuses to compile it',
  'regex-case-sensitive-part': 'a part with another case rule than the rest of the pattern (such as (?-i) in a case-insensitive ~* location) cannot be written as a JavaScript regular expression',
  'regex-escape-unknown': '\\{{letter}} is no PCRE escape, so PCRE refuses to compile the pattern',
} as const satisfies Record<string, string>
