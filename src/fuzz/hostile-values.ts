/**
 * Careless and hostile scalars: what a tired person pastes and what an attacker crafts. Strings aimed at the
 * places that quote, escape or evaluate user text (nginx.conf, regex paths, rewrite targets, terminal output),
 * numbers at the range checks, and values of the wrong type for any field.
 */
import type { Rng } from './rng'

/** C0 controls, DEL, C1, bidi overrides and isolates, line separators: what must never reach a terminal raw. */
export const CONTROL_SAMPLES = ['\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\r', '\u001b[31m', '\u001b]0;pwned\u0007', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u2069', '\u200f', '\u2028', '\u2029', '\ufeff']

const NGINX_BREAKERS = ['"', '\\', '{', '}', ';', '$', '#', "'", '`', '${host}', '$1', '\\"', '"; return 200 "pwned', '} server { listen 81; ', '$http_host', '\n', '%00', '%2F', '%', '~*', '^~', '=', ' ']

const REGEX_PATHS = ['/foo(/|$)(.*)', '/(.*)', '/[a-z]+', '/api/v[0-9]+/.*', '((a+)+)+$', '/(a|aa)*b', '/(x+x+)+y', '/[', '/(?<name>x)', '/\\d{1,99999}', '/.*.*.*.*.*.*.*.*z', '/(?i)admin', '/\\Q.*\\E', '/{', '/a{2,}', '/)(', '/$', '^/api', '/\\', '/(?=a)', '/\\u0000', '/' + '(a?)'.repeat(30) + 'a'.repeat(30)]

const REWRITE_TARGETS = ['/$1', '/$2$3', '/$0', '$1', '/${1}', '/\\$1', '/$foo', '/"', '/;', '/{', '/\\', '/$', 'https://evil.example/$1', '/$1?x=$2', '/%24', '/$99999999999']

const UNICODE = ['é', 'ß', 'İ', 'ﬀ', '日本語', '😀', '👩‍👩‍👧', 'e\u0301', 'Ａ', '\ud800', '\udfff', 'xn--fiqs8s', 'ａｐｉ', 'ا', '\u00a0', '\u3000', '\u200b']

const YAML_TRAPS = ['null', '~', 'yes', 'no', 'on', 'off', 'true', 'NaN', '.inf', '-.inf', '0x1F', '0o17', '1e3', '080', '1_000', '-', '---', '...', '? x', ': x', '- x', '&a', '*a', '!!binary', '!tag', '|', '>', '@x', '%YAML 1.2', '<<', '"', "'", '#x']

const NAMES = ['foo', 'bar', 'app', 'web', 'api', 'svc', 's1', 'default', 'ingress-nginx', 'kube-system', 'a', 'x-y.z']

const HOSTS = ['foo.bar.com', 'bar.baz.com', 'example.com', '*.example.com', 'a.b', 'localhost', '', '*', 'Foo.COM', 'foo.bar.com.', '1.2.3.4', '[::1]', 'xn--bcher-kva.example', 'bücher.example', '-bad-.com', 'a'.repeat(64) + '.com', 'foo..com', 'foo.bar.com:80', '*.*.com']

/** A name-like string, usually valid. */
export function plainName(rng: Rng): string {
  return rng.rare(0.15) ? hostileString(rng) : rng.pick(NAMES)
}

/** A host, often one the route generator also asks for. */
export function hostName(rng: Rng): string {
  return !rng.rare(0.3) ? rng.pick(HOSTS.slice(0, 4)) : rng.chance(0.8) ? rng.pick(HOSTS) : hostileString(rng)
}

export function regexPath(rng: Rng): string {
  return rng.pick(REGEX_PATHS)
}

export function rewriteTarget(rng: Rng): string {
  return rng.chance(0.7) ? rng.pick(REWRITE_TARGETS) : rng.pick(REWRITE_TARGETS) + rng.pick(NGINX_BREAKERS)
}

/** A path as users write them, or a hostile one. */
export function pathValue(rng: Rng): string {
  return rng.weighted<() => string>([
    [5, () => rng.pick(['/', '/foo', '/foos1', '/api', '/bar/', '/a/b/c', '/foo/bar.baz'])],
    [2, () => (rng.rare(0.5) ? regexPath(rng) : '/' + regexPath(rng).replace(/^\/+/, ''))],
    [2 * rng.hostility, () => '/' + hostileString(rng)],
    [rng.hostility, () => hostileString(rng)],
  ])()
}

/** Numbers at and past every edge. */
export function hostileNumber(rng: Rng): number {
  return rng.pick([0, -1, 1, 2, 3, 80, 443, 8080, 65535, 65536, -65536, 1.5, 0.1, 1e-9, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 + 1, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 100, 1000, 10_000])
}

/**
 * A string from the hostile catalogues, sometimes several glued together or repeated to a long line; in a case of
 * low hostility, often a plain name instead.
 */
export function hostileString(rng: Rng): string {
  if (rng.next() >= rng.hostility) return rng.pick(NAMES)
  const one = (): string =>
    rng.weighted<() => string>([
      [3, () => rng.pick(NGINX_BREAKERS)],
      [2, () => rng.pick(CONTROL_SAMPLES)],
      [2, () => rng.pick(UNICODE)],
      [2, () => rng.pick(YAML_TRAPS)],
      [2, () => rng.pick(REGEX_PATHS)],
      [1, () => rng.pick(REWRITE_TARGETS)],
      [2, () => rng.pick(NAMES)],
      [1, () => String(hostileNumber(rng))],
      [1, () => ''],
    ])()
  let text = one()
  while (rng.chance(0.4)) text += one()
  // Long lines are rare: each costs every stage a pass, and a few of them already find what length breaks.
  if (rng.chance(0.004)) text = text.repeat(rng.int(100, 5_000)).slice(0, 100_000) || 'x'.repeat(100_000)
  return text
}

/** A value of any YAML type, for fields given the wrong one. */
export function wrongTypeValue(rng: Rng, depth = 0): unknown {
  return rng.weighted<() => unknown>([
    [3, () => hostileString(rng)],
    [3, () => hostileNumber(rng)],
    [1, () => rng.chance(0.5)],
    [1, () => null],
    [1, () => (depth > 3 ? [] : Array.from({ length: rng.int(0, 3) }, () => wrongTypeValue(rng, depth + 1)))],
    [1, () => (depth > 3 ? {} : Object.fromEntries(Array.from({ length: rng.int(0, 3) }, () => [hostileString(rng), wrongTypeValue(rng, depth + 1)])))],
  ])()
}
