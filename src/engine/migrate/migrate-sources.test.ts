import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { msg } from '../messages/message'
import { formatMessage } from '../messages/render'
import { SEED_MANIFEST } from '../../presets/seed'
import { migrateSources } from './migrate-sources'

function migrate(text: string): string {
  const result = migrateSources([{ name: 'm.yaml', text }])
  expect(result.problems).toEqual([])
  return result.files[0]?.text ?? ''
}

/** Codes of errors and warnings of the migrated text (deprecations and lints aside, nothing should be left). */
function problems(text: string): string[] {
  return analyze([{ name: 'm.yaml', text }], { rules: {} }).diagnostics
    .filter((d) => d.severity === 'error' || d.code.endsWith('api-version') || d.code === 'unknown-field')
    .map((d) => d.code)
}

describe('migrateSources on the seed', () => {
  const out = migrate(SEED_MANIFEST)

  it('converts every old object and leaves nothing the API server would refuse', () => {
    expect(out.match(/^apiVersion: .*$/gm)).toEqual([
      'apiVersion: networking.k8s.io/v1', 'apiVersion: networking.k8s.io/v1', 'apiVersion: v1', 'apiVersion: v1', 'apiVersion: v1',
      'apiVersion: apps/v1', 'apiVersion: apps/v1', 'apiVersion: apps/v1', 'apiVersion: v1', 'apiVersion: networking.k8s.io/v1',
    ])
    expect(problems(out)).toEqual([])
  })

  it('keeps comments and the untouched documents byte for byte', () => {
    for (const comment of SEED_MANIFEST.match(/^#.*$/gm) ?? []) expect(out).toContain(comment)
    const docs = (text: string) => text.split(/^---$/m)
    const before = docs(SEED_MANIFEST)
    const after = docs(out)
    expect(after).toHaveLength(before.length)
    for (const i of [2, 3, 4, 5, 6, 8]) expect(after[i]).toBe(before[i])
  })

  it('writes the v1 backend shape and pathType as ingress-nginx routed it', () => {
    expect(out).toContain('      - path: /foos1\n        backend:\n          service:\n            name: s1\n            port:\n              number: 80\n        pathType: ImplementationSpecific\n')
    expect(out).toContain('      - path: /\n        backend:\n          service:\n            name: s1\n            port:\n              number: 80\n        pathType: Prefix\n')
    expect(out).not.toMatch(/serviceName|servicePort/)
  })

  it('writes the extensions/v1beta1 Deployment defaults that apps/v1 would change', () => {
    expect(out).toContain('  revisionHistoryLimit: 2147483647\n  progressDeadlineSeconds: 2147483647\n')
    expect(out).toContain('  name: websample\n  labels:\n    run: websample\n')
    const model = analyze([{ name: 'm.yaml', text: out }]).model
    const websample = model.deployments.find((d) => d.meta.name === 'websample')
    expect(websample).toMatchObject({ apiVersion: 'apps/v1', progressDeadlineSeconds: null, revisionHistoryLimit: 2147483647, strategy: { maxSurge: '25%', maxUnavailable: '25%' } })
  })

  it('is idempotent', () => {
    const again = migrateSources([{ name: 'm.yaml', text: out }])
    expect(again.files[0]).toMatchObject({ changed: false, text: out })
  })
})

describe('migrateSources on the shapes of both old Ingress versions', () => {
  it('networking.k8s.io/v1beta1: spec.backend, named ports, class annotation, regex and empty paths', () => {
    const text = `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: api # the API
  annotations:
    kubernetes.io/ingress.class: nginx
spec:
  backend:
    serviceName: fallback
    servicePort: http
  rules:
  - host: api.example.com
    http:
      paths:
      - path: /v[0-9]+/users
        backend: {serviceName: users, servicePort: 8080}
      - backend:
          serviceName: web
          servicePort: 80
      - path: /docs
        pathType: Exact
        backend:
          serviceName: docs
          servicePort: 80
`
    const out = migrate(text)
    expect(out).toContain('  name: api # the API\n')
    expect(out).not.toContain('annotations')
    expect(out).toContain('spec:\n  defaultBackend:\n    service:\n      name: fallback\n      port:\n        name: http\n')
    expect(out).toContain('      - path: /v[0-9]+/users\n        backend: { service: { name: users, port: { number: 8080 } } }\n        pathType: ImplementationSpecific\n')
    expect(out).toContain('      - backend:\n          service:\n            name: web\n            port:\n              number: 80\n        pathType: ImplementationSpecific\n')
    expect(out).toContain('      - path: /docs\n        pathType: Exact\n')
    expect(out).toContain('  ingressClassName: nginx\n')
    expect(problems(out)).toEqual([])
  })

  it('extensions/v1beta1: use-regex paths stay ImplementationSpecific; a class that would change controller stays an annotation', () => {
    const text = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: r
  annotations:
    kubernetes.io/ingress.class: internal
    nginx.ingress.kubernetes.io/use-regex: "true"
spec:
  rules:
  - http:
      paths:
      - path: /a
        backend: {serviceName: a, servicePort: 80}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: internal}
spec: {controller: k8s.io/ingress-nginx}
`
    const result = migrateSources([{ name: 'm.yaml', text }])
    const out = result.files[0]?.text ?? ''
    expect(out).toContain('    kubernetes.io/ingress.class: internal\n')
    expect(out).not.toContain('ingressClassName')
    expect(out).toContain('pathType: ImplementationSpecific')
    expect(result.notes.map((n) => n.message)).toContainEqual(expect.stringContaining('kept annotation kubernetes.io/ingress.class'))
  })

  it('says its notes in English and Korean, with the versions, names and counts as written', () => {
    const text = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old
  annotations: {kubernetes.io/ingress.class: internal}
spec:
  rules:
  - http:
      paths:
      - {path: /a, backend: {serviceName: a, servicePort: 80}}
      - {path: /b, backend: {serviceName: b, servicePort: 80}}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: internal}
spec: {controller: example.com/other}
`
    const notes = migrateSources([{ name: 'm.yaml', text }]).notes
    expect(notes.every((note) => note.object === 'Ingress old' && note.message === formatMessage(note.text))).toBe(true)
    expect(notes.map((note) => note.message)).toEqual([
      'apiVersion extensions/v1beta1 → networking.k8s.io/v1',
      '2 backends → service.name / service.port',
      'pathType Prefix written for 2 paths (ingress-nginx routed the old default ImplementationSpecific as Prefix)',
      'annotation kubernetes.io/ingress.class: internal → spec.ingressClassName',
    ])
    expect(notes.map((note) => formatMessage(note.text, 'ko'))).toEqual([
      'apiVersion extensions/v1beta1 → networking.k8s.io/v1',
      '백엔드 2개 → service.name / service.port',
      '경로 2개에 pathType Prefix을(를) 명시했습니다(ingress-nginx는 이전 기본값 ImplementationSpecific을 Prefix로 라우팅했습니다)',
      '어노테이션 kubernetes.io/ingress.class: internal → spec.ingressClassName',
    ])
    const kept = formatMessage(msg('migrate-class-kept-controller', { annotation: 'kubernetes.io/ingress.class', value: 'internal' }), 'ko')
    expect(kept).toBe('어노테이션 kubernetes.io/ingress.class: internal을(를) 유지했습니다: ingressClassName으로 바꾸면 이 Ingress를 처리하는 컨트롤러가 달라집니다')
  })

  it('converts inside a kind: List and leaves current objects and other files alone', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.k8s.io/v1beta1\n  kind: IngressClass\n  metadata: {name: nginx}\n  spec: {controller: k8s.io/ingress-nginx}\n'
    const current = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n'
    const result = migrateSources([{ name: 'a.yaml', text: list }, { name: 'b.yaml', text: current }])
    expect(result.files[0]?.text).toContain('- apiVersion: networking.k8s.io/v1\n  kind: IngressClass\n')
    expect(result.files[1]).toEqual({ name: 'b.yaml', text: current, changed: false })
  })
})

