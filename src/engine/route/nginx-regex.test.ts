/**
 * PCRE constructs against the real nginx (docs/routing.md#pcre-constructs): atomic groups, possessive
 * quantifiers and named groups in use-regex locations and in rewrite-target captures, and their effect on PCRE's
 * match limit. Every request's status, backend, upstream URI and Location must equal the engine's answer
 * (`nginx-oracle.ts`). Seed: DIFF_SEED (default 20260401).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { prefixDirectives, testConf } from './nginx-harness'
import { NginxOracle, type OracleRequest } from './nginx-oracle'
import { pcreRefusesPattern, translatePcre } from './pcre'
import { routeRequest } from './route-request'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'
import type { CompiledRoutes } from './types'

const SEED = Number(process.env.DIFF_SEED ?? 20260401)

let oracle: NginxOracle

beforeAll(async () => {
  oracle = await NginxOracle.start()
}, 30_000)

afterAll(async () => {
  await oracle?.stop()
})

const regexPath = (path: string, backend: string) => ({ path, type: 'ImplementationSpecific' as const, backend })

/**
 * Request paths near the patterns: a prefix one pattern starts with, then up to six of the pieces that pattern
 * is about (so both matches and near misses are frequent).
 */
function requestPaths(families: readonly (readonly [string, readonly string[]])[], count: number, seed: number): string[] {
  const path = fc.constantFrom(...families).chain(([prefix, pieces]) => fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((tail) => prefix + tail.join('')))
  return [...new Set(fc.sample(path, { seed, numRuns: count }))]
}

/** Runs `paths` on `host` through the engine and nginx; returns the differences and the engine's statuses. */
async function compare(compiled: CompiledRoutes, host: string, paths: readonly string[], label: string): Promise<{ failures: string[]; statuses: Map<number, number> }> {
  const statuses = new Map<number, number>()
  const requests: OracleRequest[] = paths.map((path) => ({ host, path }))
  const failures = await oracle.check(compiled, requests, label, (result) => statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1))
  return { failures, statuses }
}

