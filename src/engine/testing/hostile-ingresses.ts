/**
 * Ingress sets whose strings try to break out of the rendered nginx.conf (issue 12): quotes of both kinds, a
 * backslash before a quote or at the end, `;`, `{`, `}`, `#`, newlines, `$`. The nginx differential test runs
 * each one in a real nginx: `nginx -t` must pass, no directive may appear that the renderer did not write, and
 * every request must get the engine's answer. Requests percent-encode what an HTTP client may not send raw.
 */
import type { DifferentialRequest } from './differential-scenarios'
import { ingressYaml, joinDocuments, nginx, type IngressSpec } from './manifests'

export interface HostileCase {
  readonly label: string
  /** The manifest text (the API server may reject some of it; the studio still renders it). */
  readonly yaml: string
  readonly requests: readonly DifferentialRequest[]
}

const regex = (path: string, annotations: Record<string, string> = {}): IngressSpec => ({
  annotations: nginx({ 'use-regex': 'true', ...annotations }),
  rules: [{ host: 'h.test', paths: [{ path, type: 'ImplementationSpecific', backend: 'api:80' }] }],
})
const typed = (path: string, type: 'Prefix' | 'Exact'): IngressSpec => ({
  rules: [{ host: 'h.test', paths: [{ path, type, backend: 'web:80' }, { path: '/ok', type: 'Prefix', backend: 'ok:80' }] }],
})
const one = (label: string, spec: IngressSpec, paths: readonly string[]): HostileCase => ({
  label,
  yaml: ingressYaml('hostile', spec),
  requests: paths.map((path) => ({ host: 'h.test', path })),
})

export const HOSTILE_CASES: readonly HostileCase[] = [
  one('the reported injection: \\" then a block and a second location', regex('/a\\" { return 200 injected; } location ~* "^/b'),
    ['/b', '/a', '/a%22', '/a%22%20%7B%20return%20200%20injected;%20}%20location%20~*%20%22%5E/b', '/ok']),
  one('a bare double quote in a regex path', regex('/q" { return 200 injected; } location ~* "^/c'), ['/c', '/q', '/q%22%20%7B']),
  one('a single quote and a double quote in a Prefix path', typed('/q\'x"y', 'Prefix'), ['/q\'x%22y', '/q\'x%22y/z', '/qx', '/ok']),
  one('a semicolon in a Prefix path', typed('/semi;return 200 injected', 'Prefix'), ['/semi;return%20200%20injected/x', '/semi', '/ok']),
  one('a closing brace in an Exact path', typed('/close}server{', 'Exact'), ['/close%7Dserver%7B', '/close', '/ok']),
  one('an opening brace in a regex path', regex('/open{ return 200 injected; }'), ['/open%7B%20return', '/open']),
  one('a hash in a Prefix path', typed('/hash#comment', 'Prefix'), ['/hash%23comment/', '/hash', '/ok']),
  one('a newline in a regex path', regex('/nl\nreturn 200 injected;'), ['/nl', '/nl%0Areturn%20200%20injected;']),
  one('a carriage return and a tab in an Exact path', typed('/cr\r\tx', 'Exact'), ['/cr%0D%09x', '/cr', '/ok']),
  one('a $ in a regex path (an anchor, not a variable)', regex('/d$|/e'), ['/d', '/e', '/dx']),
  one('a backslash at the end of a Prefix path', typed('/end\\', 'Prefix'), ['/end%5C/', '/end%5C', '/end', '/ok']),
  one('a backslash at the end of a regex path (nginx could not compile it: left out)', regex('/rx\\'), ['/rx', '/rx%5C']),
  one('an escaped backslash before a quote in a regex path', regex('/bs\\\\"x'), ['/bs%5C%22x', '/bs%5Cx', '/bs']),
  one('a redirect URL with quotes, braces, ; # and a backslash', regex('/r', { 'permanent-redirect': 'https://x.test/";}{#\'\\' }), ['/r', '/']),
  {
    label: 'a rule host with quotes, ; { } and a space (server_name)',
    yaml: ingressYaml('hostile', { rules: [{ host: 'h";{x} \'y\'.test', paths: [{ path: '/', type: 'Prefix', backend: 'web:80' }] }] }),
    requests: [{ host: 'h";{x}', path: '/' }, { host: 'h.test', path: '/' }],
  },
  {
    label: 'a canary header with a newline and a directive (only in a comment)',
    yaml: joinDocuments(
      ingressYaml('primary', { rules: [{ host: 'h.test', paths: [{ path: '/c', backend: 'web:80' }] }] }),
      ingressYaml('canary', {
        annotations: nginx({ canary: 'true', 'canary-by-header': 'X\nreturn 200 injected;', 'canary-by-cookie': 'c"}{' }),
        rules: [{ host: 'h.test', paths: [{ path: '/c', backend: 'web-next:80' }] }],
      }),
    ),
    requests: [{ host: 'h.test', path: '/c/' }, { host: 'h.test', path: '/c' }],
  },
]