describe('migrateSources on old Deployments', () => {
  const deployment = (version: string, spec = '') => `apiVersion: ${version}
kind: Deployment
metadata:
  name: d
spec:
${spec}  template:
    metadata:
      labels: {app: d}
    spec:
      containers:
      - {name: c, image: nginx}
`
  it('extensions/v1beta1: selector, 1/1 surge and unavailable, unlimited history, no deadline', () => {
    const out = migrate(deployment('extensions/v1beta1'))
    expect(out).toContain('  selector:\n    matchLabels:\n      app: d\n  strategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 1\n  revisionHistoryLimit: 2147483647\n  progressDeadlineSeconds: 2147483647\n')
    expect(out).toContain('metadata:\n  name: d\n  labels:\n    app: d\n')
    expect(problems(out)).toEqual([])
  })

  it('keeps what is written, fills only the missing half of the strategy, removes rollbackTo', () => {
    const out = migrate(deployment('extensions/v1beta1', '  strategy:\n    rollingUpdate:\n      maxSurge: 3\n  progressDeadlineSeconds: 120\n  rollbackTo: {revision: 2}\n'))
    expect(out).toContain('      maxSurge: 3\n      maxUnavailable: 1\n')
    expect(out).toContain('  progressDeadlineSeconds: 120\n')
    expect(out).not.toContain('rollbackTo')
    expect(problems(out)).toEqual([])
  })

  it('apps/v1beta1 keeps its history limit of 2; apps/v1beta2 only changes the apiVersion', () => {
    expect(migrate(deployment('apps/v1beta1'))).toContain('  revisionHistoryLimit: 2\n')
    const beta2 = deployment('apps/v1beta2', '  selector: {matchLabels: {app: d}}\n')
    expect(migrate(beta2)).toBe(beta2.replace('apps/v1beta2', 'apps/v1'))
  })

  it('leaves Recreate Deployments without a rollingUpdate block', () => {
    expect(migrate(deployment('extensions/v1beta1', '  strategy: {type: Recreate}\n'))).not.toContain('maxSurge')
  })
})

describe('migrateSources on a file whose lines end in a lone CR', () => {
  it('writes YAML that reads back with the same line ends, and routes the same', () => {
    const text = ['apiVersion: networking.k8s.io/v1beta1', 'kind: Ingress', 'metadata:', '  name: web', 'spec:', '  rules:',
      '  - host: foo.bar.com', '    http:', '      paths:', '      - path: /', '        backend:', '          serviceName: s1',
      '          servicePort: 80', ''].join('\r')
    const out = migrate(text)
    expect(out).not.toContain('\n')
    expect(out).toContain('apiVersion: networking.k8s.io/v1\r')
    expect(problems(out)).toEqual([])
    expect(analyze([{ name: 'm.yaml', text: out }]).model.ingresses[0]?.rules[0]?.paths[0]?.backend).toMatchObject({ service: 's1', port: { number: 80 } })
  })
})
