/** The nginx.conf renderer: the parts of nginx.tmpl that decide routing, in ingress-nginx's order. */
import { describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { confShape, parseNginxConf } from './nginx-conf-tokens'
import { renderNginxConf } from './render-nginx-conf'
import { ingressYaml, nginx } from '../testing/manifests'
import { clusterModel, ingress, modelOf } from '../testing/models'

const conf = renderNginxConf(compileRoutes(clusterModel(
  ingress('rewrite', { annotations: nginx({ 'rewrite-target': '/$2', 'app-root': '/app1' }), rules: [{ host: 'r.test', paths: [{ path: '/api(/|$)(.*)', type: 'ImplementationSpecific', backend: 'api:80' }] }] }),
  ingress('plain', { tls: [['p.test']], rules: [{ host: 'p.test', paths: [{ path: '/docs', backend: 'docs:http' }, { path: '/x', type: 'Exact', backend: 'x:80' }] }] }),
  ingress('moved', { annotations: nginx({ 'permanent-redirect': 'https://new.test/' }), rules: [{ host: '*.old.test', paths: [{ path: '/', backend: 'old:80' }] }] }),
  ingress('canary', { annotations: nginx({ canary: 'true', 'canary-weight': '25' }), rules: [{ host: 'p.test', paths: [{ path: '/docs', backend: 'docs-next:http' }] }] }),
)))

function block(text: string, start: string): string {
  const from = text.indexOf(start)
  return text.slice(from, text.indexOf('\n    }', from))
}

describe('renderNginxConf', () => {
  test('a complete file: events, http, the catch-all first as default_server, then the hosts in order', () => {
    expect(conf).toMatch(/^# nginx\.conf as ingress-nginx would render it/)
    expect(conf).toContain('events {')
    const order = ['## start server _', '## start server *.old.test', '## start server p.test', '## start server r.test'].map((marker) => conf.indexOf(marker))
    expect(order.every((position, i) => position > 0 && (i === 0 || position > (order[i - 1] as number)))).toBe(true)
    expect(conf).toContain('listen 80 default_server;')
    expect(conf).toContain('server_name ~^(?<subdomain>[\\w-]+)\\.old\\.test$ ;')
  })

  test('plain hosts get = and prefix locations; rewrite hosts get ~* "^path" with the rewrite before proxy_pass', () => {
    expect(conf).toContain('location /docs/ {')
    expect(conf).toContain('location = /docs {')
    expect(conf).toContain('location = /x {')
    const api = block(conf, 'location ~* "^/api(/|$)(.*)"')
    expect(api).toMatch(/rewrite "\(\?i\)\/api\(\/\|\$\)\(\.\*\)" \/\$2 break;\n\s+proxy_pass http:\/\/default-api-80;/)
  })

  test('app-root is a server-level if before its location; redirects return before proxy_pass', () => {
    expect(conf).toMatch(/if \(\$uri = \/\) \{\n\s+return 302 \$scheme:\/\/\$http_host\/app1;\n\s+\}\n\n?\s+location ~\* "\^\/api/)
    expect(block(conf, '## start server *.old.test')).toMatch(/return 301 https:\/\/new\.test\/;\n\s+proxy_pass http:\/\/default-old-80;/)
  })

  test('named upstreams with placeholders; Lua-only behaviour as comments', () => {
    expect(conf).toContain('upstream default-docs-http {')
    expect(conf).toContain('upstream upstream-default-backend {')
    const docs = block(conf, 'location /docs/ {')
    expect(docs).toContain('# ingress-nginx Lua: plain http gets 308 https://$host$request_uri')
    expect(docs).toContain('# ingress-nginx Lua: canary upstream default-docs-next-http (Ingress default/canary) by weight 25/100')
  })

  test('differential options: listen address, upstream servers and the X-Route header', () => {
    const rendered = renderNginxConf(compileRoutes(clusterModel(ingress('w', { rules: [{ host: 'a.test', paths: [{ path: '/', backend: 's:80' }] }] }))), {
      listen: '127.0.0.1:9999', upstreamServer: () => '127.0.0.1:9000', routeHeader: true, mainDirectives: ['pid /tmp/x.pid;'],
    })
    expect(rendered).toContain('listen 127.0.0.1:9999;')
    expect(rendered).toContain('server 127.0.0.1:9000;')
    expect(rendered).toContain('proxy_set_header X-Route "default-s-80|default/w";')
    expect(rendered).toMatch(/\npid \/tmp\/x\.pid;\nworker_processes 1;/)
    expect(rendered).not.toContain('listen 127.0.0.1:8181;')
  })
})

describe('renderNginxConf: user strings are quoted by nginx\'s tokenizer rules (docs/routing.md#nginx-quoting)', () => {
  // Annotation validation off (controllers before v1.12), so hostile annotation values reach the file instead of
  // getting their Ingress rejected (annotation-validation.ts).
  const regexHost = (path: string, annotations: Record<string, string> = {}): string => renderNginxConf(compileRoutes(clusterModel(
    ingress('r', { annotations: nginx({ 'use-regex': 'true', ...annotations }), rules: [{ host: 'r.test', paths: [{ path, type: 'ImplementationSpecific', backend: 'api:80' }] }] }),
  ), { annotationValidation: false }))
  const shapeOf = (text: string): string[] => {
    const parsed = parseNginxConf(text)
    if (parsed.kind === 'error') throw new Error(`line ${parsed.line}: ${parsed.message}`)
    return confShape(parsed.directives)
  }
  const locationArgs = (text: string): string[][] => {
    const parsed = parseNginxConf(text)
    if (parsed.kind === 'error') throw new Error(parsed.message)
    const http = parsed.directives.find((d) => d.name === 'http')!
    return http.block!.filter((d) => d.name === 'server').flatMap((s) => s.block!.filter((d) => d.name === 'location').map((d) => [...d.args]))
  }

  test('the reported injection: a \\" in a regex path stays inside the location regex', () => {
    const attack = regexHost('/a\\" { return 200 injected; } location ~* "^/b')
    expect(shapeOf(attack)).toEqual(shapeOf(regexHost('/a')))
    expect(locationArgs(attack)).toContainEqual(['~*', '^/a" { return 200 injected; } location ~* "^/b'])
    expect(attack).not.toMatch(/^\s*return 200 injected;/m)
  })

  test('a regex path reads back as the value the engine routes by (nginx\'s escapes decoded once)', () => {
    expect(locationArgs(regexHost('/x\\.y\\\\z\\n;#}"'))).toContainEqual(['~*', '^/x\\.y\\z\n;#}"'])
  })

  test('a redirect URL with quotes, braces and a backslash is one quoted parameter', () => {
    const text = regexHost('/a', { 'permanent-redirect': 'https://x.test/";}{#\'\\' })
    expect(text).toContain('return 301 "https://x.test/\\";}{#\'\\\\";')
    expect(shapeOf(text)).toEqual(shapeOf(regexHost('/a', { 'permanent-redirect': 'https://x.test/' })))
  })

  test('a value nginx.conf cannot carry leaves its location out, as one comment line', () => {
    // With validation off a redirect's variables are meant (nginx expands them); one nginx would not know fails nginx -t.
    expect(regexHost('/a', { 'permanent-redirect': 'https://x.test/$host' })).toContain('return 301 https://x.test/$host;')
    // One it would not know fails nginx -t: the webhook denies that Ingress, so nothing of it is in the file.
    const dollar = regexHost('/a', { 'permanent-redirect': 'https://x.test/$nosuchvar' })
    expect(dollar).not.toContain('$nosuchvar')
    expect(dollar).not.toContain('location ~* "^/a"')
    const escape = regexHost('/a\u001b]0;x')
    expect(escape).toContain('left out: the location regex cannot be written safely: it contains the control character U+001B')
    expect(escape).toContain('# location ~* "^/a\\x1b]0;x"')
    expect(escape).not.toContain('\u001b')
  })

  test('a prefix name nginx would read as a modifier, or an upstream name proxy_pass cannot take, is left out', () => {
    const modifier = renderNginxConf(compileRoutes(modelOf(ingressYaml('m', {
      rules: [{ host: 'm.test', paths: [{ path: '@named', type: 'ImplementationSpecific', backend: 'web:80' }, { path: '=x', type: 'ImplementationSpecific', backend: 'web:80' }] }],
    }), { allowErrors: ['invalid-path'] })))
    expect(modifier).toContain('# location @named/ (ImplementationSpecific @named of Ingress default/m) left out: nginx would read the start of the path "@named/" as a location modifier')
    expect(modifier).toContain('left out: nginx would read the start of the path "=x/" as a location modifier')
    // _'s three, the built-in backend's one, m.test's root and the two exact twins (`= "@named"` is fine with
    // its modifier written); the two prefix locations are not in the file.
    expect(shapeOf(modifier).filter((line) => line.trim().startsWith('location/'))).toHaveLength(7)
    const service = renderNginxConf(compileRoutes(modelOf(ingressYaml('p', {
      rules: [{ host: 'p.test', paths: [{ path: '/', backend: 'we$b:80' }] }],
    }), { allowErrors: ['invalid-name', 'invalid-backend', 'invalid-value'] })))
    expect(service).toContain('# upstream default-we$b-80 left out: the upstream name "default-we$b-80" has characters proxy_pass cannot take')
    expect(service).not.toMatch(/^\s*proxy_pass http:\/\/default-we\$b-80;/m)
  })

  test('comments show newlines and control characters as escapes, so a comment never ends early', () => {
    const text = renderNginxConf(compileRoutes(clusterModel(
      ingress('c', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X\nserver_tokens on;' }), rules: [{ host: 'p.test', paths: [{ path: '/docs', backend: 'next:80' }] }] }),
      ingress('p', { rules: [{ host: 'p.test', paths: [{ path: '/docs', backend: 'docs:80' }] }] }),
    ), { annotationValidation: false }))
    expect(text).toContain('by header X\\nserver_tokens on; always/never')
    expect(text).not.toMatch(/^\s*server_tokens/m)
  })
})
