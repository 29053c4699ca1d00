/** English templates of the routing engine's PCRE constructs (atomic groups, possessive quantifiers, named groups) and their matching. See ../catalog.ts for the syntax. */
export const REGEX_MESSAGES = {
} as const satisfies Record<string, string>
