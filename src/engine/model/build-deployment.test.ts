import { describe, expect, it } from 'vitest'
import { analyzeText } from '../testing/analyze-text'

/**
 * A Deployment; `spec` lines are inserted at two-space indentation under `spec:`. The template (labels
 * app: web, one container) comes last unless `template` is replaced.
 */
function deployment(apiVersion: string, spec: string[] = ['selector: {matchLabels: {app: web}}'], container: string[] = []): string {
  return [
    `apiVersion: ${apiVersion}`, 'kind: Deployment', 'metadata:', '  name: web', 'spec:',
    ...spec.map((line) => `  ${line}`),
    '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:',
    '      - name: web', '        image: nginx:1.27', ...container.map((line) => `        ${line}`), '',
  ].join('\n')
}

describe('Deployment: defaults per API version', () => {
  it.each([
    ['extensions/v1beta1', 1, 1, null, null],
    ['apps/v1beta1', '25%', '25%', 2, 600],
    ['apps/v1beta2', '25%', '25%', 10, 600],
    ['apps/v1', '25%', '25%', 10, 600],
  ])('%s: maxSurge %s, maxUnavailable %s, revisionHistoryLimit %s, progressDeadlineSeconds %s', (apiVersion, surge, unavailable, history, deadline) => {
    const result = analyzeText(deployment(apiVersion))
    const d = result.model.deployments[0]
    expect(d).toMatchObject({
      apiVersion,
      replicas: 1,
      strategy: { type: 'RollingUpdate', maxSurge: surge, maxUnavailable: unavailable },
      revisionHistoryLimit: history,
      progressDeadlineSeconds: deadline,
      minReadySeconds: 0,
      paused: false,
      template: { terminationGracePeriodSeconds: 30 },
    })
    expect(result.problems().filter((code) => code !== 'removed-api-version')).toEqual([])
  })

  it.each(['extensions/v1beta1', 'apps/v1beta1'])('%s: selector and metadata.labels default from the template labels', (apiVersion) => {
    const result = analyzeText(deployment(apiVersion, []))
    expect(result.problems()).toEqual(['removed-api-version'])
    expect(result.model.deployments[0]).toMatchObject({
      selector: { matchLabels: { app: 'web' }, defaulted: true },
      meta: { labels: { app: 'web' } },
    })
  })

  it.each(['apps/v1beta2', 'apps/v1'])('%s: selector is required (reported at spec)', (apiVersion) => {
    const result = analyzeText(deployment(apiVersion, []))
    expect(result.of('required')).toEqual([expect.objectContaining({ text: 'spec', line: 5 })])
  })

  it('keeps written values over defaults', () => {
    const d = analyzeText(deployment('apps/v1', [
      'replicas: 4', 'selector: {matchLabels: {app: web}}', 'minReadySeconds: 5', 'revisionHistoryLimit: 3',
      'progressDeadlineSeconds: 120', 'paused: true', 'strategy: {rollingUpdate: {maxSurge: 2, maxUnavailable: "10%"}}',
    ])).model.deployments[0]
    expect(d).toMatchObject({
      replicas: 4, minReadySeconds: 5, revisionHistoryLimit: 3, progressDeadlineSeconds: 120, paused: true,
      strategy: { type: 'RollingUpdate', maxSurge: 2, maxUnavailable: '10%' },
    })
  })

  it('fills only the missing half of rollingUpdate with the version default', () => {
    const v1 = analyzeText(deployment('apps/v1', ['selector: {matchLabels: {app: web}}', 'strategy: {rollingUpdate: {maxSurge: 0}}']))
    expect(v1.model.deployments[0]?.strategy).toEqual({ type: 'RollingUpdate', maxSurge: 0, maxUnavailable: '25%' })
    const old = analyzeText(deployment('extensions/v1beta1', ['strategy: {rollingUpdate: {maxUnavailable: 0}}']))
    expect(old.model.deployments[0]?.strategy).toEqual({ type: 'RollingUpdate', maxSurge: 1, maxUnavailable: 0 })
  })

  it('defaults container and probe fields', () => {
    const d = analyzeText(deployment('apps/v1', undefined, [
      'ports: [{containerPort: 8080}]', 'readinessProbe: {httpGet: {port: 8080}}', 'livenessProbe: {tcpSocket: {port: 8080}, periodSeconds: 0}',
      'lifecycle: {preStop: {sleep: {seconds: 5}}}',
    ])).model.deployments[0]
    expect(d?.template.containers[0]).toMatchObject({
      name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      readinessProbe: {
        handler: { type: 'httpGet', path: '/', port: 8080, scheme: 'HTTP' },
        initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
      },
      // The API server defaults a zero period (Go's zero value means unset).
      livenessProbe: { handler: { type: 'tcpSocket', port: 8080 }, periodSeconds: 10 },
      preStop: { type: 'sleep', seconds: 5 },
    })
  })

  it.each([
    ['nginx', 'Always'], ['nginx:latest', 'Always'], ['nginx:1.27', 'IfNotPresent'], ['registry:5000/nginx', 'Always'],
    ['registry:5000/nginx:1.2', 'IfNotPresent'], ['nginx@sha256:abc', 'IfNotPresent'],
  ])('image %s defaults imagePullPolicy to %s', (image, policy) => {
    const text = deployment('apps/v1').replace('image: nginx:1.27', `image: "${image}"`)
    expect(analyzeText(text).model.deployments[0]?.template.containers[0]?.imagePullPolicy).toBe(policy)
  })

  it('does not flag container fields the model does not use (args, env, resources)', () => {
    const result = analyzeText(deployment('apps/v1', undefined, [
      'args: ["-listen=:8080"]', 'env: [{name: A, value: "1"}]', 'resources: {limits: {memory: 64Mi}}', 'command: [sh]',
    ]))
    expect(result.problems()).toEqual([])
  })
})

