/**
 * The Gateway API CRDs' validation as the API server gives it, one row per rule: the OpenAPI schema (required,
 * enums, patterns, lengths, item counts, ranges, list-map keys) and every CEL rule (`x-kubernetes-validations`)
 * of config/crd/standard/gateway.networking.k8s.io_<file>.yaml at v1.6.1, each with a spec that passes and one
 * that fails, the exact error kubectl would print and the text the diagnostic points at. Where the Gateway API's
 * own CEL tests (tests/cel/*_test.go) check the rule, the row names the test. docs/gateway-api.md#model-and-validation.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import type { DiagnosticCode } from '../diagnostics'

const H = 'HTTPRoute', G = 'Gateway', C = 'GatewayClass', RG = 'ReferenceGrant'
const L = 'gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP}]'
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(', ')
const crdFile: Readonly<Record<string, string>> = { [H]: 'httproutes', [G]: 'gateways', [C]: 'gatewayclasses', [RG]: 'referencegrants' }

/** [kind, rule, a spec that passes, a spec that fails] */
const rows: readonly (readonly [string, string, string, string])[] = [
  [C, 'controllerName required', '{controllerName: example.com/gw}', '{description: d}'],
  [C, 'controllerName pattern', '{controllerName: example.com/gw}', '{controllerName: gw}'],
  [C, 'description maxLength 64', `{controllerName: example.com/gw, description: ${'d'.repeat(64)}}`, `{controllerName: example.com/gw, description: ${'d'.repeat(65)}}`],
  [C, 'parametersRef.kind required', '{controllerName: example.com/gw, parametersRef: {group: example.com, kind: Config, name: c}}', '{controllerName: example.com/gw, parametersRef: {group: example.com, name: c}}'],
  [RG, 'from minItems 1', '{from: [{group: "", kind: Service, namespace: a}], to: [{group: "", kind: Service}]}', '{from: [], to: [{group: "", kind: Service}]}'],
  [RG, 'from maxItems 16', `{from: [${many(16, (i) => `{group: "", kind: Service, namespace: n${i}}`)}], to: [{group: "", kind: Service}]}`, `{from: [${many(17, (i) => `{group: "", kind: Service, namespace: n${i}}`)}], to: [{group: "", kind: Service}]}`],
  [RG, 'from[].namespace required', '{from: [{group: "", kind: Service, namespace: a}], to: [{group: "", kind: Service}]}', '{from: [{group: "", kind: Service}], to: [{group: "", kind: Service}]}'],
  [RG, 'to[].group required', '{from: [{group: "", kind: Service, namespace: a}], to: [{group: "", kind: Service}]}', '{from: [{group: "", kind: Service, namespace: a}], to: [{kind: Service}]}'],
  [RG, 'to[].kind pattern', '{from: [{group: "", kind: Service, namespace: a}], to: [{group: "", kind: Service}]}', '{from: [{group: "", kind: Service, namespace: a}], to: [{group: "", kind: "9Service"}]}'],
  [G, 'gatewayClassName required', `{${L}}`, '{listeners: [{name: http, port: 80, protocol: HTTP}]}'],
  [G, 'listeners required', `{${L}}`, '{gatewayClassName: gc}'],
  [G, 'listeners maxItems 64', `{gatewayClassName: gc, listeners: [${many(64, (i) => `{name: l${i}, port: ${i + 1}, protocol: HTTP}`)}]}`, `{gatewayClassName: gc, listeners: [${many(65, (i) => `{name: l${i}, port: ${i + 1}, protocol: HTTP}`)}]}`],
  [G, 'listener name pattern', `{${L}}`, '{gatewayClassName: gc, listeners: [{name: HTTP, port: 80, protocol: HTTP}]}'],
  [G, 'listener port maximum', `{${L}}`, '{gatewayClassName: gc, listeners: [{name: http, port: 65536, protocol: HTTP}]}'],
  [G, 'listener protocol pattern', `{${L}}`, '{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: "HTTP 2"}]}'],
  [G, 'listener hostname pattern', '{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}]}', '{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP, hostname: "a.*.example.com"}]}'],
  [G, 'tls.mode enum', '{gatewayClassName: gc, listeners: [{name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}]}', '{gatewayClassName: gc, listeners: [{name: tls, port: 443, protocol: TLS, tls: {mode: passthrough}}]}'],
  [G, 'allowedRoutes.namespaces.from enum', '{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]}', '{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Any}}}]}'],
  [G, 'allowedRoutes.kinds maxItems 8', `{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {kinds: [${many(8, () => '{kind: HTTPRoute}')}]}}]}`, `{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {kinds: [${many(9, () => '{kind: HTTPRoute}')}]}}]}`],
  [G, 'certificateRefs[].name required', '{gatewayClassName: gc, listeners: [{name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: c}]}}]}', '{gatewayClassName: gc, listeners: [{name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{kind: Secret}]}}]}'],
  [G, 'listeners list-map key name', '{gatewayClassName: gc, listeners: [{name: a, port: 80, protocol: HTTP}, {name: b, port: 81, protocol: HTTP}]}', '{gatewayClassName: gc, listeners: [{name: a, port: 80, protocol: HTTP}, {name: a, port: 81, protocol: HTTP}]}'],
  [G, 'CEL tls forbidden for HTTP', '{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP}]}', '{gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP, tls: {certificateRefs: [{name: c}]}}]}'],
  [G, 'CEL https terminate', '{gatewayClassName: gc, listeners: [{name: https, port: 443, protocol: HTTPS, tls: {mode: Terminate, certificateRefs: [{name: c}]}}]}', '{gatewayClassName: gc, listeners: [{name: https, port: 443, protocol: HTTPS, tls: {mode: Passthrough}}]}'],
  [G, 'CEL tls mode for TLS', '{gatewayClassName: gc, listeners: [{name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}]}', '{gatewayClassName: gc, listeners: [{name: tls, port: 443, protocol: TLS}]}'],
  [G, 'CEL hostname forbidden TCP', '{gatewayClassName: gc, listeners: [{name: tcp, port: 9000, protocol: TCP}]}', '{gatewayClassName: gc, listeners: [{name: tcp, port: 9000, protocol: TCP, hostname: a.example.com}]}'],
  [G, 'CEL name unique', '{gatewayClassName: gc, listeners: [{name: a, port: 80, protocol: HTTP}, {name: b, port: 81, protocol: HTTP}]}', '{gatewayClassName: gc, listeners: [{name: a, port: 80, protocol: HTTP}, {name: a, port: 81, protocol: HTTP}]}'],
  [G, 'CEL combination unique', '{gatewayClassName: gc, listeners: [{name: a, port: 80, protocol: HTTP}, {name: b, port: 80, protocol: HTTP, hostname: b.example.com}]}', '{gatewayClassName: gc, listeners: [{name: a, port: 80, protocol: HTTP}, {name: b, port: 80, protocol: HTTP}]}'],
  [G, 'CEL terminate certificates', '{gatewayClassName: gc, listeners: [{name: https, port: 443, protocol: HTTPS, tls: {options: {example.com/x: y}}}]}', '{gatewayClassName: gc, listeners: [{name: https, port: 443, protocol: HTTPS, tls: {}}]}'],
  [G, 'addresses ipv4 format', `{${L}, addresses: [{value: 1.2.3.4}]}`, `{${L}, addresses: [{value: "1.2.3.4:8080"}]}`],
  [G, 'CEL IPAddress unique', `{${L}, addresses: [{value: 1.2.3.4}, {value: 1.2.3.5}]}`, `{${L}, addresses: [{value: 1.2.3.4}, {type: IPAddress, value: 1.2.3.4}]}`],
  [G, 'CEL Hostname unique', `{${L}, addresses: [{type: Hostname, value: a.example.com}]}`, `{${L}, addresses: [{type: Hostname, value: a.example.com}, {type: Hostname, value: a.example.com}]}`],
  [G, 'CEL address hostname', `{${L}, addresses: [{type: Hostname, value: a.example.com}]}`, `{${L}, addresses: [{type: Hostname, value: A.example.com}]}`],
  [G, 'infrastructure labels maxProperties 8', `{${L}, infrastructure: {labels: {${many(8, (i) => `k${i}: v`)}}}}`, `{${L}, infrastructure: {labels: {${many(9, (i) => `k${i}: v`)}}}}`],
  [G, 'CEL infrastructure label keys', `{${L}, infrastructure: {labels: {example.com/a: b}}}`, `{${L}, infrastructure: {labels: {"-a": b}}}`],
  [G, 'CEL tls perPort unique', `{${L}, tls: {frontend: {default: {validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]}}, perPort: [{port: 443, tls: {}}]}}}`, `{${L}, tls: {frontend: {default: {validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]}}, perPort: [{port: 443, tls: {}}, {port: 443, tls: {}}]}}}`],
  [H, 'hostnames pattern', '{hostnames: [a.example.com]}', '{hostnames: [A.example.com]}'],
  [H, 'hostnames maxItems 16', `{hostnames: [${many(16, (i) => `h${i}.example.com`)}]}`, `{hostnames: [${many(17, (i) => `h${i}.example.com`)}]}`],
  [H, 'parentRefs maxItems 32', `{parentRefs: [${many(32, (i) => `{name: g${i}}`)}]}`, `{parentRefs: [${many(33, (i) => `{name: g${i}}`)}]}`],
  [H, 'parentRefs[].name required', '{parentRefs: [{name: gw}]}', '{parentRefs: [{namespace: infra}]}'],
  [H, 'parentRefs[].port minimum', '{parentRefs: [{name: gw, port: 80}]}', '{parentRefs: [{name: gw, port: 0}]}'],
  [H, 'parentRefs[].sectionName pattern', '{parentRefs: [{name: gw, sectionName: http}]}', '{parentRefs: [{name: gw, sectionName: Http}]}'],
  [H, 'CEL sectionName required', '{parentRefs: [{name: gw, sectionName: a}, {name: gw, sectionName: b}]}', '{parentRefs: [{name: gw}, {name: gw, sectionName: b}]}'],
  [H, 'CEL sectionName unique', '{parentRefs: [{name: gw}, {name: gw, namespace: other}]}', '{parentRefs: [{name: gw}, {name: gw}]}'],
  [H, 'rules minItems 1', '{rules: [{}]}', '{rules: []}'],
  [H, 'rules maxItems 16', `{rules: [${many(16, () => '{}')}]}`, `{rules: [${many(17, () => '{}')}]}`],
  [H, 'matches maxItems 64', `{rules: [{matches: [${many(64, () => '{}')}]}]}`, `{rules: [{matches: [${many(65, () => '{}')}]}]}`],
  [H, 'CEL total matches 128', `{rules: [{matches: [${many(64, () => '{}')}]}, {matches: [${many(64, () => '{}')}]}]}`, `{rules: [{matches: [${many(64, () => '{}')}]}, {matches: [${many(64, () => '{}')}]}, {}]}`],
  [H, 'rule name pattern', '{rules: [{name: r1}]}', '{rules: [{name: R1}]}'],
  [H, 'path type enum', '{rules: [{matches: [{path: {type: Exact, value: /a}}]}]}', '{rules: [{matches: [{path: {type: Prefix, value: /a}}]}]}'],
  [H, 'path value maxLength 1024', `{rules: [{matches: [{path: {value: /${'a'.repeat(1023)}}}]}]}`, `{rules: [{matches: [{path: {value: /${'a'.repeat(1024)}}}]}]}`],
  [H, 'CEL path absolute', '{rules: [{matches: [{path: {value: /a}}]}]}', '{rules: [{matches: [{path: {value: a}}]}]}'],
  [H, "CEL path no //", '{rules: [{matches: [{path: {value: /a/b}}]}]}', '{rules: [{matches: [{path: {value: /a//b}}]}]}'],
  [H, 'CEL path no /./', '{rules: [{matches: [{path: {type: Exact, value: /a/b}}]}]}', '{rules: [{matches: [{path: {type: Exact, value: /a/./b}}]}]}'],
  [H, 'CEL path no /../', '{rules: [{matches: [{path: {value: /a/b}}]}]}', '{rules: [{matches: [{path: {value: /a/../b}}]}]}'],
  [H, 'CEL path no %2f', '{rules: [{matches: [{path: {value: /a%20b}}]}]}', '{rules: [{matches: [{path: {value: /a%2fb}}]}]}'],
  [H, 'CEL path no %2F', '{rules: [{matches: [{path: {value: /a%20b}}]}]}', '{rules: [{matches: [{path: {value: /a%2Fb}}]}]}'],
  [H, 'CEL path no #', '{rules: [{matches: [{path: {value: /a}}]}]}', '{rules: [{matches: [{path: {value: "/a#b"}}]}]}'],
  [H, 'CEL path not ending /..', '{rules: [{matches: [{path: {value: /a/..b}}]}]}', '{rules: [{matches: [{path: {value: /a/..}}]}]}'],
  [H, 'CEL path not ending /.', '{rules: [{matches: [{path: {value: /a/.b}}]}]}', '{rules: [{matches: [{path: {value: /a/.}}]}]}'],
  [H, 'CEL path characters', '{rules: [{matches: [{path: {value: "/a(b)"}}]}]}', '{rules: [{matches: [{path: {value: "/a[b]"}}]}]}'],
  [H, 'CEL path: RegularExpression exempt', '{rules: [{matches: [{path: {type: RegularExpression, value: "/a[b]"}}]}]}', '{rules: [{matches: [{path: {type: Exact, value: "/a[b]"}}]}]}'],
  [H, 'headers name pattern', '{rules: [{matches: [{headers: [{name: X-A, value: b}]}]}]}', '{rules: [{matches: [{headers: [{name: "X A", value: b}]}]}]}'],
  [H, 'headers value required', '{rules: [{matches: [{headers: [{name: X-A, value: b}]}]}]}', '{rules: [{matches: [{headers: [{name: X-A}]}]}]}'],
  [H, 'headers list-map key name', '{rules: [{matches: [{headers: [{name: X-A, value: b}, {name: X-B, value: b}]}]}]}', '{rules: [{matches: [{headers: [{name: X-A, value: b}, {name: X-A, value: c}]}]}]}'],
  [H, 'headers maxItems 16', `{rules: [{matches: [{headers: [${many(16, (i) => `{name: h${i}, value: v}`)}]}]}]}`, `{rules: [{matches: [{headers: [${many(17, (i) => `{name: h${i}, value: v}`)}]}]}]}`],
  [H, 'headers type enum', '{rules: [{matches: [{headers: [{name: X-A, value: b, type: RegularExpression}]}]}]}', '{rules: [{matches: [{headers: [{name: X-A, value: b, type: Prefix}]}]}]}'],
  [H, 'queryParams value maxLength 1024', `{rules: [{matches: [{queryParams: [{name: q, value: ${'v'.repeat(1024)}}]}]}]}`, `{rules: [{matches: [{queryParams: [{name: q, value: ${'v'.repeat(1025)}}]}]}]}`],
  [H, 'method enum', '{rules: [{matches: [{method: GET}]}]}', '{rules: [{matches: [{method: get}]}]}'],
  [H, 'backendRefs maxItems 16', `{rules: [{backendRefs: [${many(16, (i) => `{name: s${i}, port: 80}`)}]}]}`, `{rules: [{backendRefs: [${many(17, (i) => `{name: s${i}, port: 80}`)}]}]}`],
  [H, 'backendRefs[].weight maximum', '{rules: [{backendRefs: [{name: s, port: 80, weight: 1000000}]}]}', '{rules: [{backendRefs: [{name: s, port: 80, weight: 1000001}]}]}'],
  [H, 'backendRefs[].weight minimum', '{rules: [{backendRefs: [{name: s, port: 80, weight: 0}]}]}', '{rules: [{backendRefs: [{name: s, port: 80, weight: -1}]}]}'],
  [H, 'CEL Service port', '{rules: [{backendRefs: [{name: s, kind: Other, group: example.com}]}]}', '{rules: [{backendRefs: [{name: s}]}]}'],
  [H, 'filters maxItems 16', `{rules: [{filters: [${many(16, (i) => `{type: ExtensionRef, extensionRef: {group: g, kind: K, name: n${i}}}`)}]}]}`, `{rules: [{filters: [${many(17, (i) => `{type: ExtensionRef, extensionRef: {group: g, kind: K, name: n${i}}}`)}]}]}`],
  [H, 'filter type enum', '{rules: [{filters: [{type: ExtensionRef, extensionRef: {group: g, kind: K, name: n}}]}]}', '{rules: [{filters: [{type: Rewrite}]}]}'],
  [H, 'CEL redirect with backends', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]}]}', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}], backendRefs: [{name: s, port: 80}]}]}'],
  [H, 'CEL redirect prefix one match', '{rules: [{matches: [{path: {value: /a}}], filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]}', '{rules: [{matches: [{path: {value: /a}}, {path: {value: /c}}], filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]}'],
  [H, 'CEL rewrite prefix one match', '{rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]}', '{rules: [{matches: [{path: {type: Exact, value: /a}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]}'],
  [H, 'CEL backend rewrite prefix one match', '{rules: [{matches: [{path: {value: /a}}], backendRefs: [{name: s, port: 80, filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]}]}', '{rules: [{matches: [{path: {type: Exact, value: /a}}], backendRefs: [{name: s, port: 80, filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]}]}'],
  [H, 'CEL backend redirect prefix one match', '{rules: [{backendRefs: [{name: s, port: 80, filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]}]}', '{rules: [{matches: [], backendRefs: [{name: s, port: 80, filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]}]}]}'],
  [H, 'CEL redirect and rewrite', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]}]}', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}, {type: URLRewrite, urlRewrite: {hostname: a.example.com}}]}]}'],
  [H, 'CEL filter not repeated', '{rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: b}]}}], backendRefs: [{name: s, port: 80}]}]}', '{rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: b}]}}, {type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: a, value: b}]}}], backendRefs: [{name: s, port: 80}]}]}'],
  [H, 'CEL filter field nil', '{rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [a]}}]}]}', '{rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [a]}, urlRewrite: {hostname: a.example.com}}]}]}'],
  [H, 'CEL filter field required', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}]}]}', '{rules: [{filters: [{type: RequestMirror}]}]}'],
  [H, 'header modifier set list-map key', '{rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: b}, {name: c, value: d}]}}]}]}', '{rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: b}, {name: a, value: d}]}}]}]}'],
  [H, 'header modifier remove set', '{rules: [{filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {remove: [a, b]}}]}]}', '{rules: [{filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {remove: [a, a]}}]}]}'],
  [H, 'header modifier add value minLength', '{rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: a, value: b}]}}]}]}', '{rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: a, value: ""}]}}]}]}'],
  [H, 'redirect statusCode enum', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {statusCode: 308}}]}]}', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {statusCode: 304}}]}]}'],
  [H, 'redirect scheme enum', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: http}}]}]}', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: HTTPS}}]}]}'],
  [H, 'redirect hostname PreciseHostname', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {hostname: a.example.com}}]}]}', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {hostname: "*.example.com"}}]}]}'],
  [H, 'CEL path modifier value required', '{rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /x}}}]}]}', '{rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath}}}]}]}'],
  [H, 'CEL path modifier type', '{rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /x}}}]}]}', '{rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /x, replacePrefixMatch: /y}}}]}]}'],
  [H, 'mirror percent maximum', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, percent: 100}}]}]}', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, percent: 101}}]}]}'],
  [H, 'CEL mirror percent or fraction', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, fraction: {numerator: 1}}}]}]}', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, percent: 5, fraction: {numerator: 1}}}]}]}'],
  [H, 'CEL fraction', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, fraction: {numerator: 100}}}]}]}', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, fraction: {numerator: 101}}}]}]}'],
  [H, 'CEL mirror Service port', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}]}]}', '{rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m}}}]}]}'],
  [H, 'timeouts pattern', '{rules: [{timeouts: {request: 1h30m}}]}', '{rules: [{timeouts: {request: 0.5s}}]}'],
  [H, 'CEL timeouts', '{rules: [{timeouts: {request: 10s, backendRequest: 10s}}]}', '{rules: [{timeouts: {request: 10s, backendRequest: 11s}}]}'],
  [H, 'CEL CORS origins wildcard', '{rules: [{filters: [{type: CORS, cors: {allowOrigins: ["*"]}}]}]}', '{rules: [{filters: [{type: CORS, cors: {allowOrigins: ["*", "https://a.example.com"]}}]}]}'],
  [H, 'CORS origins pattern', '{rules: [{filters: [{type: CORS, cors: {allowOrigins: ["https://a.example.com"]}}]}]}', '{rules: [{filters: [{type: CORS, cors: {allowOrigins: ["https://a.example.com/cart"]}}]}]}'],
  [H, 'CEL CORS methods wildcard', '{rules: [{filters: [{type: CORS, cors: {allowMethods: [GET, POST]}}]}]}', '{rules: [{filters: [{type: CORS, cors: {allowMethods: ["*", GET]}}]}]}'],
  [H, 'blocking: CEL not checked', '{rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]}]}', '{rules: [{matches: [{method: get}], filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}], backendRefs: [{name: s, port: 80}]}]}'],
]

