import { describe, expect, it } from 'vitest'
import { applyEdits, diffAsEdit, editsFor } from './apply-fix'
import type { FixOp } from './types'

function apply(text: string, ops: FixOp[], doc = 0, path: (string | number)[] = []): string {
  const { edits, problems } = editsFor(text, doc, path, ops)
  expect(problems).toEqual([])
  return applyEdits(text, edits)
}

const deployment = `# top comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # the name
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27   # pinned
        ports:
        - containerPort: 8080
      terminationGracePeriodSeconds: 30
`

describe('editsFor', () => {
  it('replaces a scalar in place, keeping the comment after it', () => {
    const out = apply(deployment, [{ op: 'set', path: ['spec', 'replicas'], value: 3 }])
    expect(out).toBe(deployment.replace('replicas: 1', 'replicas: 3'))
  })

  it('inserts a missing nested map after the last entry at the map\'s indentation', () => {
    const out = apply(deployment, [{ op: 'set', path: ['spec', 'template', 'spec', 'containers', 0, 'lifecycle', 'preStop', 'sleep', 'seconds'], value: 5 }])
    expect(out).toContain('        - containerPort: 8080\n        lifecycle:\n          preStop:\n            sleep:\n              seconds: 5\n      terminationGracePeriodSeconds: 30')
    expect(out).toContain('image: nginx:1.27   # pinned')
    expect(out.startsWith('# top comment\n')).toBe(true)
  })

  it('merges several sets that create the same map into one block', () => {
    const out = apply(deployment, [
      { op: 'set', path: ['spec', 'strategy', 'type'], value: 'RollingUpdate' },
      { op: 'set', path: ['spec', 'strategy', 'rollingUpdate', 'maxSurge'], value: 1 },
      { op: 'set', path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], value: 0 },
    ])
    expect(out).toContain('      terminationGracePeriodSeconds: 30\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n')
  })

  it('writes lists in the document\'s own style (kubectl: not indented)', () => {
    const out = apply(deployment, [{ op: 'set', path: ['spec', 'template', 'spec', 'containers', 0, 'args'], value: ['-a', '-b'] }])
    expect(out).toContain('        args:\n        - -a\n        - -b\n')
    const indented = 'spec:\n  items:\n    - a\n  other: 1\n'
    expect(apply(indented, [{ op: 'set', path: ['spec', 'list'], value: ['x'] }])).toBe('spec:\n  items:\n    - a\n  other: 1\n  list:\n    - x\n')
  })

  it('quotes strings that would read as other types', () => {
    const out = apply('a: 1\n', [{ op: 'set', path: ['b'], value: 'true' }, { op: 'set', path: ['c'], value: '80' }])
    expect(out).toMatch(/^a: 1\nb: "true"\nc: "80"\n$/)
  })

  it('fills an empty value and replaces a scalar with a block on its own lines', () => {
    expect(apply('spec:\n  lifecycle:\n  x: 1\n', [{ op: 'set', path: ['spec', 'lifecycle', 'preStop', 'sleep', 'seconds'], value: 5 }]))
      .toBe('spec:\n  lifecycle:\n    preStop:\n      sleep:\n        seconds: 5\n  x: 1\n')
    expect(apply('a: {}\nb: 2\n', [{ op: 'set', path: ['a', 'k'], value: 1 }])).toBe('a: { k: 1 }\nb: 2\n')
    expect(apply('a: old # why\n', [{ op: 'set', path: ['a'], value: { k: 1 } }])).toBe('a:\n  k: 1 # why\n')
  })

  it('renames a key and replaces its value in one go', () => {
    const text = 'spec:\n  backend:\n    serviceName: s1\n    servicePort: 80\n  rules: []\n'
    const out = apply(text, [
      { op: 'rename', path: ['spec', 'backend'], to: 'defaultBackend' },
      { op: 'set', path: ['spec', 'backend'], value: { service: { name: 's1', port: { number: 80 } } } },
    ])
    expect(out).toBe('spec:\n  defaultBackend:\n    service:\n      name: s1\n      port:\n        number: 80\n  rules: []\n')
  })

  it('deletes entries on their own lines, after a list dash and in flow maps', () => {
    expect(apply('a: 1\nb: 2 # c\nc: 3\n', [{ op: 'delete', path: ['b'] }])).toBe('a: 1\nc: 3\n')
    expect(apply('a: 1\nb: 2\n', [{ op: 'delete', path: ['b'] }])).toBe('a: 1\n')
    expect(apply('l:\n- x: 1\n  y: 2\n', [{ op: 'delete', path: ['l', 0, 'x'] }])).toBe('l:\n- y: 2\n')
    expect(apply('m: {a: 1, b: 2}\n', [{ op: 'delete', path: ['m', 'a'] }])).toBe('m: { b: 2 }\n')
    expect(apply('l:\n- a\n- b\n- c\n', [{ op: 'delete', path: ['l', 1] }])).toBe('l:\n- a\n- c\n')
  })

  it('edits the named document only and inside a List item', () => {
    const text = 'a: 1\n---\nkind: List\nitems:\n- kind: Service\n  spec:\n    x: 1\n'
    expect(apply(text, [{ op: 'set', path: ['spec', 'x'], value: 2 }], 1, ['items', 0])).toBe(text.replace('x: 1', 'x: 2'))
  })

  it('keeps CRLF line breaks', () => {
    expect(apply('a:\r\n  b: 1\r\n', [{ op: 'set', path: ['a', 'c', 'd'], value: 2 }])).toBe('a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\n')
  })

  it('reports what it cannot do instead of throwing', () => {
    const { problems } = editsFor('a: [1]\n', 0, [], [{ op: 'set', path: ['a', 5, 'x'], value: 1 }])
    expect(problems).toHaveLength(1)
    expect(editsFor('a: 1\n', 3, [], []).problems).toHaveLength(1)
  })
})

describe('diffAsEdit', () => {
  it('trims an edit to the differing middle', () => {
    expect(diffAsEdit('abcdef', 'abXYef')).toEqual([{ start: 2, end: 4, text: 'XY' }])
    expect(diffAsEdit('same', 'same')).toEqual([])
    expect(applyEdits('a\nb\n', diffAsEdit('a\nb\n', 'a\nx\nb\n'))).toBe('a\nx\nb\n')
  })
})