describe('Deployment: validation (code and exact range)', () => {
  const selector = 'selector: {matchLabels: {app: web}}'

  it('rejects maxSurge and maxUnavailable both 0 with the API server message, on maxUnavailable', () => {
    const result = analyzeText(deployment('apps/v1', [selector, 'strategy:', '  rollingUpdate:', '    maxSurge: 0', '    maxUnavailable: "0%"']))
    const [found] = result.of('surge-and-unavailable-zero')
    expect(found).toMatchObject({ severity: 'error', text: '"0%"', line: 10 })
    expect(found?.message).toContain('may not be 0 when `maxSurge` is 0')
  })

  it('applies the both-zero rule after defaulting (extensions/v1beta1 maxSurge 0 + default maxUnavailable 1 is fine)', () => {
    const result = analyzeText(deployment('extensions/v1beta1', ['strategy: {rollingUpdate: {maxSurge: 0}}']))
    expect(result.of('surge-and-unavailable-zero')).toEqual([])
  })

  it.each([
    ['a quoted number without %', 'maxSurge: "5"', '"5"', 'write 5 unquoted'],
    ['a malformed percentage', 'maxSurge: 5.5%', '5.5%', "regex used for validation is '[0-9]+%'"],
    ['a negative int', 'maxUnavailable: -1', '-1', 'greater than or equal to 0'],
    ['maxUnavailable over 100%', 'maxUnavailable: 101%', '101%', 'must not be greater than 100%'],
  ])('rejects %s', (_, line, text, reason) => {
    const result = analyzeText(deployment('apps/v1', [selector, 'strategy:', '  rollingUpdate:', `    ${line}`]))
    const found = result.of('invalid-int-or-percent')
    expect(found).toEqual([expect.objectContaining({ severity: 'error', text, line: 9 })])
    expect(found[0]?.message).toContain(reason)
  })

  it('allows maxSurge above 100%', () => {
    expect(analyzeText(deployment('apps/v1', [selector, 'strategy: {rollingUpdate: {maxSurge: 200%}}'])).problems()).toEqual([])
  })

  it('rejects rollingUpdate with type Recreate, on the rollingUpdate key', () => {
    const result = analyzeText(deployment('apps/v1', [selector, 'strategy:', '  type: Recreate', '  rollingUpdate: {maxSurge: 1}']))
    expect(result.of('strategy-conflict')).toEqual([expect.objectContaining({ text: 'rollingUpdate', line: 9, column: 5 })])
    expect(result.model.deployments[0]?.strategy).toEqual({ type: 'Recreate' })
  })

  it('rejects an unknown strategy type', () => {
    const result = analyzeText(deployment('apps/v1', [selector, 'strategy: {type: BlueGreen}']))
    expect(result.of('invalid-value')).toEqual([expect.objectContaining({ text: 'BlueGreen' })])
  })

  it('rejects a selector that does not match the template labels, on the template labels', () => {
    const result = analyzeText(deployment('apps/v1', ['selector: {matchLabels: {app: other}}']))
    const [found] = result.of('selector-mismatch')
    expect(found).toMatchObject({ severity: 'error', text: '{app: web}', line: 9 })
    expect(found?.message).toContain('`selector` does not match template `labels`')
  })

  it.each([
    ['In with the label value', '[{key: app, operator: In, values: [web, api]}]', []],
    ['NotIn with the label value', '[{key: app, operator: NotIn, values: [web]}]', ['selector-mismatch']],
    ['Exists', '[{key: app, operator: Exists}]', []],
    ['DoesNotExist', '[{key: app, operator: DoesNotExist}]', ['selector-mismatch']],
  ])('matches matchExpressions: %s', (_, expressions, problems) => {
    const result = analyzeText(deployment('apps/v1', [`selector: {matchExpressions: ${expressions}}`]))
    expect(result.problems()).toEqual(problems)
  })

  it.each([
    ['In without values', '[{key: app, operator: In}]', 'required', 'In'],
    ['Exists with values', '[{key: app, operator: Exists, values: [x]}]', 'invalid-value', 'values'],
    ['an unknown operator', '[{key: app, operator: Like, values: [x]}]', 'invalid-value', 'Like'],
  ])('rejects a selector requirement with %s', (_, expressions, code, text) => {
    const result = analyzeText(deployment('apps/v1', [`selector: {matchLabels: {app: web}, matchExpressions: ${expressions}}`]))
    expect(result.of(code as 'required')).toEqual([expect.objectContaining({ text })])
  })

  it('rejects an empty selector', () => {
    const result = analyzeText(deployment('apps/v1', ['selector: {}']))
    expect(result.of('invalid-value')).toEqual([expect.objectContaining({ text: 'selector' })])
  })

  it('requires progressDeadlineSeconds to exceed minReadySeconds (after defaulting)', () => {
    const written = analyzeText(deployment('apps/v1', [selector, 'minReadySeconds: 30', 'progressDeadlineSeconds: 30']))
    expect(written.of('invalid-value')).toEqual([expect.objectContaining({ text: '30', line: 8 })])
    const defaulted = analyzeText(deployment('apps/v1', [selector, 'minReadySeconds: 700']))
    expect(defaulted.of('invalid-value')).toEqual([expect.objectContaining({ text: '700', line: 7 })])
    expect(analyzeText(deployment('extensions/v1beta1', ['minReadySeconds: 700'])).of('invalid-value')).toEqual([])
  })

  it.each([
    ['replicas: -1', '-1'], ['minReadySeconds: -5', '-5'], ['revisionHistoryLimit: -2', '-2'],
  ])('rejects negative %s', (line, text) => {
    expect(analyzeText(deployment('apps/v1', [selector, line])).of('invalid-value')).toEqual([expect.objectContaining({ text })])
  })

  it.each([
    ['replicas: "3"', '"3"'], ['replicas: 1.5', '1.5'], ['paused: "yes"', '"yes"'], ['selector: [app]', '[app]'],
  ])('reports wrong types: %s', (line, text) => {
    expect(analyzeText(deployment('apps/v1', [line])).of('wrong-type')).toEqual([expect.objectContaining({ text })])
  })

  it('requires a template, containers, a container name and image', () => {
    const noTemplate = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n'
    expect(analyzeText(noTemplate).of('required')).toEqual([expect.objectContaining({ text: 'spec', line: 4 })])
    const noContainers = deployment('apps/v1').replace(/ {6}containers:[\s\S]*$/, '      containers: []\n')
    expect(analyzeText(noContainers).of('required')).toEqual([expect.objectContaining({ text: 'containers' })])
    const nameless = deployment('apps/v1').replace('      - name: web\n        image: nginx:1.27', '      - image: nginx:1.27')
    expect(analyzeText(nameless).of('required')).toEqual([expect.objectContaining({ text: 'image', line: 12 })])
    const imageless = deployment('apps/v1').replace('        image: nginx:1.27\n', '')
    expect(analyzeText(imageless).of('required')).toEqual([expect.objectContaining({ text: 'name', line: 12 })])
  })

  it('rejects a bad or duplicate container name and restartPolicy other than Always', () => {
    const text = deployment('apps/v1').replace('      - name: web', '      - name: Web_1\n        image: a\n      - name: Web_1')
      .replace('    spec:\n', '    spec:\n      restartPolicy: Never\n')
    const result = analyzeText(text)
    expect(result.of('invalid-name').map((f) => f.text)).toEqual(['Web_1', 'Web_1', 'Web_1'])
    expect(result.of('invalid-value')).toEqual([expect.objectContaining({ text: 'Never' })])
  })

  it.each([
    ['ports: [{containerPort: 0}]', 'invalid-port', '0'],
    ['ports: [{containerPort: 80, name: HTTP}]', 'invalid-port', 'HTTP'],
    ['ports: [{containerPort: 80, protocol: HTTP}]', 'invalid-value', 'HTTP'],
    ['ports: [{name: http}]', 'required', 'name'],
    ['readinessProbe: {periodSeconds: 5}', 'required', 'readinessProbe'],
    ['readinessProbe: {httpGet: {port: 80}, exec: {command: [x]}}', 'invalid-value', 'exec'],
    ['readinessProbe: {httpGet: {port: 80}, timeoutSeconds: -1}', 'invalid-value', '-1'],
    ['readinessProbe: {httpGet: {port: 80}, terminationGracePeriodSeconds: 5}', 'invalid-value', '5'],
    ['readinessProbe: {httpGet: {port: 80, scheme: FTP}}', 'invalid-value', 'FTP'],
    ['livenessProbe: {tcpSocket: {port: 80}, successThreshold: 2}', 'invalid-value', '2'],
    ['startupProbe: {tcpSocket: {port: 80}, successThreshold: 3}', 'invalid-value', '3'],
    ['livenessProbe: {tcpSocket: {port: 80}, terminationGracePeriodSeconds: 0}', 'invalid-value', '0'],
    ['livenessProbe: {httpGet: {path: /}}', 'required', 'httpGet'],
    ['livenessProbe: {httpGet: {port: 99999}}', 'invalid-port', '99999'],
    ['livenessProbe: {grpc: {port: web}}', 'wrong-type', 'web'],
    ['lifecycle: {preStop: {}}', 'required', 'preStop'],
    ['lifecycle: {preStop: {sleep: {seconds: -1}}}', 'invalid-value', '-1'],
    ['ports: [{containerPort: 80, hostPort: 70000}]', 'invalid-port', '70000'],
    ['ports: [{containerPort: 80, name: web}, {containerPort: 81, name: web}]', 'invalid-port', 'web'],
  ])('container %s → %s on %s', (line, code, text) => {
    const result = analyzeText(deployment('apps/v1', undefined, [line]))
    expect(result.of(code as 'required')).toEqual([expect.objectContaining({ severity: 'error', text })])
  })

  it('rejects a negative grace period and bad selector labels', () => {
    const grace = analyzeText(deployment('apps/v1').replace('    spec:\n', '    spec:\n      terminationGracePeriodSeconds: -3\n'))
    expect(grace.of('invalid-value')).toEqual([expect.objectContaining({ text: '-3', line: 11 })])
    const labels = analyzeText(deployment('apps/v1', ['selector: {matchLabels: {"app/x/y": web}}']))
    expect(labels.of('invalid-label')).toEqual([expect.objectContaining({ text: '"app/x/y"', line: 6 })])
  })

  it('accepts successThreshold above 1 for readiness probes', () => {
    const result = analyzeText(deployment('apps/v1', undefined, ['readinessProbe: {httpGet: {port: 80}, successThreshold: 3}']))
    expect(result.problems()).toEqual([])
    expect(result.model.deployments[0]?.template.containers[0]?.readinessProbe?.successThreshold).toBe(3)
  })

  it('flags unknown container fields as warnings', () => {
    const result = analyzeText(deployment('apps/v1', undefined, ['imagePullPolicyy: Always']))
    expect(result.of('unknown-field')).toEqual([expect.objectContaining({ severity: 'warning', text: 'imagePullPolicyy' })])
  })
})