/** Per rule: where it comes from, and the errors of the failing spec: [code, the text it points at (first 60 characters), message]. */
const expected: Readonly<Record<string, { source: string; errors: readonly (readonly [DiagnosticCode, string, string])[] }>> = {
  'controllerName required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'spec', 'spec.controllerName: Required value'],
    ],
  },
  'controllerName pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'gw', 'spec.controllerName: Invalid value: "gw": spec.controllerName in body should match \'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&\'()*+,;=:]+$\''],
    ],
  },
  'description maxLength 64': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 'spec.description: Too long: may not be more than 64 bytes'],
    ],
  },
  'parametersRef.kind required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'parametersRef', 'spec.parametersRef.kind: Required value'],
    ],
  },
  'from minItems 1': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '[]', 'spec.from: Invalid value: 0: spec.from in body should have at least 1 items'],
    ],
  },
  'from maxItems 16': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'from', 'spec.from: Too many: 17: must have at most 16 items'],
    ],
  },
  'from[].namespace required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'group', 'spec.from[0].namespace: Required value'],
    ],
  },
  'to[].group required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'kind', 'spec.to[0].group: Required value'],
    ],
  },
  'to[].kind pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '"9Service"', 'spec.to[0].kind: Invalid value: "9Service": spec.to[0].kind in body should match \'^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$\''],
    ],
  },
  'gatewayClassName required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'spec', 'spec.gatewayClassName: Required value'],
    ],
  },
  'listeners required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'spec', 'spec.listeners: Required value'],
    ],
  },
  'listeners maxItems 64': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'listeners', 'spec.listeners: Too many: 65: must have at most 64 items'],
    ],
  },
  'listener name pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'HTTP', 'spec.listeners[0].name: Invalid value: "HTTP": spec.listeners[0].name in body should match \'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\''],
    ],
  },
  'listener port maximum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-port', '65536', 'spec.listeners[0].port: Invalid value: 65536: spec.listeners[0].port in body should be less than or equal to 65535'],
    ],
  },
  'listener protocol pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '"HTTP 2"', 'spec.listeners[0].protocol: Invalid value: "HTTP 2": spec.listeners[0].protocol in body should match \'^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9]+$\''],
    ],
  },
  'listener hostname pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-host', '"a.*.example.com"', 'spec.listeners[0].hostname: Invalid value: "a.*.example.com": spec.listeners[0].hostname in body should match \'^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\''],
    ],
  },
  'tls.mode enum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'passthrough', 'spec.listeners[0].tls.mode: Unsupported value: "passthrough": supported values: "Terminate", "Passthrough"'],
    ],
  },
  'allowedRoutes.namespaces.from enum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'Any', 'spec.listeners[0].allowedRoutes.namespaces.from: Unsupported value: "Any": supported values: "All", "Selector", "Same"'],
    ],
  },
  'allowedRoutes.kinds maxItems 8': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'kinds', 'spec.listeners[0].allowedRoutes.kinds: Too many: 9: must have at most 8 items'],
    ],
  },
  'certificateRefs[].name required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'kind', 'spec.listeners[0].tls.certificateRefs[0].name: Required value'],
    ],
  },
  'listeners list-map key name': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'name', 'spec.listeners: Invalid value: "array": Listener name must be unique within the Gateway'],
      ['invalid-value', 'a', 'spec.listeners[1]: Duplicate value: map[string]interface {}{"name":"a"}'],
    ],
  },
  'CEL tls forbidden for HTTP': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "tls config present with http protocol"',
    errors: [
      ['invalid-value', 'tls', 'spec.listeners: Invalid value: "array": tls must not be specified for protocols [\'HTTP\', \'TCP\', \'UDP\']'],
    ],
  },
  'CEL https terminate': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "https protocol with Passthrough tls mode"',
    errors: [
      ['invalid-value', 'tls', 'spec.listeners: Invalid value: "array": tls mode must be Terminate for protocol HTTPS'],
    ],
  },
  'CEL tls mode for TLS': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "tls config not set with tls protocol"',
    errors: [
      ['invalid-value', 'protocol', 'spec.listeners: Invalid value: "array": tls mode must be set for protocol TLS'],
    ],
  },
  'CEL hostname forbidden TCP': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "hostname present with tcp protocol"',
    errors: [
      ['invalid-value', 'hostname', 'spec.listeners: Invalid value: "array": hostname must not be specified for protocols [\'TCP\', \'UDP\']'],
    ],
  },
  'CEL name unique': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "names are not unique within the Gateway"',
    errors: [
      ['invalid-value', 'name', 'spec.listeners: Invalid value: "array": Listener name must be unique within the Gateway'],
      ['invalid-value', 'a', 'spec.listeners[1]: Duplicate value: map[string]interface {}{"name":"a"}'],
    ],
  },
  'CEL combination unique': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "combination of port and protocol are not unique for each listener when hostnames not set"',
    errors: [
      ['invalid-value', '{name: b, port: 80, protocol: HTTP}', 'spec.listeners: Invalid value: "array": Combination of port, protocol and hostname must be unique for each listener'],
    ],
  },
  'CEL terminate certificates': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "certificateRefs not set with HTTPS protocol and TLS terminate mode"',
    errors: [
      ['invalid-value', 'tls', 'spec.listeners[0].tls: Invalid value: "object": certificateRefs or options must be specified when mode is Terminate'],
    ],
  },
  'addresses ipv4 format': {
    source: 'OpenAPI schema; tests/cel TestValidateGateway "ip address and hostname in addresses are invalid"',
    errors: [
      ['invalid-value', '"1.2.3.4:8080"', 'spec.addresses[0].value: Invalid value: "1.2.3.4:8080": spec.addresses[0].value in body must be of type ipv4'],
    ],
  },
  'CEL IPAddress unique': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "duplicate ip address or hostname"',
    errors: [
      ['invalid-value', '{type: IPAddress, value: 1.2.3.4}', 'spec.addresses: Invalid value: "array": IPAddress values must be unique'],
    ],
  },
  'CEL Hostname unique': {
    source: 'x-kubernetes-validations; tests/cel TestValidateGateway "duplicate ip address or hostname"',
    errors: [
      ['invalid-value', '{type: Hostname, value: a.example.com}', 'spec.addresses: Invalid value: "array": Hostname values must be unique'],
    ],
  },
  'CEL address hostname': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-host', 'A.example.com', 'spec.addresses[0]: Invalid value: "object": Hostname value must be empty or contain only valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)'],
    ],
  },
  'infrastructure labels maxProperties 8': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'labels', 'spec.infrastructure.labels: Too many: 9: must have at most 8 items'],
    ],
  },
  'CEL infrastructure label keys': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-value', '"-a"', 'spec.infrastructure.labels: Invalid value: "object": Label keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.'],
    ],
  },
  'CEL tls perPort unique': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-value', '443', 'spec.tls.frontend.perPort[1]: Duplicate value: map[string]interface {}{"port":443}'],
      ['invalid-value', '443', 'spec.tls.frontend.perPort: Invalid value: "array": Port for TLS configuration must be unique within the Gateway'],
    ],
  },
  'hostnames pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-host', 'A.example.com', 'spec.hostnames[0]: Invalid value: "A.example.com": spec.hostnames[0] in body should match \'^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\''],
    ],
  },
  'hostnames maxItems 16': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'hostnames', 'spec.hostnames: Too many: 17: must have at most 16 items'],
    ],
  },
  'parentRefs maxItems 32': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'parentRefs', 'spec.parentRefs: Too many: 33: must have at most 32 items'],
    ],
  },
  'parentRefs[].name required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'namespace', 'spec.parentRefs[0].name: Required value'],
    ],
  },
  'parentRefs[].port minimum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-port', '0', 'spec.parentRefs[0].port: Invalid value: 0: spec.parentRefs[0].port in body should be greater than or equal to 1'],
    ],
  },
  'parentRefs[].sectionName pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'Http', 'spec.parentRefs[0].sectionName: Invalid value: "Http": spec.parentRefs[0].sectionName in body should match \'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\''],
    ],
  },
  'CEL sectionName required': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteParentRefStandard "invalid because duplicate parent refs with only one section name"',
    errors: [
      ['invalid-value', '{name: gw}', 'spec.parentRefs: Invalid value: "array": sectionName must be specified when parentRefs includes 2 or more references to the same parent'],
    ],
  },
  'CEL sectionName unique': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteParentRefStandard "invalid because duplicate parent refs without section name"',
    errors: [
      ['invalid-value', '{name: gw}', 'spec.parentRefs: Invalid value: "array": sectionName must be unique when parentRefs includes 2 or more references to the same parent'],
    ],
  },
  'rules minItems 1': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '[]', 'spec.rules: Invalid value: 0: spec.rules in body should have at least 1 items'],
    ],
  },
  'rules maxItems 16': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'rules', 'spec.rules: Too many: 17: must have at most 16 items'],
    ],
  },
  'matches maxItems 64': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'matches', 'spec.rules[0].matches: Too many: 65: must have at most 64 items'],
    ],
  },
  'CEL total matches 128': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteRule',
    errors: [
      ['invalid-value', 'rules', 'spec.rules: Invalid value: "array": While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128'],
    ],
  },
  'rule name pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'R1', 'spec.rules[0].name: Invalid value: "R1": spec.rules[0].name in body should match \'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\''],
    ],
  },
  'path type enum': {
    source: 'OpenAPI schema; tests/cel TestHTTPPathMatch "invalid type"',
    errors: [
      ['invalid-value', 'Prefix', 'spec.rules[0].matches[0].path.type: Unsupported value: "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression"'],
    ],
  },
  'path value maxLength 1024': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-path', '/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'spec.rules[0].matches[0].path.value: Too long: may not be more than 1024 bytes'],
    ],
  },
  'CEL path absolute': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPPathMatch "invalid because path does not start with \'/\'"',
    errors: [
      ['invalid-path', 'a', 'spec.rules[0].matches[0].path: Invalid value: "object": value must be an absolute path and start with \'/\' when type one of [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path no //': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-path', '/a//b', 'spec.rules[0].matches[0].path: Invalid value: "object": must not contain \'//\' when type one of [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path no /./': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPPathMatch "invalid exact (/./)"',
    errors: [
      ['invalid-path', '/a/./b', 'spec.rules[0].matches[0].path: Invalid value: "object": must not contain \'/./\' when type one of [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path no /../': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-path', '/a/../b', 'spec.rules[0].matches[0].path: Invalid value: "object": must not contain \'/../\' when type one of [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path no %2f': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-path', '/a%2fb', 'spec.rules[0].matches[0].path: Invalid value: "object": must not contain \'%2f\' when type one of [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path no %2F': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-path', '/a%2Fb', 'spec.rules[0].matches[0].path: Invalid value: "object": must not contain \'%2F\' when type one of [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path no #': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-path', '"/a#b"', 'spec.rules[0].matches[0].path: Invalid value: "object": must not contain \'#\' when type one of [\'Exact\', \'PathPrefix\']'],
      ['invalid-path', '"/a#b"', 'spec.rules[0].matches[0].path: Invalid value: "object": must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&\'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path not ending /..': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-path', '/a/..', 'spec.rules[0].matches[0].path: Invalid value: "object": must not end with \'/..\' when type one of [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path not ending /.': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPPathMatch "invalid httpRoute prefix (/.)"',
    errors: [
      ['invalid-path', '/a/.', 'spec.rules[0].matches[0].path: Invalid value: "object": must not end with \'/.\' when type one of [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path characters': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPPathMatch "invalid prefix path (/[])"',
    errors: [
      ['invalid-path', '"/a[b]"', 'spec.rules[0].matches[0].path: Invalid value: "object": must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&\'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'CEL path: RegularExpression exempt': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPPathMatch "valid because type is RegularExpression but would not be valid for Exact"',
    errors: [
      ['invalid-path', '"/a[b]"', 'spec.rules[0].matches[0].path: Invalid value: "object": must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&\'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types [\'Exact\', \'PathPrefix\']'],
    ],
  },
  'headers name pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '"X A"', 'spec.rules[0].matches[0].headers[0].name: Invalid value: "X A": spec.rules[0].matches[0].headers[0].name in body should match \'^[A-Za-z0-9!#$%&\'*+\\-.^_\\x60|~]+$\''],
    ],
  },
  'headers value required': {
    source: 'OpenAPI schema',
    errors: [
      ['required', 'name', 'spec.rules[0].matches[0].headers[0].value: Required value'],
    ],
  },
  'headers list-map key name': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'X-A', 'spec.rules[0].matches[0].headers[1]: Duplicate value: map[string]interface {}{"name":"X-A"}'],
    ],
  },
  'headers maxItems 16': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'headers', 'spec.rules[0].matches[0].headers: Too many: 17: must have at most 16 items'],
    ],
  },
  'headers type enum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'Prefix', 'spec.rules[0].matches[0].headers[0].type: Unsupported value: "Prefix": supported values: "Exact", "RegularExpression"'],
    ],
  },
  'queryParams value maxLength 1024': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv', 'spec.rules[0].matches[0].queryParams[0].value: Too long: may not be more than 1024 bytes'],
    ],
  },
  'method enum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'get', 'spec.rules[0].matches[0].method: Unsupported value: "get": supported values: "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"'],
    ],
  },
  'backendRefs maxItems 16': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'backendRefs', 'spec.rules[0].backendRefs: Too many: 17: must have at most 16 items'],
    ],
  },
  'backendRefs[].weight maximum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '1000001', 'spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000'],
    ],
  },
  'backendRefs[].weight minimum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '-1', 'spec.rules[0].backendRefs[0].weight: Invalid value: -1: spec.rules[0].backendRefs[0].weight in body should be greater than or equal to 0'],
    ],
  },
  'CEL Service port': {
    source: 'x-kubernetes-validations; tests/cel TestBackendObjectReference',
    errors: [
      ['invalid-backend', '{name: s}', 'spec.rules[0].backendRefs[0]: Invalid value: "object": Must have port for Service reference'],
    ],
  },
  'filters maxItems 16': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'filters', 'spec.rules[0].filters: Too many: 17: must have at most 16 items'],
    ],
  },
  'filter type enum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'Rewrite', 'spec.rules[0].filters[0].type: Unsupported value: "Rewrite": supported values: "RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "RequestRedirect", "URLRewrite", "ExtensionRef", "CORS"'],
    ],
  },
  'CEL redirect with backends': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteRule',
    errors: [
      ['invalid-value', 'requestRedirect', 'spec.rules[0]: Invalid value: "object": RequestRedirect filter must not be used together with backendRefs'],
    ],
  },
  'CEL redirect prefix one match': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteRule',
    errors: [
      ['invalid-value', 'matches', 'spec.rules[0]: Invalid value: "object": When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'],
    ],
  },
  'CEL rewrite prefix one match': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteRule',
    errors: [
      ['invalid-value', 'matches', 'spec.rules[0]: Invalid value: "object": When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'],
    ],
  },
  'CEL backend rewrite prefix one match': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteRule',
    errors: [
      ['invalid-value', 'matches', 'spec.rules[0]: Invalid value: "object": Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'],
    ],
  },
  'CEL backend redirect prefix one match': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteRule',
    errors: [
      ['invalid-value', 'matches', 'spec.rules[0]: Invalid value: "object": Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'],
    ],
  },
  'CEL redirect and rewrite': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteRule',
    errors: [
      ['invalid-value', 'filters', 'spec.rules[0].filters: Invalid value: "array": May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both'],
    ],
  },
  'CEL filter not repeated': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteRule',
    errors: [
      ['invalid-value', 'RequestHeaderModifier', 'spec.rules[0].filters: Invalid value: "array": RequestHeaderModifier filter cannot be repeated'],
    ],
  },
  'CEL filter field nil': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteFilter',
    errors: [
      ['invalid-value', 'urlRewrite', 'spec.rules[0].filters[0]: Invalid value: "object": filter.urlRewrite must be nil if the filter.type is not URLRewrite'],
    ],
  },
  'CEL filter field required': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteFilter',
    errors: [
      ['invalid-value', 'RequestMirror', 'spec.rules[0].filters[0]: Invalid value: "object": filter.requestMirror must be specified for RequestMirror filter.type'],
    ],
  },
  'header modifier set list-map key': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'a', 'spec.rules[0].filters[0].requestHeaderModifier.set[1]: Duplicate value: map[string]interface {}{"name":"a"}'],
    ],
  },
  'header modifier remove set': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'a', 'spec.rules[0].filters[0].responseHeaderModifier.remove[1]: Duplicate value: "a"'],
    ],
  },
  'header modifier add value minLength': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '""', 'spec.rules[0].filters[0].requestHeaderModifier.add[0].value: Invalid value: "": spec.rules[0].filters[0].requestHeaderModifier.add[0].value in body should be at least 1 chars long'],
    ],
  },
  'redirect statusCode enum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '304', 'spec.rules[0].filters[0].requestRedirect.statusCode: Unsupported value: 304: supported values: "301", "302", "303", "307", "308"'],
    ],
  },
  'redirect scheme enum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', 'HTTPS', 'spec.rules[0].filters[0].requestRedirect.scheme: Unsupported value: "HTTPS": supported values: "http", "https"'],
    ],
  },
  'redirect hostname PreciseHostname': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-host', '"*.example.com"', 'spec.rules[0].filters[0].requestRedirect.hostname: Invalid value: "*.example.com": spec.rules[0].filters[0].requestRedirect.hostname in body should match \'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\''],
    ],
  },
  'CEL path modifier value required': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPPathModifier',
    errors: [
      ['invalid-value', 'ReplaceFullPath', 'spec.rules[0].filters[0].urlRewrite.path: Invalid value: "object": replaceFullPath must be specified when type is set to \'ReplaceFullPath\''],
    ],
  },
  'CEL path modifier type': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPPathModifier',
    errors: [
      ['invalid-value', 'replacePrefixMatch', 'spec.rules[0].filters[0].urlRewrite.path: Invalid value: "object": type must be \'ReplacePrefixMatch\' when replacePrefixMatch is set'],
    ],
  },
  'mirror percent maximum': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '101', 'spec.rules[0].filters[0].requestMirror.percent: Invalid value: 101: spec.rules[0].filters[0].requestMirror.percent in body should be less than or equal to 100'],
    ],
  },
  'CEL mirror percent or fraction': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteFilter',
    errors: [
      ['invalid-value', 'fraction', 'spec.rules[0].filters[0].requestMirror: Invalid value: "object": Only one of percent or fraction may be specified in HTTPRequestMirrorFilter'],
    ],
  },
  'CEL fraction': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-value', '101', 'spec.rules[0].filters[0].requestMirror.fraction: Invalid value: "object": numerator must be less than or equal to denominator'],
    ],
  },
  'CEL mirror Service port': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-backend', '{name: m}', 'spec.rules[0].filters[0].requestMirror.backendRef: Invalid value: "object": Must have port for Service reference'],
    ],
  },
  'timeouts pattern': {
    source: 'OpenAPI schema',
    errors: [
      ['invalid-value', '0.5s', 'spec.rules[0].timeouts.request: Invalid value: "0.5s": spec.rules[0].timeouts.request in body should match \'^([0-9]{1,5}(h|m|s|ms)){1,4}$\''],
    ],
  },
  'CEL timeouts': {
    source: 'x-kubernetes-validations',
    errors: [
      ['invalid-value', '11s', 'spec.rules[0].timeouts: Invalid value: "object": backendRequest timeout cannot be longer than request timeout'],
    ],
  },
  'CEL CORS origins wildcard': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteCORS',
    errors: [
      ['invalid-value', 'allowOrigins', 'spec.rules[0].filters[0].cors.allowOrigins: Invalid value: "array": AllowOrigins cannot contain \'*\' alongside other origins'],
    ],
  },
  'CORS origins pattern': {
    source: 'OpenAPI schema; tests/cel TestHTTPRouteCORS',
    errors: [
      ['invalid-value', '"https://a.example.com/cart"', 'spec.rules[0].filters[0].cors.allowOrigins[0]: Invalid value: "https://a.example.com/cart": spec.rules[0].filters[0].cors.allowOrigins[0] in body should match \'(^\\*$)|(^(http(s)?):\\/\\/(((\\*\\.)?([a-zA-Z0-9\\-]+\\.)*[a-zA-Z0-9-]+|\\*)(:([0-9]{1,5}))?)$)\''],
    ],
  },
  'CEL CORS methods wildcard': {
    source: 'x-kubernetes-validations; tests/cel TestHTTPRouteCORS',
    errors: [
      ['invalid-value', 'allowMethods', 'spec.rules[0].filters[0].cors.allowMethods: Invalid value: "array": AllowMethods cannot contain \'*\' alongside other methods'],
    ],
  },
  'blocking: CEL not checked': {
    source: 'no CEL after a blocking schema error (apiextensions-apiserver)',
    errors: [
      ['invalid-value', 'get', 'spec.rules[0].matches[0].method: Unsupported value: "get": supported values: "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"'],
    ],
  },
}

