/**
 * Line breaks as kubectl reads them: go-yaml, which kubectl and the API server use, breaks lines at CR, LF and
 * CRLF (`is_break` in yaml.v2/v3 `yamlprivateh.go`, docs/input-limits.md#line-ends), while the `yaml` library
 * breaks only at LF (a lone CR stays inside the line, so `a: 1\rb: 2` is one broken line). Lone CRs are turned
 * into LFs before parsing, one character for one, so every offset stays valid.
 */

/** True when `text` has a CR at `at` that is a line break of its own (not the first half of CRLF). */
export function isLoneCr(text: string, at: number): boolean {
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) !== 10
}

/** `text` with each lone CR replaced by LF (same length); the text itself when it has none. */
export function normalizeLoneCr(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r(?!\n)/g, '\n')
}
