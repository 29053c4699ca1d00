/**
 * `route --expect 'status=200,service=s1'` and `--expect-file` (one expectation per request line): what a request's
 * answer must say, as `key=value` pairs over the keys of the JSON line `route` prints (`route.name` and the like for
 * the Gateway's route object). A value is compared with the answer's value as JSON prints it, strings without their
 * quotes (`location=null`, `canary=false`, `port=80`).
 */

/** The keys an expectation may name: the answer's scalar fields under both routers. */
export const EXPECT_KEYS = [
  'status', 'service', 'port', 'namespace', 'ingress', 'host', 'rewrittenPath', 'rewrittenHost', 'location', 'canary',
  'upstreamHost', 'route.kind', 'route.name', 'route.namespace', 'route.rule',
] as const

export type Expectation = readonly { readonly key: string; readonly value: string }[]

/** `key=value,key=value` → the expectation, or why not. */
export function parseExpectation(text: string): Expectation | string {
  const pairs: { key: string; value: string }[] = []
  for (const part of text.split(',')) {
    const at = part.indexOf('=')
    const key = part.slice(0, at).trim()
    if (at === -1 || key === '') return `expectation "${text}": each part is key=value`
    if (!(EXPECT_KEYS as readonly string[]).includes(key)) return `expectation "${text}": unknown key "${key}" (keys: ${EXPECT_KEYS.join(', ')})`
    pairs.push({ key, value: part.slice(at + 1).trim() })
  }
  return pairs
}

/** The answer's value at `key` as the expectation writes it. */
function valueAt(answer: Readonly<Record<string, unknown>>, key: string): string {
  let value: unknown = answer
  for (const step of key.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined
  if (value === undefined) return '(absent)'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** What of `expectation` the answer does not meet, one phrase each (`status is 404, expected 200`); empty when it all holds. */
export function unmetExpectations(answer: Readonly<Record<string, unknown>>, expectation: Expectation): string[] {
  return expectation.flatMap(({ key, value }) => {
    const actual = valueAt(answer, key)
    return actual === value ? [] : [`${key} is ${actual}, expected ${value}`]
  })
}