const errorsOf = (kind: string, spec: string) => {
  const text = `apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: {name: x, namespace: ns}\nspec: ${spec}\n`
  return analyze([{ name: 't.yaml', text }], { checks: false }).diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => [d.code, text.slice(d.span.start, d.span.end).slice(0, 60), d.message] as const)
}

describe('Gateway API validation: one row per CRD rule', () => {
  it('names every row once, each with its source', () => {
    expect(new Set(rows.map(([, rule]) => rule)).size).toBe(rows.length)
    expect(Object.keys(expected).sort()).toEqual(rows.map(([, rule]) => rule).sort())
  })

  it.each(rows)('%s: %s', (kind, rule, pass, fail) => {
    const { source, errors } = expected[rule]!
    expect(source, `config/crd/standard/gateway.networking.k8s.io_${crdFile[kind]}.yaml`).not.toBe('')
    expect(errorsOf(kind, pass)).toEqual([])
    expect(errorsOf(kind, fail)).toEqual(errors)
  })

  it('says that the CEL rules were not checked when a schema error blocks them, as the API server does', () => {
    const text = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: x}\nspec: {rules: [{matches: [{method: get}], filters: [{type: RequestRedirect, requestRedirect: {}}], backendRefs: [{name: s, port: 80}]}]}\n'
    const infos = analyze([{ name: 't.yaml', text }], { checks: false }).diagnostics.filter((d) => d.severity === 'info')
    expect(infos.map((d) => d.message)).toEqual(['some validation rules were not checked because the object was invalid; correct the existing errors to complete validation'])
  })
})