describe('PCRE constructs on the real nginx', () => {
  test('use-regex locations with atomic groups, possessive quantifiers and named groups', async () => {
    const compiled = compileRoutes(clusterModel(
      ingress('atomic', {
        annotations: nginx({ 'use-regex': 'true' }),
        rules: [{
          host: 're.test',
          paths: [
            regexPath('/a(?>bc|b)c', 'atomic-alt:80'),
            regexPath('/x++y', 'possessive:80'),
            regexPath('/(?>a+)b', 'atomic-run:80'),
            regexPath('/(?<id>[0-9]+)$', 'named:80'),
            regexPath('/(?P<n>v[0-9]+)/(.*)', 'python-named:80'),
            regexPath("/q(?'w'[a-c]+)-\\k'w'$", 'quote-named:80'),
            regexPath('/r\\d*+7', 'never:80'),
            regexPath('/s(?:ab|a)++c', 'possessive-group:80'),
            regexPath('/t(\\w{1,3}+)-(\\d?+)1', 'bounded:80'),
            regexPath('/u(?>x|xy)*+y$', 'nested:80'),
            regexPath('/m(?s:.)z', 'dotall:80'),
            regexPath('/n.z', 'dot:80'),
            regexPath('/w(?m)a$', 'multiline:80'),
            regexPath('/z\\R\\nq', 'newline-sequence:80'),
            regexPath('/y\\h\\v\\N$', 'space-types:80'),
          ],
        }],
      }),
    ))
    expect(oracle.test(compiled)).toEqual({ ok: true, output: '' })
    const paths = [
      '/abcc', '/abc', '/abbc', '/xy', '/xxxxy', '/x', '/ab', '/aaab', '/b', '/123', '/123a', '/v12/rest', '/v/x', '/qab-ab', '/qab-a',
      '/r1237', '/r7', '/sabac', '/saac', '/sab', '/tabc-1', '/tab-11', '/ta-1', '/uxxy', '/uxyy', '/uy',
      '/m%0Az', '/mxz', '/n%0Az', '/nxz', '/wa', '/wa%0Ab', '/wab',
      '/z%0D%0Aq', '/z%0A%0Aq', '/z%0D%0A%0Aq', '/z%0D%0Dq', '/z%85%0Aq', '/y%A0%85x', '/y%09%0Bx', '/y%20%20x', '/y%A0%85%0A',
      ...requestPaths([
        ['/a', ['b', 'c', 'bc', 'B', 'x']],
        ['/x', ['x', 'X', 'y', 'z']],
        ['/', ['a', 'A', 'b', '1', '9', 'x', '/']],
        ['/v', ['1', '23', '/', 'a', 'x']],
        ['/q', ['a', 'b', 'c', 'ab', '-', 'A', 'x']],
        ['/r', ['1', '7', '77', 'a']],
        ['/s', ['a', 'ab', 'b', 'c', 'C']],
        ['/t', ['a', 'bc', '_', '-', '1', '11', '2']],
        ['/u', ['x', 'xy', 'y', 'Y']],
      ], 900, SEED),
    ]
    const { failures, statuses } = await compare(compiled, 're.test', paths, 'pcre-locations')
    console.info(`pcre-locations: ${paths.length} requests, statuses ${JSON.stringify([...statuses])}, ${failures.length === 0 ? 0 : failures.length - 1} differences`)
    expect(failures).toEqual([])
    // The patterns match: many requests reach a backend (the rest are near misses), and every construct answered some.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(paths.length / 6)
    const answered = new Set(paths.map((path) => routeRequest(compiled, { url: `http://re.test${path}` }).upstream))
    for (const backend of ['atomic-alt', 'possessive', 'atomic-run', 'named', 'python-named', 'quote-named', 'possessive-group', 'bounded', 'nested', 'dotall', 'dot', 'multiline', 'newline-sequence', 'space-types']) {
      expect([...answered].some((upstream) => upstream?.includes(backend)), backend).toBe(true)
    }
    expect([...answered].some((upstream) => upstream?.includes('never'))).toBe(false)
  }, 120_000)

  test('rewrite-target captures: $1 and $2 are PCRE\'s groups around atomic groups, possessive quantifiers, names and inline options', async () => {
    const rewrite = (name: string, target: string, path: string) => ingress(name, {
      annotations: nginx({ 'rewrite-target': target, 'use-regex': 'true' }),
      rules: [{ host: 'rw.test', paths: [regexPath(path, `${name}:80`)] }],
    })
    const compiled = compileRoutes(clusterModel(
      rewrite('r1', '/$2/$1', '/r1/((?>[a-z]+|[a-z0-9]+))(.*)'),
      rewrite('r2', '/$1-$2-$3', '/r2/(x++)(x*)(.*)'),
      rewrite('r3', '/$1/$2', '/r3/(?>(a+))(b.*)'),
      rewrite('r4', '/$2/$1', '/r4/(?<id>[0-9]+)/(.*)'),
      rewrite('r5', '/$2/$1', '/r5/(?P<n>v[0-9]+)/(.*)'),
      rewrite('r6', '/$1/$3', "/r6/(?'a'(?>a|ab))(b?+)(.*)"),
      rewrite('r7', '/$1', '/r7/(?:(\\w)++)(.*)'),
      rewrite('r8', '/$1/$2', '/r8/(?U)(a+)(.*)'),
      rewrite('r9', '/$2/$1', '/r9/(?x) ( [a-z]+ ) - (.*) # a word, a dash, the rest'),
    ))
    expect(oracle.test(compiled)).toEqual({ ok: true, output: '' })
    const paths = [
      '/r1/abc/def', '/r1/abc9/x', '/r2/xxxab', '/r2/y', '/r3/aaab', '/r3/aaa', '/r4/42/rest', '/r5/v2/x/y', '/r6/abbc', '/r6/ac', '/r7/abc/d',
      ...requestPaths([
        ['/r1/', ['a', 'z', '9', '/', '-', 'A']],
        ['/r2/', ['x', 'X', 'a', '/']],
        ['/r3/', ['a', 'A', 'b', 'c', '/']],
        ['/R3/', ['a', 'b']],
        ['/r4/', ['0', '42', '/', 'a', '%41']],
        ['/r5/', ['v', 'V', '1', '/', 'x']],
        ['/r6/', ['a', 'b', 'ab', 'c']],
        ['/r7/', ['a', '_', '9', '/', '-', '%2F']],
        ['/r8/', ['a', 'A', 'b', '/']],
        ['/r9/', ['a', 'z', '-', '/', '%20']],
      ], 900, SEED + 1),
    ]
    const { failures, statuses } = await compare(compiled, 'rw.test', paths, 'pcre-rewrites')
    console.info(`pcre-rewrites: ${paths.length} requests, statuses ${JSON.stringify([...statuses])}, ${failures.length === 0 ? 0 : failures.length - 1} differences`)
    expect(failures).toEqual([])
    expect(statuses.get(200) ?? 0).toBeGreaterThan(paths.length / 3)
    const answered = new Set(paths.map((path) => routeRequest(compiled, { url: `http://rw.test${path}` }).upstream))
    for (const name of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']) expect([...answered].some((upstream) => upstream?.includes(`${name}-`)), name).toBe(true)
  }, 120_000)

  test('an atomic group or possessive quantifier is the cure for catastrophic backtracking: no 500 where (a+)+b gives one', async () => {
    const compiled = compileRoutes(clusterModel(
      ingress('cure', {
        annotations: nginx({ 'use-regex': 'true' }),
        rules: [{
          host: 'limit.test',
          paths: [
            regexPath('/p(a+)+b', 'plain:80'),
            regexPath('/q(?>a+)+b', 'atomic:80'),
            regexPath('/r(a++)+b', 'possessive-inner:80'),
            regexPath('/s(a+)++b', 'possessive-outer:80'),
            regexPath('/t(a|aa)+$', 'alternation:80'),
            regexPath('/u(?>a|aa)+$', 'atomic-alternation:80'),
            regexPath('/v(\\D+|<\\d+>)*[!?]', 'doc-plain:80'),
            regexPath('/w((?>\\D+)|<\\d+>)*[!?]', 'doc-atomic:80'),
          ],
        }],
      }),
    ))
    const as = (count: number): string => 'a'.repeat(count)
    const paths = ['p', 'q', 'r', 's'].flatMap((letter) => [`/${letter}${as(40)}!b`, `/${letter}${as(24)}!b`, `/${letter}${as(5)}b`])
      .concat(['t', 'u'].flatMap((letter) => [`/${letter}${as(40)}!`, `/${letter}${as(8)}`]))
      .concat(['v', 'w'].flatMap((letter) => [`/${letter}${as(60)}`, `/${letter}ab<12>c!`]))
    const { failures, statuses } = await compare(compiled, 'limit.test', paths, 'pcre-limit')
    console.info(`pcre-limit: ${paths.length} requests, statuses ${JSON.stringify([...statuses])}, ${failures.length === 0 ? 0 : failures.length - 1} differences`)
    expect(failures).toEqual([])
    const status = (path: string): number => routeRequest(compiled, { url: `http://limit.test${path}` }).status
    expect(status(`/p${as(40)}!b`)).toBe(500)
    expect(status(`/t${as(40)}!`)).toBe(500)
    expect(status(`/v${as(60)}`)).toBe(500)
    for (const path of [`/q${as(40)}!b`, `/r${as(40)}!b`, `/s${as(40)}!b`, `/u${as(40)}!`, `/w${as(60)}`]) expect(status(path), path).not.toBe(500)
    expect(statuses.get(500)).toBe(4)
  }, 120_000)

  test("the match limit with atomic groups: the engine's thresholds are nginx's, a character either side", async () => {
    // Each pattern's first subject length at which the engine answers 500 (found with the engine, checked here).
    const thresholds: readonly (readonly [string, number, string])[] = [
      ['/k(a+)+(?>b)', 22, '!b'],
      ['/l(a+)+b', 22, '!b'],
      ['/m(?>(a+)+b)', 22, '!b'],
      ['/o(?:(?>a)|a)+$', 21, '!'],
      ['/p(a+)+(?>x|b)', 22, '!b'],
      ['/e(a+)+(?:b|c)*+x', 22, '!x'],
      ['/f(a+)+(b|c)++x', 22, '!x'],
      ['/g(a+)+(?>b|c|d)x', 21, '!x'],
      ['/h(a+)+(?:bc|c)?+x', 21, '!x'],
      ['/i(a+)+(?:b|c)*x', 22, '!x'],
      ['/j(a+)+(?>b*)x', 22, '!x'],
      ['/n(a+)+b*+x', 22, '!x'],
      ['/r(a+)+(?>b|c)*x', 21, '!x'],
      ['/s(a+)+(?>(?:b|c)*)x', 21, '!x'],
      ['/u(a+)+\\Rx', 22, '!x'],
    ]
    const compiled = compileRoutes(clusterModel(
      ingress('limits', {
        annotations: nginx({ 'use-regex': 'true' }),
        rules: [{ host: 'edge.test', paths: [...thresholds.map(([path], i) => regexPath(path, `t${i}:80`)), regexPath('/q(?>a|aa|aaa)+$', 'q:80'), regexPath('/r((?>a+)|a)+$', 'r:80')] }],
      }),
    ))
    const paths = thresholds.flatMap(([path, count, tail]) => [count - 1, count, count + 1].map((n) => `${path.slice(0, 2)}${'a'.repeat(n)}${tail}`))
      .concat([`/q${'a'.repeat(60)}!`, `/r${'a'.repeat(60)}!`])
    const status = (path: string): number => routeRequest(compiled, { url: `http://edge.test${path}` }).status
    for (const [path, count, tail] of thresholds) {
      expect(status(`${path.slice(0, 2)}${'a'.repeat(count - 1)}${tail}`), path).not.toBe(500)
      expect(status(`${path.slice(0, 2)}${'a'.repeat(count)}${tail}`), path).toBe(500)
    }
    const { failures, statuses } = await compare(compiled, 'edge.test', paths, 'pcre-thresholds')
    console.info(`pcre-thresholds: ${paths.length} requests, statuses ${JSON.stringify([...statuses])}, ${failures.length === 0 ? 0 : failures.length - 1} differences`)
    expect(failures).toEqual([])
  }, 120_000)

  test('generated patterns with atomic groups and possessive quantifiers: nginx\'s match and captures ($1–$4) are the engine\'s', async () => {
    const quantifier = fc.constantFrom('*', '+', '?', '{1,2}', '{2}').chain((q) => fc.constantFrom(q, `${q}?`, `${q}+`))
    const { pattern } = fc.letrec<{ pattern: string; item: string; alternatives: string }>((tie) => ({
      pattern: fc.array(tie('item'), { minLength: 1, maxLength: 3 }).map((items) => items.join('')),
      alternatives: fc.array(tie('pattern'), { minLength: 1, maxLength: 3 }).map((alternatives) => alternatives.join('|')),
      item: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('a', 'b', '[ab]', '.'),
        tie('alternatives').map((body) => `(${body})`),
        tie('alternatives').map((body) => `(?:${body})`),
        tie('alternatives').map((body) => `(?>${body})`),
        fc.tuple(fc.oneof(fc.constantFrom('a', 'b', '[ab]', '.'), tie('alternatives').map((body) => `(${body})`), tie('alternatives').map((body) => `(?:${body})`)), quantifier).map(([atom, q]) => atom + q),
      ),
    }))
    const patterns = fc.sample(pattern.filter((text) => /\(\?>|[*+?}]\+/.test(text)), { seed: SEED + 2, numRuns: 40 })
    const compiled = compileRoutes(clusterModel(
      ...patterns.map((text, i) => ingress(`g${i}`, {
        annotations: nginx({ 'rewrite-target': '/c$1/$2/$3/$4', 'use-regex': 'true' }),
        rules: [{ host: 'gen.test', paths: [regexPath(`/g${String(i).padStart(2, '0')}/${text}`, `g${i}:80`)] }],
      })),
    ))
    expect(oracle.test(compiled)).toEqual({ ok: true, output: '' })
    const subjects = fc.sample(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 7 }).map((chars) => chars.join('')), { seed: SEED + 3, numRuns: 15 })
    const paths = patterns.flatMap((_, i) => subjects.map((subject) => `/g${String(i).padStart(2, '0')}/${subject}`))
    const { failures, statuses } = await compare(compiled, 'gen.test', paths, 'pcre-generated')
    console.info(`pcre-generated: ${patterns.length} patterns, ${paths.length} requests, statuses ${JSON.stringify([...statuses])}, ${failures.length === 0 ? 0 : failures.length - 1} differences`)
    expect(failures).toEqual([])
    // Both answers are frequent (a share of matches that depends on the seed), so both are compared.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(paths.length / 10)
    expect(statuses.get(404) ?? 0).toBeGreaterThan(paths.length / 10)
  }, 180_000)

  test('what PCRE refuses to compile (nginx -t fails) is exactly what the translation calls a PCRE error', () => {
    // Refused by PCRE: an unknown escape, an open comment, a code point above 0xff, an unknown POSIX class, a missing
    // group. Run by PCRE but not translatable: recursion, a conditional, a verb. Plain and atomic: accepted.
    const patterns = ['/a\\i', '/(?#open', '/\\x{100}', '/[[:nope:]]', '/\\2(a)', '/a(?R)', '/(a)?(?(1)b|c)', '/a(*PRUNE)b', '/ok(?>a)', '/[a-c]+']
    const verdicts = patterns.map((pattern) => {
      const translated = translatePcre(pattern, true)
      const prefix = oracle.prefix('pcre-compile')
      const conf = [...prefixDirectives(prefix).main, 'events {}', 'http {', `server { listen 127.0.0.1:1; location ~* "^${pattern}" { return 200; } }`, '}'].join('\n')
      return { pattern, refusedByPcre: translated.kind === 'unsupported' && pcreRefusesPattern(translated.reason), nginxTestFails: !testConf(oracle.binary, conf, prefix).ok }
    })
    expect(verdicts.filter((v) => v.refusedByPcre !== v.nginxTestFails)).toEqual([])
    expect(verdicts.filter((v) => v.nginxTestFails).length).toBe(5)
  })
})