describe('Gateway API input never throws', () => {
  const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -2, max: 70000 }), fc.boolean(), fc.constant(null),
    fc.constantFrom('HTTP', 'HTTPS', 'TLS', 'TCP', 'Exact', 'PathPrefix', 'RegularExpression', 'RequestRedirect', 'URLRewrite',
      'RequestMirror', 'RequestHeaderModifier', 'ResponseHeaderModifier', 'ExtensionRef', 'CORS', 'ReplacePrefixMatch',
      'ReplaceFullPath', 'Service', '/', '/a', '*.example.com', '10s', 'Terminate', 'Passthrough', 'Same', 'All', 'Selector'))
  const keys = fc.constantFrom('name', 'port', 'protocol', 'hostname', 'tls', 'mode', 'certificateRefs', 'allowedRoutes', 'namespaces',
    'from', 'selector', 'kinds', 'kind', 'group', 'namespace', 'sectionName', 'parentRefs', 'hostnames', 'rules', 'matches', 'path',
    'type', 'value', 'headers', 'queryParams', 'method', 'filters', 'backendRefs', 'weight', 'requestRedirect', 'urlRewrite',
    'requestMirror', 'backendRef', 'percent', 'fraction', 'numerator', 'requestHeaderModifier', 'set', 'add', 'remove', 'timeouts',
    'request', 'backendRequest', 'replacePrefixMatch', 'replaceFullPath', 'statusCode', 'scheme', 'listeners', 'addresses',
    'gatewayClassName', 'controllerName', 'to', 'cors', 'allowOrigins', 'extensionRef', 'infrastructure', 'labels', 'options')
  const value: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof({ maxDepth: 5, depthIdentifier: 'gw' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 4 })),
  })).node

  it('models any spec of the four kinds without throwing, with every diagnostic inside the text', () => {
    fc.assert(fc.property(fc.constantFrom(H, G, C, RG), fc.constantFrom('v1', 'v1beta1'), value, (kind, version, spec) => {
      const text = `apiVersion: gateway.networking.k8s.io/${version}\nkind: ${kind}\nmetadata: {name: x}\nspec: ${JSON.stringify(spec)}\n`
      const result = analyze([{ name: 't.yaml', text }], { checks: false })
      for (const d of result.diagnostics) expect(d.span.end).toBeLessThanOrEqual(text.length)
    }), { numRuns: 400 })
  })

  it('reads v1beta1 exactly as v1 (the CRDs give both versions one schema): the same model and the same findings', () => {
    fc.assert(fc.property(fc.constantFrom(H, G, C, RG), value, (kind, spec) => {
      const run = (version: string) => {
        const text = `apiVersion: gateway.networking.k8s.io/${version}\nkind: ${kind}\nmetadata: {name: x}\nspec: ${JSON.stringify(spec)}\n`
        const { model, diagnostics } = analyze([{ name: 't.yaml', text }], { checks: false })
        const objects = [...model.gatewayClasses, ...model.gateways, ...model.httpRoutes, ...model.referenceGrants]
        return { objects: objects.map(({ apiVersion: _apiVersion, source: _source, ...rest }) => rest), messages: diagnostics.map((d) => d.message) }
      }
      expect(run('v1beta1')).toEqual(run('v1'))
    }), { numRuns: 200 })
  })
})
